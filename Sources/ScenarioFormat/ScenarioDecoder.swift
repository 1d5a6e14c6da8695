import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks the parsed JSON and builds a ``Scenario``, throwing at the first problem (see the order
/// in ``ScenarioLoader``). Every function takes the JSON path of the value it checks.
struct ScenarioDecoder {
    let fileName: String
    let folder: URL

    func fail(_ path: JSONPath, _ message: String) -> ScenarioError {
        ScenarioError(file: fileName, path: path.description, message: message)
    }

    // MARK: The document

    static let topKeys = ["name", "description", "profile", "thirdPartyCookies", "resources", "cookies", "steps"]

    func scenario(_ root: JSONValue) throws(ScenarioError) -> Scenario {
        let path = JSONPath.root
        guard case .object(let obj) = root else {
            throw fail(path, "a scenario is a JSON object with \"name\", \"resources\" and \"steps\", found \(describe(root))")
        }
        try checkKeys(obj, path, allowed: Self.topKeys)
        try checkRequired(obj, path, ["name", "resources", "steps"])
        // Values in sorted key order: cookies, description, name, profile, resources, steps.
        var cookies: [CookieSeed] = []
        if let v = obj["cookies"] { cookies = try self.cookies(v, path.key("cookies")) }
        var description: String?
        if let v = obj["description"] { description = try string(v, path.key("description")) }
        let name = try nonEmptyString(obj["name"]!, path.key("name"))
        var profile = Scenario.defaultProfile
        if let v = obj["profile"] { profile = try oneOf(v, path.key("profile"), Scenario.profiles) }
        let resources = try self.resources(obj["resources"]!, path.key("resources"))
        let steps = try self.steps(obj["steps"]!, path.key("steps"))
        var thirdParty: String?
        if let v = obj["thirdPartyCookies"] { thirdParty = try oneOf(v, path.key("thirdPartyCookies"), Scenario.thirdPartyCookieSettings) }
        var s = Scenario(name: name, description: description, profile: profile, resources: resources,
                         cookies: cookies, steps: steps, fileURL: nil, folder: folder)
        s.thirdPartyCookies = thirdParty
        return s
    }

    // MARK: Resources

    static let resourceSchemes = ["http", "https", "ws", "wss"]
    static let responseKeys = ["status", "headers", "body", "bodyBase64", "fixture", "redirect"]
    static let bodyKeys = ["body", "bodyBase64", "fixture"]  // sorted
    static let redirectStatuses = [301, 302, 303, 307, 308]
    static let shapesHelp = "a resource is one of: a response (status, headers, and at most one of body, "
        + "bodyBase64, fixture; or redirect), \"responses\" (a list of responses), or \"websocket\""

    /// The scheme of an absolute URL if it is one of `schemes`: the text before "://", lowercased.
    /// The engine parses the URL properly; this only catches relative URLs and wrong schemes.
    static func scheme(of url: String, in schemes: [String]) -> String? {
        guard let r = url.range(of: "://"), !url[r.upperBound...].isEmpty else { return nil }
        let scheme = url[..<r.lowerBound].lowercased()
        return schemes.contains(scheme) ? scheme : nil
    }

    func resources(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> [ResourceEntry] {
        let obj = try object(v, path, "an object from URL to resource")
        var entries: [ResourceEntry] = []
        for url in sortedKeys(obj) {
            entries.append(try resource(url: url, obj[url]!, path.key(url)))
        }
        return entries
    }

    func resource(url: String, _ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> ResourceEntry {
        guard let scheme = Self.scheme(of: url, in: Self.resourceSchemes) else {
            throw fail(path, "a resource URL is absolute with scheme http, https, ws or wss "
                + "(e.g. \"http://a.local/\"), found \(JSONValue.quote(url))")
        }
        let obj = try object(v, path, "a resource object")
        try checkKeys(obj, path, allowed: Self.responseKeys + ["responses", "websocket"], misplaced: [
            "when": "\"when\" belongs to an entry of \"responses\": "
                + "{\"responses\": [{\"when\": {...}, \"status\": 200}, {\"status\": 404}]}",
        ])
        let shape = obj["responses"] != nil ? "responses" : obj["websocket"] != nil ? "websocket" : nil
        if let shape {
            for key in sortedKeys(obj) where key != shape {
                throw fail(path.key(key), "\(JSONValue.quote(key)) cannot be combined with \"\(shape)\"; \(Self.shapesHelp)")
            }
        }
        switch shape {
        case "responses":
            let p = path.key("responses")
            let items = try array(obj["responses"]!, p)
            if items.isEmpty { throw fail(p, "\"responses\" needs at least one response") }
            var list: [ConditionalResponse] = []
            for (i, item) in items.enumerated() {
                list.append(try conditionalResponse(item, p.index(i), isLast: i == items.count - 1))
            }
            return ResourceEntry(url: url, kind: .responses(list))
        case "websocket":
            let p = path.key("websocket")
            guard scheme == "ws" || scheme == "wss" else {
                throw fail(p, "\"websocket\" is for ws:// and wss:// URLs; this one is \(scheme)://")
            }
            return ResourceEntry(url: url, kind: .websocket(try websocket(obj["websocket"]!, p)))
        default:
            return ResourceEntry(url: url, kind: .response(try response(obj, path)))
        }
    }

    func conditionalResponse(_ v: JSONValue, _ path: JSONPath, isLast: Bool) throws(ScenarioError) -> ConditionalResponse {
        let obj = try object(v, path, "a response object")
        try checkKeys(obj, path, allowed: Self.responseKeys + ["when"], misplaced: [
            "responses": "\"responses\" cannot be nested",
            "websocket": "a \"websocket\" resource has no \"responses\"",
        ])
        if obj["when"] == nil && !isLast {
            throw fail(path, "only the last entry of \"responses\" may leave out \"when\": an entry without it "
                + "answers every request, so the entries after it would never answer")
        }
        // "when" sorts after every response key.
        let response = try self.response(obj, path)
        var matcher: RequestMatcher?
        if let w = obj["when"] { matcher = try requestMatcher(w, path.key("when")) }
        return ConditionalResponse(when: matcher, response: response)
    }

    /// A response object whose keys were already checked.
    func response(_ obj: [String: JSONValue], _ path: JSONPath) throws(ScenarioError) -> ResponseSpec {
        let given = Self.bodyKeys.filter { obj[$0] != nil }
        if given.count > 1 {
            throw fail(path.key(given[1]), "\"\(given[1])\" cannot be combined with \"\(given[0])\"; "
                + "a response has at most one of body, bodyBase64, fixture")
        }
        // Values in sorted key order: body, bodyBase64, fixture, headers, redirect, status.
        var body: [UInt8] = []
        var fixture: String?
        if let v = obj["body"] { body = Array(try string(v, path.key("body")).utf8) }
        if let v = obj["bodyBase64"] {
            let p = path.key("bodyBase64")
            let text = try string(v, p)
            guard let bytes = Self.base64(text) else {
                throw fail(p, "not valid base64 (the standard alphabet A-Z a-z 0-9 + /, padded with =; "
                    + "spaces and line breaks are ignored)")
            }
            body = bytes
        }
        if let v = obj["fixture"] {
            let p = path.key("fixture")
            let relative = try string(v, p)
            body = try loadFixture(relative, p)
            fixture = relative
        }
        var headers: [HeaderField] = []
        if let v = obj["headers"] { headers = try headerList(v, path.key("headers")) }
        var status = 200
        var isRedirect = false
        if let v = obj["redirect"] {
            let p = path.key("redirect")
            let target = try nonEmptyString(v, p)
            try checkHeaderValue(target, p)
            if headers.contains(where: { $0.name.lowercased() == "location" }) {
                throw fail(p, "\"redirect\" adds a Location header, but \"headers\" already has one; keep one of them")
            }
            headers.append(HeaderField(name: "Location", value: target))
            status = 302
            isRedirect = true
        }
        if let v = obj["status"] {
            let p = path.key("status")
            let code = try integer(v, p)
            if isRedirect {
                guard Self.redirectStatuses.contains(code) else {
                    throw fail(p, "a redirect's status is 301, 302, 303, 307 or 308, found \(code)")
                }
            } else {
                guard (100...599).contains(code) else {
                    throw fail(p, "a status is an integer from 100 to 599, found \(code)")
                }
            }
            status = code
        }
        return ResponseSpec(status: status, headers: headers, body: body, fixture: fixture)
    }

    static func base64(_ text: String) -> [UInt8]? {
        let compact = text.filter { !($0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t") }
        return Data(base64Encoded: compact).map { [UInt8]($0) }
    }

    func requestMatcher(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> RequestMatcher {
        let obj = try object(v, path, "an object with any of: method, headers, path, query, origin")
        try checkKeys(obj, path, allowed: ["method", "headers", "path", "query", "origin"])
        // Sorted: headers, method, origin, path, query.
        var m = RequestMatcher()
        if let v = obj["headers"] { m.headers = try headerMap(v, path.key("headers")) }
        if let v = obj["method"] { m.method = try nonEmptyString(v, path.key("method")) }
        if let v = obj["origin"] { m.origin = try nonEmptyString(v, path.key("origin")) }
        if let v = obj["path"] {
            let p = path.key("path")
            let text = try string(v, p)
            guard text.hasPrefix("/") else { throw fail(p, "a path starts with \"/\", found \(JSONValue.quote(text))") }
            m.path = text
        }
        if let v = obj["query"] {
            let p = path.key("query")
            let text = try string(v, p)
            if text.hasPrefix("?") { throw fail(p, "write the query without its leading \"?\", e.g. \"x=1\"") }
            m.query = text
        }
        return m
    }

    func websocket(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> WebSocketSpec {
        let obj = try object(v, path, "an object with any of: allowedOrigins, greeting, echo")
        try checkKeys(obj, path, allowed: ["allowedOrigins", "greeting", "echo"])
        // Sorted: allowedOrigins, echo, greeting.
        var spec = WebSocketSpec()
        if let v = obj["allowedOrigins"] { spec.allowedOrigins = try stringList(v, path.key("allowedOrigins")) }
        if let v = obj["echo"] { spec.echo = try bool(v, path.key("echo")) }
        if let v = obj["greeting"] { spec.greeting = try string(v, path.key("greeting")) }
        return spec
    }

    // MARK: Headers

    /// `headers` of a response: an object (sorted by name) or a list of [name, value] pairs (kept in order).
    func headerList(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> [HeaderField] {
        var fields: [HeaderField] = []
        switch v {
        case .object(let obj):
            for name in sortedKeys(obj) {
                let p = path.key(name)
                try checkHeaderName(name, p)
                let value = try string(obj[name]!, p)
                try checkHeaderValue(value, p)
                fields.append(HeaderField(name: name, value: value))
            }
        case .array(let items):
            for (i, item) in items.enumerated() {
                let p = path.index(i)
                guard case .array(let pair) = item, pair.count == 2 else {
                    throw fail(p, "a header in a list is a [name, value] pair of strings, found \(describe(item))")
                }
                let name = try string(pair[0], p.index(0))
                try checkHeaderName(name, p.index(0))
                let value = try string(pair[1], p.index(1))
                try checkHeaderValue(value, p.index(1))
                fields.append(HeaderField(name: name, value: value))
            }
        default:
            throw fail(path, "expected an object of header names to values, or a list of [name, value] pairs, found \(describe(v))")
        }
        return fields
    }

    /// Headers to match (in `when`, `expectRequest`): an object from header name to a string.
    func headerMap(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> [String: String] {
        let obj = try object(v, path, "an object of header names to strings")
        var map: [String: String] = [:]
        for name in sortedKeys(obj) {
            let p = path.key(name)
            try checkHeaderName(name, p)
            map[name] = try string(obj[name]!, p)
        }
        return map
    }

    /// https://httpwg.org/specs/rfc9110.html#fields.names: a field name is a token,
    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    func checkHeaderName(_ name: String, _ path: JSONPath) throws(ScenarioError) {
        let symbols = Set("!#$%&'*+-.^_`|~".unicodeScalars)
        let ok = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || symbols.contains($0)
        }
        guard ok else {
            throw fail(path, "\(JSONValue.quote(name)) is not a header name (letters, digits and !#$%&'*+-.^_`|~ only)")
        }
    }

    func checkHeaderValue(_ value: String, _ path: JSONPath) throws(ScenarioError) {
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            throw fail(path, "a header value cannot contain CR, LF or NUL; repeat the header in the list form instead")
        }
    }

    // MARK: Fixtures

    /// Loads a fixture, which must be a file inside the scenario's folder: the path is relative, no
    /// ".." may climb above the folder, and after resolving symbolic links (realpath) the file must
    /// still be inside the folder (itself resolved).
    func loadFixture(_ relative: String, _ path: JSONPath) throws(ScenarioError) -> [UInt8] {
        let shown = JSONValue.quote(relative)
        if relative.isEmpty { throw fail(path, "a fixture path cannot be empty") }
        if relative.hasPrefix("/") {
            throw fail(path, "fixture paths are relative to the scenario's folder; \(shown) is absolute")
        }
        if relative.unicodeScalars.contains("\0") { throw fail(path, "a fixture path cannot contain NUL") }
        var depth = 0
        for component in relative.split(separator: "/") {
            if component == ".." {
                depth -= 1
                if depth < 0 {
                    throw fail(path, "\(shown) leaves the scenario's folder (through \"..\"); fixtures must be inside it")
                }
            } else if component != "." {
                depth += 1
            }
        }
        guard let folderReal = Self.realPath(folder.path) else {
            throw fail(path, "the scenario's folder \(folder.path) cannot be resolved: \(Self.lastErrno())")
        }
        let candidate = (folderReal.hasSuffix("/") ? folderReal : folderReal + "/") + relative
        guard let fileReal = Self.realPath(candidate) else {
            let why = errno == ENOENT ? "not found" : "cannot be resolved: \(Self.lastErrno())"
            throw fail(path, "fixture file \(shown) \(why) (looked for \(candidate))")
        }
        let inside = folderReal == "/" || fileReal == folderReal || fileReal.hasPrefix(folderReal + "/")
        guard inside else {
            throw fail(path, "\(shown) resolves to \(fileReal), outside the scenario's folder (through a symbolic link); "
                + "fixtures must be inside it")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: fileReal, isDirectory: &isDirectory), isDirectory.boolValue {
            throw fail(path, "fixture \(shown) is a folder, not a file")
        }
        guard let data = FileManager.default.contents(atPath: fileReal) else {
            throw fail(path, "fixture file \(shown) cannot be read (\(fileReal))")
        }
        return [UInt8](data)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func lastErrno() -> String { String(cString: strerror(errno)) }

    // MARK: Cookies

    func cookies(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> [CookieSeed] {
        let items = try array(v, path)
        var seeds: [CookieSeed] = []
        for (i, item) in items.enumerated() {
            let p = path.index(i)
            let obj = try object(item, p, "an object {\"url\": ..., \"setCookie\": ...}")
            try checkKeys(obj, p, allowed: ["url", "setCookie"])
            try checkRequired(obj, p, ["setCookie", "url"])
            let setCookie = try nonEmptyString(obj["setCookie"]!, p.key("setCookie"))
            try checkHeaderValue(setCookie, p.key("setCookie"))
            let up = p.key("url")
            let url = try string(obj["url"]!, up)
            guard Self.scheme(of: url, in: ["http", "https"]) != nil else {
                throw fail(up, "a cookie's URL is absolute with scheme http or https (e.g. \"http://b.local/\"), found \(JSONValue.quote(url))")
            }
            seeds.append(CookieSeed(url: url, setCookie: setCookie))
        }
        return seeds
    }

    // MARK: Steps

    static let actionKeys = ["open", "run", "submit", "wait", "expectRequest", "expectNoRequest", "expectConsole"]
    static let sharedKeys = ["in", "as", "expect", "note", "label"]

    /// The windows opened so far: name -> index of the step that opened it.
    typealias Windows = [String: Int]

    func steps(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> [Step] {
        let items = try array(v, path)
        var windows: Windows = [:]
        var opens = 0
        var steps: [Step] = []
        for (i, item) in items.enumerated() {
            steps.append(try step(item, path.index(i), index: i, windows: &windows, opens: &opens))
        }
        return steps
    }

    func step(_ v: JSONValue, _ path: JSONPath, index: Int, windows: inout Windows, opens: inout Int) throws(ScenarioError) -> Step {
        let obj = try object(v, path, "a step object such as {\"open\": \"http://a.local/\"}")
        try checkKeys(obj, path, allowed: Self.actionKeys + Self.sharedKeys)
        let actions = sortedKeys(obj).filter { Self.actionKeys.contains($0) }
        guard let action = actions.first else {
            throw fail(path, "a step needs one action: " + Self.actionKeys.joined(separator: ", "))
        }
        if actions.count > 1 {
            throw fail(path, "a step has exactly one action, found \(actions.count): "
                + actions.map { "\"\($0)\"" }.joined(separator: ", ") + "; make them separate steps")
        }
        for key in sortedKeys(obj) {
            switch key {
            case "as" where action != "open":
                throw fail(path.key(key), "\"as\" names the window of an \"open\" step; this step is \"\(action)\"")
            case "expect" where action != "run":
                throw fail(path.key(key), "\"expect\" checks the result of \"run\"; this step is \"\(action)\"")
            case "in" where action != "run" && action != "submit":
                throw fail(path.key(key), action == "expectConsole"
                    ? "for \"expectConsole\", put \"in\" inside the expectConsole object"
                    : "\"in\" says where \"run\" and \"submit\" act; \"\(action)\" takes no frame")
            default: break
            }
        }
        if (action == "run" || action == "submit") && obj["in"] == nil {
            throw fail(path, "\"\(action)\" needs \"in\": the frame to \(action == "run" ? "run the script" : "submit the form") in, "
                + "e.g. \"main\" or \"attacker.frames[0]\"")
        }
        var step = Step(index: index, action: .wait(ms: 0))
        var name: String?
        var actionValue: StepAction?
        for key in sortedKeys(obj) {
            let p = path.key(key)
            let value = obj[key]!
            switch key {
            case "as":
                let n = try string(value, p)
                guard FramePath.isValidWindowName(n) else {
                    throw fail(p, "a window name is a letter or _, then letters, digits, _ or -, found \(JSONValue.quote(n))")
                }
                if let previous = windows[n] {
                    throw fail(p, "the window name \(JSONValue.quote(n)) is already used by step \(previous)")
                }
                name = n
            case "expect": step.expect = try expectation(value, p)
            case "expectConsole": actionValue = .expectConsole(try consoleExpectation(value, p, windows: windows))
            case "expectNoRequest": actionValue = .expectNoRequest(try requestExpectation(value, p))
            case "expectRequest": actionValue = .expectRequest(try requestExpectation(value, p))
            case "in": step.frame = try framePath(value, p, windows: windows)
            case "label": step.label = try string(value, p)
            case "note": step.note = try string(value, p)
            case "open": actionValue = .open(url: try nonEmptyString(value, p), as: "")
            case "run": actionValue = .run(script: try nonEmptyString(value, p))
            case "submit": actionValue = .submit(selector: try nonEmptyString(value, p))
            case "wait":
                let ms = try number(value, p)
                guard ms >= 0 else { throw fail(p, "a wait is a number of milliseconds >= 0, found \(JSONValue.format(number: ms))") }
                actionValue = .wait(ms: ms)
            default: break
            }
        }
        if case .open(let url, _) = actionValue {
            opens += 1
            if name == nil {
                let n = "window\(opens)"
                if let previous = windows[n] {
                    throw fail(path, "this window's default name \"\(n)\" is already used by step \(previous); name it with \"as\"")
                }
                name = n
            }
            windows[name!] = index
            actionValue = .open(url: url, as: name!)
        }
        step.action = actionValue!
        return step
    }

    func framePath(_ v: JSONValue, _ path: JSONPath, windows: Windows) throws(ScenarioError) -> FramePath {
        let text = try string(v, path)
        let frame: FramePath
        do {
            frame = try FramePath(parsing: text)
        } catch {
            throw fail(path, error.description)
        }
        guard windows[frame.root] != nil else {
            let known = windows.sorted { $0.value < $1.value }.map { JSONValue.quote($0.key) }
            throw fail(path, "no earlier \"open\" step opened a window named \(JSONValue.quote(frame.root))"
                + (known.isEmpty ? "" : "; the windows so far: " + known.joined(separator: ", ")))
        }
        return frame
    }

    func expectation(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> Expectation {
        let keys = ["value", "throws", "message", "outcome"]
        let obj = try object(v, path, "an object with any of: value, throws, message, outcome")
        try checkKeys(obj, path, allowed: keys)
        if obj.isEmpty { throw fail(path, "\"expect\" needs at least one of: " + keys.joined(separator: ", ")) }
        if obj["value"] != nil, let other = ["message", "throws"].first(where: { obj[$0] != nil }) {
            throw fail(path.key("value"), "\"value\" cannot be combined with \"\(other)\": a script either returns a value or throws")
        }
        // Sorted: message, outcome, throws, value.
        var e = Expectation()
        if let v = obj["message"] { e.message = try string(v, path.key("message")) }
        if let v = obj["outcome"] { e.outcome = try oneOf(v, path.key("outcome"), Expectation.outcomes) }
        if let v = obj["throws"] { e.throws = try nonEmptyString(v, path.key("throws")) }
        e.value = obj["value"]  // any JSON value; `null` is .some(.null)
        return e
    }

    func requestExpectation(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> RequestExpectation {
        let obj = try object(v, path, "an object with any of: method, url, headers, kind")
        try checkKeys(obj, path, allowed: ["method", "url", "headers", "kind"])
        // Sorted: headers, kind, method, url.
        var e = RequestExpectation()
        if let v = obj["headers"] { e.headers = try headerMap(v, path.key("headers")) }
        if let v = obj["kind"] { e.kind = try nonEmptyString(v, path.key("kind")) }
        if let v = obj["method"] { e.method = try nonEmptyString(v, path.key("method")) }
        if let v = obj["url"] { e.url = try nonEmptyString(v, path.key("url")) }
        return e
    }

    func consoleExpectation(_ v: JSONValue, _ path: JSONPath, windows: Windows) throws(ScenarioError) -> ConsoleExpectation {
        let obj = try object(v, path, "an object {\"contains\": ..., \"level\"?, \"in\"?, \"absent\"?}")
        try checkKeys(obj, path, allowed: ["in", "level", "contains", "absent"])
        try checkRequired(obj, path, ["contains"])
        // Sorted: absent, contains, in, level.
        var absent = false
        if let v = obj["absent"] { absent = try bool(v, path.key("absent")) }
        let contains = try nonEmptyString(obj["contains"]!, path.key("contains"))
        var frame: FramePath?
        if let v = obj["in"] { frame = try framePath(v, path.key("in"), windows: windows) }
        var level: String?
        if let v = obj["level"] { level = try oneOf(v, path.key("level"), ConsoleExpectation.levels) }
        return ConsoleExpectation(frame: frame, level: level, contains: contains, absent: absent)
    }

    // MARK: Keys

    func sortedKeys(_ obj: [String: JSONValue]) -> [String] {
        obj.keys.sorted(by: JSONValue.byteOrder)
    }

    /// The first key (in sorted order) that is not in `allowed` is an error: `misplaced` gives the
    /// message for keys that belong elsewhere, any other is an unknown key.
    func checkKeys(_ obj: [String: JSONValue], _ path: JSONPath, allowed: [String],
                   misplaced: [String: String] = [:]) throws(ScenarioError) {
        for key in sortedKeys(obj) where !allowed.contains(key) {
            if let message = misplaced[key] { throw fail(path.key(key), message) }
            throw fail(path.key(key), "unknown key \(JSONValue.quote(key)); expected one of: " + allowed.joined(separator: ", "))
        }
    }

    /// `required` in sorted order.
    func checkRequired(_ obj: [String: JSONValue], _ path: JSONPath, _ required: [String]) throws(ScenarioError) {
        for key in required where obj[key] == nil {
            throw fail(path, "missing required key \"\(key)\"")
        }
    }

    // MARK: Typed reads

    func describe(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return "a boolean (\(b))"
        case .number(let d): return "a number (\(JSONValue.format(number: d)))"
        case .string(let s):
            let shown = s.count > 40 ? String(s.prefix(40)) + "..." : s
            return "a string (\(JSONValue.quote(shown)))"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    func object(_ v: JSONValue, _ path: JSONPath, _ what: String = "an object") throws(ScenarioError) -> [String: JSONValue] {
        guard case .object(let obj) = v else { throw fail(path, "expected \(what), found \(describe(v))") }
        return obj
    }

    func array(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> [JSONValue] {
        guard case .array(let items) = v else { throw fail(path, "expected an array, found \(describe(v))") }
        return items
    }

    func string(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> String {
        guard case .string(let s) = v else { throw fail(path, "expected a string, found \(describe(v))") }
        return s
    }

    func nonEmptyString(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> String {
        let s = try string(v, path)
        if s.isEmpty { throw fail(path, "expected a non-empty string, found \"\"") }
        return s
    }

    func stringList(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> [String] {
        let items = try array(v, path)
        var out: [String] = []
        for (i, item) in items.enumerated() { out.append(try string(item, path.index(i))) }
        return out
    }

    func bool(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> Bool {
        guard case .bool(let b) = v else { throw fail(path, "expected true or false, found \(describe(v))") }
        return b
    }

    func number(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> Double {
        guard case .number(let d) = v else { throw fail(path, "expected a number, found \(describe(v))") }
        return d
    }

    /// A number with no fractional part (`200` or `200.0`) that fits an Int.
    func integer(_ v: JSONValue, _ path: JSONPath) throws(ScenarioError) -> Int {
        guard case .number(let d) = v, d.rounded() == d, let i = Int(exactly: d) else {
            throw fail(path, "expected an integer, found \(describe(v))")
        }
        return i
    }

    func oneOf(_ v: JSONValue, _ path: JSONPath, _ options: [String]) throws(ScenarioError) -> String {
        let expected = "expected one of " + options.map { JSONValue.quote($0) }.joined(separator: ", ")
        guard case .string(let s) = v else { throw fail(path, "\(expected), found \(describe(v))") }
        guard options.contains(s) else { throw fail(path, "\(expected), found \(JSONValue.quote(s))") }
        return s
    }
}
