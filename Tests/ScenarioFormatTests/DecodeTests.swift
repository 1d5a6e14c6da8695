import Foundation
import Testing
@testable import ScenarioFormat

/// The example of Docs/ScenarioFormat.md (with a complete base64 body).
let exampleScenario = #"""
{
  "name": "Cross-origin iframe: reading is blocked, counting frames is not",
  "description": "Shown by the CLI above the steps.",
  "profile": "chromium",
  "resources": {
    "http://a.local/": {"fixture": "pages/attacker.html"},
    "http://b.local/": {"status": 200, "headers": {"Content-Type": "text/html"}, "body": "<p>secret</p>"},
    "http://b.local/logo.png": {"bodyBase64": "iVBORw0KGgo=", "headers": [["Content-Type", "image/png"], ["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]]},
    "http://b.local/api": {"responses": [
        {"when": {"method": "GET", "headers": {"Cookie": "SESSIONID=s3cr3t"}}, "status": 200, "body": "balance: 100"},
        {"when": {"method": "POST", "path": "/api", "query": "x=1"}, "status": 403, "body": "no"},
        {"status": 401, "body": "log in first"}
    ]},
    "http://b.local/old": {"redirect": "http://c.local/x"},
    "ws://b.local/ws": {"websocket": {"allowedOrigins": ["http://b.local"], "greeting": "cookie"}}
  },
  "cookies": [{"url": "http://b.local/", "setCookie": "SESSIONID=s3cr3t; HttpOnly"}],
  "steps": [
    {"open": "http://a.local/", "as": "attacker"},
    {"in": "attacker", "run": "frames[0].document.body.innerHTML", "expect": {"throws": "SecurityError"}},
    {"in": "attacker", "run": "frames.length", "expect": {"value": 1}, "note": "counting frames is allowed"},
    {"in": "attacker.frames[0]", "run": "document.body.textContent", "expect": {"value": "secret", "outcome": "allowed"}},
    {"in": "attacker", "submit": "form#csrf"},
    {"wait": 5000},
    {"expectRequest": {"method": "POST", "url": "http://b.local/transfer", "headers": {"Cookie": "SESSIONID=s3cr3t"}}},
    {"expectNoRequest": {"url": "http://b.local/secret"}},
    {"expectConsole": {"in": "attacker", "level": "error", "contains": "Blocked"}}
  ]
}
"""#

@Test func exampleDecodesFully() throws {
    let temp = try TempScenarioFolder()
    defer { temp.remove() }
    let file = try temp.write("example.json", exampleScenario)
    let s = try ScenarioLoader.load(file: file)

    #expect(s.name == "Cross-origin iframe: reading is blocked, counting frames is not")
    #expect(s.description == "Shown by the CLI above the steps.")
    #expect(s.profile == "chromium")
    #expect(s.fileURL == file)
    #expect(s.folder.standardizedFileURL == temp.folder.standardizedFileURL)

    // Resources: sorted by URL string.
    #expect(s.resources.map(\.url) == ["http://a.local/", "http://b.local/", "http://b.local/api",
                                       "http://b.local/logo.png", "http://b.local/old", "ws://b.local/ws"])
    #expect(s.resources[0].kind == .response(ResponseSpec(status: 200, headers: [],
                                                          body: Array(TempScenarioFolder.attackerHTML.utf8),
                                                          fixture: "pages/attacker.html")))
    #expect(s.resources[1].kind == .response(ResponseSpec(status: 200, headers: [HeaderField(name: "Content-Type", value: "text/html")],
                                                          body: Array("<p>secret</p>".utf8))))
    #expect(s.resources[2].kind == .responses([
        ConditionalResponse(when: RequestMatcher(method: "GET", headers: ["Cookie": "SESSIONID=s3cr3t"]),
                            response: ResponseSpec(status: 200, body: Array("balance: 100".utf8))),
        ConditionalResponse(when: RequestMatcher(method: "POST", path: "/api", query: "x=1"),
                            response: ResponseSpec(status: 403, body: Array("no".utf8))),
        ConditionalResponse(when: nil, response: ResponseSpec(status: 401, body: Array("log in first".utf8))),
    ]))
    #expect(s.resources[3].kind == .response(ResponseSpec(status: 200, headers: [
        HeaderField(name: "Content-Type", value: "image/png"),
        HeaderField(name: "Set-Cookie", value: "a=1"),
        HeaderField(name: "Set-Cookie", value: "b=2"),
    ], body: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])))
    #expect(s.resources[4].kind == .response(ResponseSpec(status: 302, headers: [HeaderField(name: "Location", value: "http://c.local/x")])))
    #expect(s.resources[5].kind == .websocket(WebSocketSpec(allowedOrigins: ["http://b.local"], greeting: "cookie", echo: true)))

    #expect(s.cookies == [CookieSeed(url: "http://b.local/", setCookie: "SESSIONID=s3cr3t; HttpOnly")])

    let attacker = FramePath(root: "attacker")
    #expect(s.steps == [
        Step(index: 0, action: .open(url: "http://a.local/", as: "attacker")),
        Step(index: 1, action: .run(script: "frames[0].document.body.innerHTML"), frame: attacker,
             expect: Expectation(throws: "SecurityError")),
        Step(index: 2, action: .run(script: "frames.length"), frame: attacker, expect: Expectation(value: 1),
             note: "counting frames is allowed"),
        Step(index: 3, action: .run(script: "document.body.textContent"),
             frame: FramePath(root: "attacker", hops: [.frameIndex(0)]),
             expect: Expectation(value: "secret", outcome: "allowed")),
        Step(index: 4, action: .submit(selector: "form#csrf"), frame: attacker),
        Step(index: 5, action: .wait(ms: 5000)),
        Step(index: 6, action: .expectRequest(RequestExpectation(method: "POST", url: "http://b.local/transfer",
                                                                 headers: ["Cookie": "SESSIONID=s3cr3t"]))),
        Step(index: 7, action: .expectNoRequest(RequestExpectation(url: "http://b.local/secret"))),
        Step(index: 8, action: .expectConsole(ConsoleExpectation(frame: attacker, level: "error", contains: "Blocked"))),
    ])
}

@Test func headerListsKeepOrderAndDuplicates() throws {
    let s = try decode(resource(#"{"headers": [["Set-Cookie", "b=2"], ["X-A", "1"], ["Set-Cookie", "a=1"], ["set-cookie", "c=3"]]}"#))
    guard case .response(let r) = s.resources[0].kind else { Issue.record("not a response"); return }
    #expect(r.headers.map(\.description) == ["Set-Cookie: b=2", "X-A: 1", "Set-Cookie: a=1", "set-cookie: c=3"])
    #expect(r.values(of: "SET-COOKIE") == ["b=2", "a=1", "c=3"])
}

@Test func headerObjectsAreSortedByName() throws {
    let s = try decode(resource(#"{"headers": {"X-B": "2", "Content-Type": "text/plain", "X-A": "1"}}"#))
    guard case .response(let r) = s.resources[0].kind else { Issue.record("not a response"); return }
    #expect(r.headers.map(\.name) == ["Content-Type", "X-A", "X-B"])
}

@Test func valueNullIsNotValueAbsent() throws {
    let s = try decode(afterOpen(#"""
        {"in": "a", "run": "null", "expect": {"value": null}},
        {"in": "a", "run": "1", "expect": {"outcome": "allowed"}},
        {"in": "a", "run": "false", "expect": {"value": false}},
        {"in": "a", "run": "0", "expect": {"value": 0}},
        {"in": "a", "run": "({})", "expect": {"value": {"b": [1, 2.5, "x", true, null], "a": {}}}}
        """#))
    #expect(s.steps[1].expect?.value == .some(.null))
    #expect(s.steps[2].expect?.value == nil)
    #expect(s.steps[2].expect?.outcome == "allowed")
    #expect(s.steps[3].expect?.value == .bool(false))
    #expect(s.steps[4].expect?.value == .number(0))
    #expect(s.steps[5].expect?.value?.compact == #"{"a":{},"b":[1,2.5,"x",true,null]}"#)
}

@Test func framePathParses() throws {
    let text = #"attacker.frames[0].frames["inner"].opener"#
    let path = try FramePath(parsing: text)
    #expect(path == FramePath(root: "attacker", hops: [.frameIndex(0), .frameName("inner"), .opener]))
    #expect(path.description == text)

    let popups = try FramePath(parsing: #"w-1.popups[12].frames["a \"q\" \\ b"]"#)
    #expect(popups == FramePath(root: "w-1", hops: [.popup(12), .frameName(#"a "q" \ b"#)]))
    #expect(try FramePath(parsing: popups.description) == popups)
}

@Test(arguments: [
    ("", 0, "cannot be empty"),
    ("1a", 0, "starts with a window name"),
    ("a.frame[0]", 1, "expected .frames[N]"),
    ("a.frames[01]", 9, "no leading zeros"),
    ("a.frames[0", 10, "expected \"]\""),
    ("a.frames[\"x]", 9, "no closing quote"),
    ("a.frames[\"\"]", 9, "cannot be empty"),
    ("a.popups[\"x\"]", 9, "expected an index"),
    ("a .opener", 1, "expected .frames[N]"),
    ("a.opener.", 8, "expected .frames[N]"),
])
func framePathSyntaxErrors(text: String, offset: Int, fragment: String) {
    #expect(throws: FramePathSyntaxError.self) { try FramePath(parsing: text) }
    do {
        _ = try FramePath(parsing: text)
    } catch {
        #expect(error.offset == offset, "\(error)")
        #expect(error.message.contains(fragment), "\(error)")
    }
}

@Test func defaultWindowNamesCountOpens() throws {
    let s = try decode(doc(steps: #"""
        [{"open": "http://a.local/"}, {"wait": 1}, {"open": "http://b.local/", "as": "b"},
         {"open": "http://c.local/"}, {"in": "window3", "run": "1"}, {"in": "window1.frames[0]", "submit": "form"}]
        """#))
    #expect(s.steps[0].action == .open(url: "http://a.local/", as: "window1"))
    #expect(s.steps[2].action == .open(url: "http://b.local/", as: "b"))
    #expect(s.steps[3].action == .open(url: "http://c.local/", as: "window3"))
    #expect(s.steps[4].frame == FramePath(root: "window3"))
}

@Test func defaultsAndOptionalParts() throws {
    let s = try decode(doc(resources: #"""
        {"https://b.local/": {}, "wss://b.local/": {"websocket": {"echo": false}},
         "http://b.local/r": {"redirect": "/to", "status": 308, "headers": [["Set-Cookie", "x=1"]]},
         "HTTP://B.local/upper": {"body": ""}, "http://b.local/empty64": {"bodyBase64": "aGVs\nbG8="},
         "http://b.local/link": {"fixture": "./inside-link.html"}}
        """#))
    #expect(s.profile == "chromium")
    #expect(s.description == nil)
    #expect(s.cookies.isEmpty)
    #expect(s.steps.isEmpty)
    let kinds = Dictionary(uniqueKeysWithValues: s.resources.map { ($0.url, $0.kind) })
    #expect(kinds["https://b.local/"] == .response(ResponseSpec()))
    #expect(kinds["wss://b.local/"] == .websocket(WebSocketSpec(allowedOrigins: nil, greeting: nil, echo: false)))
    #expect(kinds["http://b.local/r"] == .response(ResponseSpec(status: 308, headers: [
        HeaderField(name: "Set-Cookie", value: "x=1"), HeaderField(name: "Location", value: "/to")])))
    #expect(kinds["HTTP://B.local/upper"] == .response(ResponseSpec()))
    #expect(kinds["http://b.local/empty64"] == .response(ResponseSpec(body: Array("hello".utf8))))
    #expect(kinds["http://b.local/link"] == .response(ResponseSpec(body: Array(TempScenarioFolder.attackerHTML.utf8),
                                                                   fixture: "./inside-link.html")))
    #expect(s.resources.map(\.url) == s.resources.map(\.url).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
}

@Test func consoleAndRequestExpectations() throws {
    let s = try decode(afterOpen(#"""
        {"expectConsole": {"contains": "DONE", "absent": true}},
        {"expectNoRequest": {}},
        {"expectRequest": {"kind": "websocket", "url": "ws://b.local/ws"}, "label": "ws"}
        """#))
    #expect(s.steps[1].action == .expectConsole(ConsoleExpectation(frame: nil, level: nil, contains: "DONE", absent: true)))
    #expect(s.steps[2].action == .expectNoRequest(RequestExpectation()))
    #expect(s.steps[3].action == .expectRequest(RequestExpectation(url: "ws://b.local/ws", kind: "websocket")))
    #expect(s.steps[3].label == "ws")
    #expect(s.steps[3].frame == nil)
}

/// The first ```json block of Docs/ScenarioFormat.md is the example above, and decodes.
@Test func docExampleIsTheTestedExample() throws {
    let here = realpath(#filePath, nil).map { p in defer { free(p) }; return String(cString: p) } ?? #filePath
    let docURL = URL(fileURLWithPath: here).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Docs/ScenarioFormat.md")
    let doc = try String(contentsOf: docURL, encoding: .utf8)
    let start = try #require(doc.range(of: "```json\n"))
    let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
    let example = String(doc[start.upperBound..<end.lowerBound])
    var fromDoc = try decode(example)
    let fromTest = try decode(exampleScenario)
    fromDoc.folder = fromTest.folder  // each decode has its own temp folder
    #expect(fromDoc == fromTest)
}
