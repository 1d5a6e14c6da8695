// The CORS protocol's rules: which methods and headers are safelisted or forbidden, when a
// preflight is needed, the CORS check, the preflight cache, and Chromium's wording of every
// failure. Pure functions over strings, `HeaderList` and `Origin`; no engine state.
// https://fetch.spec.whatwg.org/#http-cors-protocol
import URLStandard

/// https://fetch.spec.whatwg.org/#concept-request-credentials-mode
enum CredentialsMode: String, Sendable { case omit, sameOrigin = "same-origin", include }

/// Who started the request, for Chromium's wording: "Access to fetch at ..." or
/// "Access to XMLHttpRequest at ...".
enum CORSInitiator: String, Sendable {
    case fetch, xhr
    var resourceKind: String { self == .fetch ? "fetch" : "XMLHttpRequest" }
}

/// A failed CORS check, with Chromium's reason text (the part after "blocked by CORS policy: ").
/// https://fetch.spec.whatwg.org/#concept-cors-check ; Chromium's cors_error_string.cc
struct CORSFailure: Error, Equatable, Sendable {
    enum Kind: String, Sendable {
        case missingAllowOrigin, wildcardWithCredentials, multipleAllowOriginValues, invalidAllowOrigin,
             allowOriginMismatch, invalidAllowCredentials, preflightInvalidStatus, preflightRedirect,
             methodNotAllowed, headerNotAllowed, invalidAllowMethods, invalidAllowHeaders,
             redirectContainsCredentials, disallowedByMode
    }
    var kind: Kind
    /// The header value, method or header name the message quotes.
    var hint: String = ""
    /// A failure of the preflight (the reason is prefixed "Response to preflight request doesn't pass access control check: ").
    var preflight: Bool = false

    /// Chromium's reason text, as it follows "has been blocked by CORS policy: ".
    func reason(initiator: CORSInitiator) -> String {
        let noCors = " Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."
        let xhrCredentials = " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."
        var s = preflight && kind.isAccessCheck || kind == .preflightInvalidStatus || kind == .preflightRedirect
            ? "Response to preflight request doesn't pass access control check: " : ""
        switch kind {
        case .disallowedByMode: s += "Cross origin requests are not allowed by request mode."
        case .wildcardWithCredentials:
            s += "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
            if initiator == .xhr { s += xhrCredentials }
        case .missingAllowOrigin:
            s += "No 'Access-Control-Allow-Origin' header is present on the requested resource."
            if initiator == .fetch { s += " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled." }
        case .multipleAllowOriginValues:
            s += "The 'Access-Control-Allow-Origin' header contains multiple values '\(hint)', but only one is allowed."
            if initiator == .fetch { s += noCors }
        case .invalidAllowOrigin:
            s += "The 'Access-Control-Allow-Origin' header contains the invalid value '\(hint)'."
            if initiator == .fetch { s += noCors }
        case .allowOriginMismatch:
            s += "The 'Access-Control-Allow-Origin' header has a value '\(hint)' that is not equal to the supplied origin."
            if initiator == .fetch { s += noCors }
        case .invalidAllowCredentials:
            s += "The value of the 'Access-Control-Allow-Credentials' header in the response is '\(hint)' which must be 'true' when the request's credentials mode is 'include'."
            if initiator == .xhr { s += xhrCredentials }
        case .preflightInvalidStatus: s += "It does not have HTTP ok status."
        case .preflightRedirect: s += "Redirect is not allowed for a preflight request."
        case .invalidAllowMethods: s += "Cannot parse Access-Control-Allow-Methods response header field in preflight response."
        case .invalidAllowHeaders: s += "Cannot parse Access-Control-Allow-Headers response header field in preflight response."
        case .methodNotAllowed: s += "Method \(hint) is not allowed by Access-Control-Allow-Methods in preflight response."
        case .headerNotAllowed: s += "Request header field \(hint) is not allowed by Access-Control-Allow-Headers in preflight response."
        case .redirectContainsCredentials:
            s += "Redirect location '\(hint)' contains a username and password, which is disallowed for cross-origin requests."
        }
        return s
    }

    /// Chromium's whole console line: "Access to fetch at '<url>' [(redirected from '<first>') ]from
    /// origin '<origin>' has been blocked by CORS policy: <reason>".
    func consoleMessage(initiator: CORSInitiator, url: String, initialURL: String, origin: String) -> String {
        var s = "Access to \(initiator.resourceKind) at '\(url)' "
        if initialURL != url { s += "(redirected from '\(initialURL)') " }
        return s + "from origin '\(origin)' has been blocked by CORS policy: " + reason(initiator: initiator)
    }
}

private extension CORSFailure.Kind {
    var isAccessCheck: Bool {
        [.missingAllowOrigin, .wildcardWithCredentials, .multipleAllowOriginValues, .invalidAllowOrigin,
         .allowOriginMismatch, .invalidAllowCredentials].contains(self)
    }
}

enum CORS {
    // MARK: methods

    /// https://fetch.spec.whatwg.org/#cors-safelisted-method
    static func isSafelistedMethod(_ m: String) -> Bool { m == "GET" || m == "HEAD" || m == "POST" }

    /// https://fetch.spec.whatwg.org/#forbidden-method (byte-case-insensitive)
    static func isForbiddenMethod(_ m: String) -> Bool { ["CONNECT", "TRACE", "TRACK"].contains(m.uppercased()) }

    /// https://fetch.spec.whatwg.org/#concept-method-normalize
    static func normalizeMethod(_ m: String) -> String {
        let u = m.uppercased()
        return ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"].contains(u) ? u : m
    }

    /// https://fetch.spec.whatwg.org/#concept-method (a token)
    static func isValidMethod(_ m: String) -> Bool { !m.isEmpty && m.unicodeScalars.allSatisfy(isTokenChar) }

    /// https://fetch.spec.whatwg.org/#header-name (a token)
    static func isValidHeaderName(_ n: String) -> Bool { !n.isEmpty && n.unicodeScalars.allSatisfy(isTokenChar) }

    /// https://fetch.spec.whatwg.org/#header-value : no leading/trailing whitespace, no NUL, CR or LF.
    static func isValidHeaderValue(_ v: String) -> Bool {
        !v.unicodeScalars.contains { $0 == "\0" || $0 == "\r" || $0 == "\n" || $0.value > 0xFF }
    }

    static func isTokenChar(_ c: Unicode.Scalar) -> Bool {
        guard c.isASCII, c.value > 0x20, c.value < 0x7F else { return false }
        return !"\"(),/:;<=>?@[\\]{}".unicodeScalars.contains(c)
    }

    // MARK: request headers

    /// https://fetch.spec.whatwg.org/#forbidden-request-header
    static let forbiddenRequestHeaders: Set<String> = [
        "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method",
        "connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive",
        "origin", "referer", "set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via",
    ]

    /// https://fetch.spec.whatwg.org/#forbidden-request-header : the names above, `proxy-` and
    /// `sec-` prefixes, and the method-override headers naming a forbidden method.
    static func isForbiddenRequestHeader(_ name: String, _ value: String = "") -> Bool {
        let n = name.lowercased()
        if forbiddenRequestHeaders.contains(n) || n.hasPrefix("proxy-") || n.hasPrefix("sec-") { return true }
        if ["x-http-method", "x-http-method-override", "x-method-override"].contains(n) {
            return value.split(separator: ",").contains { isForbiddenMethod($0.corsTrimmed()) }
        }
        return false
    }

    /// https://fetch.spec.whatwg.org/#forbidden-response-header-name
    static func isForbiddenResponseHeader(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "set-cookie" || n == "set-cookie2"
    }

    /// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
    static func isUnsafeHeaderByte(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 0x09) || b == 0x7F || Array("\"():<>?@[\\]{}".utf8).contains(b)
    }

    /// The three MIME type essences a safelisted Content-Type may have.
    static let safelistedContentTypes: Set<String> = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]

    /// https://fetch.spec.whatwg.org/#cors-safelisted-request-header
    static func isSafelistedRequestHeader(_ name: String, _ value: String) -> Bool {
        let bytes = Array(value.utf8)
        if bytes.count > 128 { return false }
        switch name.lowercased() {
        case "accept":
            return !bytes.contains(where: isUnsafeHeaderByte)
        case "accept-language", "content-language":
            let ok = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz *,-.;=".utf8)
            return bytes.allSatisfy { ok.contains($0) }
        case "content-type":
            if bytes.contains(where: isUnsafeHeaderByte) { return false }
            guard let essence = mimeEssence(value) else { return false }
            return safelistedContentTypes.contains(essence)
        case "range":
            return isSimpleRangeHeaderValue(value)
        default:
            return false
        }
    }

    /// https://mimesniff.spec.whatwg.org/#parse-a-mime-type (the essence only): type "/" subtype,
    /// both tokens, lower-cased; nil when it does not parse.
    static func mimeEssence(_ value: String) -> String? {
        let trimmed = value.corsTrimmed()
        let head = trimmed.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let parts = head.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let type = String(parts[0]), sub = String(parts[1]).corsTrimmed()
        guard isValidHeaderName(type), isValidHeaderName(sub) else { return nil }
        return (type + "/" + sub).lowercased()
    }

    /// https://fetch.spec.whatwg.org/#simple-range-header-value : `bytes=N-`, `bytes=N-M` or `bytes=-M`.
    static func isSimpleRangeHeaderValue(_ v: String) -> Bool {
        guard v.hasPrefix("bytes=") else { return false }
        let rest = v.dropFirst(6)
        guard let dash = rest.firstIndex(of: "-") else { return false }
        let a = rest[..<dash], b = rest[rest.index(after: dash)...]
        let digits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard digits(a), digits(b), !(a.isEmpty && b.isEmpty) else { return false }
        if let x = Int(a), let y = Int(b), x > y { return false }
        return true
    }

    /// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name
    static func isNoCORSSafelistedRequestHeader(_ name: String, _ value: String) -> Bool {
        ["accept", "accept-language", "content-language", "content-type"].contains(name.lowercased())
            && isSafelistedRequestHeader(name, value)
    }

    /// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names : sorted, lower-cased, unique;
    /// when the safelisted values together exceed 1024 bytes, those count as unsafe too.
    static func unsafeRequestHeaderNames(_ headers: HeaderList) -> [String] {
        var unsafe = Set<String>(), potentiallyUnsafe = Set<String>()
        var safelistedSize = 0
        for f in headers {
            if !isSafelistedRequestHeader(f.name, f.value) { unsafe.insert(f.name.lowercased()) }
            else { potentiallyUnsafe.insert(f.name.lowercased()); safelistedSize += f.value.utf8.count }
        }
        if safelistedSize > 1024 { unsafe.formUnion(potentiallyUnsafe) }
        return unsafe.sorted()
    }

    /// https://fetch.spec.whatwg.org/#main-fetch step 12, cors case: a preflight is needed when
    /// the method is not safelisted or a CORS-unsafe request header is present.
    static func needsPreflight(method: String, headers: HeaderList, useCORSPreflight: Bool = false) -> Bool {
        useCORSPreflight || !isSafelistedMethod(method) || !unsafeRequestHeaderNames(headers).isEmpty
    }

    // MARK: the CORS check

    /// https://fetch.spec.whatwg.org/#concept-cors-check , in Chromium's order (cors.cc CheckAccess),
    /// which decides the reason it reports.
    static func corsCheck(_ response: HTTPResponse, requestOrigin: String, credentialsMode: CredentialsMode) -> Result<Void, CORSFailure> {
        corsCheck(allowOrigin: response.headers.get("Access-Control-Allow-Origin"),
                  allowCredentials: response.headers.get("Access-Control-Allow-Credentials"),
                  requestOrigin: requestOrigin, credentialsMode: credentialsMode)
    }

    static func corsCheck(allowOrigin: String?, allowCredentials: String?, requestOrigin: String,
                          credentialsMode: CredentialsMode) -> Result<Void, CORSFailure> {
        guard let acao = allowOrigin else { return .failure(CORSFailure(kind: .missingAllowOrigin)) }
        if acao == "*" {
            // Step 3: `*` passes only when the credentials mode is not "include".
            if credentialsMode != .include { return .success(()) }
            return .failure(CORSFailure(kind: .wildcardWithCredentials))
        }
        if acao != requestOrigin {
            if acao.contains(",") || acao.contains(" ") { return .failure(CORSFailure(kind: .multipleAllowOriginValues, hint: acao)) }
            if acao != "null" && URLRecord.parse(acao) == nil { return .failure(CORSFailure(kind: .invalidAllowOrigin, hint: acao)) }
            return .failure(CORSFailure(kind: .allowOriginMismatch, hint: acao))
        }
        // Steps 5-7: with credentials, Access-Control-Allow-Credentials must be `true`.
        if credentialsMode == .include && allowCredentials != "true" {
            return .failure(CORSFailure(kind: .invalidAllowCredentials, hint: allowCredentials ?? ""))
        }
        return .success(())
    }

    // MARK: preflight

    /// https://fetch.spec.whatwg.org/#cors-preflight-fetch steps 7-8: the access check (with the
    /// preflight's own reasons), then an ok status, then the methods and headers lists.
    static func checkPreflight(_ response: HTTPResponse, method: String, unsafeHeaders: [String], requestOrigin: String,
                               credentialsMode: CredentialsMode) -> Result<PreflightResult, CORSFailure> {
        if [301, 302, 303, 307, 308].contains(response.status) {
            return .failure(CORSFailure(kind: .preflightRedirect, preflight: true))
        }
        if case .failure(var f) = corsCheck(response, requestOrigin: requestOrigin, credentialsMode: credentialsMode) {
            f.preflight = true
            return .failure(f)
        }
        guard (200...299).contains(response.status) else { return .failure(CORSFailure(kind: .preflightInvalidStatus, preflight: true)) }
        guard let methods = parseList(response.headers.get("Access-Control-Allow-Methods")) else {
            return .failure(CORSFailure(kind: .invalidAllowMethods, preflight: true))
        }
        guard let headerNames = parseList(response.headers.get("Access-Control-Allow-Headers")) else {
            return .failure(CORSFailure(kind: .invalidAllowHeaders, preflight: true))
        }
        let result = PreflightResult(methods: methods, headers: headerNames.map { $0.lowercased() },
                                     maxAge: parseMaxAge(response.headers.get("Access-Control-Max-Age")))
        // Step 8.7: the method must be listed, safelisted, or covered by `*` without credentials.
        if !result.allows(method: method, credentialsMode: credentialsMode) {
            return .failure(CORSFailure(kind: .methodNotAllowed, hint: method, preflight: true))
        }
        // Step 8.8: every CORS-unsafe header name must be listed (or `*` without credentials;
        // `authorization` is never covered by `*`).
        for name in unsafeHeaders where !result.allows(header: name, credentialsMode: credentialsMode) {
            return .failure(CORSFailure(kind: .headerNotAllowed, hint: name, preflight: true))
        }
        return .success(result)
    }

    /// https://fetch.spec.whatwg.org/#concept-header-extract-mime-type-like list parsing: a
    /// comma-separated list of tokens; nil when an entry is not a token.
    static func parseList(_ value: String?) -> [String]? {
        guard let value else { return [] }
        var out: [String] = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            let t = part.corsTrimmed()
            if t.isEmpty { continue }
            guard t == "*" || isValidHeaderName(t) else { return nil }
            out.append(t)
        }
        return out
    }

    /// Access-Control-Max-Age in seconds; Chromium's default is 5 s and its ceiling 2 hours.
    static func parseMaxAge(_ value: String?) -> Double {
        guard let v = value?.corsTrimmed(), let n = Int(v), n >= 0 else { return 5 }
        return Double(min(n, 7200))
    }

    // MARK: response headers

    /// https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
    static let safelistedResponseHeaders: Set<String> = [
        "cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma",
    ]

    /// https://fetch.spec.whatwg.org/#concept-filtered-response-cors : the safelisted names plus
    /// Access-Control-Expose-Headers (`*` only when the credentials mode is not "include").
    static func exposedHeaders(_ headers: HeaderList, credentialsMode: CredentialsMode) -> HeaderList {
        let listed = (parseList(headers.get("Access-Control-Expose-Headers")) ?? []).map { $0.lowercased() }
        let all = listed.contains("*") && credentialsMode != .include
        var out = HeaderList()
        for f in headers {
            let n = f.name.lowercased()
            if isForbiddenResponseHeader(n) { continue }
            if safelistedResponseHeaders.contains(n) || all || listed.contains(n) { out.append(f.name, f.value) }
        }
        return out
    }

    /// https://fetch.spec.whatwg.org/#concept-filtered-response-basic
    static func basicHeaders(_ headers: HeaderList) -> HeaderList {
        HeaderList(headers.fields.filter { !isForbiddenResponseHeader($0.name) }.map { ($0.name, $0.value) })
    }
}

/// What a successful preflight allows. https://fetch.spec.whatwg.org/#concept-cache
struct PreflightResult: Equatable, Sendable {
    var methods: [String]
    var headers: [String]
    var maxAge: Double

    func allows(method: String, credentialsMode: CredentialsMode) -> Bool {
        CORS.isSafelistedMethod(method) || methods.contains(method) || (methods.contains("*") && credentialsMode != .include)
    }

    func allows(header name: String, credentialsMode: CredentialsMode) -> Bool {
        let n = name.lowercased()
        if headers.contains(n) { return true }
        return headers.contains("*") && credentialsMode != .include && n != "authorization"
    }
}

/// The CORS-preflight cache (https://fetch.spec.whatwg.org/#concept-cache), keyed by origin,
/// URL and credentials, with entries that expire on the browser's virtual clock.
struct PreflightCache: Sendable {
    struct Key: Hashable, Sendable { var origin: String; var url: String; var credentials: Bool }
    struct Entry: Sendable { var result: PreflightResult; var expires: Double }
    private(set) var entries: [Key: Entry] = [:]

    init() {}

    /// Stores a preflight's result at virtual time `now` (ms); max-age is in seconds.
    mutating func store(_ key: Key, _ result: PreflightResult, now: Double) {
        guard result.maxAge > 0 else { entries[key] = nil; return }
        entries[key] = Entry(result: result, expires: now + result.maxAge * 1000)
    }

    /// https://fetch.spec.whatwg.org/#concept-cache-match : a live entry that allows the method
    /// and every unsafe header.
    func matches(_ key: Key, method: String, unsafeHeaders: [String], credentialsMode: CredentialsMode, now: Double) -> Bool {
        guard let e = entries[key], e.expires > now else { return false }
        return e.result.allows(method: method, credentialsMode: credentialsMode)
            && unsafeHeaders.allSatisfy { e.result.allows(header: $0, credentialsMode: credentialsMode) }
    }
}

extension StringProtocol {
    /// Without leading and trailing HTTP whitespace (tab, space, CR, LF).
    /// https://fetch.spec.whatwg.org/#http-whitespace
    func corsTrimmed() -> String {
        let ws: Set<Character> = [" ", "\t", "\r", "\n"]
        guard let start = firstIndex(where: { !ws.contains($0) }), let end = lastIndex(where: { !ws.contains($0) }) else { return "" }
        return String(self[start...end])
    }
}
