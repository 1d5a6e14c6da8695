import Foundation
import Testing
@testable import ScenarioFormat

/// One row: a document, the JSON path of the first error, and a fragment of its message.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let kind: String
    let json: String
    let path: String
    let fragment: String
    var testDescription: String { kind }
}

let errorCases: [ErrorCase] = [
    // The brief's list.
    .init(kind: "malformed JSON", json: "{\"name\": \"x\",\n \"steps\": }",
          path: "$", fragment: "malformed JSON at line 2, column 11 (byte offset 24): Invalid value"),
    .init(kind: "missing name", json: #"{"resources": {}, "steps": []}"#, path: "$", fragment: #"missing required key "name""#),
    .init(kind: "unknown top-level key", json: doc(extra: #", "setps": []"#), path: "$.setps",
          fragment: #"unknown key "setps"; expected one of: name, description, profile, thirdPartyCookies, resources, cookies, steps"#),
    .init(kind: "unknown step key", json: afterOpen(#"{"in": "a", "rn": "1"}"#), path: "$.steps[1].rn",
          fragment: #"unknown key "rn"; expected one of: open, run, submit, wait, expectRequest, expectNoRequest, expectConsole, in, as, expect, note, label"#),
    .init(kind: "two actions", json: doc(steps: #"[{"open": "http://a.local/", "wait": 1}]"#), path: "$.steps[0]",
          fragment: #"exactly one action, found 2: "open", "wait""#),
    .init(kind: "run without in", json: afterOpen(#"{"run": "1"}"#), path: "$.steps[1]", fragment: #""run" needs "in""#),
    .init(kind: "bad frame path", json: afterOpen(#"{"in": "a.frames[x]", "run": "1"}"#), path: "$.steps[1].in",
          fragment: #"bad frame path "a.frames[x]" at character 10: expected an index"#),
    .init(kind: "expect of a wrong type", json: afterOpen(#"{"in": "a", "run": "1", "expect": "SecurityError"}"#),
          path: "$.steps[1].expect", fragment: #"found a string ("SecurityError")"#),
    .init(kind: "outcome not in the set", json: afterOpen(#"{"in": "a", "run": "1", "expect": {"outcome": "denied"}}"#),
          path: "$.steps[1].expect.outcome", fragment: #"expected one of "allowed", "blocked", "error", found "denied""#),
    .init(kind: "status out of range", json: resource(#"{"status": 600}"#), path: #"$.resources["http://b.local/"].status"#,
          fragment: "from 100 to 599, found 600"),
    .init(kind: "header with a non-string", json: resource(#"{"headers": {"Content-Length": 5}}"#),
          path: #"$.resources["http://b.local/"].headers["Content-Length"]"#, fragment: "expected a string, found a number (5)"),
    .init(kind: "body and fixture", json: resource(#"{"body": "x", "fixture": "pages/attacker.html"}"#),
          path: #"$.resources["http://b.local/"].fixture"#, fragment: #""fixture" cannot be combined with "body""#),
    .init(kind: "fixture leaving the folder", json: resource(#"{"fixture": "../secret.html"}"#),
          path: #"$.resources["http://b.local/"].fixture"#, fragment: #""../secret.html" leaves the scenario's folder"#),
    .init(kind: "fixture leaving the folder later", json: resource(#"{"fixture": "pages/../../secret.html"}"#),
          path: #"$.resources["http://b.local/"].fixture"#, fragment: "leaves the scenario's folder"),
    .init(kind: "absolute fixture path", json: resource(#"{"fixture": "/etc/passwd"}"#),
          path: #"$.resources["http://b.local/"].fixture"#, fragment: #""/etc/passwd" is absolute"#),
    .init(kind: "fixture symlink escaping", json: resource(#"{"fixture": "escape.html"}"#),
          path: #"$.resources["http://b.local/"].fixture"#, fragment: "outside the scenario's folder (through a symbolic link)"),
    .init(kind: "missing fixture", json: resource(#"{"fixture": "pages/missing.html"}"#),
          path: #"$.resources["http://b.local/"].fixture"#, fragment: #"fixture file "pages/missing.html" not found (looked for /"#),
    .init(kind: "fixture is a folder", json: resource(#"{"fixture": "pages"}"#),
          path: #"$.resources["http://b.local/"].fixture"#, fragment: "is a folder, not a file"),
    .init(kind: "bad base64", json: resource(#"{"bodyBase64": "not base64!"}"#),
          path: #"$.resources["http://b.local/"].bodyBase64"#, fragment: "not valid base64"),

    // Booleans are not numbers, and numbers are not booleans (JSONSerialization's NSNumber).
    .init(kind: "boolean status", json: resource(#"{"status": true}"#), path: #"$.resources["http://b.local/"].status"#,
          fragment: "expected an integer, found a boolean (true)"),
    .init(kind: "number as echo", json: doc(resources: #"{"ws://b.local/ws": {"websocket": {"echo": 1}}}"#),
          path: #"$.resources["ws://b.local/ws"].websocket.echo"#, fragment: "expected true or false, found a number (1)"),
    .init(kind: "fractional status", json: resource(#"{"status": 200.5}"#), path: #"$.resources["http://b.local/"].status"#,
          fragment: "expected an integer, found a number (200.5)"),

    // The document.
    .init(kind: "not an object", json: "[]", path: "$", fragment: "a scenario is a JSON object"),
    .init(kind: "empty name", json: #"{"name": "", "resources": {}, "steps": []}"#, path: "$.name", fragment: "non-empty string"),
    .init(kind: "unknown profile", json: doc(extra: #", "profile": "safari""#), path: "$.profile",
          fragment: #"expected one of "chromium", "firefox", found "safari""#),
    .init(kind: "cookie without URL scheme", json: doc(extra: #", "cookies": [{"url": "b.local", "setCookie": "a=1"}]"#),
          path: "$.cookies[0].url", fragment: "scheme http or https"),
    .init(kind: "cookie missing setCookie", json: doc(extra: #", "cookies": [{"url": "http://b.local/"}]"#),
          path: "$.cookies[0]", fragment: #"missing required key "setCookie""#),

    // Resources.
    .init(kind: "relative resource URL", json: doc(resources: #"{"/x": {}}"#), path: #"$.resources["/x"]"#,
          fragment: "scheme http, https, ws or wss"),
    .init(kind: "ftp resource URL", json: doc(resources: #"{"ftp://b.local/": {}}"#), path: #"$.resources["ftp://b.local/"]"#,
          fragment: "scheme http, https, ws or wss"),
    .init(kind: "unknown resource key", json: resource(#"{"stauts": 200}"#), path: #"$.resources["http://b.local/"].stauts"#,
          fragment: "expected one of: status, headers, body, bodyBase64, fixture, redirect, responses, websocket"),
    .init(kind: "mixed shapes", json: resource(#"{"status": 200, "responses": [{"status": 200}]}"#),
          path: #"$.resources["http://b.local/"].status"#, fragment: #""status" cannot be combined with "responses""#),
    .init(kind: "when outside responses", json: resource(#"{"when": {"method": "GET"}}"#),
          path: #"$.resources["http://b.local/"].when"#, fragment: #""when" belongs to an entry of "responses""#),
    .init(kind: "empty responses", json: resource(#"{"responses": []}"#), path: #"$.resources["http://b.local/"].responses"#,
          fragment: "at least one response"),
    .init(kind: "catch-all before the end", json: resource(#"{"responses": [{"status": 200}, {"status": 404}]}"#),
          path: #"$.resources["http://b.local/"].responses[0]"#, fragment: #"only the last entry of "responses" may leave out "when""#),
    .init(kind: "query with ?", json: resource(#"{"responses": [{"when": {"query": "?x=1"}}, {}]}"#),
          path: #"$.resources["http://b.local/"].responses[0].when.query"#, fragment: "without its leading \"?\""),
    .init(kind: "websocket on http", json: resource(#"{"websocket": {}}"#), path: #"$.resources["http://b.local/"].websocket"#,
          fragment: "for ws:// and wss:// URLs"),
    .init(kind: "redirect status", json: resource(#"{"redirect": "http://c.local/", "status": 200}"#),
          path: #"$.resources["http://b.local/"].status"#, fragment: "301, 302, 303, 307 or 308, found 200"),
    .init(kind: "redirect and Location", json: resource(#"{"redirect": "/x", "headers": {"location": "/y"}}"#),
          path: #"$.resources["http://b.local/"].redirect"#, fragment: "already has one"),
    .init(kind: "header pair of three", json: resource(#"{"headers": [["A", "b", "c"]]}"#),
          path: #"$.resources["http://b.local/"].headers[0]"#, fragment: "[name, value] pair of strings"),
    .init(kind: "bad header name", json: resource(#"{"headers": [["Content Type", "x"]]}"#),
          path: #"$.resources["http://b.local/"].headers[0][0]"#, fragment: "is not a header name"),
    .init(kind: "header value with a newline", json: resource(#"{"headers": {"X": "a\r\nSet-Cookie: b=1"}}"#),
          path: #"$.resources["http://b.local/"].headers.X"#, fragment: "cannot contain CR, LF or NUL"),

    // Steps.
    .init(kind: "step without an action", json: afterOpen(#"{"note": "x"}"#), path: "$.steps[1]", fragment: "a step needs one action"),
    .init(kind: "expect without run", json: doc(steps: #"[{"open": "http://a.local/", "expect": {"value": 1}}]"#),
          path: "$.steps[0].expect", fragment: #"checks the result of "run"; this step is "open""#),
    .init(kind: "in on expectConsole", json: afterOpen(#"{"in": "a", "expectConsole": {"contains": "x"}}"#),
          path: "$.steps[1].in", fragment: "put \"in\" inside the expectConsole object"),
    .init(kind: "unknown window", json: afterOpen(#"{"in": "b.frames[0]", "run": "1"}"#), path: "$.steps[1].in",
          fragment: #"no earlier "open" step opened a window named "b"; the windows so far: "a""#),
    .init(kind: "window used before it opens", json: doc(steps: #"[{"in": "window1", "run": "1"}, {"open": "http://a.local/"}]"#),
          path: "$.steps[0].in", fragment: #"no earlier "open" step opened a window named "window1""#),
    .init(kind: "duplicate window name", json: afterOpen(#"{"open": "http://b.local/", "as": "a"}"#), path: "$.steps[1].as",
          fragment: #"the window name "a" is already used by step 0"#),
    .init(kind: "default name taken", json: doc(steps: #"[{"open": "http://a.local/", "as": "window2"}, {"open": "http://b.local/"}]"#),
          path: "$.steps[1]", fragment: #"default name "window2" is already used by step 0"#),
    .init(kind: "bad window name", json: doc(steps: #"[{"open": "http://a.local/", "as": "my window"}]"#), path: "$.steps[0].as",
          fragment: "a window name is a letter or _"),
    .init(kind: "empty expect", json: afterOpen(#"{"in": "a", "run": "1", "expect": {}}"#), path: "$.steps[1].expect",
          fragment: "needs at least one of: value, throws, message, outcome"),
    .init(kind: "value and throws", json: afterOpen(#"{"in": "a", "run": "1", "expect": {"value": 1, "throws": "TypeError"}}"#),
          path: "$.steps[1].expect.value", fragment: #""value" cannot be combined with "throws""#),
    .init(kind: "negative wait", json: doc(steps: #"[{"wait": -1}]"#), path: "$.steps[0].wait", fragment: ">= 0, found -1"),
    .init(kind: "console without contains", json: afterOpen(#"{"expectConsole": {"level": "error"}}"#),
          path: "$.steps[1].expectConsole", fragment: #"missing required key "contains""#),
    .init(kind: "console level", json: afterOpen(#"{"expectConsole": {"contains": "x", "level": "loud"}}"#),
          path: "$.steps[1].expectConsole.level", fragment: #"expected one of "debug", "log", "info", "warn", "warning", "error""#),
    .init(kind: "request expectation header", json: doc(steps: #"[{"expectRequest": {"headers": {"Cookie": 1}}}]"#),
          path: "$.steps[0].expectRequest.headers.Cookie", fragment: "expected a string, found a number (1)"),

    // The first error wins: keys are walked in sorted order.
    .init(kind: "first error in sorted order",
          json: #"{"name": 1, "resources": {"http://z.local/": {"status": 0}, "http://a.local/": {"status": 0}}, "steps": 5}"#,
          path: "$.name", fragment: "expected a string, found a number (1)"),
    .init(kind: "first resource in sorted order",
          json: doc(resources: #"{"http://z.local/": {"status": 0}, "http://a.local/": {"status": 1}}"#),
          path: #"$.resources["http://a.local/"].status"#, fragment: "found 1"),
]

@Test(arguments: errorCases)
func decodingFails(_ c: ErrorCase) throws {
    let error = try #require(decodingError(c.json), "\(c.kind) decoded without an error")
    #expect(error.path == c.path, "\(error)")
    #expect(error.message.contains(c.fragment), "\(error)")
    #expect(error.description == "test.json: \(c.path): \(error.message)")
}

