import Foundation
import Testing
@testable import ScenarioFormat

/// Fixtures/browser-truth/cases, each turned into a scenario exactly as Fixtures/browser-truth/compare.py
/// does (`to_scenario`): every recorded case must decode.
enum BrowserTruth {
    static var casesFolder: URL {
        // Resolve links: the tests may be built through a symlinked checkout.
        let here = realpath(#filePath, nil).map { p in defer { free(p) }; return String(cString: p) } ?? #filePath
        return URL(fileURLWithPath: here)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/browser-truth/cases")
    }

    static func caseFiles() -> [URL] {
        guard let walker = FileManager.default.enumerator(at: casesFolder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }

    /// compare.py's to_scenario.
    static func toScenario(_ c: [String: Any]) -> [String: Any] {
        var resources: [String: Any] = [:]
        for (url, r) in c["resources"] as! [String: [String: Any]] {
            var out = r.filter { $0.key != "body_base64" }
            if let b = r["body_base64"] { out["bodyBase64"] = b }
            if let ws = r["websocket"] as? [String: Any] {
                var w: [String: Any] = [:]
                if let g = ws["greeting"] { w["greeting"] = g }
                if let o = ws["allowed_origins"] { w["allowedOrigins"] = o }
                out["websocket"] = w
            }
            resources[url] = out
        }
        var s: [String: Any] = ["name": c["id"]!, "description": c["summary"] ?? "", "resources": resources,
                                "steps": [["open": c["start"]!, "as": "top"]]]
        if let cookies = c["cookies"] as? [[String: Any]], !cookies.isEmpty {
            s["cookies"] = cookies.map { ["url": $0["url"]!, "setCookie": $0["set_cookie"]!] }
        }
        return s
    }
}

@Test func everyBrowserTruthCaseDecodes() throws {
    let files = BrowserTruth.caseFiles()
    var decoded = 0
    for file in files {
        let c = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        let data = try JSONSerialization.data(withJSONObject: BrowserTruth.toScenario(c))
        do {
            let s = try ScenarioLoader.decode(data: data, folder: file.deletingLastPathComponent(), fileName: file.lastPathComponent)
            #expect(s.resources.count == (c["resources"] as! [String: Any]).count)
            #expect(s.steps.first?.action == .open(url: c["start"] as! String, as: "top"))
            decoded += 1
        } catch {
            Issue.record("\(error)")
        }
    }
    // 82 cases in the copy of Fixtures/browser-truth this test was written against.
    #expect(files.count >= 82)
    #expect(decoded == files.count, "\(decoded) of \(files.count) browser-truth cases decoded")
}
