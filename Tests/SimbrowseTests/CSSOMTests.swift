import ScenarioFormat
import Testing
import URLStandard
@testable import Simbrowse

/// Stylesheets and the CSSOM (Embedding/Stylesheets.swift, JS/cssom.js): parsing and
/// serialisation, the cascade and getComputedStyle, and the origin-clean flag: a cross-origin
/// stylesheet applies, but its rules cannot be read.
@Suite("Stylesheets and the CSSOM", .serialized)
struct CSSOMTests {
    /// A fixture server: URL -> (body, headers, status). Pages default to text/html.
    static func serve(_ resources: [String: (body: String, headers: [(String, String)], status: Int)]) -> FixtureServer {
        let s = FixtureServer()
        for (url, r) in resources {
            s.add(url, .response(HTTPResponse(status: r.status, headers: HeaderList(r.headers), body: Array(r.body.utf8))))
        }
        return s
    }
    static func page(_ html: String) -> (body: String, headers: [(String, String)], status: Int) {
        ("<!doctype html><html><head></head><body>" + html + "</body></html>", [("Content-Type", "text/html")], 200)
    }
    static func css(_ text: String, _ headers: [(String, String)] = [], type: String = "text/css", status: Int = 200) -> (body: String, headers: [(String, String)], status: Int) {
        (text, [("Content-Type", type)] + headers, status)
    }

    /// Opens http://a.local/ with `html` and the other resources.
    static func open(_ html: String, _ more: [String: (body: String, headers: [(String, String)], status: Int)] = [:],
                     profile: Profile = .chromium) -> (Browser, BrowsingContext) {
        var all = more
        all["http://a.local/"] = page(html)
        let b = Browser(profile: profile, server: serve(all))
        return (b, b.open("http://a.local/", name: "top"))
    }

    /// A script that adds `<link rel=stylesheet>` and waits for its load or error event.
    static func addLink(_ href: String, crossOrigin: String? = nil) -> String {
        """
        new Promise((resolve) => {
          const l = document.createElement("link");
          l.rel = "stylesheet";
          \(crossOrigin.map { "l.crossOrigin = \"\($0)\";" } ?? "")
          l.addEventListener("load", () => resolve("load"));
          l.addEventListener("error", () => resolve("error"));
          l.href = "\(href)";
          document.head.appendChild(l);
        })
        """
    }

    static func strings(_ r: ScriptResult) -> [String] {
        guard case .array(let a)? = r.value else { return [] }
        return a.map { if case .string(let s) = $0 { return s }; return "\($0)" }
    }

    // MARK: parsing and serialisation

    @Test("cssText as Chromium serialises it", arguments: [
        ("#t { color: rgb(255, 0, 0); }", "#t { color: rgb(255, 0, 0); }"),
        ("#t{color:#F00}", "#t { color: rgb(255, 0, 0); }"),
        ("p { color: RED; background-color: #0000ff80 }", "p { color: red; background-color: rgba(0, 0, 255, 0.5); }"),
        ("p { color: hsl(120, 100%, 25%) }", "p { color: rgb(0, 128, 0); }"),
        ("p { color: rgb(255 0 0 / 30%) }", "p { color: rgba(255, 0, 0, 0.3); }"),
        ("div>p , a+b~c { margin: 0 }", "div > p, a + b ~ c { margin: 0px; }"),
        ("DIV.X#y { width: 10.50PX !important }", "div.X#y { width: 10.5px !important; }"),
        ("a[href=foo] { color: blue }", "a[href=\"foo\"] { color: blue; }"),
        ("p { color: banana; width: 5px }", "p { width: 5px; }"),
        ("p { foo: bar }", "p { }"),
        ("p { color: red; color: blue }", "p { color: blue; }"),
        ("p { color: red !important; color: blue }", "p { color: red !important; }"),
        ("p { font-family: \"Times New Roman\", serif }", "p { font-family: \"Times New Roman\", serif; }"),
        ("p { --Main-Color:  #abc ; }", "p { --Main-Color: #abc; }"),
        ("p { background: url(a.png) }", "p { background: url(\"a.png\"); }"),
        ("@media screen and (min-width:100px){ p { color: red } }", "@media screen and (min-width: 100px) {\n  p { color: red; }\n}"),
        ("@import url(x.css) print;", "@import url(\"x.css\") print;"),
        ("@font-face { font-family: X; src: url(x.woff) }", "@font-face { font-family: X; src: url(\"x.woff\"); }"),
        ("@keyframes spin { from { opacity: 0 } to { opacity: 1 } }", "@keyframes spin { \n  0% { opacity: 0; }\n  100% { opacity: 1; }\n}"),
        ("@supports (display: grid) { p { display: grid } }", "@supports (display: grid) {\n  p { display: grid; }\n}"),
    ])
    func serialisation(css: String, want: String) throws {
        let (_, top) = Self.open("")
        let escaped = css.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "`", with: "\\`")
        let r = top.evaluate("""
        (() => { const st = document.createElement("style"); st.textContent = `\(escaped)`; document.head.append(st);
          const s = st.sheet; st.remove(); return s.cssRules.length ? s.cssRules[0].cssText : "no rule"; })()
        """)
        #expect(r.value == .string(want))
    }

    @Test func invalidRulesAreDropped() {
        let (_, top) = Self.open("")
        let r = top.evaluate("""
        (() => { const s = new CSSStyleSheet();
          s.replaceSync("p:unknown-pseudo { color: red } @charset 'x'; @unknown foo; !! { } h1 { color: red } div { color: blue");
          return Array.from(s.cssRules, (x) => x.cssText); })()
        """)
        #expect(Self.strings(r) == ["h1 { color: red; }", "div { color: blue; }"])
    }

    @Test func tokenizerEdges() {
        let (_, top) = Self.open("")
        let r = top.evaluate(#"""
        (() => { const s = new CSSStyleSheet();
          s.replaceSync('/* c */ .a\\:b { content: "x\\"y" } #\\31 23 { color: red } .x { width: calc(100% - 2px) } p::before { content: "\\2014" }');
          return Array.from(s.cssRules, (x) => x.cssText); })()
        """#)
        #expect(Self.strings(r) == [".a\\:b { content: \"x\\\"y\"; }", "#\\31 23 { color: red; }",
                                    ".x { width: calc(100% - 2px); }", "p::before { content: \"\u{2014}\"; }"])
    }

    @Test("CSSStyleDeclaration: getPropertyValue, setProperty, camelCase names, shorthands")
    func declarations() {
        let (_, top) = Self.open("")
        let r = top.evaluate("""
        (() => { const s = new CSSStyleSheet(); s.replaceSync("p { margin: 1px 2px; color: red }");
          const st = s.cssRules[0].style, out = [];
          out.push(st.getPropertyValue("margin-left"), st.marginTop, st.margin, st.length + "", st.item(0));
          st.setProperty("background-color", "#0f0", "important");
          st.backgroundColor === "rgb(0, 255, 0)" && out.push("bg ok");
          out.push(st.getPropertyPriority("background-color"));
          st.color = "not a colour"; out.push(st.color);
          st.removeProperty("margin"); st.fontSize = "12px";
          out.push(st.cssText, s.cssRules[0].cssText, String(st.parentRule === s.cssRules[0]), Object.prototype.toString.call(st),
                   String(st instanceof CSSStyleDeclaration));
          return out; })()
        """)
        #expect(Self.strings(r) == ["2px", "1px", "1px 2px", "5", "margin-top", "bg ok", "important", "red",
                                    "color: red; background-color: rgb(0, 255, 0) !important; font-size: 12px;",
                                    "p { color: red; background-color: rgb(0, 255, 0) !important; font-size: 12px; }",
                                    "true", "[object CSSStyleDeclaration]", "true"])
    }

    @Test("insertRule, deleteRule, addRule, removeRule and their errors (Chromium's wording)")
    func mutations() {
        let (_, top) = Self.open("<style>p { color: red }</style>")
        let r = top.evaluate("""
        (() => { const s = document.styleSheets[0], out = [];
          const E = (f) => { try { return "ok " + f(); } catch (e) { return e.name + ": " + e.message; } };
          out.push(E(() => s.insertRule("h1 { color: blue }", 1)), E(() => s.insertRule("h2 { }", 5)), E(() => s.insertRule("nonsense")),
                   E(() => s.insertRule("a {} b {}")), E(() => s.addRule("em", "color: green")), E(() => s.deleteRule(7)),
                   E(() => s.removeRule(0)), String(s.cssRules.length), s.cssRules[0].cssText, s.cssRules[1].cssText,
                   E(() => s.insertRule("@import url(x.css);", 1)), E(() => s.replaceSync("p {}")));
          return out; })()
        """)
        #expect(Self.strings(r) == [
            "ok 1",
            "IndexSizeError: Failed to execute 'insertRule' on 'CSSStyleSheet': The index provided (5) is larger than the maximum index (2).",
            "SyntaxError: Failed to execute 'insertRule' on 'CSSStyleSheet': Failed to parse the rule 'nonsense'.",
            "SyntaxError: Failed to execute 'insertRule' on 'CSSStyleSheet': Failed to parse the rule 'a {} b {}'.",
            "ok -1",
            "IndexSizeError: Failed to execute 'deleteRule' on 'CSSStyleSheet': The index provided (7) is larger than the maximum index (2).",
            "ok undefined", "2", "h1 { color: blue; }", "em { color: green; }",
            "HierarchyRequestError: Failed to execute 'insertRule' on 'CSSStyleSheet': Failed to insert the rule.",
            "NotAllowedError: Failed to execute 'replaceSync' on 'CSSStyleSheet': Can't call replaceSync on non-constructed CSSStyleSheets.",
        ])
    }

    // MARK: the cascade and getComputedStyle

    @Test("computed colours: specificity, order, inline style, !important, inheritance, initial values")
    func computedColour() {
        let (_, top) = Self.open("""
        <style>
          p { color: blue } .c { color: green } #i { color: #ff0000 } div p { color: purple }
          .imp { color: orange !important } body { color: rgb(10, 20, 30) } .half { background-color: rgba(0, 0, 0, .5) }
          :root { --accent: #00f } .v { color: var(--accent) } .cur { border: 1px solid currentcolor; color: red }
          .hsl { color: hsla(0, 100%, 50%, 0.25) } .t { background: transparent }
        </style>
        <p id=a>a</p><p id=b class=c>b</p><p id=i class=c>i</p><div><p id=d class=c>d</p></div>
        <p id=e class=c style="color: teal">e</p><p id=f class=imp style="color: teal">f</p>
        <span id=g>g <b id=h>h</b></span><p id=j class=half>j</p><p id=k class=v>k</p><p id=l class=cur>l</p>
        <p id=m class=hsl>m</p><p id=n class=t>n</p>
        """)
        let r = top.evaluate("""
        ["a","b","i","d","e","f","g","h","j","k","l","m","n"].map((id) => { const s = getComputedStyle(document.getElementById(id));
          return id + " " + s.color + " " + s.backgroundColor; }).concat([getComputedStyle(document.getElementById("l")).borderTopColor,
          getComputedStyle(document.documentElement).color])
        """)
        #expect(Self.strings(r) == [
            "a rgb(0, 0, 255) rgba(0, 0, 0, 0)", "b rgb(0, 128, 0) rgba(0, 0, 0, 0)", "i rgb(255, 0, 0) rgba(0, 0, 0, 0)",
            "d rgb(0, 128, 0) rgba(0, 0, 0, 0)", "e rgb(0, 128, 128) rgba(0, 0, 0, 0)", "f rgb(255, 165, 0) rgba(0, 0, 0, 0)",
            "g rgb(10, 20, 30) rgba(0, 0, 0, 0)", "h rgb(10, 20, 30) rgba(0, 0, 0, 0)", "j rgb(0, 0, 255) rgba(0, 0, 0, 0.5)",
            "k rgb(0, 0, 255) rgba(0, 0, 0, 0)", "l rgb(255, 0, 0) rgba(0, 0, 0, 0)", "m rgba(255, 0, 0, 0.25) rgba(0, 0, 0, 0)",
            "n rgb(0, 0, 255) rgba(0, 0, 0, 0)", "rgb(255, 0, 0)", "rgb(0, 0, 0)",
        ])
    }

    @Test("computed display, sizes and boxes: the user-agent sheet, em and keywords, shorthands")
    func computedBoxes() {
        let (_, top) = Self.open("""
        <style> .big { font-size: 2em; width: 10em; margin: 1px 2px 3px; padding: 4px } .hide { display: none }
          .fl { float: left } li.x { display: inline } .bw { border: thick solid red } @media print { #s { display: none } } </style>
        <h1 id=h>t</h1><span id=s>s</span><div id=d class=big><span id=in>x</span></div><p id=p class=hide>p</p>
        <span id=f class=fl>f</span><ul><li id=li>l</li></ul><p id=hidden hidden>x</p><p id=bw class=bw>b</p>
        """)
        let r = top.evaluate("""
        (() => { const g = (id) => getComputedStyle(document.getElementById(id)), out = [];
          out.push(g("h").display, g("h").fontSize, g("h").fontWeight, g("h").marginTop, g("s").display);
          const d = g("d"); out.push(d.display, d.fontSize, d.width, d.margin, d.marginLeft, d.paddingRight, d.getPropertyValue("padding"));
          out.push(g("in").fontSize, g("p").display, g("f").display, g("li").display, g("hidden").display);
          out.push(getComputedStyle(document.head).display, getComputedStyle(document.body).margin, g("s").visibility);
          out.push(g("bw").borderTopWidth, g("bw").borderLeftStyle, g("bw").borderBottomColor, g("d").borderTopWidth);
          out.push(getComputedStyle(document.createElement("div")).color);
          return out; })()
        """)
        #expect(Self.strings(r) == [
            "block", "32px", "700", "21.44px", "inline",
            "block", "32px", "320px", "1px 2px 3px", "2px", "4px", "4px",
            "32px", "none", "block", "list-item", "none",
            "none", "8px", "visible",
            "5px", "solid", "rgb(255, 0, 0)", "0px",
            "",
        ])
    }

    @Test func computedStyleIsReadOnly() {
        let (_, top) = Self.open("<p id=p>x</p>")
        let r = top.evaluate("getComputedStyle(document.getElementById('p')).setProperty('color', 'red')")
        #expect(r.error?.name == "NoModificationAllowedError")
        #expect(r.error?.message == "Failed to execute 'setProperty' on 'CSSStyleDeclaration': These styles are computed, and therefore the 'color' property is read-only.")
        let t = top.evaluate("getComputedStyle(document)")
        #expect(t.error?.message == "Failed to execute 'getComputedStyle' on 'Window': parameter 1 is not of type 'Element'.")
    }

    // MARK: <link rel=stylesheet> and the origin-clean flag

    @Test("same origin: the sheet applies and its rules are readable")
    func sameOriginReadable() {
        let (b, top) = Self.open("<p id=t>x</p>", ["http://a.local/style.css": Self.css("#t { color: rgb(255, 0, 0); }")])
        #expect(top.evaluate(Self.addLink("http://a.local/style.css")).value == .string("load"))
        let r = top.evaluate("""
        (() => { const l = document.querySelector("link"), s = l.sheet;
          return [getComputedStyle(document.getElementById("t")).color, s.href, String(s.ownerNode === l), String(s.cssRules.length),
                  s.cssRules[0].cssText, String(s.insertRule("p { color: blue; }", 0)), String(document.styleSheets[0] === s), s.type]; })()
        """)
        #expect(Self.strings(r) == ["rgb(255, 0, 0)", "http://a.local/style.css", "true", "1", "#t { color: rgb(255, 0, 0); }", "0", "true", "text/css"])
        let req = b.requests.first { $0.url == "http://a.local/style.css" }
        #expect(req?.kind == "stylesheet")
        #expect(req?.headers["Origin"] == nil)
        #expect(req?.readable == true)
    }

    @Test("cross origin without CORS: the sheet applies, reading or changing its rules throws SecurityError")
    func crossOriginBlocked() {
        let (b, top) = Self.open("<p id=t>x</p>", ["http://b.local/style.css": Self.css("#t { color: rgb(255, 0, 0); }")])
        #expect(top.evaluate(Self.addLink("http://b.local/style.css")).value == .string("load"))
        #expect(top.evaluate("getComputedStyle(document.getElementById('t')).color").value == .string("rgb(255, 0, 0)"))
        #expect(top.evaluate("document.styleSheets[0].href").value == .string("http://b.local/style.css"))
        let want = [
            ("document.styleSheets[0].cssRules", "Failed to read the 'cssRules' property from 'CSSStyleSheet': Cannot access rules"),
            ("document.styleSheets[0].rules", "Failed to read the 'rules' property from 'CSSStyleSheet': Cannot access rules"),
            ("document.styleSheets[0].insertRule('p { color: blue }', 0)", "Failed to execute 'insertRule' on 'CSSStyleSheet': Cannot access StyleSheet to insertRule"),
            ("document.styleSheets[0].deleteRule(0)", "Failed to execute 'deleteRule' on 'CSSStyleSheet': Cannot access StyleSheet to deleteRule"),
            ("document.styleSheets[0].addRule('p', 'color: blue')", "Failed to execute 'addRule' on 'CSSStyleSheet': Cannot access StyleSheet to insertRule"),
            ("document.styleSheets[0].removeRule(0)", "Failed to execute 'removeRule' on 'CSSStyleSheet': Cannot access StyleSheet to deleteRule"),
        ]
        for (script, message) in want {
            let r = top.evaluate(script)
            #expect(r.outcome == .blocked, "\(script)")
            #expect(r.error?.name == "SecurityError")
            #expect(r.error?.message == message)
            #expect(r.reason?.rule == "stylesheet origin-clean flag")
            #expect(r.reason?.spec == StylesheetRules.originCleanSpec)
        }
        let req = b.requests.first { $0.url == "http://b.local/style.css" }
        #expect(req?.headers["Origin"] == nil && req?.headers["Referer"] == "http://a.local/")
        #expect(req?.readable == false)
        #expect(b.decisions.contains { $0.verdict.rule == "stylesheet origin-clean flag" && $0.verdict.isAllowed && $0.verdict.explanation.contains("not origin-clean") })
    }

    @Test("crossorigin with Access-Control-Allow-Origin: CORS-approved, the rules are readable")
    func corsApprovedReadable() {
        let (b, top) = Self.open("<p id=t>x</p>", ["http://b.local/style.css": Self.css("#t { color: rgb(0, 0, 255); }", [("Access-Control-Allow-Origin", "*")])])
        #expect(top.evaluate(Self.addLink("http://b.local/style.css", crossOrigin: "anonymous")).value == .string("load"))
        let r = top.evaluate("[getComputedStyle(document.getElementById('t')).color, document.styleSheets[0].cssRules[0].cssText]")
        #expect(Self.strings(r) == ["rgb(0, 0, 255)", "#t { color: rgb(0, 0, 255); }"])
        #expect(r.reason?.isAllowed == true && r.reason?.rule == "stylesheet origin-clean flag")
        #expect(b.requests.first { $0.url == "http://b.local/style.css" }?.headers["Origin"] == "http://a.local")
    }

    @Test("crossorigin without Access-Control-Allow-Origin: error event, not applied, the empty sheet stays unreadable")
    func corsFailure() {
        let (b, top) = Self.open("<p id=t>x</p>", ["http://b.local/style.css": Self.css("#t { color: rgb(255, 0, 0); }")])
        #expect(top.evaluate(Self.addLink("http://b.local/style.css", crossOrigin: "anonymous")).value == .string("error"))
        #expect(top.evaluate("getComputedStyle(document.getElementById('t')).color").value == .string("rgb(0, 0, 0)"))
        #expect(top.evaluate("document.querySelector('link').sheet === null").value == .bool(false))
        #expect(top.evaluate("document.querySelector('link').sheet.cssRules").error?.message
                == "Failed to read the 'cssRules' property from 'CSSStyleSheet': Cannot access rules")
        #expect(b.console.contains { $0.level == "error" && $0.text == "Access to CSS stylesheet at 'http://b.local/style.css' from origin 'http://a.local' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." })
        #expect(b.decisions.contains { !$0.verdict.isAllowed && $0.verdict.rule == "CORS check" })
    }

    @Test("Firefox: its wording, and an origin-clean empty sheet after a failed load")
    func firefoxProfile() {
        let (_, top) = Self.open("<p id=t>x</p>", ["http://b.local/style.css": Self.css("#t { color: red }"),
                                                   "http://b.local/other.css": Self.css("#t { color: red }")], profile: .firefox)
        #expect(top.evaluate(Self.addLink("http://b.local/style.css")).value == .string("load"))
        #expect(top.evaluate("document.styleSheets[0].cssRules").error?.message == "CSSStyleSheet.cssRules getter: Not allowed to access cross-origin stylesheet")
        #expect(top.evaluate("document.styleSheets[0].insertRule('p {}')").error?.message == "CSSStyleSheet.insertRule: Not allowed to access cross-origin stylesheet")
        #expect(top.evaluate(Self.addLink("http://b.local/other.css", crossOrigin: "anonymous")).value == .string("error"))
        #expect(top.evaluate("document.styleSheets[1].cssRules.length").value == .number(0))
    }

    @Test("a sheet served as text/plain is not applied (Chromium still fires load; Firefox fires error)")
    func strictMIME() {
        let resources = ["http://b.local/style.txt": Self.css("#t { color: red }", type: "text/plain"),
                         "http://a.local/style.txt": Self.css("#t { color: red }", type: "text/plain")]
        let (b, top) = Self.open("<p id=t>x</p>", resources)
        #expect(top.evaluate(Self.addLink("http://b.local/style.txt")).value == .string("load"))
        #expect(top.evaluate(Self.addLink("http://a.local/style.txt")).value == .string("load"))
        #expect(top.evaluate("getComputedStyle(document.getElementById('t')).color").value == .string("rgb(0, 0, 0)"))
        #expect(top.evaluate("document.styleSheets[1].cssRules.length").value == .number(0))
        #expect(b.console.contains { $0.text == "Refused to apply style from 'http://b.local/style.txt' because its MIME type ('text/plain') is not a supported stylesheet MIME type, and strict MIME checking is enabled." })
        #expect(b.decisions.contains { !$0.verdict.isAllowed && $0.verdict.rule == "strict MIME type check" })
        let (_, ff) = Self.open("<p id=t>x</p>", resources, profile: .firefox)
        #expect(ff.evaluate(Self.addLink("http://b.local/style.txt")).value == .string("error"))
    }

    @Test("a quirks-mode document accepts a same-origin sheet of any type")
    func quirksMIME() {
        let s = Self.serve(["http://a.local/": ("<html><body><p id=t>x</p></body></html>", [("Content-Type", "text/html")], 200),
                            "http://a.local/s.txt": Self.css("#t { color: red }", type: "text/plain")])
        let top = Browser(server: s).open("http://a.local/")
        #expect(top.evaluate("document.compatMode").value == .string("BackCompat"))
        #expect(top.evaluate(Self.addLink("http://a.local/s.txt")).value == .string("load"))
        #expect(top.evaluate("getComputedStyle(document.getElementById('t')).color").value == .string("rgb(255, 0, 0)"))
    }

    @Test("a 404 fires error; a same-origin redirect to another origin makes the sheet not origin-clean")
    func statusAndRedirect() {
        let s = Self.serve(["http://a.local/": Self.page("<p id=t>x</p>"), "http://b.local/s.css": Self.css("#t { color: lime }")])
        s.add("http://a.local/r.css", .response(HTTPResponse(status: 302, headers: HeaderList([("Location", "http://b.local/s.css")]))))
        let b = Browser(server: s)
        let top = b.open("http://a.local/")
        #expect(top.evaluate(Self.addLink("http://a.local/missing.css")).value == .string("error"))
        #expect(top.evaluate(Self.addLink("http://a.local/r.css")).value == .string("load"))
        #expect(top.evaluate("getComputedStyle(document.getElementById('t')).color").value == .string("rgb(0, 255, 0)"))
        #expect(top.evaluate("document.querySelectorAll('link')[1].sheet.cssRules").error?.name == "SecurityError")
        #expect(top.evaluate("document.querySelectorAll('link')[0].sheet.cssRules.length").value == .number(0))
    }

    // MARK: links in markup, <style>, document.styleSheets

    @Test("a stylesheet link in markup is loaded before the scripts after it run; load fires later")
    func parserInsertedLink() {
        let (_, top) = Self.open("""
        <link rel=stylesheet href=/a.css id=l onload="window.loaded = (window.loaded || 0) + 1">
        <p id=t>x</p>
        <script>window.seen = [document.styleSheets.length, getComputedStyle(document.getElementById('t')).color,
          document.getElementById('l').sheet.cssRules.length, String(window.loaded)];</script>
        """, ["http://a.local/a.css": Self.css("#t { color: rgb(1, 2, 3) }")])
        let r = top.evaluate("window.seen.concat([window.loaded])")
        #expect(r.value == .array([.number(1), .string("rgb(1, 2, 3)"), .number(1), .string("undefined"), .number(1)]))
    }

    @Test("a stylesheet a script adds while the page loads delays the window's load event")
    func delaysLoadEvent() {
        let (_, top) = Self.open("""
        <p id=t>x</p><script>window.order = []; const l = document.createElement("link"); l.rel = "stylesheet"; l.href = "/a.css";
          l.onload = () => order.push("link " + getComputedStyle(document.getElementById("t")).color);
          window.onload = () => order.push("window"); document.head.appendChild(l);</script>
        """, ["http://a.local/a.css": Self.css("#t { color: rgb(0, 0, 1) }")])
        #expect(Self.strings(top.evaluate("order")) == ["link rgb(0, 0, 1)", "window"])
    }

    @Test("document.styleSheets in tree order; <style> text changes make a new sheet; removal drops it")
    func styleSheetList() {
        let (_, top) = Self.open("""
        <style id=s1>p { color: red }</style><link rel=stylesheet href=/a.css><style id=s2 media=print>p { color: blue }</style>
        <p id=t>x</p>
        """, ["http://a.local/a.css": Self.css("p { color: green }")])
        let r = top.evaluate("""
        (() => { const out = [], L = document.styleSheets, g = () => getComputedStyle(document.getElementById('t')).color;
          out.push(String(L.length), Array.from(L, (s) => s.ownerNode.tagName).join(), String(L === document.styleSheets), g(),
                   L[2].media.mediaText, Object.prototype.toString.call(L));
          const first = L[0]; document.getElementById('s1').textContent = "p { color: yellow }";
          out.push(String(L[0] === first), L[0].cssRules[0].cssText);
          document.querySelector('link').remove(); out.push(String(L.length), g());
          L[0].disabled = true; out.push(g()); L[0].disabled = false;
          document.getElementById('s2').media = "screen"; out.push(g());
          return out; })()
        """)
        #expect(Self.strings(r) == ["3", "STYLE,LINK,STYLE", "true", "rgb(0, 128, 0)", "print", "[object StyleSheetList]",
                                    "false", "p { color: yellow; }", "2", "rgb(255, 255, 0)", "rgb(0, 0, 0)", "rgb(0, 0, 255)"])
    }

    @Test("a disabled link is not fetched until enabled; changing href loads the new sheet")
    func disabledAndHrefChange() {
        let (b, top) = Self.open("<p id=t>x</p>", ["http://a.local/1.css": Self.css("#t { color: red }"), "http://a.local/2.css": Self.css("#t { color: blue }")])
        let r = top.evaluate("""
        new Promise((resolve) => { const l = document.createElement("link"); l.rel = "stylesheet"; l.disabled = true; l.href = "/1.css";
          document.head.appendChild(l);
          setTimeout(() => { const before = String(l.sheet); l.disabled = false;
            l.onload = () => { const c1 = getComputedStyle(document.getElementById('t')).color;
              l.onload = () => resolve([before, c1, getComputedStyle(document.getElementById('t')).color, l.sheet.href]);
              l.href = "/2.css"; }; }, 10); })
        """)
        #expect(Self.strings(r) == ["null", "rgb(255, 0, 0)", "rgb(0, 0, 255)", "http://a.local/2.css"])
        #expect(b.requests.filter { $0.kind == "stylesheet" }.map(\.url) == ["http://a.local/1.css", "http://a.local/2.css"])
    }

    @Test("interfaces: toString tags, illegal constructors, the CSSRule constants, matchMedia, CSS.escape")
    func interfaces() {
        let (_, top) = Self.open("<style>@media (min-width: 100px) { p { color: red } }</style>")
        let r = top.evaluate("""
        (() => { const s = document.styleSheets[0], m = s.cssRules[0], out = [];
          out.push(Object.prototype.toString.call(m), String(m.type), String(CSSRule.MEDIA_RULE), String(m instanceof CSSGroupingRule),
                   m.conditionText, m.cssRules[0].parentRule === m ? "parent ok" : "parent wrong", String(m.cssRules[0].parentStyleSheet === s));
          try { new CSSRule(); } catch (e) { out.push(e.name + ": " + e.message); }
          out.push(String(matchMedia("(min-width: 100px)").matches), String(matchMedia("print").matches), CSS.escape("1a"),
                   String(CSS.supports("color", "red")), String(CSS.supports("(display: nonsense)")));
          return out; })()
        """)
        #expect(Self.strings(r) == ["[object CSSMediaRule]", "4", "4", "true", "(min-width: 100px)", "parent ok", "true",
                                    "TypeError: Illegal constructor", "true", "false", "\\31 a", "true", "false"])
    }
}
