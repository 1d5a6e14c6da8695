import URLStandard

/// A request (https://fetch.spec.whatwg.org/#concept-request), with the fields the engine uses.
struct FetchRequest {
    enum Mode: String { case navigate, sameOrigin = "same-origin", noCors = "no-cors", cors, websocket }
    var method: String = "GET"
    var url: URLRecord
    var headers = HeaderList()
    var body: [UInt8]? = nil
    /// https://fetch.spec.whatwg.org/#concept-request-destination ("document", "iframe", "script", "empty", ...)
    var destination: String
    var mode: Mode
    /// What the request log calls it: document, iframe, script, fetch, xhr, form, ...
    var kind: String
    /// The window that started it (nil for a browser-initiated navigation).
    weak var client: Window?
    /// https://fetch.spec.whatwg.org/#concept-request-origin
    var origin: Origin?
    var userInitiated = false
    var referrer: URLRecord? = nil
    var frameLabel: String = ""
    /// How cookies go with it (nil: credentials are not included).
    var cookieContext: CookieRequestContext? = nil
}

struct FetchResult {
    var response: HTTPResponse
    var url: URLRecord
    var redirected: Bool
}

extension Browser {
    /// https://w3c.github.io/webappsec-referrer-policy/#determine-requests-referrer with the
    /// default policy strict-origin-when-cross-origin.
    func referrerValue(_ referrer: URLRecord?, for url: URLRecord) -> String? {
        guard let r = referrer, r.scheme == "http" || r.scheme == "https" else { return nil }
        if r.scheme == "https" && !isPotentiallyTrustworthy(url.origin) { return nil }
        var stripped = r
        stripped.username = ""; stripped.password = ""; stripped.fragment = nil
        if r.origin.isSameOrigin(url.origin) { return stripped.href }
        return r.origin.serialized + "/"
    }

    /// https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-site-header
    func secFetchSite(_ req: FetchRequest, chain: [URLRecord]) -> String {
        if req.userInitiated { return "none" }
        guard let o = req.origin else { return "cross-site" }
        var value = "same-origin"
        for u in chain {
            if o.isSameOrigin(u.origin) { continue }
            if Site.isSameSite(o, u.origin) { if value == "same-origin" { value = "same-site" } }
            else { value = "cross-site" }
        }
        return value
    }

    /// Sends one request to the fixture servers and logs it, following redirects for navigations
    /// (at most 20, https://fetch.spec.whatwg.org/#http-redirect-fetch).
    func fetchNavigationOrSubresource(_ initial: FetchRequest) -> FetchResult {
        var req = initial
        var chain: [URLRecord] = [req.url]
        var redirected = false
        for _ in 0..<21 {
            var h = req.headers
            if let ref = referrerValue(req.referrer, for: req.url) { h.set("Referer", ref) }
            // Sec-Fetch-* go only to potentially trustworthy URLs (https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-append-the-fetch-metadata-headers-for-a-request).
            if isPotentiallyTrustworthy(req.url.origin) {
                h.set("Sec-Fetch-Site", secFetchSite(req, chain: chain))
                h.set("Sec-Fetch-Mode", req.mode.rawValue)
                if req.userInitiated && req.mode == .navigate { h.set("Sec-Fetch-User", "?1") }
                h.set("Sec-Fetch-Dest", req.destination)
            }
            if req.mode == .navigate && req.url.scheme == "http" { h.set("Upgrade-Insecure-Requests", "1") }
            let cookieDecisions = req.cookieContext.map { attachCookies(&h, url: req.url, context: $0) }
            let httpReq = HTTPRequest(method: req.method, url: req.url, headers: h, body: req.body)
            let resp = server.respond(to: httpReq)
            let stored = req.cookieContext.map { storeCookies(from: resp, url: req.url, context: $0) }
            requests.append(RequestRecord(method: req.method, url: req.url.href, status: resp.status,
                                          headers: Dictionary(h.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, b in a + ", " + b }),
                                          kind: req.kind, frame: req.frameLabel,
                                          body: req.body.map { String(decoding: $0, as: UTF8.self) },
                                          preflight: false, readable: nil, reason: nil,
                                          cookies: cookieDecisions.flatMap { $0.isEmpty ? nil : $0 },
                                          setCookies: stored.flatMap { $0.isEmpty ? nil : $0 }))
            if [301, 302, 303, 307, 308].contains(resp.status), let loc = resp.headers.get("Location"),
               let next = URLRecord.parse(loc, base: req.url) {
                redirected = true
                // https://fetch.spec.whatwg.org/#http-redirect-fetch step 12: 301/302 POST and 303 become GET.
                if (resp.status == 303 && req.method != "HEAD") || ((resp.status == 301 || resp.status == 302) && req.method == "POST") {
                    req.method = "GET"; req.body = nil; req.headers.remove("Content-Type")
                }
                req.url = next
                chain.append(next)
                continue
            }
            return FetchResult(response: resp, url: req.url, redirected: redirected)
        }
        return FetchResult(response: HTTPResponse(status: 0), url: req.url, redirected: redirected)
    }
}
