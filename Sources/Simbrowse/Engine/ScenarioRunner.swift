import Foundation
import ScenarioFormat
import URLStandard

/// Runs a scenario: builds the fixture servers and a browser, performs the steps, checks the
/// expectations, and returns the report.
public enum ScenarioRunner {
    public static func makeServer(_ scenario: Scenario) -> FixtureServer {
        let server = FixtureServer()
        func response(_ r: ResponseSpec) -> HTTPResponse {
            HTTPResponse(status: r.status, headers: HeaderList(r.headers.map { ($0.name, $0.value) }), body: r.body)
        }
        for entry in scenario.resources {
            switch entry.kind {
            case .response(let r): server.add(entry.url, .response(response(r)))
            case .responses(let list):
                server.add(entry.url, .conditional(list.map { c in
                    (c.when.map { ResponseCondition(method: $0.method, headers: $0.headers, path: $0.path, query: $0.query, origin: $0.origin) },
                     response(c.response))
                }))
            case .websocket(let w):
                server.add(entry.url, .websocket(WebSocketResource(allowedOrigins: w.allowedOrigins, greeting: w.greeting, echo: w.echo)))
            }
        }
        return server
    }

    /// Runs `scenario`. `override` replaces the scenario's profile and `thirdPartyCookies` its
    /// third-party cookie setting (the CLI's `--profile` and `--third-party-cookies`).
    public static func run(_ scenario: Scenario, profile override: Profile? = nil, thirdPartyCookies: String? = nil,
                           file: String? = nil) -> Report {
        var profile = override ?? Profile.named(scenario.profile) ?? .chromium
        if let t = thirdPartyCookies ?? scenario.thirdPartyCookies { profile.thirdPartyCookies = t }
        let browser = Browser(profile: profile, server: makeServer(scenario))
        defer { browser.close() }
        for seed in scenario.cookies { browser.seedCookie(seed.setCookie, url: seed.url) }
        var steps: [StepReport] = []
        var allOK = true
        /// The navigable a step's `in` names, or an error in the step's report.
        func frame(_ step: Step, _ rep: inout StepReport) -> BrowsingContext? {
            if let path = step.frame, let bc = browser.context(at: path) { return bc }
            rep.outcome = "error"
            rep.error = StepError(name: "NotFoundError", message: "no frame at '\(step.frame?.description ?? "")'")
            return nil
        }
        var cutOff: String?
        for step in scenario.steps {
            browser.currentStep = step.index
            var rep = StepReport(index: step.index, action: step.action.keyword, in: step.frame?.description,
                                 script: nil, note: step.note, outcome: "done")
            switch step.action {
            case .open(let url, let name):
                let bc = browser.open(url, name: name)
                rep.in = name
                rep.script = url
                if browser.hasPendingTasks {
                    cutOff = "timers still pending after \(Int(30)) virtual seconds of \(name) were cut off"
                }
                if bc.window == nil { rep.outcome = "error"; rep.error = StepError(name: "NetworkError", message: "could not open \(url)") }
            case .run(let script):
                rep.script = script
                guard let bc = frame(step, &rep) else { break }
                let r = bc.evaluate(script)
                rep.outcome = r.outcome.rawValue
                rep.value = r.value
                rep.valueType = r.valueType
                rep.error = r.error.map { StepError(name: $0.name, message: $0.message) }
                rep.reason = r.reason.map(Reason.init)
            case .submit(let selector):
                rep.script = selector
                guard let bc = frame(step, &rep) else { break }
                let sel = JSONValue.quote(selector)
                let r = bc.evaluate("(() => { const f = document.querySelector(\(sel)); if (!f) throw new DOMException('no form matches ' + \(sel), 'NotFoundError'); if (typeof f.requestSubmit === 'function') f.requestSubmit(); else f.submit(); return 'submitted'; })()")
                rep.outcome = r.outcome.rawValue
                rep.error = r.error.map { StepError(name: $0.name, message: $0.message) }
                rep.reason = r.reason.map(Reason.init)
            case .wait(let ms):
                browser.wait(ms)
                rep.script = "\(JSONValue.format(number: ms)) ms"
            case .expectRequest(let e), .expectNoRequest(let e):
                let want: Bool = { if case .expectRequest = step.action { return true } else { return false } }()
                let found = browser.requests.contains { matches($0, e) }
                rep.outcome = found == want ? "allowed" : "error"
                rep.expectation = ExpectationResult(ok: found == want, expected: [:],
                                                    failures: found == want ? [] : [want ? "no request matched \(describe(e))" : "a request matched \(describe(e))"])
            case .expectConsole(let e):
                let frameLabel: String? = e.frame.flatMap { browser.context(at: $0)?.label }
                let wantLevel = e.level == "warn" ? "warning" : e.level
                let found = browser.console.contains { c in
                    (wantLevel == nil || c.level == wantLevel) && c.text.contains(e.contains) && (frameLabel == nil || c.frame == frameLabel)
                }
                let ok = found != e.absent
                rep.outcome = ok ? "allowed" : "error"
                rep.expectation = ExpectationResult(ok: ok, expected: ["contains": .string(e.contains)],
                                                    failures: ok ? [] : [e.absent ? "the console has a line containing \(JSONValue.quote(e.contains))" : "no console line contains \(JSONValue.quote(e.contains))"])
            }
            if let exp = step.expect {
                rep.expectation = check(exp, rep)
            }
            if let x = rep.expectation, !x.ok { allOK = false }
            steps.append(rep)
        }
        browser.currentStep = nil
        return Report(scenario: scenario.name, description: scenario.description, file: file,
                      profile: profile.browser.rawValue, ok: allOK, steps: steps, frames: browser.frameTree(),
                      console: browser.console, requests: browser.requests, decisions: browser.decisions,
                      cutOff: cutOff, virtualTime: browser.now)
    }

    static func check(_ e: Expectation, _ r: StepReport) -> ExpectationResult {
        var expected: [String: JSONValue] = [:]
        var failures: [String] = []
        if let v = e.value {
            expected["value"] = v
            let got = r.value ?? .null
            if r.error != nil { failures.append("expected the value \(v.compact), but it threw \(r.error!.name): \(r.error!.message)") }
            else if got != v { failures.append("expected the value \(v.compact), got \(r.valueType == "undefined" ? "undefined" : got.compact)") }
        }
        if let t = e.throws {
            expected["throws"] = .string(t)
            if r.error?.name != t { failures.append("expected it to throw \(t), but it \(r.error.map { "threw \($0.name)" } ?? "did not throw")") }
        }
        if let m = e.message {
            expected["message"] = .string(m)
            if !(r.error?.message.contains(m) ?? false) { failures.append("expected an error message containing \(JSONValue.quote(m)), got \(r.error.map { JSONValue.quote($0.message) } ?? "no error")") }
        }
        if let o = e.outcome {
            expected["outcome"] = .string(o)
            if r.outcome != o { failures.append("expected the outcome \(o), got \(r.outcome)") }
        }
        return ExpectationResult(ok: failures.isEmpty, expected: expected, failures: failures)
    }

    static func matches(_ r: RequestRecord, _ e: RequestExpectation) -> Bool {
        if let m = e.method, m.uppercased() != r.method.uppercased() { return false }
        if let u = e.url {
            let want = URLRecord.parse(u)?.href ?? u
            if want != r.url { return false }
        }
        if let k = e.kind, k != r.kind { return false }
        for (n, v) in e.headers {
            guard let have = r.headers.first(where: { $0.key.lowercased() == n.lowercased() })?.value,
                  have.lowercased().contains(v.lowercased()) else { return false }
        }
        return true
    }

    static func describe(_ e: RequestExpectation) -> String {
        var parts: [String] = []
        if let m = e.method { parts.append(m) }
        if let u = e.url { parts.append(u) }
        if let k = e.kind { parts.append("(\(k))") }
        for (n, v) in e.headers.sorted(by: { $0.key < $1.key }) { parts.append("\(n): \(v)") }
        return parts.joined(separator: " ")
    }
}

extension Report {
    /// The report as JSON, with sorted keys: the same scenario gives the same bytes.
    public func jsonData(pretty: Bool = true) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try enc.encode(self)
    }
}
