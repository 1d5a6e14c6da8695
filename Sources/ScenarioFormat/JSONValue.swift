import Foundation

/// A JSON value, as written in a scenario (`expect.value`) or as produced by a script.
///
/// Numbers are `Double`s, as in JavaScript. Two values are equal when they have the same shape and
/// equal leaves; object key order never matters. ``compact`` and ``pretty`` serialise with keys in
/// sorted order, so the same value always prints the same bytes, and print numbers the way
/// JavaScript's `JSON.stringify` does (`1` not `1.0`, `1e+21`, `1e-7`, `0.000015`).
public enum JSONValue: Equatable, Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    // MARK: Serialisation

    /// The value on one line, no spaces, keys sorted: `{"a":[1,true,null],"b":"x"}`.
    public var compact: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// The value indented by two spaces per level, keys sorted, `"key": value`.
    public var pretty: String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONValue.format(number: d)
        case .string(let s): out += JSONValue.quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, indent, level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent, level)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, key) in members.keys.sorted(by: JSONValue.byteOrder).enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, indent, level + 1)
                out += JSONValue.quote(key)
                out += indent == nil ? ":" : ": "
                members[key]!.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent, level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Keys are sorted by their UTF-8 bytes: the same order on every platform and locale.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A JSON string literal: `"`, `\` and control characters escaped, everything else as is.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A number as ECMAScript's Number::toString prints it (which is what `JSON.stringify` uses);
    /// non-finite numbers print as `null`, as `JSON.stringify` does.
    ///
    /// https://tc39.es/ecma262/#sec-numeric-types-number-tostring
    /// Swift's `description` already gives the shortest digits that round-trip (as ECMAScript
    /// requires); only the layout differs, so the digits and exponent are taken from it and laid out
    /// by the spec's steps.
    public static func format(number d: Double) -> String {
        guard d.isFinite else { return "null" }
        // 2. If x is either +0 or -0, return "0".
        if d == 0 { return "0" }
        // 3. If x < -0, return the string-concatenation of "-" and Number::toString(-x).
        if d < 0 { return "-" + format(number: -d) }
        // 5. Let n, k, and s be integers such that k ≥ 1, 10^(k-1) ≤ s < 10^k, s × 10^(n-k) is x,
        //    and k is as small as possible.
        let text = d.description            // "1.5", "100.0", "1e-07", "1.2345e+20", "5e-324"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        }
        var digits = Array(mantissa.filter { $0 != "." })
        var n = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
                 ?? mantissa.count) + exponent
        while digits.first == "0" { digits.removeFirst(); n -= 1 }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let s = String(digits)
        // 6. If k ≤ n ≤ 21: the k digits of s followed by n - k zeros.
        if k <= n && n <= 21 { return s + String(repeating: "0", count: n - k) }
        // 7. If 0 < n ≤ 21: the most significant n digits of s, ".", the remaining k - n digits.
        if 0 < n && n <= 21 { return String(digits[..<n]) + "." + String(digits[n...]) }
        // 8. If -6 < n ≤ 0: "0.", -n zeros, the k digits of s.
        if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + s }
        // 9-10. Otherwise exponential: d[.ddd]e±(n-1).
        let e = n - 1
        let sign = e < 0 ? "-" : "+"
        let head = k == 1 ? s : String(digits[0]) + "." + String(digits[1...])
        return head + "e" + sign + String(abs(e))
    }

    // MARK: Foundation bridge

    /// Converts what `JSONSerialization.jsonObject(with:)` returns. Booleans are told apart from
    /// numbers by identity with the boolean singletons (`true as NSNumber`), which holds on Linux and
    /// on Darwin; `value as? Bool` must not be used, since it also succeeds for the numbers 0 and 1.
    /// Returns nil for anything JSONSerialization does not produce.
    public init?(jsonObject value: Any) {
        switch value {
        case is NSNull: self = .null
        case let s as String: self = .string(s)
        case let n as NSNumber:
            if n === (true as NSNumber) { self = .bool(true) }
            else if n === (false as NSNumber) { self = .bool(false) }
            else { self = .number(n.doubleValue) }
        case let a as [Any]:
            var items: [JSONValue] = []
            items.reserveCapacity(a.count)
            for item in a {
                guard let v = JSONValue(jsonObject: item) else { return nil }
                items.append(v)
            }
            self = .array(items)
        case let o as [String: Any]:
            var members: [String: JSONValue] = [:]
            for (k, item) in o {
                guard let v = JSONValue(jsonObject: item) else { return nil }
                members[k] = v
            }
            self = .object(members)
        default: return nil
        }
    }

    // MARK: Codable (as plain JSON)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
        else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { compact }
}

extension JSONValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
