import URLStandard

/// One allowed-or-blocked decision, with the rule that made it. Every check of the engine
/// returns one; the blocked ones (and the cross-origin ones that were allowed) go to the
/// browser's decision log, which the report shows.
public struct Verdict: Sendable, Equatable, Codable {
    public enum Decision: String, Sendable, Codable { case allowed, blocked }
    public var decision: Decision
    /// The rule, named as the specification names it ("IsPlatformObjectSameOrigin", "CrossOriginProperties", ...).
    public var rule: String
    /// A sentence a person can read: what was asked and why it was decided so.
    public var explanation: String
    /// The section of the specification that holds the rule.
    public var spec: String
    public var accessorOrigin: String?
    public var targetOrigin: String?
    /// For a blocked access: the exception a page sees.
    public var errorName: String?
    public var message: String?

    public var isAllowed: Bool { decision == .allowed }
}

/// What a script asks of a cross-realm `WindowProxy` or `Location`.
public enum CrossOriginOperation: Sendable, Equatable {
    case get(String?)        // nil: a symbol
    case set(String?)
    case has(String?)
    case delete(String?)
    case define(String?)
    case getOwnPropertyDescriptor(String?)
    case ownKeys
    case getPrototypeOf
    case setPrototypeOf

    var verb: String {
        switch self {
        case .get: "read"
        case .set: "set"
        case .has: "check"
        case .delete: "delete"
        case .define: "define"
        case .getOwnPropertyDescriptor: "describe"
        case .ownKeys: "list the properties of"
        case .getPrototypeOf: "get the prototype of"
        case .setPrototypeOf: "set the prototype of"
        }
    }
    var key: String? {
        switch self {
        case .get(let k), .set(let k), .has(let k), .delete(let k), .define(let k), .getOwnPropertyDescriptor(let k): k
        default: nil
        }
    }
}

public enum CrossOriginInterface: String, Sendable { case window = "Window", location = "Location" }

/// A security origin as the checker sees a document: its origin and, after `document.domain`
/// was set, the origin's domain.
public struct SecurityContext: Sendable {
    public var origin: Origin
    /// https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-domain
    public var domain: String?
    public var sandboxedOrigin: Bool = false
    public init(origin: Origin, domain: String? = nil) { self.origin = origin; self.domain = domain }
}

/// The one place that decides whether one realm may touch another window, navigate it, post to
/// it or read its storage. Bindings ask; they never compare origins themselves.
public struct OriginChecker: Sendable {
    public var profile: Profile

    public init(profile: Profile = .chromium) { self.profile = profile }

    static let crossOriginSpec = "https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginproperties-(-o-)"
    static let sameOriginDomainSpec = "https://html.spec.whatwg.org/multipage/browsers.html#same-origin-domain"

    /// https://html.spec.whatwg.org/multipage/browsers.html#same-origin-domain
    public static func isSameOriginDomain(_ a: SecurityContext, _ b: SecurityContext) -> Bool {
        // 1. If A and B are the same opaque origin, then return true.
        if case .opaque = a.origin { return a.origin == b.origin }
        guard case .tuple(let sa, _, _) = a.origin, case .tuple(let sb, _, _) = b.origin else { return false }
        // 2.1 If A and B's schemes are identical, and their domains are identical and non-null, then return true.
        if sa == sb, let da = a.domain, let db = b.domain { return da == db }
        // 2.2 Otherwise, if A and B are same origin and their domains are identical and null, then return true.
        if a.domain == nil && b.domain == nil { return a.origin.isSameOrigin(b.origin) }
        return false
    }

    /// The names a cross-origin `WindowProxy` or `Location` exposes.
    /// https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginproperties-(-o-)
    public static func crossOriginProperty(_ interface: CrossOriginInterface, _ name: String) -> (get: Bool, set: Bool)? {
        switch interface {
        case .location:
            switch name {
            case "href": return (false, true)
            case "replace": return (true, false)
            default: return nil
            }
        case .window:
            switch name {
            case "window", "self", "closed", "frames", "length", "top", "opener", "parent",
                 "close", "focus", "blur", "postMessage":
                return (true, false)
            case "location": return (true, true)
            default: return nil
            }
        }
    }

    /// https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginpropertyfallback-(-p-)
    public static let crossOriginFallbackNames: Set<String> = ["then"]
    /// The symbols of CrossOriginPropertyFallback, by description.
    public static let crossOriginFallbackSymbols: Set<String> = ["Symbol.toStringTag", "Symbol.hasInstance", "Symbol.isConcatSpreadable"]

    /// Decides one access from `accessor`'s realm to a window (or its Location) whose document
    /// is `target`. `isChildFrameName` says whether the key names a child navigable of the target
    /// (indices and names of child frames are exposed cross-origin).
    public func windowAccess(from accessor: SecurityContext, to target: SecurityContext,
                             interface: CrossOriginInterface, operation: CrossOriginOperation,
                             isChildFrameName: Bool = false, symbol: String? = nil) -> Verdict {
        let a = accessor.origin.serialized, t = target.origin.serialized
        // https://html.spec.whatwg.org/multipage/browsers.html#isplatformobjectsameorigin-(-o-)
        if Self.isSameOriginDomain(accessor, target) {
            return Verdict(decision: .allowed, rule: "IsPlatformObjectSameOrigin",
                           explanation: "\(a) and \(t) are same origin-domain: full access",
                           spec: Self.sameOriginDomainSpec, accessorOrigin: a, targetOrigin: t)
        }
        let key = operation.key
        switch operation {
        case .get(let k?), .getOwnPropertyDescriptor(let k?), .has(let k?):
            if let p = Self.crossOriginProperty(interface, k), p.get || p.set {
                // A getter-less `Location.href` still "exists" cross-origin, but reading it throws.
                if case .get = operation, !p.get {
                    break
                }
                return allowedCrossOrigin(a, t, "\(interface.rawValue).\(k) is in CrossOriginProperties")
            }
            if interface == .window && (isChildFrameName || isArrayIndex(k)) {
                return allowedCrossOrigin(a, t, "\(k) names a child navigable of the window (CrossOriginOwnPropertyKeys)")
            }
            if Self.crossOriginFallbackNames.contains(k) {
                return allowedCrossOrigin(a, t, "'then' reads as undefined cross-origin (CrossOriginPropertyFallback)")
            }
        case .get(nil) where symbol.map(Self.crossOriginFallbackSymbols.contains) ?? false:
            return allowedCrossOrigin(a, t, "\(symbol!) reads as undefined cross-origin (CrossOriginPropertyFallback)")
        case .set(let k?):
            if let p = Self.crossOriginProperty(interface, k), p.set {
                return allowedCrossOrigin(a, t, "\(interface.rawValue).\(k) may be set cross-origin (CrossOriginProperties)")
            }
        case .ownKeys:
            return allowedCrossOrigin(a, t, "only the cross-origin property names are listed (CrossOriginOwnPropertyKeys)")
        case .getPrototypeOf:
            return allowedCrossOrigin(a, t, "a cross-origin object's prototype reads as null")
        default:
            break
        }
        return Verdict(decision: .blocked, rule: "CrossOriginProperties",
                       explanation: "\(a) may not \(operation.verb) \(key.map { "'\($0)' of " } ?? "")a \(interface.rawValue) of \(t): not same origin-domain, and the name is not in CrossOriginProperties",
                       spec: Self.crossOriginSpec, accessorOrigin: a, targetOrigin: t,
                       errorName: "SecurityError",
                       message: profile.crossOriginMessage(interface: interface, operation: operation, accessor: a))
    }

    private func allowedCrossOrigin(_ a: String, _ t: String, _ why: String) -> Verdict {
        Verdict(decision: .allowed, rule: "CrossOriginProperties", explanation: why,
                spec: Self.crossOriginSpec, accessorOrigin: a, targetOrigin: t)
    }

    /// `iframe.contentDocument`: the document if the accessor may touch it, else null.
    /// https://html.spec.whatwg.org/multipage/browsers.html#concept-bcc-content-document
    public func contentDocument(from accessor: SecurityContext, to target: SecurityContext) -> Verdict {
        let a = accessor.origin.serialized, t = target.origin.serialized
        if Self.isSameOriginDomain(accessor, target) {
            return Verdict(decision: .allowed, rule: "content document", explanation: "same origin-domain",
                           spec: "https://html.spec.whatwg.org/multipage/document-sequences.html#concept-bcc-content-document",
                           accessorOrigin: a, targetOrigin: t)
        }
        return Verdict(decision: .blocked, rule: "content document",
                       explanation: "contentDocument is null: \(t) is not same origin-domain with \(a)",
                       spec: "https://html.spec.whatwg.org/multipage/document-sequences.html#concept-bcc-content-document",
                       accessorOrigin: a, targetOrigin: t)
    }

    /// `postMessage(message, targetOrigin)`: whether the message is delivered to a window whose
    /// origin is `recipient`. https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps
    public func postMessage(from sender: Origin, targetOrigin: String, recipient: Origin) -> Verdict {
        let s = sender.serialized, r = recipient.serialized
        let spec = "https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps"
        if targetOrigin == "*" {
            return Verdict(decision: .allowed, rule: "postMessage targetOrigin", explanation: "targetOrigin \"*\" delivers to any origin",
                           spec: spec, accessorOrigin: s, targetOrigin: r)
        }
        let wanted: Origin
        if targetOrigin == "/" { wanted = sender }
        else if let u = URLRecord.parse(targetOrigin) { wanted = u.origin }
        else {
            return Verdict(decision: .blocked, rule: "postMessage targetOrigin", explanation: "targetOrigin is not a valid URL",
                           spec: spec, accessorOrigin: s, targetOrigin: r, errorName: "SyntaxError",
                           message: "Failed to execute 'postMessage' on 'Window': Invalid target origin '\(targetOrigin)' in a call to 'postMessage'.")
        }
        if wanted.isSameOrigin(recipient) {
            return Verdict(decision: .allowed, rule: "postMessage targetOrigin", explanation: "targetOrigin \(targetOrigin) matches the recipient \(r)",
                           spec: spec, accessorOrigin: s, targetOrigin: r)
        }
        return Verdict(decision: .blocked, rule: "postMessage targetOrigin",
                       explanation: "message dropped: targetOrigin \(wanted.serialized) does not match the recipient's origin \(r)",
                       spec: spec, accessorOrigin: s, targetOrigin: r,
                       message: profile.postMessageMismatch(target: wanted.serialized, recipient: r))
    }

    /// Storage (`localStorage`, `sessionStorage`): an opaque origin has none.
    /// https://html.spec.whatwg.org/multipage/webstorage.html#dom-localstorage
    public func storage(_ kind: String, for ctx: SecurityContext, isDataURL: Bool) -> Verdict {
        let o = ctx.origin.serialized
        let spec = "https://html.spec.whatwg.org/multipage/webstorage.html#dom-\(kind)storage"
        if ctx.origin.isOpaque {
            let why = isDataURL ? "Storage is disabled inside 'data:' URLs."
                : "The document is sandboxed and lacks the 'allow-same-origin' flag."
            return Verdict(decision: .blocked, rule: "storage for opaque origins",
                           explanation: "an opaque origin has no \(kind)Storage", spec: spec, accessorOrigin: o,
                           errorName: "SecurityError",
                           message: profile.opaqueStorageMessage("\(kind)Storage", interface: "Window", write: false, chromiumReason: why))
        }
        return Verdict(decision: .allowed, rule: "storage", explanation: "\(kind)Storage of \(o)", spec: spec, accessorOrigin: o)
    }

    /// Form submission from a sandboxed document.
    /// https://html.spec.whatwg.org/multipage/browsers.html#sandboxed-forms-browsing-context-flag
    public func formSubmission(sandboxedForms: Bool, from ctx: SecurityContext, action: String) -> Verdict {
        let spec = "https://html.spec.whatwg.org/multipage/browsers.html#sandboxed-forms-browsing-context-flag"
        if sandboxedForms {
            return Verdict(decision: .blocked, rule: "sandboxed forms browsing context flag",
                           explanation: "the form's frame is sandboxed without allow-forms", spec: spec,
                           accessorOrigin: ctx.origin.serialized,
                           message: "Blocked form submission to '\(action)' because the form's frame is sandboxed and the 'allow-forms' permission is not set.")
        }
        return Verdict(decision: .allowed, rule: "form submission", explanation: "submit to \(action)", spec: spec, accessorOrigin: ctx.origin.serialized)
    }

    /// `alert()`, `confirm()`, `prompt()` from a sandboxed document.
    /// https://html.spec.whatwg.org/multipage/browsers.html#sandboxed-modals-flag
    public func modalDialog(_ kind: String, sandboxedModals: Bool, from ctx: SecurityContext) -> Verdict {
        let spec = "https://html.spec.whatwg.org/multipage/browsers.html#sandboxed-modals-flag"
        if sandboxedModals {
            return Verdict(decision: .blocked, rule: "sandboxed modals flag", explanation: "\(kind)() in a frame sandboxed without allow-modals",
                           spec: spec, accessorOrigin: ctx.origin.serialized,
                           message: "Ignored call to '\(kind)()'. The document is sandboxed, and the 'allow-modals' keyword is not set.")
        }
        return Verdict(decision: .allowed, rule: "modal dialog", explanation: "\(kind)()", spec: spec, accessorOrigin: ctx.origin.serialized)
    }

    /// `document.cookie`: a document with an opaque origin has no cookies.
    /// https://html.spec.whatwg.org/multipage/dom.html#dom-document-cookie (step 2: "If this is a
    /// document whose origin is an opaque origin, then throw a SecurityError").
    public func documentCookie(write: Bool, for ctx: SecurityContext, isDataURL: Bool) -> Verdict {
        let o = ctx.origin.serialized
        let spec = "https://html.spec.whatwg.org/multipage/dom.html#dom-document-cookie"
        if ctx.origin.isOpaque {
            let why = isDataURL ? "Cookies are disabled inside 'data:' URLs." : "The document is sandboxed and lacks the 'allow-same-origin' flag."
            return Verdict(decision: .blocked, rule: "document.cookie for opaque origins", explanation: "a document with an opaque origin has no cookies",
                           spec: spec, accessorOrigin: o, errorName: "SecurityError",
                           message: profile.opaqueStorageMessage("cookie", interface: "Document", write: write, chromiumReason: why))
        }
        return Verdict(decision: .allowed, rule: "document.cookie", explanation: "cookies of \(o)", spec: spec, accessorOrigin: o)
    }

    /// Whether a script of `source` may navigate the navigable `target` to `url`.
    /// https://html.spec.whatwg.org/multipage/browsing-the-web.html#allowed-to-navigate ; Chromium adds
    /// the framebusting intervention: a cross-origin frame may not navigate its top without user activation.
    public func navigation(source: SecurityContext, sourceIsDescendantOfTarget: Bool, targetIsTop: Bool,
                           target: SecurityContext, url: String, sandboxedTopNavigation: Bool,
                           hasUserActivation: Bool, targetIsOpenerOfSource: Bool = false) -> Verdict {
        let a = source.origin.serialized, t = target.origin.serialized
        let spec = "https://html.spec.whatwg.org/multipage/browsing-the-web.html#allowed-to-navigate"
        if targetIsTop && sourceIsDescendantOfTarget {
            if sandboxedTopNavigation {
                return Verdict(decision: .blocked, rule: "sandboxed top-level navigation",
                               explanation: "a sandboxed frame without allow-top-navigation may not navigate its top",
                               spec: spec, accessorOrigin: a, targetOrigin: t, errorName: "SecurityError",
                               message: profile.navigationRefusedMessage(url: url))
            }
            if !hasUserActivation && !Self.isSameOriginDomain(source, target) && !source.origin.isSameOrigin(target.origin) {
                return Verdict(decision: .blocked, rule: "framebusting intervention",
                               explanation: "a cross-origin frame may not navigate the top-level window without user activation",
                               spec: "https://chromestatus.com/feature/5851021045661696", accessorOrigin: a, targetOrigin: t,
                               errorName: "SecurityError",
                               message: profile.navigationRefusedMessage(url: url))
            }
        }
        if profile.blocksCrossOriginOpenerNavigationWithoutActivation && targetIsOpenerOfSource && !hasUserActivation
            && !source.origin.isSameOrigin(target.origin) {
            return Verdict(decision: .blocked, rule: "opener navigation without user activation",
                           explanation: "Firefox refuses a cross-origin popup's navigation of its opener without user activation",
                           spec: spec, accessorOrigin: a, targetOrigin: t, errorName: "SecurityError", message: "Property access denied.")
        }
        return Verdict(decision: .allowed, rule: "allowed to navigate",
                       explanation: "\(a) may navigate a window of \(t) to \(url)", spec: spec, accessorOrigin: a, targetOrigin: t)
    }

    /// The `document.domain` setter. https://html.spec.whatwg.org/multipage/browsers.html#dom-document-domain
    public func setDocumentDomain(_ value: String, for ctx: SecurityContext, isRegistrableDomainOrBelow: (String) -> Bool,
                                  isPublicSuffix: (String) -> Bool, sandboxed: Bool) -> Verdict {
        let o = ctx.origin.serialized
        let spec = "https://html.spec.whatwg.org/multipage/browsers.html#dom-document-domain"
        func refuse(_ why: String, _ msg: String) -> Verdict {
            Verdict(decision: .blocked, rule: "document.domain setter", explanation: why, spec: spec, accessorOrigin: o,
                    errorName: "SecurityError", message: "Failed to set the 'domain' property on 'Document': \(msg)")
        }
        // 2. If this Document object's active sandboxing flag set has its sandboxed document.domain browsing context flag set, then throw.
        if sandboxed { return refuse("the document is sandboxed", "Assignment is forbidden for sandboxed iframes.") }
        // 3. Let effectiveDomain be this's origin's effective domain. 4. If effectiveDomain is null, then throw.
        guard case .tuple(_, let host, _) = ctx.origin else {
            return refuse("an opaque origin has no effective domain", "Assignment is forbidden for sandboxed iframes.")
        }
        let effective = ctx.domain ?? host.serialized
        let lower = value.lowercased()
        // 6. If the given value is not equal to effectiveDomain, ...
        if lower != effective {
            guard case .domain = host else { return refuse("the effective domain is an IP address", "'\(value)' is not a suffix of '\(effective)'.") }
            if isPublicSuffix(lower) { return refuse("\(value) is a public suffix", "'\(value)' is a top-level domain.") }
            if !effective.hasSuffix("." + lower) { return refuse("\(value) is not a suffix of \(effective)", "'\(value)' is not a suffix of '\(effective)'.") }
        }
        return Verdict(decision: .allowed, rule: "document.domain setter", explanation: "the origin's domain becomes \(lower)",
                       spec: spec, accessorOrigin: o)
    }
}

extension OriginChecker {
    /// Whether a response may be shown in a frame whose ancestors have `ancestors` origins
    /// (parent first). CSP `frame-ancestors` (https://w3c.github.io/webappsec-csp/#directive-frame-ancestors)
    /// overrides `X-Frame-Options` (https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header),
    /// which Chromium checks against every ancestor.
    public func framing(url: URLRecord, responseOrigin: Origin, headers: HeaderList, ancestors: [Origin],
                        sourceMatches: ([String], URLRecord, Origin) -> Bool) -> Verdict {
        let o = responseOrigin.serialized
        if let csp = headers.getAll("Content-Security-Policy").first(where: { $0.lowercased().contains("frame-ancestors") }) {
            for directive in csp.split(separator: ";") {
                let parts = directive.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard parts.first?.lowercased() == "frame-ancestors" else { continue }
                let sources = Array(parts.dropFirst())
                for a in ancestors {
                    let aURL = URLRecord.parse(a.serialized + "/") ?? url
                    if a.isOpaque || !sourceMatches(sources, aURL, responseOrigin) {
                        let text = "frame-ancestors " + sources.joined(separator: " ")
                        return Verdict(decision: .blocked, rule: "CSP frame-ancestors",
                                       explanation: "\(url.href) may only be framed by \(sources.joined(separator: " ")); the ancestor \(a.serialized) is not",
                                       spec: "https://w3c.github.io/webappsec-csp/#directive-frame-ancestors",
                                       accessorOrigin: a.serialized, targetOrigin: o,
                                       message: "Refused to frame '\(url.href)' because an ancestor violates the following Content Security Policy directive: \"\(text)\".")
                    }
                }
                return Verdict(decision: .allowed, rule: "CSP frame-ancestors", explanation: "every ancestor matches frame-ancestors",
                               spec: "https://w3c.github.io/webappsec-csp/#directive-frame-ancestors", targetOrigin: o)
            }
        }
        let xfoValues: [String] = headers.getAll("X-Frame-Options").flatMap { (v: String) -> [Substring] in v.split(separator: ",") }
            .map { String($0).trimmingCharacters(in: " \t").lowercased() }
        let spec = "https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header"
        if let first = xfoValues.first, xfoValues.allSatisfy({ $0 == first }) {
            let refuse = Verdict(decision: .blocked, rule: "X-Frame-Options",
                                 explanation: "\(url.href) set X-Frame-Options: \(first)", spec: spec,
                                 accessorOrigin: ancestors.first?.serialized, targetOrigin: o,
                                 message: "Refused to display '\(url.href)' in a frame because it set 'X-Frame-Options' to '\(first)'.")
            switch first {
            case "deny": return refuse
            case "sameorigin":
                if let bad = ancestors.first(where: { !$0.isSameOrigin(responseOrigin) }) {
                    var v = refuse
                    v.explanation = "X-Frame-Options: sameorigin, and the ancestor \(bad.serialized) is not same origin with \(o)"
                    return v
                }
            default: break
            }
        } else if !xfoValues.isEmpty {
            return Verdict(decision: .blocked, rule: "X-Frame-Options",
                           explanation: "conflicting X-Frame-Options values: treated as deny", spec: spec, targetOrigin: o,
                           message: "Refused to display '\(url.href)' in a frame because it set multiple 'X-Frame-Options' headers with conflicting values ('\(xfoValues.joined(separator: ", "))'). Falling back to 'deny'.")
        }
        return Verdict(decision: .allowed, rule: "framing", explanation: "no X-Frame-Options or frame-ancestors refuses it", spec: spec, targetOrigin: o)
    }

    /// Cross-Origin-Opener-Policy: whether navigating a top-level window from a document with
    /// (`current`, `currentOrigin`) to a response with (`response`, `responseOrigin`) needs a new
    /// browsing context group (https://html.spec.whatwg.org/multipage/browsers.html#check-browsing-context-group-switch-coop-value).
    public static func coopRequiresSwitch(current: String, currentOrigin: Origin, currentIsInitialAboutBlank: Bool,
                                          response: String, responseOrigin: Origin) -> Bool {
        // 1. If currentCOOP is "same-origin-allow-popups", current is the initial about:blank, and responseCOOP is unsafe-none: no switch.
        if current == "same-origin-allow-popups" && currentIsInitialAboutBlank && response == "unsafe-none" { return false }
        // 2. If matching the COOPs and origins succeeds: no switch.
        if current == "unsafe-none" && response == "unsafe-none" { return false }
        if current == response && currentOrigin.isSameOrigin(responseOrigin) { return false }
        return true
    }
}

func isArrayIndex(_ s: String) -> Bool {
    guard let f = s.utf8.first, !s.isEmpty, s.utf8.count < 10 else { return false }
    if f == UInt8(ascii: "0") { return s.utf8.count == 1 }
    return s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
}
