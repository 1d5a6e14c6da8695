// URLSearchParams and the application/x-www-form-urlencoded parser and serializer.
// https://url.spec.whatwg.org/#interface-urlsearchparams
// https://url.spec.whatwg.org/#application/x-www-form-urlencoded

/// A list of name-value pairs, parsed from and serialized to application/x-www-form-urlencoded.
/// (A value type: after changing the params of a URL, write them back with
/// `url.setSearch(params.serialized())`.)
public struct URLSearchParams: Sendable, Equatable, CustomStringConvertible {
    private var names: [String] = []
    private var values: [String] = []

    /// The name-value pairs, in order.
    public var list: [(String, String)] {
        get { Array(zip(names, values)) }
        set {
            names = newValue.map { $0.0 }
            values = newValue.map { $0.1 }
        }
    }

    public init() {}

    /// Parses `string` as application/x-www-form-urlencoded; a single leading "?" is removed.
    /// https://url.spec.whatwg.org/#dom-urlsearchparams-urlsearchparams
    public init(string: String) {
        var s = Substring(string)
        if s.unicodeScalars.first == "?" { s = Substring(s.unicodeScalars.dropFirst()) }
        let parsed = URLSearchParams.parseFormURLEncoded(Array(s.utf8))
        names = parsed.map { $0.0 }
        values = parsed.map { $0.1 }
    }

    public init(_ pairs: [(String, String)]) {
        list = pairs
    }

    public var count: Int { names.count }

    /// https://url.spec.whatwg.org/#concept-urlencoded-parser
    public static func parseFormURLEncoded(_ input: [UInt8]) -> [(String, String)] {
        var output: [(String, String)] = []
        // "Let sequences be the result of splitting input on 0x26 (&)."
        for bytes in input.split(separator: 0x26, omittingEmptySubsequences: true) {
            // "If bytes contains a 0x3D (=), then let name be the bytes from the start of bytes up
            //  to but excluding its first 0x3D (=), and let value be the bytes, if any, after the
            //  first 0x3D (=) up to the end of bytes."
            var name: ArraySlice<UInt8>, value: ArraySlice<UInt8>
            if let eq = bytes.firstIndex(of: 0x3D) {
                name = bytes[bytes.startIndex..<eq]
                value = bytes[(eq + 1)...]
            } else {
                name = bytes
                value = []
            }
            // "Replace any 0x2B (+) in name and value with 0x20 (SP)."
            func plusToSpace(_ s: ArraySlice<UInt8>) -> [UInt8] { s.map { $0 == 0x2B ? 0x20 : $0 } }
            // "Let nameString and valueString be the result of running UTF-8 decode without BOM on
            //  the percent-decoding of name and value, respectively."
            let nameString = String(decoding: percentDecode(bytes: plusToSpace(name)), as: UTF8.self)
            let valueString = String(decoding: percentDecode(bytes: plusToSpace(value)), as: UTF8.self)
            output.append((nameString, valueString))
        }
        return output
    }

    /// https://url.spec.whatwg.org/#concept-urlencoded-serializer (UTF-8)
    public static func serializeFormURLEncoded(_ tuples: [(String, String)]) -> String {
        var output = ""
        for (name, value) in tuples {
            if !output.isEmpty { output += "&" }
            output += utf8PercentEncode(name, using: .formURLEncoded, spaceAsPlus: true)
            output += "="
            output += utf8PercentEncode(value, using: .formURLEncoded, spaceAsPlus: true)
        }
        return output
    }

    /// https://url.spec.whatwg.org/#urlsearchparams-stringification-behavior
    public func serialized() -> String { URLSearchParams.serializeFormURLEncoded(list) }

    public var description: String { serialized() }

    /// https://url.spec.whatwg.org/#dom-urlsearchparams-append
    public mutating func append(_ name: String, _ value: String) {
        names.append(name)
        values.append(value)
    }

    /// https://url.spec.whatwg.org/#dom-urlsearchparams-delete : removes all pairs with this name
    /// (and, if `value` is given, this value).
    public mutating func delete(_ name: String, value: String? = nil) {
        var n: [String] = [], v: [String] = []
        for i in names.indices where !(names[i] == name && (value == nil || values[i] == value!)) {
            n.append(names[i])
            v.append(values[i])
        }
        names = n
        values = v
    }

    /// https://url.spec.whatwg.org/#dom-urlsearchparams-get : the first value for the name.
    public func get(_ name: String) -> String? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// https://url.spec.whatwg.org/#dom-urlsearchparams-getall
    public func getAll(_ name: String) -> [String] {
        names.indices.filter { names[$0] == name }.map { values[$0] }
    }

    /// https://url.spec.whatwg.org/#dom-urlsearchparams-has
    public func has(_ name: String, value: String? = nil) -> Bool {
        names.indices.contains { names[$0] == name && (value == nil || values[$0] == value!) }
    }

    /// https://url.spec.whatwg.org/#dom-urlsearchparams-set : "If this's list contains any tuples
    /// whose name is name, then set the value of the first such tuple to value and remove the
    /// others. Otherwise, append a new name-value tuple."
    public mutating func set(_ name: String, _ value: String) {
        guard let first = names.firstIndex(of: name) else {
            append(name, value)
            return
        }
        values[first] = value
        var n: [String] = [], v: [String] = []
        for i in names.indices where i == first || names[i] != name {
            n.append(names[i])
            v.append(values[i])
        }
        names = n
        values = v
    }

    /// https://url.spec.whatwg.org/#dom-urlsearchparams-sort : a stable sort by name, comparing
    /// UTF-16 code units.
    public mutating func sort() {
        let order = names.indices.sorted { a, b in
            let c = compareUTF16(names[a], names[b])
            return c != 0 ? c < 0 : a < b
        }
        names = order.map { names[$0] }
        values = order.map { values[$0] }
    }

    private func compareUTF16(_ a: String, _ b: String) -> Int {
        var ia = a.utf16.makeIterator(), ib = b.utf16.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?): if x != y { return x < y ? -1 : 1 }
            }
        }
    }
}
