// Document and fragment parsing on top of libxml2 (LibXML2Bridge.swift), normalised into the
// shape a browser's tree builder produces: optional doctype, then exactly one <html> holding a
// <head> and a <body>.

public enum HTMLParser {
    /// Parses a whole document. The result has the doctype (if any), comments in document order,
    /// and exactly one `<html>` element with a `<head>` and a `<body>` (created when missing).
    public static func parseDocument(_ html: String) -> [HTMLNode] {
        normaliseDocument(LibXML2.parse(html))
    }

    /// Parses `html` as the new children of an element called `context` (the innerHTML setter).
    public static func parseFragment(_ html: String, context: String) -> [HTMLNode] {
        let context = context.lowercased()
        switch context {
        case "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext":
            // RAWTEXT / script data: the whole string is one text node.
            return html.isEmpty ? [] : [.text(html)]
        case "title", "textarea":
            // RCDATA: character references are decoded, tags are text.
            if html.isEmpty { return [] }
            let escaped = html.replacingAll("<", with: "&lt;")
            let text = parseWrapped(escaped).map(\.textContent).joined()
            return text.isEmpty ? [] : [.text(text)]
        case "html":
            for node in parseDocument(html) {
                if case .element("html", _, let children) = node { return children }
            }
            return []
        default:
            return mergeText(parseWrapped(html))
        }
    }

    static let wrapperName = "simbrowse-fragment-root"

    /// Parses `html` inside an element libxml2 does not know, so no start tag auto-closes it and no
    /// stray end tag other than </body> or </html> reaches it. Everything after the wrapper in
    /// document order (content that escaped it) is part of the fragment too.
    static func parseWrapped(_ html: String) -> [HTMLNode] {
        let source = "<html><body><\(wrapperName)>" + html + "</\(wrapperName)></body></html>"
        let top = LibXML2.parse(source)
        var result: [HTMLNode] = []
        var found = false
        // Depth-first: wrapper's children, then siblings after it, then its parent's later siblings.
        func visit(_ nodes: [HTMLNode]) {
            for node in nodes {
                if found {
                    if case .element(let name, _, let children) = node, name == "body" || name == "html" {
                        // A structural element libxml2 re-implied after </body>: keep its content only.
                        result.append(contentsOf: children)
                    } else {
                        result.append(node)
                    }
                    continue
                }
                guard case .element(let name, _, let children) = node else { continue }
                if name == wrapperName {
                    found = true
                    result.append(contentsOf: children)
                } else {
                    visit(children)
                }
            }
        }
        visit(top)
        return result
    }

    /// Builds `[doctype?, comments..., html(head, body)]` from libxml2's output.
    static func normaliseDocument(_ top: [HTMLNode]) -> [HTMLNode] {
        var before: [HTMLNode] = []        // document-level nodes before <html>
        var after: [HTMLNode] = []         // document-level comments after <html>
        var htmlAttributes: [HTMLAttribute] = []
        var htmlChildren: [HTMLNode] = []
        var seenHTML = false
        var strayBefore: [HTMLNode] = []   // content outside <html> that belongs in <body>
        var strayAfter: [HTMLNode] = []

        for node in top {
            switch node {
            case .element("html", let attrs, let children) where !seenHTML:
                seenHTML = true
                htmlAttributes = attrs
                htmlChildren = children
            case .doctype, .comment:
                if seenHTML { after.append(node) } else { before.append(node) }
            case .text(let s):
                if isWhitespace(s) && !seenHTML { continue }
                if seenHTML { strayAfter.append(node) } else { strayBefore.append(node) }
            case .element:
                if seenHTML { strayAfter.append(node) } else { strayBefore.append(node) }
            }
        }

        var lead: [HTMLNode] = []          // html children before <head> (comments)
        var head: HTMLNode?
        var between: [HTMLNode] = []       // html children between </head> and <body>
        var bodyAttributes: [HTMLAttribute] = []
        var bodyChildren: [HTMLNode] = []
        var bodyName = "body"
        var seenBody = false
        var preBody: [HTMLNode] = strayBefore  // body content found before <body>
        var postBody: [HTMLNode] = []          // body content found after </body>
        var trail: [HTMLNode] = []             // html children after </body> (comments)

        for node in htmlChildren {
            switch node {
            case .element("head", _, _) where head == nil && !seenBody && preBody.isEmpty:
                head = node
            case .element(let name, let attrs, let children) where (name == "body" || name == "frameset") && !seenBody:
                seenBody = true
                bodyName = name
                bodyAttributes = attrs
                bodyChildren = children
            case .comment, .doctype:
                if seenBody { trail.append(node) }
                else if !preBody.isEmpty { preBody.append(node) }
                else if head == nil { lead.append(node) }
                else { between.append(node) }
            case .text(let s) where isWhitespace(s):
                if seenBody { postBody.append(node) }
                else if !preBody.isEmpty { preBody.append(node) }
                else if head != nil { between.append(node) }
                // whitespace before <head> is dropped, as in the "before head" insertion mode
            default:
                if seenBody { postBody.append(node) } else { preBody.append(node) }
            }
        }

        // libxml2 keeps some body content (e.g. <textarea>, <input>) inside <head>; a browser's
        // "in head" mode closes the head at the first node that does not belong there.
        var headNode = head ?? .element(name: "head", attributes: [], children: [])
        if case .element(_, let headAttrs, let headKids) = headNode {
            let (kept, moved) = splitHead(headKids)
            if !moved.isEmpty {
                headNode = .element(name: "head", attributes: headAttrs, children: kept)
                preBody = moved + between.filter { !isWhitespaceText($0) } + preBody
                between = []
            }
        }
        var children = lead
        children.append(headNode)
        children.append(contentsOf: between)
        children.append(.element(name: bodyName, attributes: bodyAttributes,
                                 children: mergeText(preBody + bodyChildren + postBody + strayAfter)))
        children.append(contentsOf: trail)
        return before + [.element(name: "html", attributes: htmlAttributes, children: children)] + after
    }

    static let headElements: Set<String> = [
        "base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style",
        "script", "template",
    ]

    /// Splits head children at the first node a browser would not keep in <head>.
    static func splitHead(_ nodes: [HTMLNode]) -> (kept: [HTMLNode], moved: [HTMLNode]) {
        for (i, node) in nodes.enumerated() {
            switch node {
            case .comment, .doctype: continue
            case .element(let name, _, _) where headElements.contains(name): continue
            case .text(let s):
                if isWhitespace(s) { continue }
                // Leading whitespace stays in head, the rest starts the body.
                let lead = s.prefix(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" || $0 == "\r" })
                var kept = Array(nodes[..<i])
                if !lead.isEmpty { kept.append(.text(String(lead))) }
                return (kept, [.text(String(s.dropFirst(lead.count)))] + nodes[(i + 1)...])
            default:
                return (Array(nodes[..<i]), Array(nodes[i...]))
            }
        }
        return (nodes, [])
    }

    static func isWhitespaceText(_ node: HTMLNode) -> Bool {
        if case .text(let s) = node { return isWhitespace(s) }
        return false
    }

    /// Joins adjacent text nodes (the result of moving nodes around).
    static func mergeText(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var out: [HTMLNode] = []
        out.reserveCapacity(nodes.count)
        for n in nodes {
            if case .text(let b) = n, let last = out.last, case .text(let a) = last {
                out[out.count - 1] = .text(a + b)
            } else {
                out.append(n)
            }
        }
        return out
    }

    static func isWhitespace(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if c == target { out += replacement } else { out.append(c) }
        }
        return out
    }
}
