// The stylesheets' origin-clean flag and rule access: part of the origin checker's policy
// (moved here from Embedding/Stylesheets.swift).
import Foundation
import URLStandard


/// The two decisions about stylesheets, in one place: whether a fetched sheet applies (and is
/// origin-clean), and whether a script may read or change a sheet's rules. Policy beside the
/// origin checker (each answer is a `Verdict`); Embedding/Stylesheets.swift only asks.
struct StylesheetRules {
    static let originCleanSpec = "https://drafts.csswg.org/cssom/#concept-css-style-sheet-origin-clean-flag"
    static let linkSpec = "https://html.spec.whatwg.org/multipage/links.html#link-type-stylesheet"

    var profile: Profile

    /// When a stylesheet's fetch ends: whether it applies to the document, and its origin-clean
    /// flag (set when the response is CORS-same-origin: a basic or CORS-approved response).
    /// Chromium keeps an empty sheet after a failed load; it is origin-clean only when the
    /// response was. Firefox's empty sheet after a failure is origin-clean.
    func loaded(document: Origin, outcome o: StylesheetFetchOutcome) -> (verdict: Verdict, originClean: Bool) {
        let doc = document.serialized, sheet = o.url.origin.serialized, url = o.url.href
        let clean: Bool
        switch o.tainting {
        case .basic, .cors: clean = true
        case .opaque: clean = false
        }
        switch o.status {
        case .ok:
            let why: String
            switch o.tainting {
            case .basic:
                why = "\(url) is same origin with \(doc) (a basic response): the sheet applies, and its rules are readable (origin-clean)"
            case .cors:
                why = "\(url) was fetched with CORS and \(sheet) allowed \(doc) (Access-Control-Allow-Origin): the sheet applies, and its rules are readable (origin-clean)"
            case .opaque:
                why = "\(url) was fetched no-cors from \(sheet) (an opaque response): the sheet applies to \(doc)'s document, but it is not origin-clean, so \(doc)'s scripts cannot read or change its rules"
            }
            return (Verdict(decision: .allowed, rule: "stylesheet origin-clean flag", explanation: why,
                            spec: Self.originCleanSpec, accessorOrigin: doc, targetOrigin: sheet), clean)
        case .corsFailure, .httpError, .mimeRejected, .blocked:
            let why = "\(url) does not apply: \(o.reason ?? "the load failed"); the link gets \(event(for: o) == "load" ? "a load" : "an error") event"
            let rule: String
            switch o.status {
            case .corsFailure: rule = "CORS check"
            case .mimeRejected: rule = "strict MIME type check"
            case .blocked: rule = "mixed content"
            default: rule = "stylesheet load"
            }
            let failedClean = profile.browser == .firefox ? true : (o.status == .corsFailure || o.status == .blocked ? false : clean)
            return (Verdict(decision: .blocked, rule: rule, explanation: why, spec: Self.linkSpec,
                            accessorOrigin: doc, targetOrigin: sheet), failedClean)
        }
    }

    /// The event a stylesheet link gets when its fetch ends. A sheet refused for its MIME type
    /// is not applied; Chromium still fires `load` (only a failed fetch sets the resource's
    /// error flag: StyleSheetContents::NotifyLoadedSheet), Firefox fires `error` as the HTML
    /// Standard says. Not yet recorded in the browser-truth cases.
    func event(for o: StylesheetFetchOutcome) -> String {
        switch o.status {
        case .ok: return "load"
        case .mimeRejected: return profile.browser == .chromium ? "load" : "error"
        default: return "error"
        }
    }

    /// A script reads `cssRules`/`rules` or calls `insertRule`/`deleteRule`/`addRule`/`removeRule`
    /// (https://drafts.csswg.org/cssom/#dom-cssstylesheet-cssrules : "If the origin-clean flag is
    /// unset, throw a SecurityError").
    func ruleAccess(document: Origin, sheetURL: String, originClean: Bool, member: String) -> Verdict {
        let doc = document.serialized
        let sheetOrigin = URLRecord.parse(sheetURL)?.origin.serialized ?? doc
        let what = member == "cssRules" || member == "rules" ? "read the rules of" : "call \(member) on"
        let name = sheetURL.isEmpty ? "an inline or constructed style sheet" : sheetURL
        if originClean {
            return Verdict(decision: .allowed, rule: "stylesheet origin-clean flag",
                           explanation: "\(doc) may \(what) \(name): the sheet is origin-clean",
                           spec: Self.originCleanSpec, accessorOrigin: doc, targetOrigin: sheetOrigin)
        }
        return Verdict(decision: .blocked, rule: "stylesheet origin-clean flag",
                       explanation: "\(doc) may not \(what) \(name): it came from \(sheetOrigin) without CORS, so it applies but is not origin-clean",
                       spec: Self.originCleanSpec, accessorOrigin: doc, targetOrigin: sheetOrigin,
                       errorName: "SecurityError", message: message(member))
    }

    /// The SecurityError's message, as each browser words it.
    func message(_ member: String) -> String {
        switch profile.browser {
        case .chromium:
            switch member {
            case "cssRules", "rules": return "Failed to read the '\(member)' property from 'CSSStyleSheet': Cannot access rules"
            case "insertRule", "addRule": return "Failed to execute '\(member)' on 'CSSStyleSheet': Cannot access StyleSheet to insertRule"
            default: return "Failed to execute '\(member)' on 'CSSStyleSheet': Cannot access StyleSheet to deleteRule"
            }
        case .firefox:
            let where_ = member == "cssRules" || member == "rules" ? "CSSStyleSheet.\(member) getter" : "CSSStyleSheet.\(member)"
            return "\(where_): Not allowed to access cross-origin stylesheet"
        }
    }
}

// MARK: fetching a stylesheet
