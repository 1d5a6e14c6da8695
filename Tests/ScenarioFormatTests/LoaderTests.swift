import Foundation
import Testing
@testable import ScenarioFormat

@Test func loadNamesTheFileInErrors() throws {
    let temp = try TempScenarioFolder()
    defer { temp.remove() }
    let file = try temp.write("bad.json", doc(steps: #"[{"open": "http://a.local/"}, {"in": "window1", "rn": "x"}]"#))
    #expect(throws: ScenarioError(file: file.relativePath, path: "$.steps[1].rn", message:
        #"unknown key "rn"; expected one of: open, run, submit, wait, expectRequest, expectNoRequest, expectConsole, in, as, expect, note, label"#)) {
        try ScenarioLoader.load(file: file)
    }
    do {
        _ = try ScenarioLoader.load(file: file)
    } catch {
        #expect(error.description.hasPrefix("\(file.path): $.steps[1].rn: unknown key \"rn\"; "))
    }
}

@Test func loadOfAMissingFile() throws {
    let temp = try TempScenarioFolder()
    defer { temp.remove() }
    let file = temp.folder.appendingPathComponent("nope.json")
    #expect {
        try ScenarioLoader.load(file: file)
    } throws: { error in
        let e = error as! ScenarioError
        return e.path.isEmpty && e.message == "cannot read the file: no such file"
            && e.description == "\(file.path): cannot read the file: no such file"
    }
}

@Test func relativeFileURLsKeepTheirRelativePath() throws {
    let temp = try TempScenarioFolder()
    defer { temp.remove() }
    _ = try temp.write("one.json", doc(resources: #"{"http://a.local/": {"fixture": "pages/attacker.html"}}"#))
    let file = URL(fileURLWithPath: "scenarios/one.json", relativeTo: URL(fileURLWithPath: temp.root.path, isDirectory: true))
    #expect(file.relativePath == "scenarios/one.json")
    let s = try ScenarioLoader.load(file: file)
    #expect(s.resources.count == 1)
}

@Test func malformedJSONOffsets() {
    // "é" is two bytes: the column counts characters, the offset counts bytes.
    let e = decodingError("{\"é\": 1,\n  \"b\" 2}")
    #expect(e?.path == "$")
    #expect(e?.message.hasPrefix("malformed JSON at line 2, column 7 (byte offset 16): ") == true, "\(String(describing: e))")
    let eof = decodingError(#"{"name": "x""#)
    #expect(eof?.path == "$")
    #expect(eof?.message.hasPrefix("malformed JSON") == true)
}

@Test func scenarioFilesAreTheJSONFilesDirectlyInTheFolder() throws {
    let temp = try TempScenarioFolder()
    defer { temp.remove() }
    for name in ["b.json", "a.json", "B.json", "notes.txt", ".hidden.json", "pages/inner.json", "c.JSON"] {
        _ = try temp.write(name, "{}")
    }
    try FileManager.default.createDirectory(at: temp.folder.appendingPathComponent("dir.json"), withIntermediateDirectories: true)
    let files = try ScenarioLoader.scenarioFiles(in: temp.folder)
    #expect(files.map(\.lastPathComponent) == ["B.json", "a.json", "b.json", "c.JSON"])
    #expect(files[0] == temp.folder.appendingPathComponent("B.json"))

    #expect(throws: ScenarioError.self) { try ScenarioLoader.scenarioFiles(in: temp.root.appendingPathComponent("missing")) }
}

@Test func sameInputSameError() throws {
    // Many errors at once: the reported one does not depend on hashing order.
    let json = doc(resources: #"{"http://c/": {"status": 0}, "http://b/": {"zz": 1, "aa": 2}, "http://a/": {"body": 1, "status": "x"}}"#)
    let first = decodingError(json)
    #expect(first?.path == #"$.resources["http://a/"].body"#)
    for _ in 0..<20 { #expect(decodingError(json) == first) }
}
