import Foundation
import ScenarioFormat
import Testing
@testable import Simbrowse

/// Runs every recorded browser case (Fixtures/browser-truth, Chromium 156) through the engine
/// and compares what it logged and requested, the way compare.py does. The test fails when a
/// case listed in `agreeing-chromium.txt` stops agreeing; grow that list as the engine improves.
enum BrowserTruth {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/browser-truth")

    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var area: String
        var file: URL
        var description: String { "\(area)/\(id)" }
    }

    static let cases: [Case] = {
        let fm = FileManager.default
        let casesDir = root.appendingPathComponent("cases")
        var out: [Case] = []
        for area in ((try? fm.contentsOfDirectory(atPath: casesDir.path)) ?? []).sorted() {
            for f in ((try? fm.contentsOfDirectory(atPath: casesDir.appendingPathComponent(area).path)) ?? []).sorted() where f.hasSuffix(".json") {
                out.append(Case(id: String(f.dropLast(5)), area: area, file: casesDir.appendingPathComponent(area).appendingPathComponent(f)))
            }
        }
        return out
    }()

    static func agreeingList(_ browser: String) -> Set<String> {
        let text = (try? String(contentsOf: root.appendingPathComponent("agreeing-\(browser).txt"), encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }
    static let agreeing = agreeingList("chromium")
    static let agreeingFirefox = agreeingList("firefox")

    /// The case as a scenario, as compare.py's `to_scenario` makes it.
    static func scenario(_ c: Case) throws -> Scenario {
        let data = try Data(contentsOf: c.file)
        let obj = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var resources: [String: Any] = [:]
        for (url, r) in obj["resources"] as! [String: Any] {
            var out = (r as! [String: Any]).filter { $0.key != "body_base64" && $0.key != "websocket" }
            if let b = (r as! [String: Any])["body_base64"] { out["bodyBase64"] = b }
            if let ws = (r as! [String: Any])["websocket"] as? [String: Any] {
                var w: [String: Any] = [:]
                if let g = ws["greeting"] { w["greeting"] = g }
                if let a = ws["allowed_origins"] { w["allowedOrigins"] = a }
                out["websocket"] = w
            }
            resources[url] = out
        }
        var s: [String: Any] = ["name": obj["id"]!, "description": obj["summary"] ?? "", "resources": resources,
                                "steps": [["open": obj["start"]!, "as": "top"]]]
        if let cookies = obj["cookies"] as? [[String: Any]], !cookies.isEmpty {
            s["cookies"] = cookies.map { ["url": $0["url"]!, "setCookie": $0["set_cookie"]!] }
        }
        let json = try JSONSerialization.data(withJSONObject: s)
        return try ScenarioLoader.decode(data: json, folder: root, fileName: c.id + ".json")
    }

    struct Result { var agree: Bool; var probes = 0; var verdicts = 0; var lines = 0; var exact = 0; var requests = 0; var requestsExact = 0; var extra = 0; var misses: [String] = [] }

    static let probe = try! Regex(#"^(.+?): (allowed|blocked)( |$)"#)

    static func key(_ origin: String, _ text: String) -> String {
        if let m = text.firstMatch(of: probe) { return origin + "\u{1}" + String(text[m.range].split(separator: ":").first ?? "") }
        return origin + "\u{1}" + text
    }
    static func verdict(_ text: String) -> String? {
        guard let m = text.firstMatch(of: probe) else { return nil }
        let s = String(text[m.range])
        return s.contains(": allowed") ? "allowed" : "blocked"
    }

    static func compare(_ c: Case, browser: String = "chromium") throws -> Result {
        let truthURL = root.appendingPathComponent(browser).appendingPathComponent(c.id + ".json")
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as! [String: Any]
        let report = ScenarioRunner.run(try scenario(c), profile: Profile.named(browser))
        var got: [String: [String]] = [:]
        for e in report.console where e.level == "log" || e.text.hasPrefix("Uncaught ") {
            got[key(e.origin, e.text), default: []].append(e.text)
        }
        var r = Result(agree: false)
        for l in truth["lines"] as! [[String: Any]] {
            let origin = l["origin"] as! String, want = l["text"] as! String
            let k = key(origin, want)
            let have = got[k]?.isEmpty == false ? got[k]!.removeFirst() : nil
            r.lines += 1
            if let v = verdict(want) {
                r.probes += 1
                if let have, verdict(have) == v { r.verdicts += 1 }
            }
            if have == want { r.exact += 1 } else { r.misses.append("\(origin) want \(want) / got \(have ?? "nothing")") }
        }
        r.extra = got.values.map(\.count).reduce(0, +)
        for (k, v) in got where !v.isEmpty { r.misses.append("extra: \(k.replacingOccurrences(of: "\u{1}", with: " ")) \(v)") }
        var have: [String: [RequestRecord]] = [:]
        for q in report.requests { have["\(q.method) \(q.url) \(q.preflight)", default: []].append(q) }
        let names = ["cookie", "origin", "content-type", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest"]
        for q in truth["requests"] as! [[String: Any]] {
            r.requests += 1
            let k = "\(q["method"] as! String) \(q["url"] as! String) \((q["preflight"] as? Bool) ?? false)"
            guard have[k]?.isEmpty == false else { r.misses.append("request not made: \(k)"); continue }
            let h = have[k]!.removeFirst()
            let wantH = (q["headers"] as? [String: String]) ?? [:]
            let hh = Dictionary(h.headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
            func norm(_ n: String, _ v: String?) -> String? {
                guard let v else { return nil }
                return n == "content-type" ? v.replacing(#/boundary=[^;]*/#, with: "boundary=*") : v
            }
            let diff = names.filter { norm($0, wantH[$0]) != norm($0, hh[$0]) }
            if diff.isEmpty { r.requestsExact += 1 } else { r.misses.append("request \(k) headers differ: \(diff)") }
        }
        r.agree = r.verdicts == r.probes && r.exact == r.lines && r.requestsExact == r.requests && r.extra == 0
        return r
    }
}

@Suite("Browser truth (Chromium 156)", .serialized)
struct BrowserTruthTests {
    @Test("Every case that agreed before still agrees", arguments: BrowserTruth.cases.filter { BrowserTruth.agreeing.contains($0.id) })
    func stillAgrees(_ c: BrowserTruth.Case) throws {
        let r = try BrowserTruth.compare(c)
        #expect(r.agree, "\(c.id) no longer agrees with Chromium:\n\(r.misses.joined(separator: "\n"))")
    }

    @Test("Every case that agreed with Firefox before still agrees (profile firefox)", arguments: BrowserTruth.cases.filter { BrowserTruth.agreeingFirefox.contains($0.id) })
    func stillAgreesFirefox(_ c: BrowserTruth.Case) throws {
        let r = try BrowserTruth.compare(c, browser: "firefox")
        #expect(r.agree, "\(c.id) no longer agrees with Firefox:\n\(r.misses.joined(separator: "\n"))")
    }

    @Test("Agreement per area (printed)")
    func table() throws {
        var areas: [String: (cases: Int, agree: Int, probes: Int, verdicts: Int, lines: Int, exact: Int)] = [:]
        for c in BrowserTruth.cases {
            let r = try BrowserTruth.compare(c)
            var a = areas[c.area] ?? (0, 0, 0, 0, 0, 0)
            a.cases += 1; a.agree += r.agree ? 1 : 0; a.probes += r.probes; a.verdicts += r.verdicts; a.lines += r.lines; a.exact += r.exact
            areas[c.area] = a
        }
        var total = (0, 0)
        for (area, a) in areas.sorted(by: { $0.key < $1.key }) {
            print("browser-truth \(area.padding(toLength: 20, withPad: " ", startingAt: 0)) cases \(a.agree)/\(a.cases)  verdicts \(a.verdicts)/\(a.probes)  exact lines \(a.exact)/\(a.lines)")
            total.0 += a.agree; total.1 += a.cases
        }
        print("browser-truth TOTAL cases agreeing \(total.0)/\(total.1)")
        #expect(total.0 >= BrowserTruth.agreeing.count)
    }
}
