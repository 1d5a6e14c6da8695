import Foundation
import Testing
@testable import ScenarioFormat

/// A fresh folder under the system temp folder, laid out as a scenario folder with fixtures:
///
///     <root>/scenarios/pages/attacker.html    a fixture
///     <root>/scenarios/inside-link.html       -> pages/attacker.html (a link that stays inside)
///     <root>/scenarios/escape.html            -> ../outside/secret.html (a link that leaves)
///     <root>/outside/secret.html
///     <root>/secret.html                      what "../secret.html" would reach
///
/// Removed by `remove()`.
struct TempScenarioFolder {
    let root: URL
    var folder: URL { root.appendingPathComponent("scenarios") }

    static let attackerHTML = "<iframe src=\"http://b.local/\"></iframe>"

    init() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("scenario-format-tests-\(UUID().uuidString)")
        let scenarios = root.appendingPathComponent("scenarios")
        try fm.createDirectory(at: scenarios.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data(Self.attackerHTML.utf8).write(to: scenarios.appendingPathComponent("pages/attacker.html"))
        try Data("outside secret".utf8).write(to: root.appendingPathComponent("outside/secret.html"))
        try Data("parent secret".utf8).write(to: root.appendingPathComponent("secret.html"))
        try fm.createSymbolicLink(atPath: scenarios.appendingPathComponent("inside-link.html").path,
                                  withDestinationPath: "pages/attacker.html")
        try fm.createSymbolicLink(atPath: scenarios.appendingPathComponent("escape.html").path,
                                  withDestinationPath: "../outside/secret.html")
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Decodes `json` as a file `test.json` in a fresh temp scenario folder.
func decode(_ json: String) throws(ScenarioError) -> Scenario {
    let temp: TempScenarioFolder
    do { temp = try TempScenarioFolder() } catch { fatalError("cannot make a temp folder: \(error)") }
    defer { temp.remove() }
    return try ScenarioLoader.decode(data: Data(json.utf8), folder: temp.folder, fileName: "test.json")
}

/// The error that decoding `json` gives, or nil when it decodes.
func decodingError(_ json: String) -> ScenarioError? {
    do {
        _ = try decode(json)
        return nil
    } catch {
        return error
    }
}

/// A minimal document around some steps and resources.
func doc(resources: String = "{}", steps: String = "[]", extra: String = "") -> String {
    #"{"name": "t", "resources": \#(resources), "steps": \#(steps)\#(extra)}"#
}

/// A document with one resource at http://b.local/.
func resource(_ json: String) -> String { doc(resources: #"{"http://b.local/": \#(json)}"#) }

/// Steps after `{"open": "http://a.local/", "as": "a"}`, so step 1 is the first given here.
func afterOpen(_ steps: String) -> String {
    doc(steps: #"[{"open": "http://a.local/", "as": "a"}, \#(steps)]"#)
}
