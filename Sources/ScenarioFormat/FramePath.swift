/// Where a step acts: a window opened by an `open` step, then a walk through its frames, its
/// opener and its popups.
///
///     attacker                          the window opened with "as": "attacker"
///     attacker.frames[0]                its first child frame (document order)
///     attacker.frames["inner"]          its child frame whose name is "inner"
///     attacker.frames[0].frames[1]      a grandchild
///     victim.opener                     the window that opened victim
///     attacker.popups[0]                the first window that attacker opened with window.open
///
/// The text form is what ``description`` prints and what ``init(parsing:)`` reads back.
public struct FramePath: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// One step from a window to another.
    public enum Hop: Sendable, Equatable, Hashable {
        /// `.frames[N]`: the N-th child frame, 0-based.
        case frameIndex(Int)
        /// `.frames["name"]`: the child frame with this name.
        case frameName(String)
        /// `.opener`: the window that opened this one.
        case opener
        /// `.popups[N]`: the N-th window this one opened, 0-based, in the order they were opened.
        case popup(Int)
    }

    /// The name of a window opened by an `open` step (its `as`, or `window<N>`).
    public var root: String
    public var hops: [Hop]

    public init(root: String, hops: [Hop] = []) {
        self.root = root
        self.hops = hops
    }

    public var description: String {
        var out = root
        for hop in hops {
            switch hop {
            case .frameIndex(let i): out += ".frames[\(i)]"
            case .frameName(let name):
                out += ".frames[\"" + name.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
            case .opener: out += ".opener"
            case .popup(let i): out += ".popups[\(i)]"
            }
        }
        return out
    }

    /// Whether `name` can be a window name (the root of a path): a letter or `_`, then letters,
    /// digits, `_` or `-`. ASCII only.
    public static func isValidWindowName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, isNameStart(first) else { return false }
        return scalars.dropFirst().allSatisfy(isNameContinue)
    }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    static func isNameContinue(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || ("0"..."9").contains(c) || c == "-"
    }

    /// Parses the text form.
    ///
    ///     path  = name *hop
    ///     name  = (ALPHA / "_") *(ALPHA / DIGIT / "_" / "-")
    ///     hop   = ".frames[" (index / string) "]" / ".opener" / ".popups[" index "]"
    ///     index = "0" / (%x31-39 *DIGIT)
    ///     string = DQUOTE 1*(any character but DQUOTE and "\" / "\" DQUOTE / "\\") DQUOTE
    ///
    /// No spaces anywhere.
    public init(parsing text: String) throws(FramePathSyntaxError) {
        var p = Parser(text: text)
        self = try p.parse()
    }

    private struct Parser {
        let text: String
        let s: [Unicode.Scalar]
        var i = 0

        init(text: String) {
            self.text = text
            self.s = Array(text.unicodeScalars)
        }

        static let hopsHelp = #"expected .frames[N], .frames["name"], .opener or .popups[N]"#

        func fail(_ message: String) -> FramePathSyntaxError {
            FramePathSyntaxError(text: text, offset: i, message: message)
        }

        var current: String {
            i < s.count ? "\"\(Character(s[i]))\"" : "the end"
        }

        mutating func eat(_ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w else { return false }
            i += w.count
            return true
        }

        mutating func parse() throws(FramePathSyntaxError) -> FramePath {
            if s.isEmpty { throw fail("a frame path cannot be empty; it starts with a window name, e.g. \"main\"") }
            guard FramePath.isNameStart(s[0]) else {
                throw fail("a frame path starts with a window name (a letter or _, then letters, digits, _ or -), found \(current)")
            }
            var rootEnd = 1
            while rootEnd < s.count, FramePath.isNameContinue(s[rootEnd]) { rootEnd += 1 }
            let root = String(String.UnicodeScalarView(s[0..<rootEnd]))
            i = rootEnd
            var hops: [Hop] = []
            while i < s.count {
                guard s[i] == "." else { throw fail("\(Parser.hopsHelp), found \(current)") }
                if eat(".frames[") {
                    if i < s.count, s[i] == "\"" {
                        hops.append(.frameName(try name()))
                    } else {
                        hops.append(.frameIndex(try index()))
                    }
                    guard eat("]") else { throw fail("expected \"]\", found \(current)") }
                } else if eat(".popups[") {
                    hops.append(.popup(try index()))
                    guard eat("]") else { throw fail("expected \"]\", found \(current)") }
                } else if eat(".opener") {
                    hops.append(.opener)
                } else {
                    throw fail(Parser.hopsHelp)
                }
            }
            return FramePath(root: root, hops: hops)
        }

        mutating func index() throws(FramePathSyntaxError) -> Int {
            let start = i
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
            guard i > start else {
                throw fail("expected an index (0, 1, 2, ...) or a quoted frame name, found \(current)")
            }
            if s[start] == "0", i - start > 1 {
                i = start
                throw fail("an index has no leading zeros")
            }
            guard let value = Int(String(String.UnicodeScalarView(s[start..<i]))) else {
                i = start
                throw fail("index too large")
            }
            return value
        }

        mutating func name() throws(FramePathSyntaxError) -> String {
            let start = i  // errors about the whole name point at its opening quote
            i += 1
            var out = String.UnicodeScalarView()
            while i < s.count, s[i] != "\"" {
                if s[i] == "\\" {
                    guard i + 1 < s.count, s[i + 1] == "\"" || s[i + 1] == "\\" else {
                        throw fail(#"in a frame name only \" and \\ are escapes"#)
                    }
                    i += 1
                }
                out.append(s[i])
                i += 1
            }
            guard i < s.count else {
                i = start
                throw fail("the frame name has no closing quote")
            }
            if out.isEmpty {
                i = start
                throw fail("a frame name cannot be empty")
            }
            i += 1  // the closing quote
            return String(out)
        }
    }
}

/// A frame path that does not parse: where (``offset``, 0-based, in Unicode scalars) and why.
public struct FramePathSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var offset: Int
    public var message: String

    public var description: String {
        "bad frame path \(JSONValue.quote(text)) at character \(offset + 1): \(message)"
    }
}
