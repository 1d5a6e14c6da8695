// The URL record, its serializer and the URL API getters.
// https://url.spec.whatwg.org/#url-representation

/// A URL's path: an opaque path (a single string) or a list of segments.
/// https://url.spec.whatwg.org/#concept-url-path
public enum URLPath: Hashable, Sendable {
    case opaque(String)
    case segments([String])
}

/// A URL record. https://url.spec.whatwg.org/#concept-url
public struct URLRecord: Hashable, Sendable, CustomStringConvertible {
    /// ASCII lowercase, without the trailing ":".
    public var scheme: String
    public var username: String
    public var password: String
    /// nil means "no host".
    public var host: URLHost?
    /// nil when absent or equal to the scheme's default port.
    public var port: Int?
    public var path: URLPath
    public var query: String?
    public var fragment: String?

    public init(scheme: String = "", username: String = "", password: String = "", host: URLHost? = nil,
                port: Int? = nil, path: URLPath = .segments([]), query: String? = nil, fragment: String? = nil) {
        self.scheme = scheme
        self.username = username
        self.password = password
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    // MARK: Parsing

    /// The basic URL parser without encoding, url or state override. Returns nil on failure.
    /// https://url.spec.whatwg.org/#concept-basic-url-parser
    public static func parse(_ input: String, base: URLRecord? = nil) -> URLRecord? {
        var url = URLRecord()
        var parser = URLParser(input: input, base: base, stateOverride: nil, trimControlAndSpace: true)
        guard parser.run(&url) == .success else { return nil }
        return url
    }

    /// The API URL parser: parses `baseString` first (nil if it fails), then `input` against it.
    /// https://url.spec.whatwg.org/#api-url-parser
    public static func parse(_ input: String, baseString: String?) -> URLRecord? {
        var parsedBase: URLRecord? = nil
        if let baseString {
            guard let b = parse(baseString) else { return nil }
            parsedBase = b
        }
        return parse(input, base: parsedBase)
    }

    // MARK: Predicates

    /// https://url.spec.whatwg.org/#is-special
    public var isSpecial: Bool { isSpecialScheme(scheme) }

    /// https://url.spec.whatwg.org/#include-credentials
    public var includesCredentials: Bool { !username.isEmpty || !password.isEmpty }

    /// https://url.spec.whatwg.org/#url-opaque-path
    public var hasOpaquePath: Bool { if case .opaque = path { return true } else { return false } }

    /// https://url.spec.whatwg.org/#cannot-have-a-username-password-port
    public var cannotHaveUsernamePasswordPort: Bool {
        host == nil || host == .empty || scheme == "file"
    }

    // MARK: Serializing

    /// https://url.spec.whatwg.org/#concept-url-serializer
    public func serialized(excludeFragment: Bool) -> String {
        var output = scheme + ":"
        if let host {
            output += "//"
            if includesCredentials {
                output += username
                if !password.isEmpty { output += ":" + password }
                output += "@"
            }
            output += host.serialized
            if let port { output += ":" + String(port) }
        }
        // "If url's host is null, url does not have an opaque path, url's path's size is greater
        //  than 1, and url's path[0] is the empty string, then append U+002F (/) followed by
        //  U+002E (.) to output."
        if host == nil, case .segments(let segs) = path, segs.count > 1, segs[0].isEmpty {
            output += "/."
        }
        output += pathname
        if let query { output += "?" + query }
        if !excludeFragment, let fragment { output += "#" + fragment }
        return output
    }

    /// The serialization of the URL (the `href` getter).
    public var href: String { serialized(excludeFragment: false) }

    public var description: String { href }

    // MARK: URL API getters (https://url.spec.whatwg.org/#api)

    /// `protocol` getter: scheme followed by ":".
    public var protocolString: String { scheme + ":" }

    /// `host` getter: serialized host, plus ":" and port when the port is non-null.
    public var hostString: String {
        guard let host else { return "" }
        guard let port else { return host.serialized }
        return host.serialized + ":" + String(port)
    }

    /// `hostname` getter.
    public var hostname: String { host?.serialized ?? "" }

    /// `port` getter.
    public var portString: String { port.map { String($0) } ?? "" }

    /// `pathname` getter: the URL path serializer.
    /// https://url.spec.whatwg.org/#url-path-serializer
    public var pathname: String {
        switch path {
        case .opaque(let s): return s
        case .segments(let segs):
            var out = ""
            for s in segs { out += "/" + s }
            return out
        }
    }

    /// `search` getter: "" when the query is null or empty, else "?" + query.
    public var search: String {
        guard let query, !query.isEmpty else { return "" }
        return "?" + query
    }

    /// `hash` getter: "" when the fragment is null or empty, else "#" + fragment.
    public var hash: String {
        guard let fragment, !fragment.isEmpty else { return "" }
        return "#" + fragment
    }

    /// The `searchParams` view of the query (a snapshot; write back with `setSearch`).
    /// https://url.spec.whatwg.org/#concept-url-initialize : the query is parsed as is (a leading
    /// "?" of the query is data here, unlike in `URLSearchParams(string:)`).
    public var searchParams: URLSearchParams {
        URLSearchParams(URLSearchParams.parseFormURLEncoded(Array((query ?? "").utf8)))
    }

    /// https://url.spec.whatwg.org/#concept-url-equals
    public func equals(_ other: URLRecord, excludeFragments: Bool = false) -> Bool {
        serialized(excludeFragment: excludeFragments) == other.serialized(excludeFragment: excludeFragments)
    }
}

// MARK: - Special schemes

/// https://url.spec.whatwg.org/#special-scheme
@inlinable func isSpecialScheme(_ scheme: String) -> Bool {
    switch scheme {
    case "ftp", "file", "http", "https", "ws", "wss": return true
    default: return false
    }
}

/// The default port of a scheme (nil for `file` and non-special schemes).
/// https://url.spec.whatwg.org/#default-port
public func defaultPort(forScheme scheme: String) -> Int? {
    switch scheme {
    case "http", "ws": return 80
    case "https", "wss": return 443
    case "ftp": return 21
    default: return nil
    }
}
