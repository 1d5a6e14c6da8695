import Foundation
import Testing
@testable import HTMLDOM

/// Converts the JSON handed to JavaScript back into nodes (proves the encoding is faithful).
func decodeJSON(_ json: String) throws -> [HTMLNode] {
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    func node(_ any: Any) -> HTMLNode? {
        guard let a = any as? [Any], let kind = (a.first as? NSNumber)?.intValue else { return nil }
        switch kind {
        case 1:
            guard a.count == 4, let name = a[1] as? String, let attrs = a[2] as? [[String]], let kids = a[3] as? [Any] else { return nil }
            return .element(name: name, attributes: attrs.map { HTMLAttribute($0[0], $0[1]) }, children: kids.compactMap(node))
        case 3: return (a[1] as? String).map(HTMLNode.text)
        case 8: return (a[1] as? String).map(HTMLNode.comment)
        case 10: return (a[1] as? String).map(HTMLNode.doctype)
        default: return nil
        }
    }
    return (value as? [Any] ?? []).compactMap(node)
}

private let fixturesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/browser-truth/cases")

/// Every HTML body served by a browser-truth case.
private func fixtureBodies() throws -> [(String, String)] {
    var out: [(String, String)] = []
    let fm = FileManager.default
    for area in try fm.contentsOfDirectory(atPath: fixturesDirectory.path).sorted() {
        let dir = fixturesDirectory.appendingPathComponent(area)
        guard let files = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
        for file in files.sorted() where file.hasSuffix(".json") {
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let resources = root["resources"] as? [String: Any] else { continue }
            for (url, r) in resources.sorted(by: { $0.key < $1.key }) {
                if let body = (r as? [String: Any])?["body"] as? String, body.hasPrefix("<") {
                    out.append(("\(area)/\(file) \(url)", body))
                }
            }
        }
    }
    return out
}

private func scriptTexts(_ nodes: [HTMLNode]) -> [String] {
    var out: [String] = []
    func walk(_ n: HTMLNode) {
        if n.elementName == "script" { out.append(n.textContent) }
        for c in n.children { walk(c) }
    }
    nodes.forEach(walk)
    return out
}

@Test func fixturePagesKeepInlineScriptsExactly() throws {
    let bodies = try fixtureBodies()
    #expect(bodies.count > 100)
    let regex = try NSRegularExpression(pattern: "<script[^>]*>(.*?)</script>", options: [.caseInsensitive, .dotMatchesLineSeparators])
    var scripts = 0
    for (name, html) in bodies {
        let ns = html as NSString
        let expected = regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1)).replacingOccurrences(of: "\r\n", with: "\n")
        }
        let doc = HTMLParser.parseDocument(html)
        #expect(scriptTexts(doc) == expected, "\(name)")
        scripts += expected.count
        // Shape: [doctype?, html(head, body)] and the JSON decodes to the same tree.
        let html = doc.first { $0.elementName == "html" }
        #expect(html?.children.first?.elementName == "head", "\(name)")
        #expect(html?.children.last?.elementName == "body", "\(name)")
        #expect(try decodeJSON(HTMLParser.json(doc)) == doc, "\(name)")
    }
    #expect(scripts > 100)
}

@Test func fixturePagesWithIframesKeepThem() throws {
    for (name, html) in try fixtureBodies() where html.contains("<iframe name=\"inner1\"") {
        let iframes = HTMLParser.parseDocument(html).flatMap { $0.descendantElements() }.filter { $0.elementName == "iframe" }
        #expect(iframes.map { $0.attributes } == [[HTMLAttribute("name", "inner1"), HTMLAttribute("src", "/inner")],
                                                  [HTMLAttribute("src", "/inner")]], "\(name)")
    }
}

@Test func serializerRoundTrip() {
    let nodes = HTMLParser.parseFragment("<p class=\"a\" title='x&quot;&amp;&lt;'>a &amp; b &lt; c\u{A0}</p><br><script>if (a<b) 1</script><!--c-->", context: "div")
    let html = HTMLSerializer.serialize(nodes)
    #expect(html == "<p class=\"a\" title=\"x&quot;&amp;&lt;\">a &amp; b &lt; c&nbsp;</p><br><script>if (a<b) 1</script><!--c-->")
    #expect(HTMLParser.parseFragment(html, context: "div") == nodes)
}
