// The cookie jar: the storage model and the retrieval algorithm of RFC 6265bis, with Chromium's
// SameSite defaults, the third-party cookie setting of the profile, and CHIPS partitioned cookies.
// draft-ietf-httpbis-rfc6265bis-22: https://datatracker.ietf.org/doc/draft-ietf-httpbis-rfc6265bis/
import URLStandard

/// What happens to cookies in a third-party context (a request or document whose URL is not
/// same-site with its site for cookies, e.g. a cross-site iframe and everything it loads).
public enum ThirdPartyCookies: String, Sendable, Equatable, Codable, CaseIterable {
    /// Chromium's recorded default: no cookie is sent or stored in a third-party context, even
    /// `SameSite=None; Secure`; only CHIPS `Partitioned` cookies work there.
    case block
    /// The classic web: `SameSite=None; Secure` cookies are sent and stored in third-party contexts.
    case allow
    /// Firefox's Total Cookie Protection: in a third-party context cookies are stored and read in a
    /// separate jar per top-level site; the unpartitioned (first-party) cookies are not visible.
    case partition
}

public final class CookieJar {
    /// What the jar does in third-party contexts.
    public var thirdPartyCookies: ThirdPartyCookies
    /// Chromium's "Lax by default": a cookie without SameSite is enforced as Lax (with the
    /// two-minute Lax-allowing-unsafe exception). Off, such a cookie behaves as SameSite=None
    /// without needing Secure (Firefox).
    public var laxByDefault: Bool
    /// Schemeful same-site (Chromium): http://a.example and https://a.example are different sites.
    /// Off, only the registrable domain is compared (Firefox).
    public var schemefulSameSite: Bool
    /// The draft's rule that a request redirected through a cross-site URL is cross-site
    /// (section 5.2). Off by default, as in Chromium (its `CookieSameSiteConsidersRedirectChain`
    /// feature is disabled by default): then only the final URL, the site for cookies and the
    /// initiator count.
    public var sameSiteConsidersRedirectChain = false

    /// The JavaScript `Date` epoch of the engine's virtual clock (2026-01-01T00:00:00Z, window.js):
    /// pass `CookieJar.virtualEpoch + browser.now` as `now`, so that Expires dates and `Date.now()` agree.
    public static let virtualEpoch: Double = 1_767_225_600_000
    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.5 : 400 days.
    public static let maxAgeLimit: Double = 400 * 86_400 * 1000
    /// Chromium's Lax-allowing-unsafe window (section 5.6.7.2): two minutes after creation.
    public static let laxAllowingUnsafeWindow: Double = 120_000

    private struct Entry {
        var cookie: Cookie
        /// Insertion order, kept across replacement: breaks creation-time ties (virtual time
        /// often stands still while several cookies are set).
        var seq: Int
    }
    private var entries: [CookieKey: Entry] = [:]
    private var nextSeq = 0

    /// `thirdPartyCookies` is "block" (the default, Chromium), "allow" or "partition" (Firefox);
    /// anything else is treated as "block".
    public init(profile thirdPartyCookies: String = "block") {
        self.thirdPartyCookies = ThirdPartyCookies(rawValue: thirdPartyCookies.lowercased()) ?? .block
        self.laxByDefault = true
        self.schemefulSameSite = true
    }

    /// The jar of a browser profile: Chromium (block, Lax by default, schemeful) or Firefox
    /// (its third-party setting, no Lax by default, scheme-less sites).
    public convenience init(profile: Profile) {
        self.init(profile: profile.thirdPartyCookies)
        if profile.browser == .firefox {
            laxByDefault = false
            schemefulSameSite = false
        }
    }

    // MARK: - Subcomponent algorithms

    /// The schemes cookies are kept for (Chromium's cookieable schemes without file:).
    static func isCookieable(_ url: URLRecord) -> Bool {
        ["http", "https", "ws", "wss"].contains(url.scheme) && canonicalHost(url) != nil
    }

    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.1.2
    /// The URL parser already lower-cased and punycoded the host; IPv6 keeps its brackets.
    static func canonicalHost(_ url: URLRecord) -> String? {
        switch url.host {
        case .domain(let d)?: return d
        case .ipv4?, .ipv6?: return url.host!.serialized
        default: return nil
        }
    }

    static func isIPAddress(_ url: URLRecord) -> Bool {
        switch url.host {
        case .ipv4?, .ipv6?: return true
        default: return false
        }
    }

    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.1.3
    static func domainMatch(_ string: String, _ domain: String, stringIsIP: Bool) -> Bool {
        if string == domain { return true }
        guard !stringIsIP, string.hasSuffix(domain), !domain.isEmpty else { return false }
        let cut = string.utf8.count - domain.utf8.count
        return string.utf8[string.utf8.index(string.utf8.startIndex, offsetBy: cut - 1)] == UInt8(ascii: ".")
    }

    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.1.4 (default-path)
    static func defaultPath(_ url: URLRecord) -> String {
        let p = url.pathname
        guard p.first == "/", p.utf8.filter({ $0 == UInt8(ascii: "/") }).count > 1 else { return "/" }
        return String(p[..<p.lastIndex(of: "/")!])
    }

    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.1.4 (path-match)
    static func pathMatch(_ requestPath: String, _ cookiePath: String) -> Bool {
        if requestPath == cookiePath { return true }
        guard requestPath.hasPrefix(cookiePath) else { return false }
        if cookiePath.hasSuffix("/") { return true }
        return requestPath.utf8.dropFirst(cookiePath.utf8.count).first == UInt8(ascii: "/")
    }

    /// Whether the URL is a "secure" connection for cookies: a potentially trustworthy origin
    /// (https, wss, localhost, loopback addresses: http://localhost counts).
    static func isSecure(_ url: URLRecord) -> Bool { isPotentiallyTrustworthy(url.origin) }

    /// "Safe" methods (draft section 2.3, RFC 9110 section 9.2.1).
    static func isSafeMethod(_ m: String) -> Bool { ["GET", "HEAD", "OPTIONS", "TRACE"].contains(m.uppercased()) }

    // MARK: - Same-site and third-party

    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.2
    /// Same-site: the request has no client, or its site for cookies is same-site with the URL
    /// (and, with `sameSiteConsidersRedirectChain`, every URL it was redirected through is too). Like Chromium, a request whose
    /// initiator is cross-site with the URL is cross-site too (this is what makes a cross-site
    /// link or form to a top-level window cross-site: its site for cookies is the URL itself).
    public func isSameSite(_ url: URLRecord, context: CookieRequestContext) -> Bool {
        let s = schemefulSameSite
        if sameSiteConsidersRedirectChain {
            for u in context.redirectChain where !CookieSite.isSameSite(u.origin, url.origin, schemeful: s) { return false }
        }
        if context.hasNoClient { return true }
        guard let sfc = context.siteForCookies(for: url, schemeful: s), CookieSite.isSameSite(sfc, url.origin, schemeful: s) else { return false }
        if let i = context.initiatorOrigin, !CookieSite.isSameSite(i, url.origin, schemeful: s) { return false }
        return true
    }

    /// A third-party context: the URL is not same-site with the site for cookies, which is opaque
    /// as soon as one frame in the ancestry is cross-site with the top (a cross-site iframe and
    /// everything in or loaded by it). Top-level navigations are never third-party.
    public func isThirdParty(_ url: URLRecord, context: CookieRequestContext) -> Bool {
        if context.isTopLevelNavigation || context.ancestorOrigins.isEmpty { return false }
        guard let sfc = context.siteForCookies(for: url, schemeful: schemefulSameSite) else { return true }
        return !CookieSite.isSameSite(sfc, url.origin, schemeful: schemefulSameSite)
    }

    // MARK: - Storing

    /// Parses one Set-Cookie header value (or a `document.cookie = ...` string) received for
    /// `url` and stores the cookie, or says why not.
    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6 (parsing)
    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7 (storage model)
    @discardableResult
    public func setCookie(_ header: String, url: URLRecord, now: Double, source: CookieSource,
                          context: CookieRequestContext) -> CookieStoreResult {
        removeExpired(now: now)
        guard CookieJar.isCookieable(url), let host = CookieJar.canonicalHost(url) else {
            return .rejected("", "cookies are not kept for \(url.scheme): URLs")
        }
        let parsed: ParsedSetCookie
        switch ParsedSetCookie.parse(header) {
        case .failure(.controlCharacter): return .rejected("", "the cookie string contains a control character")
        case .failure(.tooLong(let n)): return .rejected("", "name and value are \(n) bytes, more than 4096")
        case .success(let p): parsed = p
        }
        let name = parsed.name
        func reject(_ reason: String) -> CookieStoreResult { .rejected(name, reason) }

        // Third-party contexts (section 5.7 step 1: "A user agent MAY ignore a received cookie in its entirety").
        let thirdParty = isThirdParty(url, context: context)
        let topKey = CookieSite.partitionKey(context.topLevelOrigin(for: url))
        var partitionKey: String? = parsed.partitioned ? topKey : nil
        if thirdParty {
            switch thirdPartyCookies {
            case .block where !parsed.partitioned: return reject("third-party cookies are blocked")
            case .partition: partitionKey = topKey
            default: break
            }
        }
        // Step 2: a cookie needs a name or a value.
        if name.isEmpty && parsed.value.isEmpty { return reject("the cookie has neither a name nor a value") }
        // Steps 3-4 (control characters, 4096 bytes) were checked by the parser.
        // Step 5: the new cookie.
        var cookie = Cookie(name: name, value: parsed.value, domain: host, creationTime: now, sameSite: parsed.sameSite,
                            partitionKey: partitionKey)
        // Step 6: Max-Age wins over Expires; both are capped at 400 days (section 5.5).
        if let age = parsed.maxAge {
            cookie.expiry = age <= 0 ? -Double.greatestFiniteMagnitude : now + min(Double(age) * 1000, CookieJar.maxAgeLimit)
        } else if let e = parsed.expires {
            cookie.expiry = min(e, now + CookieJar.maxAgeLimit)
        }
        cookie.persistent = cookie.expiry != nil
        // Steps 7-8: the Domain attribute, ASCII only.
        var domainAttribute = parsed.domain ?? ""
        if domainAttribute.unicodeScalars.contains(where: { !$0.isASCII }) {
            return reject("Domain=\(domainAttribute) is not ASCII")
        }
        // Step 9: no cookie for a public suffix, unless it is the host itself (then host-only).
        let isIP = CookieJar.isIPAddress(url)
        // (An IP address host may name itself, and gets a host-only cookie, as in Chromium.)
        if isIP && domainAttribute == host { domainAttribute = "" }
        if !domainAttribute.isEmpty && !isIP && isPublicSuffix(domainAttribute) {
            if domainAttribute == host { domainAttribute = "" }
            else { return reject("Domain=\(domainAttribute) is a public suffix") }
        }
        // Step 10: the host must domain-match the Domain attribute.
        if !domainAttribute.isEmpty {
            guard CookieJar.domainMatch(host, domainAttribute, stringIsIP: isIP) else {
                return reject("Domain=\(domainAttribute) does not domain-match the host \(host)")
            }
            cookie.hostOnly = false
            cookie.domain = domainAttribute
        }
        // Step 11: Path, or the default path.
        if let p = parsed.path, !p.isEmpty { cookie.path = p } else { cookie.path = CookieJar.defaultPath(url) }
        // Steps 12-13: Secure only from a secure origin (https, or localhost / loopback).
        cookie.secure = parsed.secure
        let secureURL = CookieJar.isSecure(url)
        if cookie.secure && !secureURL { return reject("Secure cookie set over \(url.scheme) (not a secure origin)") }
        // Steps 14-15: HttpOnly, which scripts cannot set.
        cookie.httpOnly = parsed.httpOnly
        if cookie.httpOnly && source == .script { return reject("HttpOnly cookie cannot be set from document.cookie") }
        // Step 16: an insecure origin cannot shadow a Secure cookie ("Leave Secure Cookies Alone").
        if !cookie.secure && !secureURL {
            for e in entries.values where e.cookie.secure && e.cookie.name == name && e.cookie.partitionKey == cookie.partitionKey
                && (CookieJar.domainMatch(e.cookie.domain, cookie.domain, stringIsIP: false) || CookieJar.domainMatch(cookie.domain, e.cookie.domain, stringIsIP: false))
                && CookieJar.pathMatch(cookie.path, e.cookie.path) {
                return reject("a Secure cookie \(name) exists for \(e.cookie.domain)\(e.cookie.path): an insecure origin cannot overwrite it")
            }
        }
        // Steps 17-18: SameSite other than None only from a same-site request or a top-level navigation;
        // from a script, only in a document whose site for cookies is same-site with its URL.
        // Without Lax by default (Firefox) a cookie without SameSite is enforced as None.
        let enforcedAsNone = cookie.sameSite == .none || (cookie.sameSite == .unspecified && !laxByDefault)
        if !enforcedAsNone && !isSameSite(url, context: context) {
            let what = cookie.sameSite == .unspecified ? "a cookie without SameSite (Lax by default)" : "SameSite=\(cookie.sameSite.attributeText)"
            if source == .script { return reject("\(what) cannot be set by a document in a cross-site frame") }
            if !context.isTopLevelNavigation { return reject("\(what) cannot be set from a cross-site response (not a top-level navigation)") }
        }
        // Step 19: SameSite=None requires Secure (Chromium rejects it otherwise).
        if cookie.sameSite == .none && !cookie.secure { return reject("SameSite=None requires Secure") }
        // CHIPS: Partitioned requires Secure.
        if parsed.partitioned && !cookie.secure { return reject("Partitioned requires Secure") }
        // Steps 20-22: name prefixes, compared case-insensitively.
        // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.4
        let lname = asciiLowercase(name)
        if lname.hasPrefix("__secure-") && !cookie.secure { return reject("__Secure- prefix requires Secure") }
        if lname.hasPrefix("__host-") {
            if !cookie.secure { return reject("__Host- prefix requires Secure") }
            if !cookie.hostOnly { return reject("__Host- prefix forbids Domain") }
            if parsed.path == nil || cookie.path != "/" { return reject("__Host- prefix requires Path=/") }
        }
        if name.isEmpty {
            let lvalue = asciiLowercase(cookie.value)
            if lvalue.hasPrefix("__secure-") || lvalue.hasPrefix("__host-") {
                return reject("a nameless cookie's value cannot start with __Secure- or __Host-")
            }
        }
        // Step 23: replace a cookie with the same name, domain, host-only flag and path (and partition),
        // keeping its creation time; a script cannot replace an HttpOnly cookie.
        var seq = nextSeq
        let old = entries[cookie.key]
        if let old {
            if old.cookie.httpOnly && source == .script {
                return reject("document.cookie cannot overwrite the HttpOnly cookie \(name)")
            }
            cookie.creationTime = old.cookie.creationTime
            seq = old.seq
        } else {
            nextSeq += 1
        }
        // An expired cookie only removes the one it replaces (the store evicts expired cookies).
        if let e = cookie.expiry, e <= now {
            entries[cookie.key] = nil
            return CookieStoreResult(name: name, stored: false,
                                     reason: old == nil ? "already expired: nothing stored" : "already expired: removed the existing cookie")
        }
        // Step 24: insert.
        entries[cookie.key] = Entry(cookie: cookie, seq: seq)
        return CookieStoreResult(name: name, stored: true, reason: old == nil ? "stored" : "replaced an existing cookie", cookie: cookie)
    }

    // MARK: - Retrieving

    /// The cookies for a request to `url` (source `.http`: the Cookie header) or for
    /// `document.cookie` of a document at `url` (source `.script`), with a decision for every
    /// stored cookie whose domain matches the host.
    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.8.3
    public func cookies(for url: URLRecord, now: Double, context: CookieRequestContext,
                        source: CookieSource) -> (header: String?, decisions: [CookieDecision]) {
        removeExpired(now: now)
        guard CookieJar.isCookieable(url), let host = CookieJar.canonicalHost(url) else { return (nil, []) }
        let isIP = CookieJar.isIPAddress(url)
        let path = url.pathname
        let secureURL = CookieJar.isSecure(url)
        let sameSite = isSameSite(url, context: context)
        let thirdParty = isThirdParty(url, context: context)
        let topKey = CookieSite.partitionKey(context.topLevelOrigin(for: url))
        let safe = CookieJar.isSafeMethod(context.method)
        let topNav = context.isTopLevelNavigation && source == .http

        // Step 1: the cookies whose domain matches the host, oldest first.
        let candidates = entries.values.filter { e in
            e.cookie.hostOnly ? e.cookie.domain == host : CookieJar.domainMatch(host, e.cookie.domain, stringIsIP: isIP)
        }.sorted { ($0.cookie.creationTime, $0.seq) < ($1.cookie.creationTime, $1.seq) }

        var decisions: [CookieDecision] = []
        var selected: [Entry] = []
        for e in candidates {
            let c = e.cookie
            func no(_ reason: String) { decisions.append(CookieDecision(name: c.name, sent: false, reason: reason)) }
            // Partitions: a partitioned cookie only under its top-level site; unpartitioned cookies are
            // not visible in a third-party context under "partition" (nor at all under "block").
            if let k = c.partitionKey, k != topKey { no("partitioned for top-level site \(k), not \(topKey)"); continue }
            if !CookieJar.pathMatch(path, c.path) { no("path \(c.path) does not match \(path)"); continue }
            if c.secure && !secureURL { no("Secure cookie over \(url.scheme)"); continue }
            if c.httpOnly && source == .script { no("HttpOnly hidden from document.cookie"); continue }
            // SameSite (sections 5.6.7.1, 5.6.7.2, 5.8.3 step 1).
            var why = sameSite ? "same-site" : "cross-site"
            if !sameSite {
                switch c.sameSite {
                case .none:
                    why = "SameSite=None"
                case .strict:
                    no("SameSite=Strict and the \(source == .script ? "document is in a cross-site frame" : "request is cross-site")"); continue
                case .lax, .unspecified:
                    let label = c.sameSite == .lax ? "SameSite=Lax" : "no SameSite (Lax by default)"
                    if c.sameSite == .unspecified && !laxByDefault {
                        why = "no SameSite (not Lax by default)"
                    } else if source == .script {
                        no("\(label) and the document is in a cross-site frame"); continue
                    } else if topNav && safe {
                        why = "\(label): cross-site top-level navigation with a safe method"
                    } else if topNav && c.sameSite == .unspecified && now - c.creationTime <= CookieJar.laxAllowingUnsafeWindow {
                        why = "no SameSite: cross-site top-level \(context.method.uppercased()) within 2 minutes of the cookie's creation (Lax-allowing-unsafe)"
                    } else if topNav && c.sameSite == .unspecified {
                        no("no SameSite (Lax by default) and the cross-site top-level \(context.method.uppercased()) came more than 2 minutes after the cookie's creation"); continue
                    } else if topNav {
                        no("SameSite=Lax and the cross-site top-level navigation uses \(context.method.uppercased())"); continue
                    } else {
                        no("\(label) and the request is cross-site"); continue
                    }
                }
            }
            // Third-party contexts.
            if thirdParty && c.partitionKey == nil {
                switch thirdPartyCookies {
                case .block: no("third-party cookies are blocked"); continue
                case .partition: no("unpartitioned cookie in a third-party context (cookies are partitioned by top-level site)"); continue
                case .allow: why += "; third-party cookies allowed"
                }
            }
            if let k = c.partitionKey { why += "; partitioned for \(k)" }
            decisions.append(CookieDecision(name: c.name, sent: true, reason: why))
            selected.append(e)
        }
        // Step 2: longer paths first, then earlier creation times.
        selected.sort { a, b in
            let la = a.cookie.path.utf8.count, lb = b.cookie.path.utf8.count
            if la != lb { return la > lb }
            return (a.cookie.creationTime, a.seq) < (b.cookie.creationTime, b.seq)
        }
        // Step 3: update the last-access time.
        for e in selected { entries[e.cookie.key]?.cookie.lastAccessTime = now }
        // Step 4: serialize.
        let header = selected.isEmpty ? nil : selected.map { $0.cookie.pair }.joined(separator: "; ")
        return (header, decisions)
    }

    /// `document.cookie`'s getter: the cookie string ("" when none).
    /// https://html.spec.whatwg.org/multipage/dom.html#dom-document-cookie
    public func documentCookie(url: URLRecord, now: Double, ancestry: [Origin]) -> String {
        cookies(for: url, now: now, context: .document(ancestry: ancestry), source: .script).header ?? ""
    }

    /// `document.cookie`'s setter.
    @discardableResult
    public func setDocumentCookie(_ string: String, url: URLRecord, now: Double, ancestry: [Origin]) -> CookieStoreResult {
        setCookie(string, url: url, now: now, source: .script, context: .document(ancestry: ancestry))
    }

    /// Whether a fetch sends and stores cookies at all, from its credentials mode ("omit",
    /// "same-origin", "include"): https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch
    /// (includeCredentials). Navigations use "include".
    public static func includesCredentials(mode: String, requestOrigin: Origin?, url: URLRecord) -> Bool {
        switch mode {
        case "include": return true
        case "same-origin": return requestOrigin.map { $0.isSameOrigin(url.origin) } ?? true
        default: return false
        }
    }

    // MARK: - The store

    /// Every stored cookie, in a fixed order: domain, path, name, partition key, then creation.
    public func all() -> [Cookie] {
        entries.values.sorted { a, b in
            let ka = (a.cookie.domain, a.cookie.path, a.cookie.name, a.cookie.partitionKey ?? "")
            let kb = (b.cookie.domain, b.cookie.path, b.cookie.name, b.cookie.partitionKey ?? "")
            if ka != kb { return ka < kb }
            return (a.cookie.creationTime, a.seq) < (b.cookie.creationTime, b.seq)
        }.map(\.cookie)
    }

    /// Evicts every cookie whose expiry is not after `now` (section 5.7: "The user agent MUST
    /// evict all expired cookies from the cookie store if, at any time, an expired cookie exists").
    public func removeExpired(now: Double) {
        for (k, e) in entries { if let x = e.cookie.expiry, x <= now { entries[k] = nil } }
    }

    /// Removes every cookie (a fresh profile).
    public func removeAll() { entries.removeAll() }
}
