// The cookie record and the values the jar hands back.
// Cookies: HTTP State Management Mechanism, draft-ietf-httpbis-rfc6265bis-22
// https://datatracker.ietf.org/doc/draft-ietf-httpbis-rfc6265bis/

/// A cookie's SameSite enforcement mode.
/// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7
/// `.unspecified` is the draft's "Default": no (or an unknown) SameSite attribute. Chromium enforces
/// it as Lax ("Lax by default"), with the two-minute Lax-allowing-unsafe exception (section 5.6.7.2).
public enum SameSite: String, Sendable, Equatable, Codable, CaseIterable {
    case none, lax, strict, unspecified

    /// How the attribute is written ("None", "Lax", "Strict"; "unspecified" when absent).
    public var attributeText: String {
        switch self {
        case .none: "None"
        case .lax: "Lax"
        case .strict: "Strict"
        case .unspecified: "unspecified"
        }
    }
}

/// A stored cookie: the fields of the storage model.
/// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7
/// Times are virtual milliseconds since the Unix epoch (see `CookieJar.virtualEpoch`).
public struct Cookie: Sendable, Equatable, Codable {
    public var name: String
    public var value: String
    /// The canonicalized host (host-only cookies) or the Domain attribute without its leading dot.
    public var domain: String
    public var path: String
    /// When the cookie expires; nil for a session cookie (it lives as long as the jar).
    public var expiry: Double?
    public var creationTime: Double
    public var lastAccessTime: Double
    public var persistent: Bool
    /// True when no Domain attribute applied: sent only to exactly `domain`.
    public var hostOnly: Bool
    public var secure: Bool
    public var httpOnly: Bool
    public var sameSite: SameSite
    /// The top-level site the cookie is keyed by (a CHIPS `Partitioned` cookie, or any cookie stored
    /// in a third-party context under the "partition" setting); nil for an unpartitioned cookie.
    public var partitionKey: String?

    public init(name: String, value: String, domain: String, path: String = "/", expiry: Double? = nil,
                creationTime: Double = 0, lastAccessTime: Double? = nil, hostOnly: Bool = true,
                secure: Bool = false, httpOnly: Bool = false, sameSite: SameSite = .unspecified,
                partitionKey: String? = nil) {
        self.name = name
        self.value = value
        self.domain = domain
        self.path = path
        self.expiry = expiry
        self.creationTime = creationTime
        self.lastAccessTime = lastAccessTime ?? creationTime
        self.persistent = expiry != nil
        self.hostOnly = hostOnly
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
        self.partitionKey = partitionKey
    }

    /// "name=value", or just the value for a nameless cookie.
    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.8.3 (step 4)
    public var pair: String { name.isEmpty ? value : name + "=" + value }

    /// The identity of a cookie in the store: a newer cookie with the same key replaces the older.
    /// (Section 5.7 step 23: name, domain, host-only-flag and path; CHIPS adds the partition key.)
    var key: CookieKey { CookieKey(name: name, domain: domain, hostOnly: hostOnly, path: path, partitionKey: partitionKey) }
}

struct CookieKey: Hashable {
    var name: String
    var domain: String
    var hostOnly: Bool
    var path: String
    var partitionKey: String?
}

/// Where a cookie string came from: an HTTP response's `Set-Cookie` header, or a script
/// (`document.cookie`, the draft's "non-HTTP API").
public enum CookieSource: String, Sendable, Equatable, Codable {
    case http, script
}

/// What the jar decided about one cookie on a retrieval: sent (or visible to `document.cookie`) or not, and why.
public struct CookieDecision: Sendable, Codable, Equatable {
    public var name: String
    public var sent: Bool
    public var reason: String

    public init(name: String, sent: Bool, reason: String) {
        self.name = name
        self.sent = sent
        self.reason = reason
    }
}

/// What `setCookie` did with one cookie string.
public struct CookieStoreResult: Sendable, Codable, Equatable {
    /// The cookie's name as parsed ("" when it had none or the string could not be parsed).
    public var name: String
    /// True when a cookie is now in the jar because of this string.
    public var stored: Bool
    /// "stored", "replaced an existing cookie", "expired: removed the existing cookie", or why it was rejected.
    public var reason: String
    /// The cookie as stored (nil when rejected or already expired).
    public var cookie: Cookie?

    public init(name: String, stored: Bool, reason: String, cookie: Cookie? = nil) {
        self.name = name
        self.stored = stored
        self.reason = reason
        self.cookie = cookie
    }

    static func rejected(_ name: String, _ reason: String) -> CookieStoreResult {
        CookieStoreResult(name: name, stored: false, reason: reason)
    }
}
