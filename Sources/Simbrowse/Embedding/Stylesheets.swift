// Stylesheets: <link rel=stylesheet> fetched on virtual time (no-cors, or cors with `crossorigin`),
// <style> blocks, and the CSSOM's origin-clean flag. The CSS parser and the CSSOM live in
// cssom.js (host.cssom); this file fetches, decides, and tells the page.
// https://html.spec.whatwg.org/multipage/links.html#link-type-stylesheet
// https://drafts.csswg.org/cssom/#concept-css-style-sheet-origin-clean-flag
import CJavaScriptCore
import Foundation
import URLStandard

// MARK: the decisions

/// What fetching a stylesheet gave: its text (when it applies), where it ended, and the response
/// tainting that decides the origin-clean flag.
struct StylesheetFetchOutcome {
    enum Status { case ok, httpError, corsFailure, mimeRejected, blocked }
    var status: Status
    var text = ""
    var url: URLRecord
    var tainting: ResponseTainting
    var reason: String?
}

extension Browser {
    /// Fetches a stylesheet for `w` (https://html.spec.whatwg.org/multipage/semantics.html#fetching-and-processing-a-resource-from-a-link-element):
    /// destination "style", mode no-cors (credentials include) without `crossorigin`, else cors
    /// (same-origin credentials, or include for `use-credentials`). Each request goes to the
    /// request log (kind "stylesheet"); redirects are followed, each hop CORS-checked in cors mode.
    func fetchStylesheet(_ start: URLRecord, for w: Window, crossOrigin: String?, quirks: Bool) -> StylesheetFetchOutcome {
        let mode: FetchRequest.Mode = crossOrigin == nil ? .noCors : .cors
        let credentials: CredentialsMode = crossOrigin == nil || crossOrigin?.lowercased() == "use-credentials" ? .include : .sameOrigin
        let origin = w.origin
        var url = start
        var tainting: ResponseTainting = .basic
        var taintedOrigin = false
        var chain = [url]
        let request = FetchRequest(url: url, destination: "style", mode: mode, kind: "stylesheet", client: w, origin: origin,
                                   referrer: w.url, frameLabel: w.label)
        func failure(_ status: StylesheetFetchOutcome.Status, _ reason: String, _ console: [String]) -> StylesheetFetchOutcome {
            for line in console { log(w, level: "error", line) }
            return StylesheetFetchOutcome(status: status, url: url, tainting: tainting, reason: reason)
        }
        // Mixed content: a stylesheet is blockable (https://w3c.github.io/webappsec-mixed-content/#category-blockable).
        if w.url.scheme == "https" && url.scheme == "http" && !isPotentiallyTrustworthy(url.origin) {
            return failure(.blocked, "mixed content: an https page may not load a stylesheet over http",
                           ["Mixed Content: The page at '\(w.url.href)' was loaded over HTTPS, but requested an insecure stylesheet '\(url.href)'. This request has been blocked; the content must be served over HTTPS."])
        }
        // Content Security Policy style-src (https://w3c.github.io/webappsec-csp/#directive-style-src).
        if let v = cspViolation("style-src-elem", url: url, client: w) {
            record(Verdict(decision: .blocked, rule: "CSP \(v.directive)", explanation: v.message(url),
                           spec: "https://w3c.github.io/webappsec-csp/#directive-style-src",
                           accessorOrigin: w.origin.serialized, targetOrigin: url.origin.serialized), by: w)
            queueViolationEvent(w, url: url, directive: v)
            return failure(.blocked, "Content Security Policy: \(v.policyText)", [v.message(url)])
        }
        var redirects = 0
        while true {
            if url.scheme == "data" {
                // A data: URL is a basic response (https://fetch.spec.whatwg.org/#scheme-fetch).
                let (mime, bytes) = decodeDataURL(url)
                return finishStylesheet(HTTPResponse(status: 200, headers: HeaderList([("Content-Type", mime)]), body: bytes),
                                        url: url, tainting: tainting, quirks: quirks, w: w)
            }
            guard url.scheme == "http" || url.scheme == "https" else {
                return failure(.httpError, "URL scheme \"\(url.scheme)\" is not supported", [])
            }
            // https://fetch.spec.whatwg.org/#main-fetch step 12: the response tainting.
            if !(origin.isSameOrigin(url.origin) && tainting == .basic) { tainting = mode == .noCors ? .opaque : .cors }
            var h = HeaderList()
            h.set("Accept", "text/css,*/*;q=0.1")
            if tainting == .cors { h.set("Origin", taintedOrigin ? "null" : origin.serialized) }
            // Credentials: always for no-cors and use-credentials, same-origin only for anonymous.
            if credentials == .include || (credentials == .sameOrigin && origin.isSameOrigin(url.origin) && !taintedOrigin),
               let cookie = stylesheetCookieHeader(for: url, from: w), !cookie.isEmpty {
                h.set("Cookie", cookie)
            }
            if let ref = referrerValue(w.url, for: url) { h.set("Referer", ref) }
            if isPotentiallyTrustworthy(url.origin) {
                h.set("Sec-Fetch-Site", secFetchSite(request, chain: chain))
                h.set("Sec-Fetch-Mode", mode.rawValue)
                h.set("Sec-Fetch-Dest", "style")
            }
            let resp = server.respond(to: HTTPRequest(method: "GET", url: url, headers: h, body: nil))
            let index = requests.count
            requests.append(RequestRecord(method: "GET", url: url.href, status: resp.status,
                                          headers: Dictionary(h.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, b in a + ", " + b }),
                                          kind: "stylesheet", frame: w.label, body: nil, preflight: false, readable: nil, reason: nil))
            // https://fetch.spec.whatwg.org/#concept-http-fetch step 4.5: the CORS check, on redirects too.
            if tainting == .cors, case .failure(let f) = CORS.corsCheck(resp, requestOrigin: taintedOrigin ? "null" : origin.serialized,
                                                                      credentialsMode: credentials) {
                // Chromium words it as for XMLHttpRequest, without the withCredentials hint.
                let reason = f.reason(initiator: .xhr)
                    .replacingOccurrences(of: " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.", with: "")
                requests[index].readable = false
                requests[index].reason = reason
                var line = "Access to CSS stylesheet at '\(url.href)' "
                if chain.count > 1 { line += "(redirected from '\(start.href)') " }
                line += "from origin '\(origin.serialized)' has been blocked by CORS policy: \(reason)"
                return failure(.corsFailure, "CORS: \(reason)", [line, "GET \(url.href) net::ERR_FAILED \(resp.status) (\(reasonPhrase(resp.status)))"])
            }
            // https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check (no-cors only).
            if mode == .noCors, let policy = resp.headers.get("Cross-Origin-Resource-Policy")?.corsTrimmed().lowercased(),
               (policy == "same-origin" && (taintedOrigin || !origin.isSameOrigin(url.origin)))
                || (policy == "same-site" && (taintedOrigin || !Site.isSameSite(origin, url.origin))) {
                requests[index].readable = false
                requests[index].reason = "Cross-Origin-Resource-Policy: \(policy)"
                let code = policy == "same-site" ? "NotSameSite" : "NotSameOrigin"
                return failure(.httpError, "blocked by Cross-Origin-Resource-Policy: \(policy)",
                               ["GET \(url.href) net::ERR_BLOCKED_BY_RESPONSE.\(code) \(resp.status) (\(reasonPhrase(resp.status)))"])
            }
            // https://fetch.spec.whatwg.org/#http-redirect-fetch
            if [301, 302, 303, 307, 308].contains(resp.status), let loc = resp.headers.get("Location") {
                guard let next = URLRecord.parse(loc, base: url), next.scheme == "http" || next.scheme == "https" else {
                    return failure(.httpError, "invalid redirect location '\(loc)'", [])
                }
                redirects += 1
                if redirects > 20 { return failure(.httpError, "too many redirects", ["GET \(next.href) net::ERR_TOO_MANY_REDIRECTS"]) }
                if !next.origin.isSameOrigin(url.origin) && !origin.isSameOrigin(url.origin) { taintedOrigin = true }
                requests[index].readable = nil
                url = next
                chain.append(next)
                continue
            }
            requests[index].readable = tainting != .opaque
            if tainting == .opaque { requests[index].reason = "opaque response (no-cors): the sheet applies, its rules are not readable" }
            return finishStylesheet(resp, url: url, tainting: tainting, quirks: quirks, w: w)
        }
    }

    /// The `Cookie` header of a stylesheet request to `url` from a document of `window`, or nil
    /// for none (a subresource request: `CookieRequestContext.subresource(documentAncestry:)`).
    /// Until the cookie jar is wired into `Browser`, none are attached.
    func stylesheetCookieHeader(for url: URLRecord, from window: Window) -> String? {
        var h = HeaderList()
        _ = attachCookies(&h, url: url, context: .subresource(documentAncestry: window.ancestry))
        return h.get("Cookie")
    }

    /// The response's status and MIME type (https://html.spec.whatwg.org/multipage/links.html#link-type-stylesheet:
    /// "If the resource's Content-Type metadata is not text/css, then set success to false").
    /// As in Chromium, a missing Content-Type passes, and a quirks-mode document accepts any
    /// type from a CORS-same-origin response.
    private func finishStylesheet(_ resp: HTTPResponse, url: URLRecord, tainting: ResponseTainting, quirks: Bool, w: Window) -> StylesheetFetchOutcome {
        guard (200..<300).contains(resp.status) else {
            log(w, level: "error", "GET \(url.href) net::ERR_ABORTED \(resp.status) (\(reasonPhrase(resp.status)))")
            return StylesheetFetchOutcome(status: .httpError, url: url, tainting: tainting, reason: "HTTP status \(resp.status)")
        }
        let type = resp.headers.get("Content-Type")?.corsTrimmed() ?? ""
        let essence = CORS.mimeEssence(type)
        let lax = quirks && tainting != .opaque
        if !type.isEmpty && essence != "text/css" && essence != "application/x-unknown-content-type" && !lax {
            let shown = essence ?? type
            log(w, level: "error", "Refused to apply style from '\(url.href)' because its MIME type ('\(shown)') is not a supported stylesheet MIME type, and strict MIME checking is enabled.")
            return StylesheetFetchOutcome(status: .mimeRejected, url: url, tainting: tainting,
                                          reason: "its MIME type ('\(shown)') is not text/css")
        }
        var body = resp.body
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        return StylesheetFetchOutcome(status: .ok, text: String(decoding: body, as: UTF8.self), url: url, tainting: tainting)
    }
}

// MARK: the realm's side

extension Realm {
    var stylesheetRules: StylesheetRules { StylesheetRules(profile: browser.profile) }

    /// `styleRuleAccess(member, originClean, sheetURL)`: cssom.js asks before every read or change
    /// of a sheet's rules; a blocked verdict becomes the SecurityError.
    func installStyleHostFunctions() {
        func arg(_ a: [JSValueRef], _ i: Int) -> JSValueRef? { i < a.count ? a[i] : nil }
        js.set(host, "styleRuleAccess", js.function("styleRuleAccess") { [unowned self] js, _, a in
            let member = js.toString(arg(a, 0)), clean = js.toBool(arg(a, 1)), url = js.toString(arg(a, 2))
            let v = self.stylesheetRules.ruleAccess(document: self.window.origin, sheetURL: url, originClean: clean, member: member)
            // Same-origin reads while a page loads are not worth a line in the decision log.
            let sameOrigin = url.isEmpty || (URLRecord.parse(url)?.origin.isSameOrigin(self.window.origin) ?? true)
            if !v.isAllowed || !sameOrigin || self.browser.currentStep != nil { self.browser.record(v, by: self.window) }
            if !v.isAllowed { throw self.exception(for: v) }
            return js.undefined
        })
    }

    private var cssom: JSObjectRef? { ensurePrelude("cssom"); return js.object(js.get(host, "cssom")) }

    private func cssomCall(_ name: String, _ args: [JSValueRef]) -> JSValueRef? {
        guard let c = cssom else { return nil }
        return try? js.call(js.get(c, name), this: c, args)
    }

    /// A <link> became connected (https://html.spec.whatwg.org/multipage/links.html#linkTypes:process-the-linked-resource).
    func linkElementInserted(_ el: JSValueRef) {
        processStylesheetLink(el)
    }

    /// An attribute of a connected <link> changed: a new href, rel, or crossorigin loads the
    /// sheet again; `disabled` turns it off or on; `media` and `title` are read live by cssom.js.
    func linkAttributeChanged(_ el: JSValueRef, _ name: String) {
        switch name {
        case "href", "rel", "crossorigin", "type":
            processStylesheetLink(el)
        case "disabled":
            let disabled = attr(el, "disabled") != nil
            if js.toBool(cssomCall("hasSheet", [el])) {
                _ = cssomCall("setDisabled", [el, js.bool(disabled)])
            } else if !disabled {
                processStylesheetLink(el)
            }
        default:
            break
        }
    }

    /// A <style> became connected: its sheet is made (cssom.js reads the text again whenever it
    /// changes), and `load` fires in a later task, as in Chromium.
    func styleElementInserted(_ el: JSValueRef) {
        guard js.toBool(cssomCall("styleInserted", [el])), let o = js.object(el) else { return }
        queueElementEvent(o, "load")
    }

    /// Starts (or restarts) the load of a stylesheet link. A link the parser inserted is fetched at
    /// once, so the scripts after it see its sheet (a script-blocking style sheet); its event fires
    /// in a later task. A link a script inserted is fetched in a task 1 virtual ms later.
    func processStylesheetLink(_ el: JSValueRef) {
        guard let o = js.object(el) else { return }
        guard js.toBool(cssomCall("isStylesheetLink", [el])) else {
            _ = cssomCall("dropSheet", [el])
            return
        }
        // A type that is not CSS: not a stylesheet Chromium loads (https://html.spec.whatwg.org/multipage/semantics.html#processing-the-type-attribute).
        if let type = attr(el, "type")?.trimmingCharacters(in: .whitespaces), !type.isEmpty,
           CORS.mimeEssence(type) != "text/css" {
            _ = cssomCall("dropSheet", [el])
            return
        }
        // An explicitly disabled stylesheet link is not fetched until it is enabled.
        if attr(el, "disabled") != nil { return }
        guard let genValue = cssomCall("startLoad", [el]) else { return }
        let gen = js.toNumber(genValue)
        guard let href = attr(el, "href"), !href.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        guard let url = URLRecord.parse(href, base: window.url) else {
            queueElementEvent(o, "error")
            return
        }
        let parserInserted = js.toBool(cssomCall("parserInserted", [el]))
        let crossOrigin = attr(el, "crossorigin")
        let quirks = document.map { js.toString(js.get($0, "compatMode")) == "BackCompat" } ?? false
        let load = { [weak self] in
            guard let self, self.window.isActive else { return }
            let js = self.js
            guard js.toBool(self.cssomCall("isCurrent", [el, js.number(gen)])) else { return }
            let outcome = self.browser.fetchStylesheet(url, for: self.window, crossOrigin: crossOrigin, quirks: quirks)
            let (verdict, clean) = self.stylesheetRules.loaded(document: self.window.origin, outcome: outcome)
            self.browser.record(verdict, by: self.window)
            let applies = outcome.status == .ok
            guard js.toBool(self.cssomCall("finishLoad", [el, js.number(gen), js.string(outcome.text), js.string(url.href),
                                                        js.bool(clean), js.bool(applies)])) else { return }
            let event = self.stylesheetRules.event(for: outcome)
            if parserInserted { self.queueElementEvent(o, event) }
            else { self.fire(o, event, bubbles: false) }
        }
        if parserInserted {
            load()
        } else {
            // A stylesheet that loads delays the window's load event
            // (https://html.spec.whatwg.org/multipage/semantics.html#delay-the-load-event), as a frame does.
            let w = window
            let delays = !w.loadFired
            if delays { w.pendingChildLoads += 1 }
            let id = keep(el)
            browser.queueTask(delay: 1) { [weak self] in
                load()
                self?.release(id)
                if delays {
                    w.pendingChildLoads -= 1
                    self?.browser.checkLoadComplete(w)
                }
            }
        }
    }
}
