// WebSockets (https://websockets.spec.whatwg.org/, RFC 6455): the host function websocket.js
// calls (`wsConnect`), the client side of one connection on the browser's virtual time, and the
// fixture server's side of it (handshake answer, greeting, echo, closing handshake).
//
// Every step is a task: a trip across the simulated network takes `WebSocketConnection.latency`
// virtual ms, so the same scenario always gives the same events in the same order. The
// handshake goes to `Browser.requests` (method GET, the ws:// or wss:// URL, kind "websocket",
// status 101 or the refusal's status). See Docs/WebSockets.md.
import CJavaScriptCore
import Foundation
import URLStandard

// MARK: the server's side

/// What the fixture server answers to one opening handshake.
struct WebSocketHandshakeAnswer {
    /// 101 when the connection is established, else the HTTP status of the refusal.
    var status: Int
    /// The endpoint, when the handshake succeeded.
    var resource: WebSocketResource?
    /// The subprotocol the server selected (`Sec-WebSocket-Protocol` of the response), or "".
    var selectedProtocol = ""
}

extension FixtureServer {
    /// Answers an opening handshake (https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2):
    /// 101 when the URL is a WebSocket endpoint whose `allowedOrigins` (if any) list the
    /// request's `Origin`; 403 when they do not; otherwise what the server answers a plain GET
    /// of that URL (404 when there is nothing there). The endpoint selects the first subprotocol
    /// the client offered (it accepts any).
    func answerWebSocketHandshake(_ r: HTTPRequest) -> WebSocketHandshakeAnswer {
        guard let res = websocket(r.url) else {
            let status = respond(to: r).status
            return WebSocketHandshakeAnswer(status: status == 101 ? 400 : status)
        }
        if let allowed = res.allowedOrigins, !allowed.contains(r.headers.get("Origin") ?? "") {
            return WebSocketHandshakeAnswer(status: 403)
        }
        let offered = (r.headers.get("Sec-WebSocket-Protocol") ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return WebSocketHandshakeAnswer(status: 101, resource: res, selectedProtocol: offered.first ?? "")
    }
}

// MARK: one connection

/// A WebSocket message: text (sent as UTF-8) or binary.
enum WebSocketPayload: Equatable {
    case text(String)
    case binary([UInt8])

    var byteCount: Int {
        switch self {
        case .text(let s): return s.utf8.count
        case .binary(let b): return b.count
        }
    }
}

/// The client side of one WebSocket connection (the "WebSocket connection" of RFC 6455 as the
/// browser holds it) with the fixture server's side folded in. Its state mirrors the page's
/// `readyState`; the page's object (websocket.js) learns of every change through `callback`,
/// called as a task: `callback("open", protocol, extensions)`, `("message", data, isBinary)`,
/// `("consumed", bytes)`, `("error")`, `("close", code, reason, wasClean)`.
final class WebSocketConnection {
    enum State { case connecting, open, closing, closed }

    /// Virtual milliseconds one frame (or the handshake request, or its response) takes across
    /// the simulated network.
    static let latency: Double = 1

    unowned let browser: Browser
    weak var window: Window?
    let url: URLRecord
    let protocols: [String]
    private(set) var state: State = .connecting
    private var callback: JSValueRef?
    private var keepID: Int?
    /// The endpoint, once the handshake succeeded.
    private var resource: WebSocketResource?
    /// The server has received the client's Close frame (it sends nothing after that).
    private var serverClosed = false
    /// The Cookie header the handshake carried ("" when none).
    private(set) var cookieHeader = ""

    init(browser: Browser, window: Window, url: URLRecord, protocols: [String], callback: JSValueRef?) {
        self.browser = browser
        self.window = window
        self.url = url
        self.protocols = protocols
        if let callback, let realm = window.realm {
            self.callback = callback
            keepID = realm.keep(callback)
        }
    }

    /// "Console" text as Chromium words a failed connection.
    var failurePrefix: String { "WebSocket connection to '\(url.href)' failed: " }

    // MARK: tasks

    /// Runs `body` in a task `delay` virtual ms from now, unless the page has gone away.
    private func after(_ delay: Double, _ body: @escaping () -> Void) {
        browser.queueTask(delay: delay) { [self] in
            guard let w = window, w.isActive else { abandon(); return }
            body()
        }
    }

    /// Calls the page's callback (reporting what its listeners throw).
    private func emit(_ type: String, _ args: (JSC) -> [JSValueRef] = { _ in [] }) {
        guard let w = window, w.isActive, let realm = w.realm, let cb = callback else { return }
        realm.invoke(cb, [realm.js.string(type)] + args(realm.js))
    }

    /// The connection is over: let the page's object be collected.
    private func finish() {
        state = .closed
        if let id = keepID, let realm = window?.realm { realm.release(id) }
        keepID = nil
        callback = nil
    }

    /// The document went away (https://websockets.spec.whatwg.org/#garbage-collection: the
    /// connection is closed; no events reach a document that is no longer active).
    private func abandon() {
        serverClosed = true
        finish()
    }

    // MARK: opening handshake

    /// https://websockets.spec.whatwg.org/#concept-websocket-establish : the handshake request
    /// leaves now and reaches the server one trip later.
    func start() {
        after(Self.latency) { [self] in handshake() }
    }

    /// A connection blocked by Content Security Policy before any request
    /// (Chromium's kAsyncError): readyState is CLOSED at once, and only an `error` event follows.
    func blockedByPolicy() {
        state = .closing
        after(0) { [self] in
            emit("error")
            finish()
        }
    }

    /// The handshake request as the server gets it, and the server's answer, logged.
    private func handshake() {
        guard state == .connecting, let w = window else { return }
        cookieHeader = browser.webSocketCookieHeader(for: url, from: w) ?? ""
        var h = HeaderList()
        // https://www.rfc-editor.org/rfc/rfc6455#section-4.1 and Chromium's header set (no
        // Referer, no Sec-Fetch-*; Sec-WebSocket-Key is left out: it is random in a browser).
        h.append("Connection", "Upgrade")
        h.append("Upgrade", "websocket")
        h.append("Origin", w.origin.serialized)
        h.append("Sec-WebSocket-Version", "13")
        if !cookieHeader.isEmpty { h.append("Cookie", cookieHeader) }
        h.append("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
        if !protocols.isEmpty { h.append("Sec-WebSocket-Protocol", protocols.joined(separator: ", ")) }
        // Firefox sends fetch metadata on the (secure) handshake too; Chromium does not.
        if browser.profile.secFetchOnWebSocketHandshake && isPotentiallyTrustworthy(url.origin) {
            var req = FetchRequest(url: url, destination: "empty", mode: .websocket, kind: "websocket", client: w, origin: w.origin)
            req.frameLabel = w.label
            h.append("Sec-Fetch-Dest", "empty")
            h.append("Sec-Fetch-Mode", "websocket")
            h.append("Sec-Fetch-Site", browser.secFetchSite(req, chain: [url]))
        }
        let answer = browser.server.answerWebSocketHandshake(HTTPRequest(method: "GET", url: url, headers: h, body: nil))
        let failure = answer.status == 101 ? nil : "Error during WebSocket handshake: Unexpected response code: \(answer.status)"
        browser.requests.append(RequestRecord(
            method: "GET", url: url.href, status: answer.status,
            headers: Dictionary(h.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, b in a + ", " + b }),
            kind: "websocket", frame: w.label, body: nil, preflight: false, readable: nil, reason: failure))
        guard answer.status == 101, let res = answer.resource else {
            after(Self.latency) { [self] in
                guard state == .connecting else { return }
                fail(failure ?? "Error during WebSocket handshake", level: "error")
            }
            return
        }
        // The server's side is open from now on; its response (and then its greeting) travel back.
        resource = res
        after(Self.latency) { [self] in
            guard state == .connecting else { return }
            state = .open
            emit("open") { js in [js.string(answer.selectedProtocol), js.string("")] }
        }
        if let greeting = res.greeting {
            serverSend(.text(greeting == "cookie" ? "cookie=" + cookieHeader : greeting))
        }
    }

    /// https://websockets.spec.whatwg.org/#fail-the-websocket-connection : Chromium's console
    /// line now, then `error` and `close` (1006, not clean) in the next task.
    private func fail(_ reason: String, level: String) {
        state = .closing
        serverClosed = true
        if let w = window, w.isActive { browser.log(w, level: level, failurePrefix + reason) }
        after(0) { [self] in
            emit("error")
            emit("close") { js in [js.number(1006), js.string(""), js.bool(false)] }
            finish()
        }
    }

    // MARK: the page's calls

    /// `send()` while OPEN (the page's object checks the state and counts `bufferedAmount`).
    func pageSend(_ p: WebSocketPayload) {
        guard state == .open else { return }
        let n = p.byteCount
        after(Self.latency) { [self] in
            // The frame has left the browser's buffer and reached the server.
            emit("consumed") { js in [js.number(Double(n))] }
            serverReceive(p)
        }
    }

    /// `close(code, reason)`: `code` is nil when the page gave none (after the page's object
    /// validated both). https://websockets.spec.whatwg.org/#dom-websocket-close
    func pageClose(code: Int?, reason: String) {
        switch state {
        case .connecting:
            fail("WebSocket is closed before the connection is established.", level: "warn")
        case .open:
            // Start the WebSocket closing handshake: the Close frame goes to the server, which
            // answers with a Close frame carrying the same code and reason.
            state = .closing
            after(Self.latency) { [self] in
                serverReceiveClose(code: code, reason: reason)
            }
        case .closing, .closed:
            break
        }
    }

    // MARK: the server's side of an open connection

    private func serverReceive(_ p: WebSocketPayload) {
        guard !serverClosed, let res = resource else { return }
        if res.echo { serverSend(p) }
    }

    /// A frame from the server reaches the page one trip later; the page drops it unless OPEN
    /// (Chromium's DidReceiveTextMessage).
    private func serverSend(_ p: WebSocketPayload) {
        guard !serverClosed else { return }
        after(Self.latency) { [self] in
            guard state == .open else { return }
            emit("message") { js in
                switch p {
                case .text(let s): return [js.string(s), js.bool(false)]
                case .binary(let b):
                    var latin1 = String.UnicodeScalarView()
                    latin1.append(contentsOf: b.map { Unicode.Scalar($0) })
                    return [js.string(String(latin1)), js.bool(true)]
                }
            }
        }
    }

    /// https://www.rfc-editor.org/rfc/rfc6455#section-5.5.1 : the server echoes the Close frame;
    /// when it reaches the page the connection is closed cleanly (1005 when the page gave no code).
    private func serverReceiveClose(code: Int?, reason: String) {
        serverClosed = true
        after(Self.latency) { [self] in
            guard state == .closing else { return }
            emit("close") { js in [js.number(Double(code ?? 1005)), js.string(code == nil ? "" : reason), js.bool(true)] }
            finish()
        }
    }
}

// MARK: the engine's hooks

extension Browser {
    /// The `Cookie` header of a WebSocket handshake to `url` from a document of `window`, or nil
    /// for none. The handshake carries cookies as a subresource request of that document would
    /// (https://websockets.spec.whatwg.org/#concept-websocket-establish: a fetch with credentials
    /// "include"; RFC 6265bis treats ws: as http: and wss: as https:). Until the cookie jar is
    /// wired into `Browser`, none are attached; with a jar this becomes:
    ///
    ///     jar.cookies(for: webSocketCookieURL(url), now: CookieJar.virtualEpoch + now,
    ///                 context: .subresource(documentAncestry: documentAncestry(of: window)),
    ///                 source: .http).header
    func webSocketCookieHeader(for url: URLRecord, from window: Window) -> String? {
        var h = HeaderList()
        _ = attachCookies(&h, url: webSocketCookieURL(url), context: .subresource(documentAncestry: window.ancestry))
        return h.get("Cookie")
    }

    /// The http(s) URL whose cookies a handshake to `url` carries.
    func webSocketCookieURL(_ url: URLRecord) -> URLRecord {
        var u = url
        u.scheme = url.scheme == "wss" ? "https" : "http"
        return u
    }

    /// The origins of the documents from the top-level one down to `window`'s.
    func documentAncestry(of window: Window) -> [Origin] {
        var out: [Origin] = [window.origin]
        var bc = window.context?.parent
        while let c = bc {
            if let w = c.window { out.insert(w.origin, at: 0) }
            bc = c.parent
        }
        return out
    }
}

// MARK: host functions

extension Realm {
    /// The host function websocket.js calls: `wsConnect(url, protocols, callback)`.
    func installWebSocketHostFunctions() {
        js.set(host, "wsConnect", js.function("wsConnect") { [unowned self] js, _, a in
            let input = a.count > 0 ? js.toString(a[0]) : "undefined"
            var protocols: [String] = []
            if a.count > 1, let list = js.object(a[1]) {
                let n = Int(js.toNumber(js.get(list, "length")))
                for i in 0..<max(0, n) { protocols.append(js.toString(js.get(list, "\(i)"))) }
            }
            return try self.connectWebSocket(input, protocols: protocols, callback: a.count > 2 ? a[2] : nil)
        })
    }

    /// https://websockets.spec.whatwg.org/#dom-websocket-websocket steps 1-12 in Chromium's order
    /// (WebSocketCommon::Connect): URL, scheme, fragment, CSP connect-src, subprotocols, mixed
    /// content. Throws the DOMException the constructor throws; else starts the connection and
    /// returns the page's handle: {url, origin, blocked, send(data, isBinary), close(code, reason)}.
    func connectWebSocket(_ input: String, protocols: [String], callback: JSValueRef?) throws -> JSValueRef {
        let prefix = "Failed to construct 'WebSocket': "
        unowned let w = window
        unowned let b = browser
        // Steps 1-7: https://websockets.spec.whatwg.org/#get-a-url-record
        guard var url = URLRecord.parse(input, base: w.url) else {
            throw domException(prefix + "The URL '\(input)' is invalid.", "SyntaxError")
        }
        if url.scheme == "http" { url.scheme = "ws" } else if url.scheme == "https" { url.scheme = "wss" }
        // Upgrade-Insecure-Requests (https://w3c.github.io/webappsec-upgrade-insecure-requests/).
        if url.scheme == "ws", !isPotentiallyTrustworthy(url.origin), Self.upgradesInsecureRequests(w.responseHeaders) {
            url.scheme = "wss"
            if url.port == 80 || url.port == 443 { url.port = nil }
        }
        guard url.scheme == "ws" || url.scheme == "wss" else {
            throw domException(prefix + "The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '\(url.scheme)' is not allowed.", "SyntaxError")
        }
        if let fragment = url.fragment {
            throw domException(prefix + "The URL contains a fragment identifier ('\(fragment)'). Fragment identifiers are not allowed in WebSocket URLs.", "SyntaxError")
        }

        let handle = js.newObject()
        js.set(handle, "url", js.string(url.href))
        js.set(handle, "origin", js.string(url.origin.serialized))

        // CSP connect-src (https://w3c.github.io/webappsec-csp/#directive-connect-src): no
        // exception; the object is CLOSED and fires `error` in a later task.
        if let directive = b.connectSrcViolation(url, client: w) {
            b.log(w, level: "error", directive.message(url))
            b.queueViolationEvent(w, url: url, directive: directive)
            let conn = WebSocketConnection(browser: b, window: w, url: url, protocols: protocols, callback: callback)
            conn.blockedByPolicy()
            js.set(handle, "blocked", js.bool(true))
            return handle
        }

        // Steps 8-9: each subprotocol a token, none twice.
        for p in protocols where !Self.isValidSubprotocol(p) {
            throw domException(prefix + "The subprotocol '\(Self.encodeSubprotocol(p))' is invalid.", "SyntaxError")
        }
        var seen = Set<String>()
        for p in protocols where !seen.insert(p).inserted {
            throw domException(prefix + "The subprotocol '\(Self.encodeSubprotocol(p))' is duplicated.", "SyntaxError")
        }

        // Mixed content (https://w3c.github.io/webappsec-mixed-content/#should-block-fetch): a ws:
        // URL that is not potentially trustworthy, from a frame (or under a top-level page) loaded
        // over https. Chromium checks the top frame first, then the requesting one.
        if url.scheme == "ws", !isPotentiallyTrustworthy(url.origin), let mixed = Self.mixedContentFrame(w) {
            b.log(w, level: "error", "Mixed Content: The page at '\(mixed.url.href)' was loaded over HTTPS, but attempted to connect to the insecure WebSocket endpoint '\(url.href)'. This request has been blocked; this endpoint must be available over WSS.")
            throw domException(prefix + "An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.", "SecurityError")
        }

        let conn = WebSocketConnection(browser: b, window: w, url: url, protocols: protocols, callback: callback)
        js.set(handle, "blocked", js.bool(false))
        js.set(handle, "send", js.function("send") { js, _, a in
            let data = a.count > 0 ? js.toString(a[0]) : ""
            if a.count > 1 && js.toBool(a[1]) {
                conn.pageSend(.binary(data.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
            } else {
                conn.pageSend(.text(data))
            }
            return js.undefined
        })
        js.set(handle, "close", js.function("close") { js, _, a in
            let code: Int? = a.count > 0 && !js.isNullish(a[0]) ? Int(js.toNumber(a[0])) : nil
            conn.pageClose(code: code, reason: a.count > 1 ? js.toString(a[1]) : "")
            return js.undefined
        })
        conn.start()
        return handle
    }

    /// The frame whose https URL makes a ws: connection mixed content: the top-level document's,
    /// else the requesting document's (Chromium's MixedContentChecker::InWhichFrameIsContentMixed).
    static func mixedContentFrame(_ w: Window) -> Window? {
        if let top = w.context?.top.window, top.url.scheme == "https" { return top }
        return w.url.scheme == "https" ? w : nil
    }

    static func upgradesInsecureRequests(_ headers: HeaderList) -> Bool {
        headers.getAll("Content-Security-Policy").contains { header in
            header.split(whereSeparator: { $0 == ";" || $0 == "," }).contains {
                $0.trimmingCharacters(in: .whitespaces).lowercased() == "upgrade-insecure-requests"
            }
        }
    }

    /// https://www.rfc-editor.org/rfc/rfc6455#section-4.1 : a subprotocol is a token (RFC 2616):
    /// U+0021 to U+007E without separators.
    static func isValidSubprotocol(_ p: String) -> Bool {
        guard !p.isEmpty else { return false }
        return p.utf16.allSatisfy { c in
            c >= 0x21 && c <= 0x7E && !"\"(),/:;<=>?@[\\]{}".utf16.contains(c)
        }
    }

    /// How Chromium prints a subprotocol in its messages: control and non-ASCII characters as
    /// \uXXXX, backslash doubled.
    static func encodeSubprotocol(_ p: String) -> String {
        var out = ""
        for c in p.utf16 {
            if c < 0x20 || c > 0x7E { out += "\\u" + String(format: "%04X", Int(c)) }
            else if c == 0x5C { out += "\\\\" }
            else { out += String(UnicodeScalar(UInt8(c))) }
        }
        return out
    }
}
