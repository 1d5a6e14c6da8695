import URLStandard

/// Header fields in order, with case-insensitive lookup (https://fetch.spec.whatwg.org/#concept-header-list).
public struct HeaderList: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []
    public init(_ fields: [(String, String)] = []) { self.fields = fields.map { (name: $0.0, value: $0.1) } }
    public static func == (a: HeaderList, b: HeaderList) -> Bool {
        a.fields.count == b.fields.count && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
    /// https://fetch.spec.whatwg.org/#concept-header-list-get : values joined with ", ".
    public func get(_ name: String) -> String? {
        let l = name.lowercased()
        let vs = fields.filter { $0.name.lowercased() == l }.map(\.value)
        return vs.isEmpty ? nil : vs.joined(separator: ", ")
    }
    public func getAll(_ name: String) -> [String] {
        let l = name.lowercased()
        return fields.filter { $0.name.lowercased() == l }.map(\.value)
    }
    public func contains(_ name: String) -> Bool { get(name) != nil }
    public mutating func append(_ name: String, _ value: String) { fields.append((name: name, value: value)) }
    public mutating func set(_ name: String, _ value: String) {
        remove(name); fields.append((name: name, value: value))
    }
    public mutating func remove(_ name: String) {
        let l = name.lowercased(); fields.removeAll { $0.name.lowercased() == l }
    }
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}

/// A response as the fixture server gives it.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: HeaderList
    public var body: [UInt8]
    public init(status: Int = 200, headers: HeaderList = HeaderList(), body: [UInt8] = []) {
        self.status = status; self.headers = headers; self.body = body
    }
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// When a conditional response answers (a scenario's `when`).
public struct ResponseCondition: Sendable, Equatable {
    public var method: String?
    public var headers: [String: String]
    public var path: String?
    public var query: String?
    public var origin: String?
    public init(method: String? = nil, headers: [String: String] = [:], path: String? = nil, query: String? = nil, origin: String? = nil) {
        self.method = method; self.headers = headers; self.path = path; self.query = query; self.origin = origin
    }
    func matches(_ r: HTTPRequest) -> Bool {
        if let method, method.uppercased() != r.method.uppercased() { return false }
        for (n, v) in headers {
            guard let have = r.headers.get(n), have.lowercased().contains(v.lowercased()) else { return false }
        }
        if let path, path != r.url.pathname { return false }
        if let query, query != (r.url.query ?? "") { return false }
        if let origin, origin != r.headers.get("Origin") { return false }
        return true
    }
}

public struct WebSocketResource: Sendable, Equatable {
    public var allowedOrigins: [String]?
    public var greeting: String?
    public var echo: Bool
    public init(allowedOrigins: [String]? = nil, greeting: String? = nil, echo: Bool = true) {
        self.allowedOrigins = allowedOrigins; self.greeting = greeting; self.echo = echo
    }
}

/// What a scenario's server holds for one URL.
public enum ServerResource: Sendable {
    case response(HTTPResponse)
    case conditional([(ResponseCondition?, HTTPResponse)])
    case websocket(WebSocketResource)
}

/// A request as it reaches the fixture server.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URLRecord
    public var headers: HeaderList
    public var body: [UInt8]?
}

/// The simulated network's servers: the scenario's resources, by URL. Anything not listed is a
/// 404. A URL matches with its query first, then without it; default ports are normalised
/// (the URL parser drops them).
public final class FixtureServer {
    private var resources: [String: ServerResource] = [:]

    public init() {}

    public func add(_ url: String, _ resource: ServerResource) {
        guard let u = URLRecord.parse(url) else { return }
        resources[Self.key(u, withQuery: true)] = resource
    }

    static func key(_ u: URLRecord, withQuery: Bool) -> String {
        var c = u
        c.fragment = nil
        if !withQuery { c.query = nil }
        return c.href
    }

    func lookup(_ url: URLRecord) -> ServerResource? {
        resources[Self.key(url, withQuery: true)] ?? resources[Self.key(url, withQuery: false)]
    }

    /// Answers one request, as the scenario's server would.
    func respond(to r: HTTPRequest) -> HTTPResponse {
        guard let res = lookup(r.url) else {
            return HTTPResponse(status: 404, headers: HeaderList([("Content-Type", "text/plain")]), body: [])
        }
        switch res {
        case .response(let resp):
            // A CORS preflight to a resource that lists no answer for OPTIONS gets 204 with the
            // resource's Access-Control-* headers.
            if r.method == "OPTIONS" && r.headers.contains("Access-Control-Request-Method") {
                return preflightAnswer(resp)
            }
            return resp
        case .conditional(let list):
            for (m, resp) in list where m?.matches(r) ?? true { return resp }
            if r.method == "OPTIONS", let first = list.first?.1 { return preflightAnswer(first) }
            return HTTPResponse(status: 404)
        case .websocket:
            return HTTPResponse(status: 426, headers: HeaderList([("Content-Type", "text/plain")]), body: Array("Upgrade Required".utf8))
        }
    }

    func websocket(_ url: URLRecord) -> WebSocketResource? {
        if case .websocket(let w)? = lookup(url) { return w }
        return nil
    }

    private func preflightAnswer(_ resp: HTTPResponse) -> HTTPResponse {
        var h = HeaderList()
        for f in resp.headers where f.name.lowercased().hasPrefix("access-control-") { h.append(f.name, f.value) }
        return HTTPResponse(status: 204, headers: h, body: [])
    }
}

/// One request the browser made, as the report lists it.
public struct RequestRecord: Sendable, Codable, Equatable {
    public var method: String
    public var url: String
    public var status: Int
    public var headers: [String: String]
    public var kind: String
    public var frame: String?
    public var body: String?
    public var preflight: Bool
    /// Whether the page could read the response (nil for navigations and kinds where it does not apply).
    public var readable: Bool?
    public var reason: String?
    /// Every cookie's decision for this request: sent, or held back and why.
    public var cookies: [CookieDecision]? = nil
    /// What became of the response's Set-Cookie headers.
    public var setCookies: [CookieStoreResult]? = nil
}
