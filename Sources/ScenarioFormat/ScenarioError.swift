/// A scenario file that cannot be used: which file, where in it (a JSON path), and what is wrong.
///
///     attack.json: $.steps[2].expect.outcome: expected one of "allowed", "blocked", "error", found "denied"
///
/// `path` starts at `$` (the whole document) and names object keys as `.key`, or as `["key"]` when
/// the key is not a plain identifier (`$.resources["http://b.local/"].status`), and array items as
/// `[N]` (0-based). It is empty for errors about the file itself (it cannot be read, a folder
/// cannot be listed).
public struct ScenarioError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as given to the loader (or the `fileName` given to `decode`).
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}

/// A location in the JSON document, printed as a JSONPath-style string.
struct JSONPath: CustomStringConvertible {
    enum Component {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    static let root = JSONPath()

    func key(_ key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    func index(_ index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    var description: String {
        var out = "$"
        for component in components {
            switch component {
            case .key(let k):
                if JSONPath.isIdentifier(k) { out += "." + k } else { out += "[" + JSONValue.quote(k) + "]" }
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// `[A-Za-z_$][A-Za-z0-9_$]*`
    static func isIdentifier(_ k: String) -> Bool {
        guard let first = k.unicodeScalars.first else { return false }
        func start(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" || c == "$"
        }
        return start(first) && k.unicodeScalars.dropFirst().allSatisfy { start($0) || ("0"..."9").contains($0) }
    }
}
