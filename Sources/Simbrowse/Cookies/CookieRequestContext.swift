// Where a cookie is read or written from: enough of the request and its frame tree to decide
// same-site vs cross-site (SameSite) and first-party vs third-party (third-party cookie setting).
import URLStandard

/// The context of one cookie retrieval or store. Build it with the factory methods:
///
/// | the engine is ...                                   | context                                                        |
/// |-----------------------------------------------------|----------------------------------------------------------------|
/// | navigating a top-level window the user/browser opened (typed URL, the scenario's `open`) | `.browserNavigation()`       |
/// | navigating a top-level window from a document (link, form, `location`, `window.open`) | `.topLevelNavigation(initiator: doc origin, method:)` |
/// | loading an iframe (or navigating one)               | `.nestedNavigation(parentAncestry: [top … parent], initiator:, method:)` |
/// | fetching a subresource, `fetch`/XHR, a WebSocket handshake for a document | `.subresource(documentAncestry: [top … document], method:)` |
/// | running `document.cookie` (get or set)              | `.document(ancestry: [top … document])`                        |
///
/// `ancestry` lists the origins of the active documents of the frames from the top-level one down
/// (for a sandboxed document pass the origin of its URL, as section 5.2.1 does).
public struct CookieRequestContext: Sendable, Equatable {
    /// The origins of the documents of the frames that contain the request, top-level first:
    /// for a subresource or `document.cookie`, the requesting document and its ancestors; for an
    /// iframe navigation, the iframe's parent document and its ancestors. Empty for a top-level
    /// navigation (whose site for cookies is the URL being navigated to) and for requests the
    /// browser makes on its own.
    public var ancestorOrigins: [Origin]
    /// The origin of the document that started the request (for a subresource: the document
    /// itself); nil when the user or the browser started it.
    public var initiatorOrigin: Origin?
    /// True for a navigation of a top-level window (its response becomes a top-level document).
    public var isTopLevelNavigation: Bool
    /// The request method ("GET" for `document.cookie`).
    public var method: String
    /// URLs the request was redirected through before the current one (the request's URL list
    /// without its last item). A cross-site hop makes the request cross-site (section 5.2).
    public var redirectChain: [URLRecord]

    public init(ancestorOrigins: [Origin] = [], initiatorOrigin: Origin? = nil, isTopLevelNavigation: Bool = false,
                method: String = "GET", redirectChain: [URLRecord] = []) {
        self.ancestorOrigins = ancestorOrigins
        self.initiatorOrigin = initiatorOrigin
        self.isTopLevelNavigation = isTopLevelNavigation
        self.method = method
        self.redirectChain = redirectChain
    }

    /// A top-level navigation the browser starts itself: a typed URL, a bookmark, the scenario's
    /// first `open`. Same-site and first-party by definition (the request has no client).
    public static func browserNavigation(method: String = "GET") -> CookieRequestContext {
        CookieRequestContext(isTopLevelNavigation: true, method: method)
    }

    /// A top-level navigation started by a document (a link, a form, `location.href = ...`,
    /// `window.open`): `initiator` is that document's origin.
    public static func topLevelNavigation(initiator: Origin?, method: String = "GET",
                                          redirectChain: [URLRecord] = []) -> CookieRequestContext {
        CookieRequestContext(initiatorOrigin: initiator, isTopLevelNavigation: true, method: method, redirectChain: redirectChain)
    }

    /// The navigation of an iframe: `parentAncestry` is [top-level document, ..., the iframe's
    /// parent document]; `initiator` the document that set `src` or navigated it (usually the parent).
    public static func nestedNavigation(parentAncestry: [Origin], initiator: Origin?, method: String = "GET",
                                        redirectChain: [URLRecord] = []) -> CookieRequestContext {
        CookieRequestContext(ancestorOrigins: parentAncestry, initiatorOrigin: initiator, method: method, redirectChain: redirectChain)
    }

    /// A request a document makes (img, script, link, fetch, XHR, WebSocket, a form targeting a
    /// frame is a navigation instead): `documentAncestry` is [top-level document, ..., that document].
    public static func subresource(documentAncestry: [Origin], method: String = "GET",
                                   redirectChain: [URLRecord] = []) -> CookieRequestContext {
        CookieRequestContext(ancestorOrigins: documentAncestry, initiatorOrigin: documentAncestry.last,
                             method: method, redirectChain: redirectChain)
    }

    /// `document.cookie` of a document: `ancestry` is [top-level document, ..., that document].
    public static func document(ancestry: [Origin]) -> CookieRequestContext {
        CookieRequestContext(ancestorOrigins: ancestry, initiatorOrigin: nil, method: "GET")
    }

    /// Whether the request has no client (the browser's own navigation or request).
    var hasNoClient: Bool { ancestorOrigins.isEmpty && initiatorOrigin == nil }

    /// The top-level site cookies are partitioned by: the site of the top-level document (for a
    /// top-level navigation, of the URL being navigated to).
    func topLevelOrigin(for url: URLRecord) -> Origin {
        if isTopLevelNavigation || ancestorOrigins.isEmpty { return url.origin }
        return ancestorOrigins[0]
    }

    /// "Site for cookies" of the requesting client.
    /// https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.2.1
    /// The top-level origin when every document in the ancestry is same-site with it, else nil
    /// (an opaque origin). For a top-level navigation it is the URL's own origin.
    func siteForCookies(for url: URLRecord, schemeful: Bool) -> Origin? {
        if isTopLevelNavigation || ancestorOrigins.isEmpty { return url.origin }
        let top = ancestorOrigins[0]
        for o in ancestorOrigins where !CookieSite.isSameSite(o, top, schemeful: schemeful) { return nil }
        return top
    }
}

/// Sites as cookies compare them: the registrable domain (or the host when it has none, or is an
/// IP address), with the scheme ("schemeful same-site", Chromium's default) or without it
/// (Firefox). ws/wss count as http/https. An opaque origin is same-site with nothing.
/// https://html.spec.whatwg.org/multipage/browsers.html#same-site
enum CookieSite {
    static func key(_ origin: Origin, schemeful: Bool) -> String? {
        guard case .tuple(let scheme, let host, _) = origin else { return nil }
        let h: String
        if case .domain(let d) = host { h = PublicSuffixList.shared.registrableDomain(d) ?? d } else { h = host.serialized }
        guard schemeful else { return h }
        let s = scheme == "ws" ? "http" : scheme == "wss" ? "https" : scheme
        return s + "://" + h
    }

    static func isSameSite(_ a: Origin, _ b: Origin, schemeful: Bool) -> Bool {
        guard let ka = key(a, schemeful: schemeful), let kb = key(b, schemeful: schemeful) else { return false }
        return ka == kb
    }

    /// The serialized schemeful site, used as a partition key ("https://a.example").
    static func partitionKey(_ origin: Origin) -> String {
        key(origin, schemeful: true) ?? "null"
    }
}
