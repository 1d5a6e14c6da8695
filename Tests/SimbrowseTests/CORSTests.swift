import Testing
import URLStandard
@testable import Simbrowse

/// The CORS protocol's rules (Sources/Simbrowse/Fetch/CORS.swift), one line per case.
@Suite("CORS")
struct CORSTests {
    // https://fetch.spec.whatwg.org/#concept-cors-check
    @Test("CORS check", arguments: [
        // (Access-Control-Allow-Origin, Access-Control-Allow-Credentials, credentials mode, expected failure or nil)
        ("http://a.local", nil, CredentialsMode.sameOrigin, nil),
        ("*", nil, .sameOrigin, nil),
        ("*", nil, .omit, nil),
        ("*", "true", .include, CORSFailure.Kind.wildcardWithCredentials),
        (nil, nil, .sameOrigin, .missingAllowOrigin),
        (nil, "true", .include, .missingAllowOrigin),
        ("http://a.local/", nil, .sameOrigin, .allowOriginMismatch),
        ("http://b.local", nil, .sameOrigin, .allowOriginMismatch),
        ("HTTP://A.LOCAL", nil, .sameOrigin, .allowOriginMismatch),
        ("http://a.local, http://b.local", nil, .sameOrigin, .multipleAllowOriginValues),
        ("not a url", nil, .sameOrigin, .multipleAllowOriginValues),
        ("nonsense", nil, .sameOrigin, .invalidAllowOrigin),
        ("http://a.local", "true", .include, nil),
        ("http://a.local", nil, .include, .invalidAllowCredentials),
        ("http://a.local", "TRUE", .include, .invalidAllowCredentials),
        ("http://a.local", "false", .include, .invalidAllowCredentials),
        ("http://a.local", "false", .sameOrigin, nil),
    ] as [(String?, String?, CredentialsMode, CORSFailure.Kind?)])
    func corsCheck(acao: String?, acac: String?, mode: CredentialsMode, expected: CORSFailure.Kind?) {
        let r = CORS.corsCheck(allowOrigin: acao, allowCredentials: acac, requestOrigin: "http://a.local", credentialsMode: mode)
        switch r {
        case .success: #expect(expected == nil)
        case .failure(let f): #expect(f.kind == expected)
        }
    }

    @Test("the opaque origin matches ACAO null") func nullOrigin() {
        #expect((try? CORS.corsCheck(allowOrigin: "null", allowCredentials: nil, requestOrigin: "null", credentialsMode: .sameOrigin).get()) != nil)
    }

    // https://fetch.spec.whatwg.org/#cors-safelisted-method
    @Test("safelisted methods", arguments: [("GET", true), ("HEAD", true), ("POST", true), ("PUT", false), ("DELETE", false),
                                            ("PATCH", false), ("get", false), ("OPTIONS", false)])
    func safelistedMethod(m: String, safe: Bool) { #expect(CORS.isSafelistedMethod(m) == safe) }

    @Test("forbidden methods", arguments: [("CONNECT", true), ("trace", true), ("Track", true), ("GET", false), ("PATCH", false)])
    func forbiddenMethod(m: String, forbidden: Bool) { #expect(CORS.isForbiddenMethod(m) == forbidden) }

    @Test("method normalisation", arguments: [("get", "GET"), ("put", "PUT"), ("delete", "DELETE"), ("patch", "patch"), ("Options", "OPTIONS")])
    func normalize(m: String, want: String) { #expect(CORS.normalizeMethod(m) == want) }

    // https://fetch.spec.whatwg.org/#cors-safelisted-request-header
    @Test("safelisted request headers", arguments: [
        ("Content-Type", "text/plain", true),
        ("Content-Type", "text/plain;charset=UTF-8", true),
        ("content-type", "application/x-www-form-urlencoded", true),
        ("Content-Type", "multipart/form-data; boundary=----x", true),
        ("Content-Type", "TEXT/PLAIN", true),
        ("Content-Type", "application/json", false),
        ("Content-Type", "text/html", false),
        ("Content-Type", "text/plain; charset=\"utf-8\"", false),  // '"' is a CORS-unsafe request-header byte
        ("Content-Type", "text", false),
        ("Accept", "*/*", true),
        ("Accept", "text/html(", false),
        ("Accept-Language", "en-US,en;q=0.9", true),
        ("Accept-Language", "en_US", false),
        ("Content-Language", "de", true),
        ("Range", "bytes=0-", true),
        ("Range", "bytes=0-10", true),
        ("Range", "bytes=10-0", false),
        ("Range", "bytes=0-1,3-4", false),
        ("X-Custom", "1", false),
        ("Authorization", "Bearer x", false),
        ("Accept", String(repeating: "a", count: 128), true),
        ("Accept", String(repeating: "a", count: 129), false),
    ])
    func safelistedHeader(name: String, value: String, safe: Bool) {
        #expect(CORS.isSafelistedRequestHeader(name, value) == safe)
    }

    @Test("more than 1024 bytes of safelisted values makes them unsafe") func totalLimit() {
        let v = String(repeating: "a", count: 120)
        var h = HeaderList()
        for _ in 0..<8 { h.append("Accept", v) }   // 960 bytes: still safe
        #expect(CORS.unsafeRequestHeaderNames(h).isEmpty)
        h.append("Accept-Language", String(repeating: "b", count: 100))   // 1060 bytes
        #expect(CORS.unsafeRequestHeaderNames(h) == ["accept", "accept-language"])
    }

    @Test("forbidden request headers", arguments: [
        ("Cookie", "", true), ("origin", "", true), ("Referer", "", true), ("Host", "", true), ("Sec-Fetch-Site", "", true),
        ("Proxy-Authorization", "", true), ("Content-Length", "", true), ("X-HTTP-Method-Override", "TRACE", true),
        ("X-HTTP-Method-Override", "PUT", false), ("X-Custom", "", false), ("Content-Type", "", false), ("Authorization", "", false),
    ])
    func forbiddenHeader(name: String, value: String, forbidden: Bool) {
        #expect(CORS.isForbiddenRequestHeader(name, value) == forbidden)
    }

    @Test("no-CORS-safelisted request headers", arguments: [
        ("Accept", "text/html", true), ("Content-Type", "text/plain", true), ("Content-Type", "application/json", false),
        ("Range", "bytes=0-", false), ("X-Custom", "1", false),
    ])
    func noCorsSafelisted(name: String, value: String, safe: Bool) {
        #expect(CORS.isNoCORSSafelistedRequestHeader(name, value) == safe)
    }

    // https://fetch.spec.whatwg.org/#main-fetch step 12
    @Test("preflight need", arguments: [
        ("GET", [] as [(String, String)], false),
        ("POST", [("Content-Type", "text/plain;charset=UTF-8")], false),
        ("POST", [("Content-Type", "application/x-www-form-urlencoded")], false),
        ("POST", [("Content-Type", "application/json")], true),
        ("GET", [("X-Custom", "1")], true),
        ("PUT", [], true),
        ("DELETE", [], true),
        ("HEAD", [("Accept", "*/*")], false),
    ])
    func preflightNeed(method: String, headers: [(String, String)], needed: Bool) {
        #expect(CORS.needsPreflight(method: method, headers: HeaderList(headers)) == needed)
    }

    @Test("unsafe header names are sorted, lower-cased, unique") func unsafeNames() {
        let h = HeaderList([("X-Custom", "1"), ("Content-Type", "application/json"), ("x-custom", "2"), ("Accept", "*/*")])
        #expect(CORS.unsafeRequestHeaderNames(h) == ["content-type", "x-custom"])
    }

    // https://fetch.spec.whatwg.org/#cors-preflight-fetch
    @Test("preflight checks", arguments: [
        // (ACAO, ACAM, ACAH, status, method, unsafe headers, credentials, expected)
        ("http://a.local", "PUT", nil, 204, "PUT", [], CredentialsMode.sameOrigin, nil),
        ("http://a.local", "put", nil, 204, "PUT", [], .sameOrigin, CORSFailure.Kind.methodNotAllowed),
        ("http://a.local", nil, nil, 204, "PUT", [], .sameOrigin, .methodNotAllowed),
        ("http://a.local", "*", nil, 204, "PUT", [], .sameOrigin, nil),
        ("http://a.local", "*", nil, 204, "PUT", [], .include, .methodNotAllowed),
        ("http://a.local", nil, "*", 204, "GET", ["x-custom"], .include, .headerNotAllowed),
        ("http://a.local", nil, "X-Custom", 204, "GET", ["x-custom"], .sameOrigin, nil),
        ("http://a.local", nil, "x-other", 204, "GET", ["x-custom"], .sameOrigin, .headerNotAllowed),
        ("http://a.local", nil, "*", 204, "GET", ["x-custom"], .sameOrigin, nil),
        ("http://a.local", nil, "*", 204, "GET", ["authorization"], .sameOrigin, .headerNotAllowed),
        (nil, "PUT", nil, 204, "PUT", [], .sameOrigin, .missingAllowOrigin),
        ("http://a.local", "PUT", nil, 404, "PUT", [], .sameOrigin, .preflightInvalidStatus),
        (nil, nil, nil, 404, "PUT", [], .sameOrigin, .missingAllowOrigin),
        ("http://a.local", "PUT", nil, 302, "PUT", [], .sameOrigin, .preflightRedirect),
        ("http://a.local", "PUT,", nil, 204, "PUT", [], .sameOrigin, nil),
        ("http://a.local", "P(T", nil, 204, "PUT", [], .sameOrigin, .invalidAllowMethods),
    ] as [(String?, String?, String?, Int, String, [String], CredentialsMode, CORSFailure.Kind?)])
    func preflight(acao: String?, acam: String?, acah: String?, status: Int, method: String, unsafe: [String],
                   mode: CredentialsMode, expected: CORSFailure.Kind?) {
        var h = HeaderList()
        if let acao { h.append("Access-Control-Allow-Origin", acao) }
        if let acam { h.append("Access-Control-Allow-Methods", acam) }
        if let acah { h.append("Access-Control-Allow-Headers", acah) }
        if mode == .include { h.append("Access-Control-Allow-Credentials", "true") }
        let r = CORS.checkPreflight(HTTPResponse(status: status, headers: h), method: method, unsafeHeaders: unsafe,
                                    requestOrigin: "http://a.local", credentialsMode: mode)
        switch r {
        case .success: #expect(expected == nil)
        case .failure(let f): #expect(f.kind == expected); #expect(f.preflight)
        }
    }

    @Test("preflight cache: keyed by origin, URL and credentials; Max-Age on virtual time (default 5 s)") func cache() {
        var c = PreflightCache()
        let key = PreflightCache.Key(origin: "http://a.local", url: "http://b.local/x", credentials: false)
        c.store(key, PreflightResult(methods: ["PUT"], headers: ["x-custom"], maxAge: CORS.parseMaxAge(nil)), now: 1000)
        #expect(c.matches(key, method: "PUT", unsafeHeaders: ["x-custom"], credentialsMode: .sameOrigin, now: 5999))
        #expect(!c.matches(key, method: "PUT", unsafeHeaders: ["x-custom"], credentialsMode: .sameOrigin, now: 6000))
        #expect(!c.matches(key, method: "DELETE", unsafeHeaders: [], credentialsMode: .sameOrigin, now: 2000))
        #expect(!c.matches(key, method: "PUT", unsafeHeaders: ["x-other"], credentialsMode: .sameOrigin, now: 2000))
        var other = key; other.credentials = true
        #expect(!c.matches(other, method: "PUT", unsafeHeaders: [], credentialsMode: .include, now: 2000))
        other = key; other.origin = "http://c.local"
        #expect(!c.matches(other, method: "PUT", unsafeHeaders: [], credentialsMode: .sameOrigin, now: 2000))
    }

    @Test("Access-Control-Max-Age", arguments: [(nil, 5.0), ("600", 600), ("0", 0), ("-1", 5), ("x", 5), ("86400", 7200)] as [(String?, Double)])
    func maxAge(v: String?, want: Double) { #expect(CORS.parseMaxAge(v) == want) }

    // https://fetch.spec.whatwg.org/#concept-filtered-response-cors
    @Test("CORS-exposed response headers") func exposed() {
        let h = HeaderList([("Content-Type", "text/plain"), ("X-Secret", "s"), ("X-Other", "o"), ("Set-Cookie", "a=b"),
                            ("Cache-Control", "no-cache")])
        func names(_ l: HeaderList) -> [String] { l.fields.map { $0.name.lowercased() } }
        #expect(names(CORS.exposedHeaders(h, credentialsMode: .sameOrigin)) == ["content-type", "cache-control"])
        var e = h; e.append("Access-Control-Expose-Headers", "x-secret")
        #expect(names(CORS.exposedHeaders(e, credentialsMode: .sameOrigin)) == ["content-type", "x-secret", "cache-control"])
        var star = h; star.append("Access-Control-Expose-Headers", "*")
        #expect(names(CORS.exposedHeaders(star, credentialsMode: .sameOrigin)).contains("x-other"))
        #expect(!names(CORS.exposedHeaders(star, credentialsMode: .sameOrigin)).contains("set-cookie"))
        #expect(!names(CORS.exposedHeaders(star, credentialsMode: .include)).contains("x-other"))
    }

    // Chromium's wording (third_party/blink/renderer/platform/loader/cors/cors_error_string.cc)
    @Test("console messages", arguments: [
        (CORSFailure(kind: .missingAllowOrigin), CORSInitiator.fetch,
         "Access to fetch at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."),
        (CORSFailure(kind: .missingAllowOrigin), .xhr,
         "Access to XMLHttpRequest at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."),
        (CORSFailure(kind: .allowOriginMismatch, hint: "http://x"), .xhr,
         "Access to XMLHttpRequest at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://x' that is not equal to the supplied origin."),
        (CORSFailure(kind: .allowOriginMismatch, hint: "http://x"), .fetch,
         "Access to fetch at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://x' that is not equal to the supplied origin. Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."),
        (CORSFailure(kind: .wildcardWithCredentials), .xhr,
         "Access to XMLHttpRequest at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."),
        (CORSFailure(kind: .invalidAllowCredentials, hint: ""), .fetch,
         "Access to fetch at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."),
        (CORSFailure(kind: .multipleAllowOriginValues, hint: "http://a.local, http://a.local"), .xhr,
         "Access to XMLHttpRequest at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'http://a.local, http://a.local', but only one is allowed."),
        (CORSFailure(kind: .missingAllowOrigin, preflight: true), .xhr,
         "Access to XMLHttpRequest at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource."),
        (CORSFailure(kind: .preflightInvalidStatus, preflight: true), .fetch,
         "Access to fetch at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."),
        (CORSFailure(kind: .methodNotAllowed, hint: "PUT", preflight: true), .fetch,
         "Access to fetch at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."),
        (CORSFailure(kind: .headerNotAllowed, hint: "x-custom", preflight: true), .fetch,
         "Access to fetch at 'http://b.local/data' from origin 'http://a.local' has been blocked by CORS policy: Request header field x-custom is not allowed by Access-Control-Allow-Headers in preflight response."),
    ])
    func message(failure: CORSFailure, initiator: CORSInitiator, want: String) {
        #expect(failure.consoleMessage(initiator: initiator, url: "http://b.local/data", initialURL: "http://b.local/data", origin: "http://a.local") == want)
    }

    @Test("a redirected request's message names both URLs") func redirectedMessage() {
        let m = CORSFailure(kind: .missingAllowOrigin).consoleMessage(initiator: .xhr, url: "http://c.local/d", initialURL: "http://b.local/r", origin: "http://a.local")
        #expect(m == "Access to XMLHttpRequest at 'http://c.local/d' (redirected from 'http://b.local/r') from origin 'http://a.local' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.")
    }
}
