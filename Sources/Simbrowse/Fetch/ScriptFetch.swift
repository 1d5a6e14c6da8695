import URLStandard

/// Classic scripts' fetch: no-cors or CORS, ORB and MIME checks (policy beside the fetch layer).
extension Browser {
    enum ScriptFetchOutcome { case success(String, muted: Bool), failure }

    /// Fetches a classic script (https://html.spec.whatwg.org/multipage/webappapis.html#fetch-a-classic-script):
    /// no-cors (its errors are then muted when it is cross-origin), or cors for `crossorigin`, with
    /// Chromium's Opaque Response Blocking and strict MIME type checks.
    func fetchScript(_ url: URLRecord, for w: Window, crossOrigin: String?) -> ScriptFetchOutcome {
        if url.scheme == "data" {
            let (_, bytes) = decodeDataURL(url)
            return .success(String(decoding: bytes, as: UTF8.self), muted: false)
        }
        let mode: FetchRequest.Mode = crossOrigin == nil ? .noCors : .cors
        let credentials: CredentialsMode = crossOrigin?.lowercased() == "use-credentials" ? .include : .sameOrigin
        let crossOriginRequest = !w.origin.isSameOrigin(url.origin)
        var req = FetchRequest(url: url, destination: "script", mode: mode, kind: "script", client: w, origin: w.origin,
                               referrer: w.url, frameLabel: w.label)
        if mode == .cors && crossOriginRequest { req.headers.set("Origin", w.origin.serialized) }
        if CookieJar.includesCredentials(mode: mode == .noCors ? "include" : credentials.rawValue, requestOrigin: w.origin, url: url) {
            req.cookieContext = .subresource(documentAncestry: w.ancestry)
        }
        let result = fetchNavigationOrSubresource(req)
        let r = result.response
        let crossOriginResponse = !w.origin.isSameOrigin(result.url.origin)
        let mime = r.headers.get("Content-Type").map { $0.split(separator: ";").first.map { String($0).trimmingCharacters(in: " \t").lowercased() } ?? "" } ?? ""
        func refuse(_ rule: String, _ why: String, _ console: String?, spec: String) -> ScriptFetchOutcome {
            let v = Verdict(decision: .blocked, rule: rule, explanation: why, spec: spec,
                            accessorOrigin: w.origin.serialized, targetOrigin: result.url.origin.serialized)
            record(v, by: w)
            if let i = requests.lastIndex(where: { $0.url == result.url.href && $0.kind == "script" }) {
                requests[i].readable = false; requests[i].reason = why
            }
            if let console { log(w, level: "error", console) }
            return .failure
        }
        if mode == .cors && crossOriginResponse {
            if case .failure(let f) = CORS.corsCheck(r, requestOrigin: w.origin.serialized, credentialsMode: credentials) {
                return refuse("CORS check", "the script's CORS check failed",
                              "Access to script at '\(result.url.href)' from origin '\(w.origin.serialized)' has been blocked by CORS policy: \(f.reason(initiator: .fetch).replacingOccurrences(of: " Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.", with: ""))",
                              spec: "https://fetch.spec.whatwg.org/#concept-cors-check")
            }
        }
        guard (200..<300).contains(r.status) else { return .failure }
        let javascriptMIME = mime.isEmpty || mime.hasSuffix("javascript") || mime.hasSuffix("ecmascript") || mime == "text/jscript" || mime == "text/livescript"
        // Opaque Response Blocking (https://github.com/annevk/orb): a cross-origin no-cors response
        // that is JSON, HTML or XML never reaches the page.
        if mode == .noCors && crossOriginResponse && orbBlocks(mime: mime, body: r.body) {
            return refuse("Opaque Response Blocking", "the \(mime) response of a cross-origin no-cors request is blocked (ORB)",
                          "GET \(result.url.href) net::ERR_BLOCKED_BY_ORB \(r.status) (\(reasonPhrase(r.status)))",
                          spec: "https://fetch.spec.whatwg.org/#orb")
        }
        // https://fetch.spec.whatwg.org/#should-response-to-request-be-blocked-due-to-mime-type?
        if mime.hasPrefix("image/") || mime.hasPrefix("audio/") || mime.hasPrefix("video/") || mime == "text/csv" {
            return refuse("MIME type", "a \(mime) response is never run as script",
                          "Refused to execute script from '\(result.url.href)' because its MIME type ('\(mime)') is not executable.",
                          spec: "https://fetch.spec.whatwg.org/#should-response-to-request-be-blocked-due-to-mime-type?")
        }
        if r.headers.get("X-Content-Type-Options")?.lowercased().split(separator: ",").first?.trimmingCharacters(in: .init(charactersIn: " ")) == "nosniff" && !javascriptMIME {
            return refuse("X-Content-Type-Options: nosniff", "nosniff and a non-JavaScript MIME type (\(mime))",
                          "Refused to execute script from '\(result.url.href)' because its MIME type ('\(mime)') is not executable, and strict MIME type checking is enabled.",
                          spec: "https://fetch.spec.whatwg.org/#x-content-type-options-header")
        }
        return .success(r.bodyText, muted: mode == .noCors && crossOriginResponse)
    }

    /// ORB's sniffing, simplified: JSON, HTML and XML bodies of those MIME types are blocked.
    func orbBlocks(mime: String, body: [UInt8]) -> Bool {
        let text = String(decoding: body.prefix(1024), as: UTF8.self).trimmingCharacters(in: " \t\r\n")
        let lower = text.lowercased()
        if mime == "application/json" || mime == "text/json" || mime.hasSuffix("+json") {
            return text.hasPrefix("{") || text.hasPrefix("[") || text.hasPrefix("\"") || text.hasPrefix(")]}'")
        }
        if mime == "text/html" {
            return ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<!--", "<p", "<div", "<title"].contains { lower.hasPrefix($0) }
        }
        if mime == "text/xml" || mime == "application/xml" || (mime.hasSuffix("+xml") && mime != "image/svg+xml") {
            return lower.hasPrefix("<?xml")
        }
        return ["application/pdf", "application/zip", "application/gzip", "application/msword", "text/event-stream", "multipart/byteranges"].contains(mime)
    }
}
