import Foundation
import ScenarioFormat
import Testing
import URLStandard
@testable import Simbrowse

/// A browser whose server has two pages (http://a.local/, https://a.local/, and the same on
/// b.local) and the WebSocket endpoints the tests name.
private func wsBrowser(_ endpoints: [String: WebSocketResource] = ["ws://b.local/ws": WebSocketResource(greeting: "cookie")],
                       headers: [(String, String)] = []) -> Browser {
    let s = FixtureServer()
    for page in ["http://a.local/", "https://a.local/", "http://b.local/", "https://b.local/"] {
        s.add(page, .response(HTTPResponse(headers: HeaderList([("Content-Type", "text/html")] + headers), body: Array("<p>page</p>".utf8))))
    }
    for (url, res) in endpoints { s.add(url, .websocket(res)) }
    return Browser(server: s)
}

/// A script that opens `url`, sends "ping" once open, closes with 1000 after the echo, and
/// resolves with the events it saw, joined with " | ".
private func roundTrip(_ url: String, protocols: String = "undefined") -> String {
    """
    new Promise((resolve) => {
      const log = [];
      const ws = new WebSocket(\(url.debugDescription), \(protocols));
      ws.onopen = () => { log.push("open " + ws.url + " " + ws.readyState + " " + JSON.stringify(ws.protocol)); ws.send("ping"); };
      ws.onmessage = (e) => { log.push("message " + e.data); if (e.data === "ping") ws.close(1000); };
      ws.onerror = () => log.push("error " + ws.readyState);
      ws.onclose = (e) => { log.push("close " + e.code + " " + e.wasClean + " " + ws.readyState); resolve(log.join(" | ")); };
    })
    """
}

private func string(_ r: ScriptResult) -> String? {
    if case .string(let s)? = r.value { return s }
    return nil
}

private func handshakes(_ b: Browser) -> [RequestRecord] { b.requests.filter { $0.kind == "websocket" } }

@Suite("WebSockets")
struct WebSocketTests {
    // MARK: a connection, end to end

    @Test func crossOriginConnectionOpensGreetsEchoesAndClosesCleanly() {
        let b = wsBrowser()
        let top = b.open("http://a.local/")
        let r = top.evaluate(roundTrip("ws://b.local/ws"))
        #expect(string(r) == #"open ws://b.local/ws 1 "" | message cookie= | message ping | close 1000 true 3"#)
    }

    @Test func handshakeIsLoggedAsGETWith101() throws {
        let b = wsBrowser()
        b.open("http://a.local/").evaluate(roundTrip("ws://b.local/ws"))
        let h = try #require(handshakes(b).first)
        #expect(handshakes(b).count == 1)
        #expect(h.method == "GET")
        #expect(h.url == "ws://b.local/ws")
        #expect(h.status == 101)
        #expect(h.frame == "window1")
    }

    @Test func handshakeCarriesOriginUpgradeAndVersion() throws {
        let b = wsBrowser()
        b.open("http://a.local/").evaluate(roundTrip("ws://b.local/ws"))
        let h = try #require(handshakes(b).first)
        #expect(h.headers["Origin"] == "http://a.local")
        #expect(h.headers["Upgrade"] == "websocket")
        #expect(h.headers["Connection"] == "Upgrade")
        #expect(h.headers["Sec-WebSocket-Version"] == "13")
        #expect(h.headers["Sec-WebSocket-Protocol"] == nil)
        #expect(h.headers["Referer"] == nil)
    }

    @Test func wssHandshakeFromHttpsPageHasNoSecFetchHeaders() throws {
        let b = wsBrowser(["wss://b.local/ws": WebSocketResource(greeting: "cookie")])
        let r = b.open("https://a.local/").evaluate(roundTrip("wss://b.local/ws"))
        #expect(string(r) == #"open wss://b.local/ws 1 "" | message cookie= | message ping | close 1000 true 3"#)
        let h = try #require(handshakes(b).first)
        #expect(h.headers["Origin"] == "https://a.local")
        #expect(h.headers.keys.filter { $0.lowercased().hasPrefix("sec-fetch-") }.isEmpty)
    }

    @Test func cookieGreetingIsEmptyWithoutACookieJar() {
        let b = wsBrowser()
        let r = b.open("http://a.local/").evaluate(roundTrip("ws://b.local/ws"))
        #expect(string(r)?.contains("message cookie= |") == true)
        #expect(handshakes(b).first?.headers["Cookie"] == nil)
    }

    @Test func plainGreetingIsSentAsIs() {
        let b = wsBrowser(["ws://b.local/ws": WebSocketResource(greeting: "hello")])
        let r = b.open("http://a.local/").evaluate(roundTrip("ws://b.local/ws"))
        #expect(string(r) == #"open ws://b.local/ws 1 "" | message hello | message ping | close 1000 true 3"#)
    }

    @Test func noEchoWhenTheEndpointDoesNotEcho() {
        let b = wsBrowser(["ws://b.local/ws": WebSocketResource(echo: false)])
        let r = b.open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const log = [], ws = new WebSocket("ws://b.local/ws");
          ws.onopen = () => { ws.send("ping"); setTimeout(() => ws.close(), 20); };
          ws.onmessage = (e) => log.push("message " + e.data);
          ws.onclose = (e) => { log.push("close " + e.code); resolve(log.join(" | ")); };
        })
        """)
        #expect(string(r) == "close 1005")
    }

    @Test func sandboxedFrameSendsOriginNullAndItsFrameLabel() throws {
        let b = wsBrowser(["wss://b.local/ws": WebSocketResource(greeting: "hi")])
        b.server.add("https://a.local/sandbox", .response(HTTPResponse(headers: HeaderList([("Content-Type", "text/html")]),
            body: Array("<iframe sandbox='allow-scripts' src='https://b.local/'></iframe>".utf8))))
        let top = b.open("https://a.local/sandbox")
        let child = try #require(top.children.first)
        child.evaluate(#"new WebSocket("wss://b.local/ws").onmessage = (e) => console.log("got " + e.data + " from " + e.origin);"#)
        let h = try #require(handshakes(b).first)
        #expect(h.headers["Origin"] == "null")
        #expect(h.frame == child.label)
        #expect(b.console.contains { $0.text == "got hi from wss://b.local" && $0.origin == "null" })
    }

    // MARK: refused handshakes

    @Test func serverRefusesOtherOriginsWith403() {
        let b = wsBrowser(["ws://b.local/ws": WebSocketResource(allowedOrigins: ["http://b.local"])])
        let r = b.open("http://a.local/").evaluate(roundTrip("ws://b.local/ws"))
        #expect(string(r) == "error 3 | close 1006 false 3")
        #expect(handshakes(b).map(\.status) == [403])
    }

    @Test func refusedHandshakeLogsChromiumsConsoleError() {
        let b = wsBrowser(["ws://b.local/ws": WebSocketResource(allowedOrigins: ["http://b.local"])])
        b.open("http://a.local/").evaluate(roundTrip("ws://b.local/ws"))
        let line = b.console.first { $0.text.hasPrefix("WebSocket connection") }
        #expect(line?.text == "WebSocket connection to 'ws://b.local/ws' failed: Error during WebSocket handshake: Unexpected response code: 403")
        #expect(line?.level == "error")
    }

    @Test func allowedOriginIsAccepted() {
        let b = wsBrowser(["ws://b.local/ws": WebSocketResource(allowedOrigins: ["http://b.local"])])
        let r = b.open("http://b.local/").evaluate(roundTrip("ws://b.local/ws"))
        #expect(string(r) == #"open ws://b.local/ws 1 "" | message ping | close 1000 true 3"#)
        #expect(handshakes(b).first?.headers["Origin"] == "http://b.local")
    }

    @Test func missingEndpointIs404() {
        let b = wsBrowser()
        let r = b.open("http://a.local/").evaluate(roundTrip("ws://b.local/nothing"))
        #expect(string(r) == "error 3 | close 1006 false 3")
        #expect(handshakes(b).map(\.status) == [404])
        #expect(b.console.contains { $0.text == "WebSocket connection to 'ws://b.local/nothing' failed: Error during WebSocket handshake: Unexpected response code: 404" })
    }

    // MARK: the constructor's URL rules

    @Test func httpAndHttpsBecomeWsAndWss() {
        let top = wsBrowser().open("http://a.local/")
        #expect(top.evaluate(#"new WebSocket("http://b.local/ws").url"#).value == .string("ws://b.local/ws"))
        #expect(top.evaluate(#"new WebSocket("https://b.local:443/ws").url"#).value == .string("wss://b.local/ws"))
    }

    @Test func relativeURLResolvesAgainstThePage() {
        let top = wsBrowser().open("http://a.local/")
        #expect(top.evaluate(#"new WebSocket("/chat?x=1").url"#).value == .string("ws://a.local/chat?x=1"))
    }

    @Test func fragmentIsASyntaxError() {
        let r = wsBrowser().open("http://a.local/").evaluate(#"new WebSocket("ws://b.local/ws#frag")"#)
        #expect(r.error == DOMException(name: "SyntaxError", message: "Failed to construct 'WebSocket': The URL contains a fragment identifier ('frag'). Fragment identifiers are not allowed in WebSocket URLs."))
    }

    @Test func otherSchemeIsASyntaxError() {
        let r = wsBrowser().open("http://a.local/").evaluate(#"new WebSocket("ftp://b.local/ws")"#)
        #expect(r.error == DOMException(name: "SyntaxError", message: "Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. 'ftp' is not allowed."))
    }

    @Test func unparsableURLIsASyntaxError() {
        let r = wsBrowser().open("http://a.local/").evaluate(#"new WebSocket("ws://")"#)
        #expect(r.error == DOMException(name: "SyntaxError", message: "Failed to construct 'WebSocket': The URL 'ws://' is invalid."))
    }

    @Test func noArgumentIsATypeError() {
        let r = wsBrowser().open("http://a.local/").evaluate("new WebSocket()")
        #expect(r.error == DOMException(name: "TypeError", message: "Failed to construct 'WebSocket': 1 argument required, but only 0 present."))
    }

    @Test func rejectedURLsSendNoHandshake() {
        let b = wsBrowser()
        let top = b.open("http://a.local/")
        for u in ["ws://b.local/ws#x", "ftp://b.local/", "ws://"] { top.evaluate("try { new WebSocket(\(u.debugDescription)) } catch (e) {}") }
        #expect(handshakes(b).isEmpty)
    }

    // MARK: mixed content

    @Test func insecureWsFromHttpsPageIsASecurityError() {
        let r = wsBrowser().open("https://a.local/").evaluate(#"new WebSocket("ws://b.local/ws")"#)
        #expect(r.error == DOMException(name: "SecurityError", message: "Failed to construct 'WebSocket': An insecure WebSocket connection may not be initiated from a page loaded over HTTPS."))
    }

    @Test func mixedContentIsLoggedAndSendsNothing() {
        let b = wsBrowser()
        b.open("https://a.local/").evaluate(#"try { new WebSocket("ws://b.local/ws") } catch (e) {}"#)
        #expect(handshakes(b).isEmpty)
        #expect(b.console.contains { $0.level == "error" && $0.text == "Mixed Content: The page at 'https://a.local/' was loaded over HTTPS, but attempted to connect to the insecure WebSocket endpoint 'ws://b.local/ws'. This request has been blocked; this endpoint must be available over WSS." })
    }

    @Test func wsBecomesWssUnderUpgradeInsecureRequests() {
        let b = wsBrowser(headers: [("Content-Security-Policy", "upgrade-insecure-requests")])
        #expect(b.open("http://a.local/").evaluate(#"new WebSocket("ws://b.local/ws").url"#).value == .string("wss://b.local/ws"))
        #expect(b.open("https://a.local/").evaluate(#"new WebSocket("ws://b.local/ws").url"#).value == .string("wss://b.local/ws"))
    }

    // MARK: Content Security Policy

    @Test func connectSrcBlocksWithAnErrorEventAndNoException() {
        let b = wsBrowser(headers: [("Content-Security-Policy", "connect-src 'self'")])
        let r = b.open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws"), log = ["state " + ws.readyState];
          ws.onerror = () => { log.push("error"); setTimeout(() => resolve(log.join(" | ")), 10); };
          ws.onclose = () => log.push("close");
        })
        """)
        #expect(string(r) == "state 3 | error")
        #expect(handshakes(b).isEmpty)
        #expect(b.console.contains { $0.text.hasPrefix("Refused to connect to 'ws://b.local/ws'") })
    }

    // MARK: readyState and constants

    @Test func readyStateConstantsOnInterfaceAndPrototype() {
        let top = wsBrowser().open("http://a.local/")
        #expect(top.evaluate("[WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED].join()").value == .string("0,1,2,3"))
        #expect(top.evaluate("[WebSocket.prototype.CONNECTING, WebSocket.prototype.CLOSED].join()").value == .string("0,3"))
    }

    @Test func interfaceLengthsAreWebIDLs() {
        let top = wsBrowser().open("http://a.local/")
        #expect(top.evaluate("[WebSocket.length, WebSocket.prototype.send.length, WebSocket.prototype.close.length].join()").value == .string("1,1,0"))
    }

    @Test func readyStateIsConnectingThenClosingAfterClose() {
        let top = wsBrowser().open("http://a.local/")
        #expect(top.evaluate(#"const w1 = new WebSocket("ws://b.local/ws"); const s0 = w1.readyState; w1.close(); [s0, w1.readyState].join()"#).value == .string("0,2"))
    }

    @Test func defaultAttributes() {
        let top = wsBrowser().open("http://a.local/")
        #expect(top.evaluate(#"const w2 = new WebSocket("ws://b.local/ws"); [w2.protocol, w2.extensions, w2.bufferedAmount, w2.binaryType].join()"#).value == .string(",,0,blob"))
    }

    @Test func binaryTypeIgnoresInvalidValues() {
        let top = wsBrowser().open("http://a.local/")
        #expect(top.evaluate(#"const w3 = new WebSocket("ws://b.local/ws"); w3.binaryType = "arraybuffer"; w3.binaryType = "text"; w3.binaryType"#).value == .string("arraybuffer"))
    }

    @Test func isAnEventTarget() {
        let top = wsBrowser().open("http://a.local/")
        #expect(top.evaluate(#"const w4 = new WebSocket("ws://b.local/ws"); [w4 instanceof EventTarget, Object.prototype.toString.call(w4)].join()"#).value == .string("true,[object WebSocket]"))
    }

    // MARK: send

    @Test func sendWhileConnectingIsAnInvalidStateError() {
        let r = wsBrowser().open("http://a.local/").evaluate(#"new WebSocket("ws://b.local/ws").send("x")"#)
        #expect(r.error == DOMException(name: "InvalidStateError", message: "Failed to execute 'send' on 'WebSocket': Still in CONNECTING state."))
    }

    @Test func bufferedAmountCountsUTF8BytesUntilSent() {
        let r = wsBrowser().open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws"), log = [];
          ws.onopen = () => { ws.send("héllo"); log.push(ws.bufferedAmount); };
          ws.onmessage = (e) => { if (e.data === "héllo") { log.push(ws.bufferedAmount); resolve(log.join()); } };
        })
        """)
        #expect(string(r) == "6,0")
    }

    @Test func sendAfterCloseGrowsBufferedAmountAndLogs() {
        let b = wsBrowser()
        let r = b.open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws");
          ws.onopen = () => { ws.close(); ws.send("abc"); resolve(String(ws.bufferedAmount)); };
        })
        """)
        #expect(string(r) == "3")
        #expect(b.console.contains { $0.level == "error" && $0.text == "WebSocket is already in CLOSING or CLOSED state." })
    }

    @Test func binaryMessagesEchoAsArrayBuffer() {
        let r = wsBrowser(["ws://b.local/ws": WebSocketResource()]).open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws");
          ws.binaryType = "arraybuffer";
          ws.onopen = () => ws.send(new Uint8Array([1, 2, 255]));
          ws.onmessage = (e) => resolve((e.data instanceof ArrayBuffer) + " " + Array.from(new Uint8Array(e.data)).join());
        })
        """)
        #expect(string(r) == "true 1,2,255")
    }

    @Test func binaryMessagesEchoAsBlobByDefault() {
        let r = wsBrowser(["ws://b.local/ws": WebSocketResource()]).open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws");
          ws.onopen = () => ws.send(new Uint8Array([104, 105]).buffer);
          ws.onmessage = (e) => e.data.text().then((t) => resolve(Object.prototype.toString.call(e.data) + " " + e.data.size + " " + t));
        })
        """)
        #expect(string(r) == "[object Blob] 2 hi")
    }

    // MARK: close

    @Test func closeWithABadCodeIsAnInvalidAccessError() {
        let r = wsBrowser().open("http://a.local/").evaluate(#"new WebSocket("ws://b.local/ws").close(1001)"#)
        #expect(r.error == DOMException(name: "InvalidAccessError", message: "Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. 1001 is neither."))
    }

    @Test func closeWithALongReasonIsASyntaxError() {
        let r = wsBrowser().open("http://a.local/").evaluate(#"new WebSocket("ws://b.local/ws").close(1000, "x".repeat(124))"#)
        #expect(r.error == DOMException(name: "SyntaxError", message: "Failed to execute 'close' on 'WebSocket': The close reason must not be greater than 123 UTF-8 bytes."))
    }

    @Test func closeWithoutCodeGives1005() {
        let r = wsBrowser().open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws");
          ws.onopen = () => ws.close();
          ws.onclose = (e) => resolve(e.code + " " + e.wasClean + " " + JSON.stringify(e.reason));
        })
        """)
        #expect(string(r) == #"1005 true """#)
    }

    @Test func closeCodeAndReasonComeBackFromTheServer() {
        let r = wsBrowser().open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws");
          ws.onopen = () => ws.close(4000, "bye");
          ws.onclose = (e) => resolve(e.code + " " + e.wasClean + " " + e.reason);
        })
        """)
        #expect(string(r) == "4000 true bye")
    }

    @Test func closeWhileConnectingFailsWithoutAHandshake() {
        let b = wsBrowser()
        let r = b.open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws"), log = [];
          ws.onopen = () => log.push("open");
          ws.onerror = () => log.push("error");
          ws.onclose = (e) => { log.push("close " + e.code + " " + e.wasClean); resolve(log.join(" | ")); };
          ws.close();
        })
        """)
        #expect(string(r) == "error | close 1006 false")
        #expect(handshakes(b).isEmpty)
        #expect(b.console.contains { $0.level == "warn" && $0.text == "WebSocket connection to 'ws://b.local/ws' failed: WebSocket is closed before the connection is established." })
    }

    @Test func messagesAfterCloseAreDropped() {
        let r = wsBrowser().open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws"), log = [];
          ws.onopen = () => { ws.send("late"); ws.close(); };
          ws.onmessage = (e) => log.push("message " + e.data);
          ws.onclose = (e) => { log.push("close " + e.code); resolve(log.join(" | ")); };
        })
        """)
        #expect(string(r) == "close 1005")
    }

    // MARK: events

    @Test func messageEventHasDataAndTheSocketsOrigin() {
        let r = wsBrowser().open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws");
          ws.addEventListener("message", (e) => resolve([e instanceof MessageEvent, e.isTrusted, e.origin, e.data, e.target === ws, e.bubbles].join()));
        })
        """)
        #expect(string(r) == "true,true,ws://b.local,cookie=,true,false")
    }

    @Test func closeEventIsACloseEvent() {
        let r = wsBrowser().open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws");
          ws.onopen = () => ws.close(1000);
          ws.addEventListener("close", (e) => resolve([e instanceof CloseEvent, e.isTrusted, e.code, e.wasClean].join()));
        })
        """)
        #expect(string(r) == "true,true,1000,true")
    }

    @Test func listenerAndHandlerBothRunInOrder() {
        let r = wsBrowser().open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws"), log = [];
          ws.addEventListener("open", () => log.push("listener"));
          ws.onopen = () => log.push("handler");
          ws.addEventListener("open", () => { log.push("listener2"); resolve(log.join()); });
        })
        """)
        #expect(string(r) == "listener,handler,listener2")
    }

    @Test func listenerExceptionsAreReportedNotFatal() {
        let b = wsBrowser()
        let r = b.open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const ws = new WebSocket("ws://b.local/ws");
          ws.onopen = () => { throw new Error("boom"); };
          ws.onmessage = (e) => resolve(e.data);
        })
        """)
        #expect(string(r) == "cookie=")
        #expect(b.console.contains { $0.text == "Uncaught Error: boom" })
    }

    // MARK: subprotocols

    @Test func subprotocolsAreOfferedAndTheFirstSelected() {
        let b = wsBrowser()
        let r = b.open("http://a.local/").evaluate(roundTrip("ws://b.local/ws", protocols: #"["chat", "v2"]"#))
        #expect(string(r)?.hasPrefix(#"open ws://b.local/ws 1 "chat""#) == true)
        #expect(handshakes(b).first?.headers["Sec-WebSocket-Protocol"] == "chat, v2")
    }

    @Test func duplicateSubprotocolIsASyntaxError() {
        let r = wsBrowser().open("http://a.local/").evaluate(#"new WebSocket("ws://b.local/ws", ["a", "a"])"#)
        #expect(r.error == DOMException(name: "SyntaxError", message: "Failed to construct 'WebSocket': The subprotocol 'a' is duplicated."))
    }

    @Test func invalidSubprotocolIsASyntaxError() {
        let r = wsBrowser().open("http://a.local/").evaluate(#"new WebSocket("ws://b.local/ws", "a b")"#)
        #expect(r.error == DOMException(name: "SyntaxError", message: "Failed to construct 'WebSocket': The subprotocol 'a b' is invalid."))
    }

    // MARK: virtual time

    @Test func eventsAreTasksAFewVirtualMillisecondsApart() {
        let r = wsBrowser().open("http://a.local/").evaluate("""
        new Promise((resolve) => {
          const t0 = Date.now(), log = [];
          const ws = new WebSocket("ws://b.local/ws");
          const at = (s) => log.push(s + "@" + (Date.now() - t0));
          ws.onopen = () => { at("open"); ws.send("ping"); };
          ws.onmessage = (e) => { at(e.data); if (e.data === "ping") ws.close(1000); };
          ws.onclose = () => { at("close"); resolve(log.join(" ")); };
        })
        """)
        #expect(string(r) == "open@2 cookie=@2 ping@4 close@6")
    }

    @Test func sameScenarioGivesTheSameOutput() {
        func run() -> ([ConsoleEntry], [RequestRecord]) {
            let b = wsBrowser(["ws://b.local/ws": WebSocketResource(allowedOrigins: ["http://b.local"]), "ws://b.local/ok": WebSocketResource()])
            let top = b.open("http://a.local/")
            top.evaluate(roundTrip("ws://b.local/ws"))
            top.evaluate(roundTrip("ws://b.local/ok"))
            return (b.console, b.requests)
        }
        let (c1, r1) = run(), (c2, r2) = run()
        #expect(c1 == c2)
        #expect(r1 == r2)
    }

    @Test func noEventsAfterThePageNavigatesAway() {
        let script = #"window.ws = new WebSocket("ws://b.local/ws"); ws.onopen = () => console.log("opened");"#
        let stay = wsBrowser()
        stay.open("http://a.local/").evaluate(script)
        #expect(stay.console.contains { $0.text == "opened" })
        let leave = wsBrowser()
        let top = leave.open("http://a.local/")
        top.evaluate(script + #" location.href = "http://b.local/";"#)
        #expect(top.window?.url.href == "http://b.local/")
        #expect(!leave.console.contains { $0.text == "opened" })
    }
}
