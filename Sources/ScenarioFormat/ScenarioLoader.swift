import Foundation

/// Reads scenario files. Every failure is a ``ScenarioError`` naming the file and the JSON path.
///
/// Decoding goes in a fixed order, so the same file always gives the same (first) error. For each
/// object: its type; then its keys in sorted (UTF-8 byte) order, each checked to be known and
/// allowed there; then the required keys; then the values, again in sorted key order, each checked
/// fully (depth first) before the next. Array items are checked in order.
public enum ScenarioLoader {
    /// Reads and decodes one scenario file; its fixtures are resolved against its folder.
    /// Errors name the file as `file.relativePath` (what the user typed, for a relative file URL).
    public static func load(file: URL) throws(ScenarioError) -> Scenario {
        let name = file.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ScenarioError(file: name, path: "", message: "cannot read the file: \(reason(error))")
        }
        var scenario = try decode(data: data, folder: file.deletingLastPathComponent(), fileName: name)
        scenario.fileURL = file
        return scenario
    }

    /// Decodes scenario JSON. `folder` is where `fixture` paths are resolved (and must stay);
    /// `fileName` is only used in error descriptions. The result's `fileURL` is nil.
    public static func decode(data: Data, folder: URL, fileName: String) throws(ScenarioError) -> Scenario {
        let root = try parseJSON(data: data, fileName: fileName)
        return try ScenarioDecoder(fileName: fileName, folder: folder).scenario(root)
    }

    /// A folder argument: every `*.json` file directly in it (not in subfolders, so fixture folders
    /// may hold JSON of their own), hidden files skipped, sorted by file name (UTF-8 byte order).
    /// The URLs are `folder` + name, so a relative folder gives relative file paths.
    public static func scenarioFiles(in folder: URL) throws(ScenarioError) -> [URL] {
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw ScenarioError(file: folder.relativePath, path: "", message: "cannot list the folder: \(reason(error))")
        }
        return names
            .filter { name in
                guard !name.hasPrefix("."), (name as NSString).pathExtension.lowercased() == "json" else { return false }
                var isDirectory: ObjCBool = false
                let exists = fm.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                return exists && !isDirectory.boolValue
            }
            .sorted(by: JSONValue.byteOrder)
            .map { folder.appendingPathComponent($0, isDirectory: false) }
    }

    /// Parses with JSONSerialization and converts to ``JSONValue``. A syntax error becomes a
    /// ScenarioError at `$` whose message gives the line, column and byte offset when Foundation
    /// reports the offset ("... around character N.", a 0-based byte offset on Linux).
    ///
    /// AD-HOC: whatever JSONSerialization accepts is accepted. On Linux that includes a trailing
    /// comma in an array (`[1,]`) and repeated object keys (one of the values is kept, silently).
    static func parseJSON(data: Data, fileName: String) throws(ScenarioError) -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw malformed(error, data: data, fileName: fileName)
        }
        guard let value = JSONValue(jsonObject: object) else {
            throw ScenarioError(file: fileName, path: "$", message: "malformed JSON: unexpected value of type \(type(of: object))")
        }
        return value
    }

    static func malformed(_ error: any Error, data: Data, fileName: String) -> ScenarioError {
        let ns = error as NSError
        var text = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
        var offset: Int?
        for marker in [" around character ", " starting from character "] {
            guard let r = text.range(of: marker) else { continue }
            let digits = text[r.upperBound...].prefix(while: { $0.isASCII && $0.isNumber })
            offset = Int(digits)
            text = String(text[..<r.lowerBound]) + String(text[digits.endIndex...])
            break
        }
        if text.hasSuffix(".") { text.removeLast() }
        guard let offset else {
            return ScenarioError(file: fileName, path: "$", message: "malformed JSON: \(text)")
        }
        let prefix = data.prefix(max(0, min(offset, data.count)))
        var line = 1
        var column = 1
        for byte in prefix {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // count characters, not UTF-8 continuation bytes
                column += 1
            }
        }
        return ScenarioError(file: fileName, path: "$",
                             message: "malformed JSON at line \(line), column \(column) (byte offset \(offset)): \(text)")
    }

    static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            default: break
            }
        }
        return (error as NSError).localizedDescription
    }
}
