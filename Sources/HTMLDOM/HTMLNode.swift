// The parsed document tree handed from Swift to the JavaScript DOM (see Docs/DOM.md).

/// One content attribute of an element: name (ASCII-lowercase for HTML) and value.
public struct HTMLAttribute: Equatable, Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A node of a parsed HTML tree.
public indirect enum HTMLNode: Equatable, Sendable {
    /// An element; `name` is lowercase, `attributes` keep source order (first of duplicates wins).
    case element(name: String, attributes: [HTMLAttribute], children: [HTMLNode])
    case text(String)
    case comment(String)
    /// A doctype; the associated value is its (lowercased) name, e.g. "html".
    case doctype(String)

    /// Element name, or nil for other node kinds.
    public var elementName: String? {
        if case .element(let name, _, _) = self { return name }
        return nil
    }

    /// Children of an element (empty for other kinds).
    public var children: [HTMLNode] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    /// Attributes of an element (empty for other kinds).
    public var attributes: [HTMLAttribute] {
        if case .element(_, let attributes, _) = self { return attributes }
        return []
    }

    /// The value of the first attribute called `name`, or nil.
    public func attribute(_ name: String) -> String? {
        attributes.first(where: { $0.name == name })?.value
    }

    /// Concatenated text of all descendant text nodes (DOM `textContent` of an element).
    public var textContent: String {
        switch self {
        case .text(let s): return s
        case .comment, .doctype: return ""
        case .element(_, _, let children):
            var out = ""
            for child in children { out += child.textContent }
            return out
        }
    }

    /// All elements in tree order (self included when it is an element).
    public func descendantElements() -> [HTMLNode] {
        var out: [HTMLNode] = []
        func walk(_ n: HTMLNode) {
            if case .element = n { out.append(n) }
            for c in n.children { walk(c) }
        }
        walk(self)
        return out
    }
}

// MARK: - JSON handed to JavaScript

extension HTMLParser {
    /// Encodes nodes as the JSON the JavaScript DOM builds from:
    /// element `[1, name, [[attr, value], ...], [children]]`, text `[3, data]`, comment `[8, data]`,
    /// doctype `[10, name]`. A list of nodes is a JSON array.
    public static func json(_ nodes: [HTMLNode]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        JSONWriter.writeList(nodes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

enum JSONWriter {
    static func writeList(_ nodes: [HTMLNode], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        var first = true
        for node in nodes {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            write(node, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func write(_ node: HTMLNode, into out: inout [UInt8]) {
        switch node {
        case .element(let name, let attributes, let children):
            out.append(contentsOf: Array("[1,".utf8))
            writeString(name, into: &out)
            out.append(contentsOf: Array(",[".utf8))
            var first = true
            for attr in attributes {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(UInt8(ascii: "["))
                writeString(attr.name, into: &out)
                out.append(UInt8(ascii: ","))
                writeString(attr.value, into: &out)
                out.append(UInt8(ascii: "]"))
            }
            out.append(contentsOf: Array("],".utf8))
            writeList(children, into: &out)
            out.append(UInt8(ascii: "]"))
        case .text(let s):
            out.append(contentsOf: Array("[3,".utf8))
            writeString(s, into: &out)
            out.append(UInt8(ascii: "]"))
        case .comment(let s):
            out.append(contentsOf: Array("[8,".utf8))
            writeString(s, into: &out)
            out.append(UInt8(ascii: "]"))
        case .doctype(let s):
            out.append(contentsOf: Array("[10,".utf8))
            writeString(s, into: &out)
            out.append(UInt8(ascii: "]"))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes a JSON string literal. Escapes `"`, `\`, all C0 controls, and U+2028/U+2029 (so the
    /// output is also a valid JavaScript literal). Everything else is copied as UTF-8.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var utf8 = Array(s.utf8)
        let n = utf8.count
        var i = 0
        utf8.withUnsafeMutableBufferPointer { buf in
            while i < n {
                let b = buf[i]
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
                case 0x00..<0x20:
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"),
                                            UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                case 0xE2 where i + 2 < n && buf[i + 1] == 0x80 && (buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9):
                    out.append(contentsOf: Array("\\u202".utf8))
                    out.append(buf[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    i += 2
                default:
                    out.append(b)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

// MARK: - Serialisation (HTML fragment serialisation algorithm)

public enum HTMLSerializer {
    /// Elements serialised without an end tag and without children.
    public static let voidElements: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]
    /// Elements whose text children are serialised without escaping.
    public static let rawTextElements: Set<String> = [
        "style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript",
    ]

    /// Serialises nodes as the HTML Standard's fragment serialisation does (text: `&`, NBSP, `<`,
    /// `>`; attribute values: `&`, NBSP, `"`, `<`, `>`) for children of a
    /// parent called `parentName` (which decides whether text is escaped).
    public static func serialize(_ nodes: [HTMLNode], parentName: String = "div") -> String {
        var out = ""
        for n in nodes { serialize(n, parentName: parentName, into: &out) }
        return out
    }

    static func serialize(_ node: HTMLNode, parentName: String, into out: inout String) {
        switch node {
        case .element(let name, let attributes, let children):
            out += "<" + name
            for a in attributes {
                out += " " + a.name + "=\"" + escape(a.value, attributeMode: true) + "\""
            }
            out += ">"
            if voidElements.contains(name) { return }
            for c in children { serialize(c, parentName: name, into: &out) }
            out += "</" + name + ">"
        case .text(let s):
            out += rawTextElements.contains(parentName) ? s : escape(s, attributeMode: false)
        case .comment(let s):
            out += "<!--" + s + "-->"
        case .doctype(let s):
            out += "<!DOCTYPE " + s + ">"
        }
    }

    static func escape(_ s: String, attributeMode: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "\u{A0}": out += "&nbsp;"
            case "\"" where attributeMode: out += "&quot;"
            // Since 2025 (whatwg/html#11320; Chromium 138, Firefox 140) "<" and ">" are escaped in
            // attribute values too.
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
