// fetch() and XMLHttpRequest: the host functions fetch.js calls, and the fetch algorithm they
// run on the browser's virtual time (https://fetch.spec.whatwg.org/#fetching), with the CORS
// protocol's rules from CORS.swift. Every request actually sent goes to `Browser.requests`;
// every failure keeps its reason (the request record's `reason`, and Chromium's console line).
import CJavaScriptCore
import Foundation
import URLStandard

// MARK: per-browser state

/// State of the fetch layer that lives as long as its browser: the CORS-preflight cache.
final class FetchState {
    var preflightCache = PreflightCache()
}

// MARK: one fetch in progress

/// https://fetch.spec.whatwg.org/#concept-request-response-tainting
enum ResponseTainting: String { case basic, cors, opaque }

/// A fetch started by `fetch()` or `XMLHttpRequest.send()`: the request with the fields the
/// algorithm changes as it goes (https://fetch.spec.whatwg.org/#fetch-params).
final class APIFetch {
    /// The request; `request.url` is its current URL.
    var request: FetchRequest
    let initiator: CORSInitiator
    let credentials: CredentialsMode
    /// https://fetch.spec.whatwg.org/#concept-request-redirect-mode: follow, error, manual.
    let redirectMode: String
    var tainting: ResponseTainting = .basic
    /// https://fetch.spec.whatwg.org/#concept-request-url-list
    var urlList: [URLRecord]
    /// https://fetch.spec.whatwg.org/#concept-request-tainted-origin
    var taintedOrigin = false
    var redirectCount = 0
    /// A synchronous XMLHttpRequest: every step runs at once instead of in later tasks.
    let sync: Bool
    var finish: ((APIFetchResult) -> Void)?

    init(request: FetchRequest, initiator: CORSInitiator, credentials: CredentialsMode, redirectMode: String, sync: Bool,
         finish: @escaping (APIFetchResult) -> Void) {
        self.request = request; self.initiator = initiator; self.credentials = credentials
        self.redirectMode = redirectMode; self.sync = sync; self.finish = finish
        urlList = [request.url]
    }

    /// The origin Chromium's console messages name: the client's, even after a tainting redirect.
    var clientOrigin: String { request.origin?.serialized ?? "null" }

    /// https://fetch.spec.whatwg.org/#serializing-a-request-origin
    var serializedOrigin: String { taintedOrigin ? "null" : (request.origin?.serialized ?? "null") }
}

/// What the page gets: a filtered response (https://fetch.spec.whatwg.org/#concept-filtered-response)
/// or a network error (`error` holds the TypeError's message).
struct APIFetchResult {
    var error: String?
    var type = "error"
    var status = 0
    var statusText = ""
    var url = ""
    var redirected = false
    var headers = HeaderList()
    var body: [UInt8] = []
    /// The internal response's body (https://fetch.spec.whatwg.org/#concept-internal-response):
    /// hidden from scripts by an opaque filter, but an <img> still decodes it.
    var internalBody: [UInt8] = []

    static func networkError(_ message: String = "Failed to fetch") -> APIFetchResult { APIFetchResult(error: message) }
}

/// The reason phrases the fixture servers send (Python's http.server), for `statusText`.
func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 200: return "OK"; case 201: return "Created"; case 202: return "Accepted"; case 204: return "No Content"
    case 206: return "Partial Content"; case 301: return "Moved Permanently"; case 302: return "Found"
    case 303: return "See Other"; case 304: return "Not Modified"; case 307: return "Temporary Redirect"
    case 308: return "Permanent Redirect"; case 400: return "Bad Request"; case 401: return "Unauthorized"
    case 403: return "Forbidden"; case 404: return "Not Found"; case 405: return "Method Not Allowed"
    case 409: return "Conflict"; case 410: return "Gone"; case 418: return "I'm a Teapot"; case 426: return "Upgrade Required"
    case 429: return "Too Many Requests"; case 500: return "Internal Server Error"; case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"; default: return ""
    }
}

extension Browser {
    // MARK: the fetch algorithm

    /// Runs `body` in a later task (a network round trip takes 1 virtual ms), or at once for a
    /// synchronous XMLHttpRequest.
    private func later(_ f: APIFetch, _ body: @escaping () -> Void) {
        if f.sync { body() } else { queueTask(delay: 1, body) }
    }

    /// https://fetch.spec.whatwg.org/#concept-fetch
    func startAPIFetch(_ f: APIFetch) {
        mainFetch(f)
    }

    /// Ends the fetch with a network error: the reason goes to the console (Chromium's lines,
    /// level error) and the page sees `TypeError: Failed to fetch` (or an XHR error event).
    private func fail(_ f: APIFetch, console lines: [String]) {
        if let w = f.request.client, w.isActive {
            for l in lines { log(w, level: "error", l) }
            // The read was refused by policy: the decision goes to the log with its rule, so a step
            // whose script gets `TypeError: Failed to fetch` reports the outcome "blocked".
            let first = lines.first ?? ""
            let (rule, spec): (String, String) =
                first.contains("CORS policy") ? ("CORS check", "https://fetch.spec.whatwg.org/#concept-cors-check")
                : first.contains("ERR_BLOCKED_BY_RESPONSE") ? ("Cross-Origin-Resource-Policy", "https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check")
                : first.contains("Content Security Policy") ? ("CSP connect-src", "https://w3c.github.io/webappsec-csp/#directive-connect-src")
                : first.contains("Mixed Content") ? ("mixed content", "https://w3c.github.io/webappsec-mixed-content/")
                : ("network error", "https://fetch.spec.whatwg.org/#concept-network-error")
            record(Verdict(decision: .blocked, rule: rule, explanation: first.isEmpty ? "the fetch failed (\(f.redirectMode == "error" ? "redirect mode error" : "network error"))" : first,
                           spec: spec, accessorOrigin: w.origin.serialized, targetOrigin: f.request.url.origin.serialized,
                           errorName: "TypeError", message: profile.fetchFailedMessage), by: w)
        }
        f.finish?(.networkError(profile.fetchFailedMessage))
        f.finish = nil
    }

    /// https://fetch.spec.whatwg.org/#main-fetch (steps 7 and 12: CSP, then the branch that sets
    /// the response tainting).
    private func mainFetch(_ f: APIFetch) {
        guard let client = f.request.client, client.isActive else { f.finish = nil; return }
        let url = f.request.url
        guard let origin = f.request.origin else { fail(f, console: []); return }
        // Step 7: Content Security Policy connect-src (https://w3c.github.io/webappsec-csp/#should-block-request),
        // which governs fetch() and XHR (destination "empty"), not images.
        let effectiveDirective = f.request.destination == "image" ? "img-src" : "connect-src"
        if f.request.destination == "empty" || f.request.destination == "image",
           let directive = cspViolation(effectiveDirective, url: url, client: client) {
            fail(f, console: [directive.message(url)])
            queueViolationEvent(client, url: url, directive: directive)
            return
        }
        // Mixed content (https://w3c.github.io/webappsec-mixed-content/#should-block-fetch): fetch
        // and XHR from a page loaded over https to a URL that is not potentially trustworthy.
        if client.url.scheme == "https" && (url.scheme == "http" || url.scheme == "ws") && !isPotentiallyTrustworthy(url.origin) {
            fail(f, console: ["Mixed Content: The page at '\(client.url.href)' was loaded over HTTPS, but requested an insecure resource '\(url.href)'. This request has been blocked; the content must be served over HTTPS."])
            return
        }
        // Step 12.
        if url.scheme == "data" {
            // data: URLs are basic responses (scheme fetch, https://fetch.spec.whatwg.org/#scheme-fetch).
            later(f) { [weak self] in
                guard let self, f.request.client?.isActive == true else { return }
                let (mime, bytes) = decodeDataURL(url)
                self.complete(f, HTTPResponse(status: 200, headers: HeaderList([("Content-Type", mime)]), body: bytes))
            }
            return
        }
        let httpLike = url.scheme == "http" || url.scheme == "https"
        if origin.isSameOrigin(url.origin) && f.tainting == .basic {
            guard httpLike else { fail(f, console: ["Fetch API cannot load \(url.href). URL scheme \"\(url.scheme)\" is not supported."]); return }
            httpFetch(f, corsFlag: false)
        } else if f.request.mode == .sameOrigin {
            fail(f, console: ["Fetch API cannot load \(url.href). Request mode is \"same-origin\" but the URL's origin is not same as the request origin \(f.serializedOrigin)."])
        } else if f.request.mode == .noCors {
            if f.redirectMode != "follow" {
                fail(f, console: ["Fetch API cannot load \(url.href). Request mode is \"no-cors\" but the redirect mode is not \"follow\"."])
                return
            }
            guard httpLike else { fail(f, console: ["Fetch API cannot load \(url.href). URL scheme \"\(url.scheme)\" is not supported."]); return }
            f.tainting = .opaque
            httpFetch(f, corsFlag: false)
        } else {
            guard httpLike else { fail(f, console: ["Fetch API cannot load \(url.href). URL scheme \"\(url.scheme)\" is not supported."]); return }
            f.tainting = .cors
            httpFetch(f, corsFlag: true)
        }
    }

    /// https://fetch.spec.whatwg.org/#concept-http-fetch step 4.1: a CORS-preflight fetch first
    /// when the request needs one and the preflight cache has no match.
    private func httpFetch(_ f: APIFetch, corsFlag: Bool) {
        if corsFlag && CORS.needsPreflight(method: f.request.method, headers: f.request.headers) {
            let unsafe = CORS.unsafeRequestHeaderNames(f.request.headers)
            let key = PreflightCache.Key(origin: f.serializedOrigin, url: f.request.url.href, credentials: f.credentials == .include)
            if !fetchState.preflightCache.matches(key, method: f.request.method, unsafeHeaders: unsafe, credentialsMode: f.credentials, now: now) {
                later(f) { [weak self] in
                    guard let self, f.request.client?.isActive == true else { return }
                    guard let result = self.preflight(f, unsafeHeaders: unsafe) else { return }
                    self.fetchState.preflightCache.store(key, result, now: self.now)
                    self.later(f) { [weak self] in self?.networkFetch(f) }
                }
                return
            }
        }
        later(f) { [weak self] in self?.networkFetch(f) }
    }

    /// https://fetch.spec.whatwg.org/#cors-preflight-fetch : OPTIONS with Access-Control-Request-*,
    /// no credentials, no author headers. Returns nil after failing the fetch.
    private func preflight(_ f: APIFetch, unsafeHeaders: [String]) -> PreflightResult? {
        let url = f.request.url
        var h = HeaderList()
        h.set("Access-Control-Request-Method", f.request.method)
        if !unsafeHeaders.isEmpty { h.set("Access-Control-Request-Headers", unsafeHeaders.joined(separator: ",")) }
        h.set("Origin", f.serializedOrigin)
        // Chromium sends Sec-Fetch-Mode on every preflight (http too); the rest only to trustworthy URLs.
        if profile.secFetchModeOnInsecurePreflight || isPotentiallyTrustworthy(url.origin) { h.set("Sec-Fetch-Mode", "cors") }
        if isPotentiallyTrustworthy(url.origin) {
            h.set("Sec-Fetch-Site", secFetchSite(f.request, chain: f.urlList))
            h.set("Sec-Fetch-Dest", f.request.destination)
        }
        if let ref = referrerValue(f.request.referrer, for: url) { h.set("Referer", ref) }
        let resp = server.respond(to: HTTPRequest(method: "OPTIONS", url: url, headers: h, body: nil))
        let index = requests.count
        requests.append(RequestRecord(method: "OPTIONS", url: url.href, status: resp.status, headers: flatten(h),
                                      kind: f.request.kind, frame: f.request.frameLabel, body: nil,
                                      preflight: true, readable: nil, reason: nil))
        switch CORS.checkPreflight(resp, method: f.request.method, unsafeHeaders: unsafeHeaders,
                                   requestOrigin: f.serializedOrigin, credentialsMode: f.credentials) {
        case .success(let r):
            return r
        case .failure(let failure):
            let message = failure.consoleMessage(initiator: f.initiator, url: url.href, initialURL: f.urlList[0].href, origin: f.clientOrigin)
            requests[index].readable = false
            requests[index].reason = failure.reason(initiator: f.initiator)
            fail(f, console: [message, "\(f.request.method) \(url.href) net::ERR_FAILED"])
            return nil
        }
    }

    /// https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch : the request as sent,
    /// with the headers Chromium adds; then the CORS check, CORP, and redirects
    /// (https://fetch.spec.whatwg.org/#concept-http-fetch steps 4.5-6).
    private func networkFetch(_ f: APIFetch) {
        guard f.request.client?.isActive == true else { f.finish = nil; return }
        let url = f.request.url
        var h = f.request.headers
        if let o = originHeader(f) { h.set("Origin", o) }
        if let ref = referrerValue(f.request.referrer, for: url) { h.set("Referer", ref) }
        // Fetch metadata only for potentially trustworthy URLs
        // (https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-append-the-fetch-metadata-headers-for-a-request).
        if isPotentiallyTrustworthy(url.origin) {
            h.set("Sec-Fetch-Site", secFetchSite(f.request, chain: f.urlList))
            h.set("Sec-Fetch-Mode", f.request.mode.rawValue)
            h.set("Sec-Fetch-Dest", f.request.destination)
        }
        let method = f.request.method
        // Cookies go with the request when the credentials mode includes them
        // (https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch step 8.10).
        let cookieContext: CookieRequestContext? = f.request.client.flatMap { c in
            CookieJar.includesCredentials(mode: f.credentials.rawValue, requestOrigin: f.request.origin, url: url)
                ? CookieRequestContext.subresource(documentAncestry: c.ancestry, method: method) : nil
        }
        let cookieDecisions = cookieContext.map { attachCookies(&h, url: url, context: $0) }
        var resp = server.respond(to: HTTPRequest(method: method, url: url, headers: h, body: f.request.body))
        let stored = cookieContext.map { storeCookies(from: resp, url: url, context: $0) }
        if method == "HEAD" { resp.body = [] }
        let index = requests.count
        requests.append(RequestRecord(method: method, url: url.href, status: resp.status, headers: flatten(h),
                                      kind: f.request.kind, frame: f.request.frameLabel,
                                      body: f.request.body.map { String(decoding: $0, as: UTF8.self) },
                                      preflight: false, readable: nil, reason: nil,
                                      cookies: cookieDecisions.flatMap { $0.isEmpty ? nil : $0 },
                                      setCookies: stored.flatMap { $0.isEmpty ? nil : $0 }))
        // https://fetch.spec.whatwg.org/#concept-http-fetch step 4.5: the CORS check, on redirects too.
        if f.tainting == .cors,
           case .failure(let failure) = CORS.corsCheck(resp, requestOrigin: f.serializedOrigin, credentialsMode: f.credentials) {
            requests[index].readable = false
            requests[index].reason = failure.reason(initiator: f.initiator)
            let message = failure.consoleMessage(initiator: f.initiator, url: url.href, initialURL: f.urlList[0].href, origin: f.clientOrigin)
            fail(f, console: [message, "\(method) \(url.href) net::ERR_FAILED \(resp.status) (\(reasonPhrase(resp.status)))"])
            return
        }
        // Step 4.6: the Cross-Origin-Resource-Policy check (https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check).
        if let blocked = corpBlocked(f, resp) {
            requests[index].readable = false
            requests[index].reason = "Cross-Origin-Resource-Policy: \(blocked)"
            let code = blocked == "same-site" ? "NotSameSite" : "NotSameOrigin"
            fail(f, console: ["\(method) \(url.href) net::ERR_BLOCKED_BY_RESPONSE.\(code) \(resp.status) (\(reasonPhrase(resp.status)))"])
            return
        }
        // Step 6: redirects (https://fetch.spec.whatwg.org/#http-redirect-fetch).
        if [301, 302, 303, 307, 308].contains(resp.status), let loc = resp.headers.get("Location") {
            switch f.redirectMode {
            case "error":
                requests[index].readable = false
                requests[index].reason = "redirect mode is \"error\""
                fail(f, console: [])
            case "manual":
                // An opaque-redirect filtered response (https://fetch.spec.whatwg.org/#concept-filtered-response-opaque-redirect).
                requests[index].readable = false
                requests[index].reason = "opaque redirect (redirect mode \"manual\")"
                finishWith(f, APIFetchResult(error: nil, type: "opaqueredirect", status: 0, statusText: "", url: url.href,
                                             redirected: false, headers: HeaderList(), body: []))
            default:
                redirect(f, response: resp, location: loc, recordIndex: index)
            }
            return
        }
        requests[index].readable = f.tainting != .opaque
        if f.tainting == .opaque { requests[index].reason = "opaque response (no-cors)" }
        complete(f, resp)
    }

    /// https://fetch.spec.whatwg.org/#http-redirect-fetch
    private func redirect(_ f: APIFetch, response: HTTPResponse, location: String, recordIndex: Int) {
        let current = f.request.url
        // Steps 3-5: the location URL must parse and be http(s).
        guard let next = URLRecord.parse(location, base: current), next.scheme == "http" || next.scheme == "https" else {
            requests[recordIndex].readable = false
            requests[recordIndex].reason = "invalid redirect location '\(location)'"
            fail(f, console: [])
            return
        }
        // Step 6: at most 20 redirects.
        if f.redirectCount == 20 {
            requests[recordIndex].reason = "too many redirects"
            fail(f, console: ["\(f.request.method) \(next.href) net::ERR_TOO_MANY_REDIRECTS"])
            return
        }
        f.redirectCount += 1
        // Steps 8-9: no credentials in a cross-origin CORS redirect's URL.
        if next.includesCredentials && ((f.request.mode == .cors && !(f.request.origin.map { $0.isSameOrigin(next.origin) } ?? false)) || f.tainting == .cors) {
            let failure = CORSFailure(kind: .redirectContainsCredentials, hint: next.href)
            requests[recordIndex].readable = false
            requests[recordIndex].reason = failure.reason(initiator: f.initiator)
            fail(f, console: [failure.consoleMessage(initiator: f.initiator, url: current.href, initialURL: f.urlList[0].href, origin: f.clientOrigin)])
            return
        }
        // Step 11: a cross-origin hop away from a URL that was itself cross-origin taints the origin.
        if !next.origin.isSameOrigin(current.origin), let o = f.request.origin, !o.isSameOrigin(current.origin) {
            f.taintedOrigin = true
        }
        // Step 12: 301/302 POST and 303 (but HEAD) become GET without a body.
        let m = f.request.method
        if ((response.status == 301 || response.status == 302) && m == "POST") || (response.status == 303 && m != "GET" && m != "HEAD") {
            f.request.method = "GET"
            f.request.body = nil
            for n in ["Content-Encoding", "Content-Language", "Content-Location", "Content-Type"] { f.request.headers.remove(n) }
        }
        // Step 13: a cross-origin hop drops Authorization.
        if !next.origin.isSameOrigin(current.origin) { f.request.headers.remove("Authorization") }
        requests[recordIndex].readable = nil
        f.request.url = next
        f.urlList.append(next)
        // Step 19: main fetch again (recursive).
        mainFetch(f)
    }

    /// https://fetch.spec.whatwg.org/#append-a-request-origin-header (referrer policy
    /// strict-origin-when-cross-origin).
    private func originHeader(_ f: APIFetch) -> String? {
        let serialized = f.serializedOrigin
        if f.tainting == .cors || f.request.mode == .websocket { return serialized }
        if f.request.method != "GET" && f.request.method != "HEAD" {
            if case .tuple(let scheme, _, _)? = f.request.origin, scheme == "https", f.request.url.scheme != "https" { return "null" }
            return serialized
        }
        return nil
    }

    /// https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check : only for
    /// no-cors requests. Returns the policy that blocked, or nil.
    private func corpBlocked(_ f: APIFetch, _ resp: HTTPResponse) -> String? {
        guard f.request.mode == .noCors, let policy = resp.headers.get("Cross-Origin-Resource-Policy")?.corsTrimmed(),
              let origin = f.request.origin else { return nil }
        let url = f.request.url
        switch policy {
        case "same-origin":
            return f.taintedOrigin || !origin.isSameOrigin(url.origin) ? "same-origin" : nil
        case "same-site":
            if !f.taintedOrigin && Site.isSameSite(origin, url.origin) && (origin.scheme == "https" || url.scheme != "https") { return nil }
            return "same-site"
        default:
            return nil
        }
    }

    /// The page's view of the response (https://fetch.spec.whatwg.org/#main-fetch step 14, the
    /// filtered response for the response tainting).
    private func complete(_ f: APIFetch, _ resp: HTTPResponse) {
        var r = APIFetchResult(error: nil)
        r.url = f.request.url.href
        r.redirected = f.urlList.count > 1
        r.internalBody = resp.body
        switch f.tainting {
        case .basic:
            r.type = "basic"; r.status = resp.status; r.statusText = reasonPhrase(resp.status)
            r.headers = CORS.basicHeaders(resp.headers); r.body = resp.body
        case .cors:
            r.type = "cors"; r.status = resp.status; r.statusText = reasonPhrase(resp.status)
            r.headers = CORS.exposedHeaders(resp.headers, credentialsMode: f.credentials); r.body = resp.body
        case .opaque:
            // https://fetch.spec.whatwg.org/#concept-filtered-response-opaque : status 0, no
            // headers, no body, an empty URL list.
            r.type = "opaque"; r.url = ""; r.redirected = false
        }
        finishWith(f, r)
    }

    private func finishWith(_ f: APIFetch, _ r: APIFetchResult) {
        f.finish?(r)
        f.finish = nil
    }

    private func flatten(_ h: HeaderList) -> [String: String] {
        Dictionary(h.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, b in a + ", " + b })
    }

    // MARK: Content Security Policy: connect-src

    /// A request (or inline script) a Content-Security-Policy directive refuses, with Chromium's wording.
    struct ConnectSrcViolation {
        var directive: String        // the directive that decided: "connect-src", "img-src", "script-src", "default-src", ...
        var policyText: String       // the directive as written, e.g. "connect-src 'self'"
        /// The directive the load asked for (https://w3c.github.io/webappsec-csp/#effective-directive-for-a-request).
        var effective: String = "connect-src"
        func message(_ url: URLRecord) -> String {
            let what: String
            switch effective {
            case "img-src": what = "Refused to load the image '\(url.href)'"
            case "script-src-elem": what = "Refused to load the script '\(url.href)'"
            case "style-src-elem": what = "Refused to load the stylesheet '\(url.href)'"
            default: what = "Refused to connect to '\(url.href)'"
            }
            return what + " because it violates the following Content Security Policy directive: \"\(policyText)\"." + fallbackNote
        }
        /// An inline script refused by script-src.
        var inlineMessage: String {
            "Refused to execute inline script because it violates the following Content Security Policy directive: \"\(policyText)\". Either the 'unsafe-inline' keyword, a hash ('sha256-...'), or a nonce ('nonce-...') is required to enable inline execution." + fallbackNote
        }
        var fallbackNote: String {
            directive == effective ? "" : " Note that '\(effective)' was not explicitly set, so '\(directive)' is used as a fallback."
        }
    }

    /// https://w3c.github.io/webappsec-csp/#directive-connect-src : the document's enforced
    /// policies (Content-Security-Policy response headers) against the request URL.
    func connectSrcViolation(_ url: URLRecord, client: Window) -> ConnectSrcViolation? {
        cspViolation("connect-src", url: url, client: client)
    }

    /// The directives a load falls back through (https://w3c.github.io/webappsec-csp/#directive-fallback-list).
    static func cspFallbackList(_ effective: String) -> [String] {
        switch effective {
        case "script-src-elem": return ["script-src-elem", "script-src", "default-src"]
        case "style-src-elem": return ["style-src-elem", "style-src", "default-src"]
        default: return [effective, "default-src"]
        }
    }

    /// https://w3c.github.io/webappsec-csp/#should-block-request : the document's enforced policies
    /// (Content-Security-Policy response headers) against a load of `url` for `effective`
    /// ("connect-src", "img-src", "script-src-elem", "style-src-elem"); `url` nil asks about an
    /// inline script (allowed by 'unsafe-inline', or by a matching nonce).
    func cspViolation(_ effective: String, url: URLRecord?, client: Window, nonce: String? = nil) -> ConnectSrcViolation? {
        for header in client.responseHeaders.getAll("Content-Security-Policy") {
            for policy in header.split(separator: ",") {
                var directives: [String: [String]] = [:]
                var texts: [String: String] = [:]
                for d in policy.split(separator: ";") {
                    let tokens = d.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                    guard let name = tokens.first?.lowercased(), directives[name] == nil else { continue }
                    directives[name] = Array(tokens.dropFirst())
                    texts[name] = d.corsTrimmed()
                }
                guard let which = Self.cspFallbackList(effective).first(where: { directives[$0] != nil }),
                      let sources = directives[which] else { continue }
                let lower = sources.map { $0.lowercased() }
                let allowed: Bool
                if let url {
                    allowed = cspSourceListMatches(sources, url: url, selfOrigin: client.origin)
                } else {
                    let hasNonceOrHash = lower.contains { $0.hasPrefix("'nonce-") || $0.hasPrefix("'sha") }
                    let nonceOK = nonce.map { n in sources.contains("'nonce-\(n)'") } ?? false
                    allowed = nonceOK || (lower.contains("'unsafe-inline'") && !hasNonceOrHash)
                }
                if !allowed {
                    return ConnectSrcViolation(directive: which, policyText: texts[which] ?? which, effective: effective)
                }
            }
        }
        return nil
    }

    /// https://w3c.github.io/webappsec-csp/#match-url-to-source-list (schemes, hosts with `*.`
    /// wildcards, ports, paths as prefixes; 'self'; `*`).
    func cspSourceListMatches(_ sources: [String], url: URLRecord, selfOrigin: Origin) -> Bool {
        for raw in sources {
            let s = raw.lowercased()
            if s == "'none'" { continue }
            if s == "*" {
                if ["http", "https", "ws", "wss"].contains(url.scheme) || url.scheme == selfOrigin.scheme { return true }
                continue
            }
            if s == "'self'" {
                if selfOrigin.isSameOrigin(url.origin) { return true }
                // https: and wss: upgrades of 'self' match too.
                if case .tuple(let sch, let host, let port) = selfOrigin, url.host == host {
                    if (sch == "http" && (url.scheme == "https" || url.scheme == "wss") || (sch == "https" && url.scheme == "wss"))
                        && (port == nil || url.port == port) { return true }
                }
                continue
            }
            if s.hasPrefix("'") { continue }
            if s.hasSuffix(":") && !s.contains("/") {
                let scheme = String(s.dropLast())
                if url.scheme == scheme || (scheme == "http" && url.scheme == "https") || (scheme == "ws" && ["wss", "http", "https"].contains(url.scheme)) { return true }
                continue
            }
            // host-source: [scheme "://"] host [":" port] [path]
            var rest = Substring(s)
            var scheme: String? = nil
            if let r = rest.range(of: "://") { scheme = String(rest[..<r.lowerBound]); rest = rest[r.upperBound...] }
            var path = ""
            if let slash = rest.firstIndex(of: "/") { path = String(rest[slash...]); rest = rest[..<slash] }
            var hostPart = String(rest), portPart: String? = nil
            if let colon = hostPart.lastIndex(of: ":") { portPart = String(hostPart[hostPart.index(after: colon)...]); hostPart = String(hostPart[..<colon]) }
            if let scheme {
                let ok = url.scheme == scheme || (scheme == "http" && url.scheme == "https") || (scheme == "ws" && url.scheme == "wss")
                if !ok { continue }
            } else if let sch = selfOrigin.scheme {
                let ok = url.scheme == sch || (sch == "http" && url.scheme == "https")
                if !ok { continue }
            }
            let h = url.hostname.lowercased()
            if hostPart.hasPrefix("*.") {
                if !h.hasSuffix(String(hostPart.dropFirst(1))) { continue }
            } else if hostPart != "*" && hostPart != h { continue }
            let effectivePort = url.port ?? defaultPort(forScheme: url.scheme)
            if let p = portPart {
                if p != "*" && Int(p) != effectivePort { continue }
            } else {
                let sch = scheme ?? url.scheme
                if effectivePort != defaultPort(forScheme: sch) && !(sch == "http" && url.scheme == "https" && effectivePort == 443) { continue }
            }
            if !path.isEmpty && path != "/" {
                if path.hasSuffix("/") { if !url.pathname.hasPrefix(path) { continue } }
                else if url.pathname != path { continue }
            }
            return true
        }
        return false
    }

    /// Fires `securitypolicyviolation` at the document (it bubbles to the window) in a later task.
    /// https://w3c.github.io/webappsec-csp/#report-violation
    func queueViolationEvent(_ w: Window, url: URLRecord?, directive: ConnectSrcViolation) {
        queueTask(delay: 1) { [weak w] in
            guard let w, w.isActive, let realm = w.realm else { return }
            let effective = directive.effective.replacingOccurrences(of: "-elem", with: "")
            realm.fireSecurityPolicyViolation(blockedURI: url?.href ?? "inline", effectiveDirective: effective,
                                              violatedDirective: directive.directive, originalPolicy: directive.policyText)
        }
    }
}

// MARK: host functions

extension Realm {
    /// The host functions fetch.js calls: `fetchStart`, `fetchHeaderAllowed`, `fetchMethod`.
    func installFetchHostFunctions() {
        func def(_ name: String, _ body: @escaping (JSC, [JSValueRef]) throws -> JSValueRef) {
            js.set(host, name, js.function(name) { js, _, args in try body(js, args) })
        }
        func arg(_ a: [JSValueRef], _ i: Int) -> JSValueRef? { i < a.count ? a[i] : nil }

        // fetchHeaderAllowed(name, value, guard): whether a Headers object with this guard keeps
        // the header (https://fetch.spec.whatwg.org/#headers-validate).
        def("fetchHeaderAllowed") { js, a in
            let name = js.toString(arg(a, 0)), value = js.toString(arg(a, 1))
            switch js.toString(arg(a, 2)) {
            case "request": return js.bool(!CORS.isForbiddenRequestHeader(name, value))
            case "request-no-cors": return js.bool(CORS.isNoCORSSafelistedRequestHeader(name, value))
            case "response": return js.bool(!CORS.isForbiddenResponseHeader(name))
            default: return js.bool(true)
            }
        }
        // fetchMethod(m): [normalized, "ok" | "invalid" | "forbidden"].
        def("fetchMethod") { js, a in
            let m = js.toString(arg(a, 0))
            let status = !CORS.isValidMethod(m) ? "invalid" : (CORS.isForbiddenMethod(m) ? "forbidden" : "ok")
            return js.array([js.string(CORS.normalizeMethod(m)), js.string(status)])
        }
        def("fetchSafelistedMethod") { js, a in js.bool(CORS.isSafelistedMethod(js.toString(arg(a, 0)))) }

        // fetchStart(desc, callback): starts a fetch; `callback(result)` comes in a later task (at
        // once for a synchronous XHR, which also returns the result).
        def("fetchStart") { [unowned self] js, a in
            guard let d = js.object(arg(a, 0)) else { return js.undefined }
            let w = self.window, b = self.browser
            let str = { (k: String) -> String in js.toString(js.get(d, k)) }
            guard let url = URLRecord.parse(str("url"), base: w.url) else {
                return js.string(b.profile.fetchFailedMessage)
            }
            var headers = HeaderList()
            if let list = js.object(js.get(d, "headers")) {
                let n = Int(js.toNumber(js.get(list, "length")))
                for i in 0..<max(0, n) {
                    if let pair = js.object(js.get(list, "\(i)")) { headers.append(js.toString(js.get(pair, "0")), js.toString(js.get(pair, "1"))) }
                }
            }
            var body: [UInt8]? = nil
            let bodyValue = js.get(d, "body")
            if !js.isNullish(bodyValue) {
                let text = js.toString(bodyValue)
                body = js.toBool(js.get(d, "bodyIsBytes")) ? text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(text.utf8)
            }
            let mode: FetchRequest.Mode
            switch str("mode") { case "no-cors": mode = .noCors; case "same-origin": mode = .sameOrigin; default: mode = .cors }
            let credentials = CredentialsMode(rawValue: str("credentials")) ?? .sameOrigin
            let kind = str("kind") == "xhr" ? "xhr" : "fetch"
            let sync = js.toBool(js.get(d, "sync"))
            let redirect = ["follow", "error", "manual"].contains(str("redirect")) ? str("redirect") : "follow"
            let req = FetchRequest(method: str("method"), url: url, headers: headers, body: body, destination: "empty",
                                   mode: mode, kind: kind, client: w, origin: w.origin, referrer: w.url, frameLabel: w.label)
            var syncResult: JSValueRef? = nil
            let cb = arg(a, 1)
            let keepID = cb.map { self.keep($0) }
            let f = APIFetch(request: req, initiator: kind == "xhr" ? .xhr : .fetch, credentials: credentials,
                             redirectMode: redirect, sync: sync) { [weak self] result in
                guard let self else { return }
                defer { if let keepID { self.release(keepID) } }
                let value = self.fetchResultValue(result)
                if sync { syncResult = value; return }
                if let cb, self.window.isActive { self.invoke(cb, [value]) }
            }
            b.startAPIFetch(f)
            if sync { return syncResult ?? self.fetchResultValue(.networkError(b.profile.fetchFailedMessage)) }
            return js.undefined
        }
    }

    /// The JS record fetch.js turns into a Response: {error, type, status, statusText, url,
    /// redirected, headers: [[name, value]], body (UTF-8 text), raw (one char per byte)}.
    func fetchResultValue(_ r: APIFetchResult) -> JSValueRef {
        let o = js.newObject()
        js.set(o, "error", r.error.map { js.string($0) } ?? js.null)
        js.set(o, "type", js.string(r.type))
        js.set(o, "status", js.number(Double(r.status)))
        js.set(o, "statusText", js.string(r.statusText))
        js.set(o, "url", js.string(r.url))
        js.set(o, "redirected", js.bool(r.redirected))
        js.set(o, "headers", js.array(r.headers.fields.map { js.array([js.string($0.name), js.string($0.value)]) }))
        js.set(o, "body", js.string(String(decoding: r.body, as: UTF8.self)))
        var raw = String.UnicodeScalarView()
        raw.append(contentsOf: r.body.map { Unicode.Scalar($0) })
        js.set(o, "raw", js.string(String(raw)))
        return o
    }

    /// Fires a `securitypolicyviolation` event at the document (bubbling to the window).
    func fireSecurityPolicyViolation(blockedURI: String, effectiveDirective: String, violatedDirective: String, originalPolicy: String) {
        ensurePrelude("fetch")
        let f = js.get(host, "fireSecurityPolicyViolation")
        guard js.object(f) != nil else { return }
        let info = js.newObject()
        js.set(info, "blockedURI", js.string(blockedURI))
        js.set(info, "effectiveDirective", js.string(effectiveDirective))
        js.set(info, "violatedDirective", js.string(violatedDirective))
        js.set(info, "originalPolicy", js.string(originalPolicy))
        js.set(info, "documentURI", js.string(window.url.href))
        invoke(f, [info])
    }
}
