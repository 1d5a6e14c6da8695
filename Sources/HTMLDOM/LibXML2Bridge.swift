// Every call into libxml2 lives in this file.
//
// libxml2's HTML parser (2.9.x, an HTML4-era parser) does the tree-construction work itself:
// implied <html>/<head>/<body>, auto-closing of <p>/<li>/..., raw text for <script>/<style>. It
// reports the result as SAX events. We install our own SAX callbacks instead of letting libxml2
// build an xmlDoc, because the stock tree builder loses information we need:
//   - a valueless attribute (`<input disabled>`) gets the value "disabled" for HTML4 boolean
//     attributes; browsers give "".
//   - text directly inside <html>/<head> or at top level makes libxml2 imply a <p>; a browser
//     does not. The SAX builder recognises such implied <p> elements (no "<p" in the source just
//     before the parser position) and makes them transparent.
import CLibXML2

/// Events from one libxml2 parse, collected into a plain node list (the document's children).
final class SAXTreeBuilder {
    final class Frame {
        let name: String
        let attributes: [HTMLAttribute]
        var children: [HTMLNode] = []
        var pendingText: [UInt8] = []
        init(name: String, attributes: [HTMLAttribute]) {
            self.name = name
            self.attributes = attributes
        }
        func flushText() {
            if pendingText.isEmpty { return }
            children.append(.text(String(decoding: pendingText, as: UTF8.self)))
            pendingText.removeAll(keepingCapacity: true)
        }
    }

    struct Entry {
        let frame: Frame
        let name: String
        let transparent: Bool
    }

    let root = Frame(name: "#document", attributes: [])
    var stack: [Entry]

    init() {
        stack = [Entry(frame: root, name: "#document", transparent: false)]
    }

    var current: Frame { stack[stack.count - 1].frame }

    func startElement(_ name: String, _ attributes: [HTMLAttribute], implied: Bool) {
        if implied {
            stack.append(Entry(frame: current, name: name, transparent: true))
            return
        }
        current.flushText()
        stack.append(Entry(frame: Frame(name: name, attributes: attributes), name: name, transparent: false))
    }

    func endElement(_ name: String) {
        guard let index = stack.lastIndex(where: { $0.name == name }), index > 0 else { return }
        while stack.count > index { popOne() }
    }

    private func popOne() {
        let entry = stack.removeLast()
        if entry.transparent { return }
        let frame = entry.frame
        frame.flushText()
        let parent = current
        parent.flushText()
        parent.children.append(.element(name: frame.name, attributes: frame.attributes, children: frame.children))
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        current.pendingText.append(contentsOf: bytes)
    }

    func comment(_ text: String) {
        current.flushText()
        current.children.append(.comment(text))
    }

    func doctype(_ name: String) {
        current.flushText()
        current.children.append(.doctype(name))
    }

    /// Closes whatever is still open and returns the document-level nodes.
    func finish() -> [HTMLNode] {
        while stack.count > 1 { popOne() }
        root.flushText()
        return root.children
    }
}

enum LibXML2 {
    static let options: Int32 = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)

    /// The HTML Standard's input stream preprocessing: CRLF and lone CR become LF. NUL (where
    /// libxml2 would stop) becomes U+FFFD, which is what browsers show in most contexts.
    static func preprocess(_ html: String) -> [UInt8] {
        var bytes = Array(html.utf8)
        guard bytes.contains(where: { $0 == 0x0D || $0 == 0 }) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else if b == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                out.append(b)
            }
            i += 1
        }
        bytes = out
        return bytes
    }

    /// libxml2's global state, set up once before any parse (parses may run on several threads).
    private static let initialised: Bool = { xmlInitParser(); return true }()

    /// Runs libxml2's HTML parser over `html` (treated as UTF-8) and returns the raw node list, in
    /// the shape libxml2 produced it (document children: doctype, comments, <html>).
    static func parse(_ html: String) -> [HTMLNode] {
        _ = initialised
        let bytes = preprocess(html)
        let builder = SAXTreeBuilder()
        if bytes.isEmpty { return builder.finish() }
        guard let ctxt = htmlNewParserCtxt() else { return builder.finish() }
        defer { htmlFreeParserCtxt(ctxt) }
        guard let sax = ctxt.pointee.sax else { return builder.finish() }
        installSAXCallbacks(sax)
        let unmanaged = Unmanaged.passRetained(builder)
        ctxt.pointee._private = unmanaged.toOpaque()
        bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                let doc = htmlCtxtReadMemory(ctxt, p, Int32(buf.count), nil, "UTF-8", options)
                if let doc { xmlFreeDoc(doc) }
            }
        }
        ctxt.pointee._private = nil
        unmanaged.release()
        return builder.finish()
    }
}

private func builder(_ ctx: UnsafeMutableRawPointer?) -> SAXTreeBuilder? {
    guard let ctx else { return nil }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let priv = ctxt.pointee._private else { return nil }
    return Unmanaged<SAXTreeBuilder>.fromOpaque(priv).takeUnretainedValue()
}

private func string(_ p: UnsafePointer<xmlChar>?) -> String {
    guard let p else { return "" }
    return String(cString: p)
}

/// True when a start-element event for `<p>` without attributes was produced by the parser
/// itself (text in <html>/<head>/top level), not by a `<p>` tag in the source. For a source tag the
/// callback runs with the cursor on the tag's closing `>` (or `/>`), right after `<p` and blanks.
private func isImpliedParagraph(_ ctx: UnsafeMutableRawPointer?) -> Bool {
    guard let ctx else { return false }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let input = ctxt.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base,
          let end = input.pointee.end
    else { return false }
    let pos = cur - base
    let count = end - base
    guard pos < count else { return true }
    if cur[0] == UInt8(ascii: "/") {
        guard pos + 1 < count, cur[1] == UInt8(ascii: ">") else { return true }
    } else if cur[0] != UInt8(ascii: ">") {
        return true
    }
    var i = pos - 1
    while i >= 0, [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(base[i]) { i -= 1 }
    guard i >= 1, base[i] | 0x20 == UInt8(ascii: "p"), base[i - 1] == UInt8(ascii: "<") else { return true }
    return false
}

func installSAXCallbacks(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
    // No xmlDoc is built: these stock callbacks would create one.
    sax.pointee.startDocument = nil
    sax.pointee.endDocument = nil
    sax.pointee.setDocumentLocator = nil
    sax.pointee.reference = nil
    sax.pointee.warning = nil
    sax.pointee.error = nil
    sax.pointee.serror = nil
    sax.pointee.startElementNs = nil
    sax.pointee.endElementNs = nil
    sax.pointee.internalSubset = { ctx, name, _, _ in
        builder(ctx)?.doctype(string(name).lowercased())
    }
    sax.pointee.externalSubset = nil
    sax.pointee.startElement = { ctx, name, atts in
        guard let b = builder(ctx) else { return }
        let tag = string(name).lowercased()
        var attributes: [HTMLAttribute] = []
        if let atts {
            var i = 0
            while let n = atts[i] {
                let attrName = string(n).lowercased()
                let value = atts[i + 1].map { String(cString: $0) } ?? ""
                if !attributes.contains(where: { $0.name == attrName }) {
                    attributes.append(HTMLAttribute(attrName, value))
                }
                i += 2
            }
        }
        let implied = tag == "p" && atts == nil && isImpliedParagraph(ctx)
        b.startElement(tag, attributes, implied: implied)
    }
    sax.pointee.endElement = { ctx, name in
        builder(ctx)?.endElement(string(name).lowercased())
    }
    let chars: charactersSAXFunc = { ctx, ch, len in
        guard let ch, len > 0 else { return }
        builder(ctx)?.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
    }
    sax.pointee.characters = chars
    sax.pointee.ignorableWhitespace = chars
    sax.pointee.cdataBlock = chars
    sax.pointee.comment = { ctx, value in
        builder(ctx)?.comment(string(value))
    }
    sax.pointee.processingInstruction = { ctx, target, data in
        // Browsers turn `<?...>` into a bogus comment whose data is everything after "<".
        var text = "?" + string(target)
        let d = string(data)
        if !d.isEmpty { text += " " + d }
        builder(ctx)?.comment(text)
    }
}
