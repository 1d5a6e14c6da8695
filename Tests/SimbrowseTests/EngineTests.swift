import Foundation
import ScenarioFormat
import Testing
import URLStandard
@testable import Simbrowse

/// A small server: URL -> HTML body.
func server(_ pages: [String: String]) -> FixtureServer {
    let s = FixtureServer()
    for (url, html) in pages {
        s.add(url, .response(HTTPResponse(headers: HeaderList([("Content-Type", "text/html")]), body: Array(html.utf8))))
    }
    return s
}

@Suite("Origin checker")
struct OriginCheckerTests {
    let checker = OriginChecker()
    func ctx(_ s: String) -> SecurityContext { SecurityContext(origin: URLRecord.parse(s)!.origin) }

    @Test func sameOriginIsFullAccess() {
        let v = checker.windowAccess(from: ctx("http://a.local/"), to: ctx("http://a.local:80/x"), interface: .window, operation: .get("document"))
        #expect(v.isAllowed && v.rule == "IsPlatformObjectSameOrigin")
    }

    @Test(arguments: ["window", "self", "closed", "frames", "length", "top", "opener", "parent", "close", "focus", "blur", "postMessage", "location"])
    func crossOriginAllowlist(_ name: String) {
        let v = checker.windowAccess(from: ctx("http://a.local/"), to: ctx("http://b.local/"), interface: .window, operation: .get(name))
        #expect(v.isAllowed && v.rule == "CrossOriginProperties")
    }

    @Test(arguments: ["document", "localStorage", "sessionStorage", "history", "name", "foo", "origin", "setTimeout"])
    func crossOriginBlocked(_ name: String) {
        let v = checker.windowAccess(from: ctx("http://a.local/"), to: ctx("http://b.local/"), interface: .window, operation: .get(name))
        #expect(!v.isAllowed)
        #expect(v.errorName == "SecurityError")
        #expect(v.message == "Failed to read a named property '\(name)' from 'Window': Blocked a frame with origin \"http://a.local\" from accessing a cross-origin frame.")
    }

    @Test func locationHrefMaySetButNotRead() {
        let a = ctx("http://a.local/"), b = ctx("http://b.local/")
        #expect(checker.windowAccess(from: a, to: b, interface: .location, operation: .set("href")).isAllowed)
        let read = checker.windowAccess(from: a, to: b, interface: .location, operation: .get("href"))
        #expect(read.message == "Failed to read a named property 'href' from 'Location': Blocked a frame with origin \"http://a.local\" from accessing a cross-origin frame.")
        #expect(checker.windowAccess(from: a, to: b, interface: .location, operation: .get("replace")).isAllowed)
    }

    @Test func fallbackSymbolsReadAsUndefinedOthersThrow() {
        let a = ctx("http://a.local/"), b = ctx("http://b.local/")
        #expect(checker.windowAccess(from: a, to: b, interface: .window, operation: .get(nil), symbol: "Symbol.toStringTag").isAllowed)
        #expect(!checker.windowAccess(from: a, to: b, interface: .location, operation: .get(nil), symbol: "Symbol.toPrimitive").isAllowed)
    }

    @Test func setMessageAndInOperator() {
        let a = ctx("http://a.local/"), b = ctx("http://b.local/")
        #expect(checker.windowAccess(from: a, to: b, interface: .window, operation: .set("foo")).message
                == "Failed to set a named property 'foo' on 'Window': Blocked a frame with origin \"http://a.local\" from accessing a cross-origin frame.")
        #expect(checker.windowAccess(from: a, to: b, interface: .window, operation: .has("foo")).message
                == "Blocked a frame with origin \"http://a.local\" from accessing a cross-origin frame.")
    }

    @Test func portsSchemesAndSubdomainsAreCrossOrigin() {
        for (x, y) in [("http://a.local/", "http://a.local:8080/"), ("http://a.local/", "https://a.local/"), ("http://a.local/", "http://sub.a.local/")] {
            #expect(!OriginChecker.isSameOriginDomain(ctx(x), ctx(y)))
        }
        #expect(OriginChecker.isSameOriginDomain(ctx("https://a.local/"), ctx("https://a.local:443/")))
    }

    @Test func documentDomainMakesSameOriginDomain() {
        var a = ctx("http://a.local/"), b = ctx("http://sub.a.local/")
        #expect(!OriginChecker.isSameOriginDomain(a, b))
        a.domain = "a.local"
        #expect(!OriginChecker.isSameOriginDomain(a, b), "both sides must set it")
        b.domain = "a.local"
        #expect(OriginChecker.isSameOriginDomain(a, b))
    }

    @Test func opaqueOriginsAreOnlyThemselves() {
        let o = Origin.makeOpaque()
        #expect(OriginChecker.isSameOriginDomain(SecurityContext(origin: o), SecurityContext(origin: o)))
        #expect(!OriginChecker.isSameOriginDomain(SecurityContext(origin: o), SecurityContext(origin: .makeOpaque())))
    }

    @Test func postMessageTargetOrigin() {
        let a = URLRecord.parse("http://a.local/")!.origin, b = URLRecord.parse("http://b.local/")!.origin
        #expect(checker.postMessage(from: a, targetOrigin: "*", recipient: b).isAllowed)
        #expect(checker.postMessage(from: a, targetOrigin: "http://b.local", recipient: b).isAllowed)
        let miss = checker.postMessage(from: a, targetOrigin: "http://c.local", recipient: b)
        #expect(!miss.isAllowed)
        #expect(miss.message == "Failed to execute 'postMessage' on 'DOMWindow': The target origin provided ('http://c.local') does not match the recipient window's origin ('http://b.local').")
    }

    @Test func sites() {
        let a = URLRecord.parse("http://a.local/")!.origin, s = URLRecord.parse("http://sub.a.local/")!.origin
        #expect(Site.isSameSite(a, s))
        #expect(!Site.isSameSite(a, URLRecord.parse("https://a.local/")!.origin), "schemeful")
    }
}

@Suite("Windows, frames and scripts", .serialized)
struct EngineTests {
    @Test("The Swift API: open a window, walk frames, evaluate through the checker")
    func swiftAPI() throws {
        let browser = Browser(server: server([
            "http://a.local/": "<iframe src='http://b.local/'></iframe><iframe src='/same'></iframe>",
            "http://b.local/": "<p id=s>secret</p><script>var x = 5</script>",
            "http://a.local/same": "<p>mine</p>",
        ]))
        let top = browser.open("http://a.local/", name: "attacker")
        #expect(top.children.count == 2)
        let blocked = top.evaluate("frames[0].document")
        #expect(blocked.outcome == .blocked)
        #expect(blocked.error?.name == "SecurityError")
        #expect(blocked.error?.code == 18)
        #expect(blocked.reason?.rule == "CrossOriginProperties")
        #expect(throws: DOMException.self) { try blocked.get() }
        #expect(top.evaluate("frames.length").value == .number(2))
        #expect(top.evaluate("frames[1].document.body.textContent").value == .string("mine"))
        let child = try #require(browser.context(at: "attacker.frames[0]"))
        #expect(child.evaluate("x").value == .number(5))
        #expect(child.evaluate("document.getElementById('s').textContent").value == .string("secret"))
    }

    @Test("A WindowProxy stays the same object across a navigation, and is re-checked")
    func proxyIdentityAcrossNavigation() {
        let browser = Browser(server: server([
            "http://a.local/": "<iframe src='/same'></iframe>",
            "http://a.local/same": "<p>mine</p>",
            "http://b.local/": "<p>theirs</p>",
        ]))
        let top = browser.open("http://a.local/", name: "t")
        #expect(top.evaluate("var w = frames[0]; var f = document.querySelector('iframe'); w.document.body.textContent").value == .string("mine"))
        _ = top.evaluate("f.src = 'http://b.local/'")
        #expect(top.evaluate("w === f.contentWindow").value == .bool(true))
        #expect(top.evaluate("w.document").outcome == .blocked)
        #expect(top.evaluate("f.contentDocument").value == .null)
    }

    @Test("JavaScriptCore's wording of engine errors is Chromium's")
    func chromiumWording() {
        let browser = Browser(server: server(["http://a.local/": "<p>x</p>"]))
        let top = browser.open("http://a.local/", name: "t")
        #expect(top.evaluate("try { null.length } catch (e) { e.message }").value == .string("Cannot read properties of null (reading 'length')"))
        #expect(top.evaluate("try { undefinedThing } catch (e) { e.message }").value == .string("undefinedThing is not defined"))
        #expect(top.evaluate("var w = null; try { w.frames.length } catch (e) { e.message }").value == .string("Cannot read properties of null (reading 'frames')"))
    }

    @Test("A runaway script is stopped and the scenario goes on")
    func runawayScript() {
        let browser = Browser(server: server(["http://a.local/": "<script>while (true) {}</script><p id=p>after</p>"]), scriptTimeLimit: 0.2)
        let top = browser.open("http://a.local/", name: "t")
        #expect(browser.console.contains { $0.level == "error" && $0.text.contains("script stopped") })
        // The page's parse stopped with the script (as the whole task is ended); the page itself lives on.
        #expect(top.evaluate("typeof document.body").value == .string("object"))
        let r = top.evaluate("for (;;) {}")
        #expect(r.outcome == .error)
        #expect(r.error?.name == "TimeoutError")
        #expect(top.evaluate("1 + 1").value == .number(2))
    }

    @Test("Timers run on virtual time; a page's endless interval is cut off at the limit")
    func virtualTime() {
        let browser = Browser(server: server(["http://a.local/": "<script>var n = 0; setInterval(() => n++, 1000); setTimeout(() => console.log('t=' + Date.now()), 2500)</script>"]))
        let top = browser.open("http://a.local/", name: "t", limit: 10_000)
        #expect(top.evaluate("n").value == .number(10))
        #expect(browser.console.map(\.text).contains("t=1767225602500"))
    }

    @Test("postMessage: delivered when the target origin matches, dropped with Chromium's console error when not")
    func postMessage() {
        let browser = Browser(server: server([
            "http://a.local/": "<iframe src='http://b.local/'></iframe>",
            "http://b.local/": "<script>var got = []; addEventListener('message', e => got.push(e.data + ' from ' + e.origin))</script>",
        ]))
        let top = browser.open("http://a.local/", name: "t")
        _ = top.evaluate("frames[0].postMessage('hi', 'http://b.local'); frames[0].postMessage('no', 'http://c.local'); frames[0].postMessage({a: [1]}, '*')")
        let child = browser.context(at: "t.frames[0]")!
        #expect(child.evaluate("JSON.stringify(got)").value == .string(#"["hi from http://a.local","[object Object] from http://a.local"]"#))
        #expect(browser.console.contains { $0.level == "warning" && $0.frame == "t.frames[0]" && $0.text.contains("does not match the recipient window's origin ('http://b.local')") })
    }

    @Test("Storage: per origin; a cross-origin frame's storage is blocked")
    func storage() {
        let browser = Browser(server: server([
            "http://a.local/": "<iframe src='http://b.local/'></iframe><script>localStorage.setItem('k', 'a')</script>",
            "http://b.local/": "<script>localStorage.setItem('k', 'b'); sessionStorage.k2 = 'bs'</script>",
        ]))
        let top = browser.open("http://a.local/", name: "t")
        #expect(top.evaluate("localStorage.getItem('k')").value == .string("a"))
        #expect(top.evaluate("frames[0].localStorage").error?.message.contains("'localStorage' from 'Window'") == true)
        #expect(browser.context(at: "t.frames[0]")!.evaluate("sessionStorage.getItem('k2')").value == .string("bs"))
    }

    @Test("Framebusting: a cross-origin frame may not navigate its top without user activation")
    func framebusting() {
        let browser = Browser(server: server([
            "http://a.local/": "<iframe src='http://b.local/'></iframe>",
            "http://b.local/": "<p>x</p>",
        ]))
        let top = browser.open("http://a.local/", name: "t")
        let r = browser.context(at: "t.frames[0]")!.evaluate("top.location.href = 'http://b.local/evil'")
        #expect(r.outcome == .blocked)
        #expect(r.error?.message == "Failed to set a named property 'href' on 'Location': The current window does not have permission to navigate the target frame to 'http://b.local/evil'.")
        #expect(top.window?.url.href == "http://a.local/")
    }

    @Test("The same scenario gives byte-identical JSON")
    func deterministic() throws {
        let s = try BrowserTruth.scenario(BrowserTruth.cases.first { $0.id == "window-postmessage-targetorigin-mismatch" }!)
        let a = try ScenarioRunner.run(s).jsonData()
        let b = try ScenarioRunner.run(s).jsonData()
        #expect(a == b)
    }
}

@Suite("Gallery", .serialized)
struct GalleryTests {
    static let folder = BrowserTruth.root.deletingLastPathComponent().appendingPathComponent("scenarios")
    static let files: [URL] = (try? ScenarioLoader.scenarioFiles(in: folder)) ?? []

    @Test("The gallery is there") func present() { #expect(Self.files.count >= 8) }

    @Test("Every gallery scenario passes", arguments: files)
    func passes(_ file: URL) throws {
        let report = ScenarioRunner.run(try ScenarioLoader.load(file: file))
        let failures = report.steps.compactMap { s in s.expectation.flatMap { $0.ok ? nil : "step \(s.index + 1): \($0.failures.joined(separator: "; "))" } }
        let ok = report.ok
        #expect(ok, "\(file.lastPathComponent): \(failures.joined(separator: "\n"))")
    }
}

@Suite("Memory")
struct MemoryTests {
    @Test("A closed browser is freed when its user lets go of it (no retain cycle through its realms)")
    func browserIsFreed() {
        weak var weakBrowser: Browser?
        do {
            let b = Browser(server: server([
                "http://a.local/": "<iframe src='http://b.local/'></iframe><script>setTimeout(() => {}, 10); fetch('/x').catch(() => {})</script>",
                "http://b.local/": "<script>addEventListener('message', e => e.source.postMessage('pong', '*'))</script>",
            ]))
            let top = b.open("http://a.local/", name: "t")
            _ = top.evaluate("frames[0].postMessage('ping', '*'); location.href = '/next'")
            weakBrowser = b
            b.close()
            #expect(top.evaluate("1").error?.name == "InvalidStateError")
        }
        #expect(weakBrowser == nil)
    }
}

@Suite("Content Security Policy for embedded loads", .serialized)
struct CSPEmbeddingTests {
    static let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="

    func browser(_ csp: String, _ body: String) -> Browser {
        let s = FixtureServer()
        s.add("http://a.local/", .response(HTTPResponse(headers: HeaderList([("Content-Type", "text/html"), ("Content-Security-Policy", csp)]), body: Array(body.utf8))))
        s.add("http://a.local/p.png", .response(HTTPResponse(headers: HeaderList([("Content-Type", "image/png")]), body: base64Decode(Self.png)!)))
        s.add("http://b.local/p.png", .response(HTTPResponse(headers: HeaderList([("Content-Type", "image/png")]), body: base64Decode(Self.png)!)))
        s.add("http://b.local/s.js", .response(HTTPResponse(headers: HeaderList([("Content-Type", "text/javascript")]), body: Array("var fromB = 1".utf8))))
        s.add("http://b.local/s.css", .response(HTTPResponse(headers: HeaderList([("Content-Type", "text/css")]), body: Array("p { color: red }".utf8))))
        return Browser(server: s)
    }

    @Test("img-src 'self' refuses a cross-origin image; the same-origin one loads")
    func imgSrc() {
        let b = browser("img-src 'self'", "<img id=a src='/p.png'><img id=b src='http://b.local/p.png'>")
        let top = b.open("http://a.local/", name: "t")
        #expect(top.evaluate("[document.getElementById('a').naturalWidth, document.getElementById('b').naturalWidth].join()").value == .string("1,0"))
        #expect(b.console.contains { $0.text == "Refused to load the image 'http://b.local/p.png' because it violates the following Content Security Policy directive: \"img-src 'self'\"." })
        #expect(!b.requests.contains { $0.url == "http://b.local/p.png" })
    }

    @Test("script-src 'self' refuses inline and cross-origin scripts; 'unsafe-inline' and nonces allow inline ones")
    func scriptSrc() {
        let b = browser("script-src 'self'", "<script>var inline = 1</script><script src='http://b.local/s.js'></script>")
        let top = b.open("http://a.local/", name: "t")
        #expect(top.evaluate("typeof inline + ' ' + typeof fromB").value == .string("undefined undefined"))
        #expect(b.console.contains { $0.text.hasPrefix("Refused to execute inline script because it violates the following Content Security Policy directive: \"script-src 'self'\".") })
        #expect(b.console.contains { $0.text == "Refused to load the script 'http://b.local/s.js' because it violates the following Content Security Policy directive: \"script-src 'self'\". Note that 'script-src-elem' was not explicitly set, so 'script-src' is used as a fallback." })
        let ok = browser("script-src 'nonce-abc'", "<script nonce=abc>var good = 1</script><script>var bad = 1</script>").open("http://a.local/", name: "t")
        #expect(ok.evaluate("typeof good + ' ' + typeof bad").value == .string("number undefined"))
    }

    @Test("default-src 'self' refuses a cross-origin stylesheet")
    func styleSrc() {
        let b = browser("default-src 'self'", "<link rel=stylesheet href='http://b.local/s.css'><p>x</p>")
        let top = b.open("http://a.local/", name: "t")
        #expect(top.evaluate("getComputedStyle(document.querySelector('p')).color").value == .string("rgb(0, 0, 0)"))
        #expect(b.console.contains { $0.text.hasPrefix("Refused to load the stylesheet 'http://b.local/s.css' because it violates the following Content Security Policy directive: \"default-src 'self'\".") })
    }
}

@Suite("Links, popups and modals", .serialized)
struct LinkTests {
    @Test("target=_blank implies noopener; rel=opener keeps it; a named target is navigated")
    func blankIsNoopener() {
        let b = Browser(server: server([
            "http://a.local/": "<a id=x href='http://b.local/' target=_blank>x</a><a id=y href='http://b.local/' target=_blank rel=opener>y</a><iframe name=f></iframe><a id=z href='/in-frame' target=f>z</a>",
            "http://b.local/": "<p>b</p>", "http://a.local/in-frame": "<p>framed</p>",
        ]))
        let top = b.open("http://a.local/", name: "t")
        _ = top.evaluate("document.getElementById('x').click(); document.getElementById('y').click(); document.getElementById('z').click()")
        #expect(top.popups.count == 2)
        #expect(b.context(at: "t.popups[0]")?.evaluate("window.opener === null").value == .bool(true))
        #expect(b.context(at: "t.popups[1]")?.evaluate("window.opener === null").value == .bool(false))
        #expect(top.evaluate("frames[0].document.body.textContent").value == .string("framed"))
        b.close()
    }

    @Test("alert() in a frame sandboxed without allow-modals is ignored, with Chromium's console error")
    func modals() {
        let b = Browser(server: server([
            "http://a.local/": "<iframe sandbox='allow-scripts' src='/f'></iframe>",
            "http://a.local/f": "<script>alert('hi')</script>",
        ]))
        _ = b.open("http://a.local/", name: "t")
        #expect(b.console.contains { $0.text == "Ignored call to 'alert()'. The document is sandboxed, and the 'allow-modals' keyword is not set." })
        b.close()
    }

    @Test("The README's example")
    func readmeExample() throws {
        let server = FixtureServer()
        server.add("http://a.local/", .response(HTTPResponse(body: Array("<iframe src='http://b.local/'></iframe>".utf8))))
        server.add("http://b.local/", .response(HTTPResponse(body: Array("<p>secret</p>".utf8))))
        let browser = Browser(server: server)
        let top = browser.open("http://a.local/", name: "attacker")

        let read = top.evaluate("frames[0].document")
        #expect(read.outcome == .blocked)
        #expect(read.error?.name == "SecurityError" && read.error?.code == 18)
        #expect(read.reason?.rule == "CrossOriginProperties")
        #expect(top.evaluate("frames.length").value == .number(1))
        #expect(browser.context(at: "attacker.frames[0]")?.evaluate("document.body.textContent").value == .string("secret"))
        browser.close()
    }
}
