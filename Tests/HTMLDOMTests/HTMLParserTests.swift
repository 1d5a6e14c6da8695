import Testing
@testable import HTMLDOM

private func el(_ name: String, _ attrs: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    .element(name: name, attributes: attrs.map { HTMLAttribute($0.0, $0.1) }, children: children)
}

private func htmlElement(_ nodes: [HTMLNode]) -> HTMLNode? {
    nodes.first { $0.elementName == "html" }
}

private func child(_ node: HTMLNode?, _ name: String) -> HTMLNode? {
    node?.children.first { $0.elementName == name }
}

private func body(_ html: String) -> [HTMLNode] {
    child(htmlElement(HTMLParser.parseDocument(html)), "body")?.children ?? []
}

private func head(_ html: String) -> [HTMLNode] {
    child(htmlElement(HTMLParser.parseDocument(html)), "head")?.children ?? []
}

@Suite struct DocumentStructure {
    @Test func typicalPage() {
        let doc = HTMLParser.parseDocument(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>probe</title><script>L(1)</script></head>"
            + "<body><p id=s>b-secret</p><iframe name=\"inner1\" src=\"/inner\"></iframe></body></html>")
        #expect(doc == [
            .doctype("html"),
            el("html", [], [
                el("head", [], [el("meta", [("charset", "utf-8")]), el("title", [], [.text("probe")]),
                                el("script", [], [.text("L(1)")])]),
                el("body", [], [el("p", [("id", "s")], [.text("b-secret")]),
                                el("iframe", [("name", "inner1"), ("src", "/inner")])]),
            ]),
        ])
    }

    @Test func impliedHeadAndBody() {
        #expect(HTMLParser.parseDocument("hello") == [el("html", [], [el("head"), el("body", [], [.text("hello")])])])
        #expect(HTMLParser.parseDocument("") == [el("html", [], [el("head"), el("body")])])
        #expect(HTMLParser.parseDocument("<title>x</title><p>hi") == [
            el("html", [], [el("head", [], [el("title", [], [.text("x")])]), el("body", [], [el("p", [], [.text("hi")])])]),
        ])
        // Head content before body content stays in head; body content gets a body.
        #expect(head("<meta charset=utf-8><script>a()</script><p>x") == [
            el("meta", [("charset", "utf-8")]), el("script", [], [.text("a()")]),
        ])
        #expect(body("<meta charset=utf-8><script>a()</script><p>x") == [el("p", [], [.text("x")])])
        #expect(body("<title>x</title>hello &amp; bye") == [.text("hello & bye")])
        // Only head content: the body exists but is empty.
        #expect(body("<script>1</script>") == [])
    }

    @Test func exactlyOneHtmlHeadBody() {
        for source in ["<p>x", "<html><html><body><body>x", "<head></head><head></head>x", "<frameset></frameset>",
                       "<body>a</body></html>b<!--c-->", "<!--a--><!doctype html><!--b-->text"] {
            let doc = HTMLParser.parseDocument(source)
            #expect(doc.filter { $0.elementName == "html" }.count == 1, "\(source)")
            #expect(doc.filter { $0.elementName != nil }.count == 1, "\(source)")
            let html = htmlElement(doc)!
            #expect(html.children.filter { $0.elementName == "head" }.count == 1, "\(source)")
            #expect(html.children.filter { $0.elementName == "body" || $0.elementName == "frameset" }.count == 1, "\(source)")
        }
    }

    @Test func whitespaceAndCommentsLikeABrowser() {
        let doc = HTMLParser.parseDocument(
            "<!--c0--><!DOCTYPE HTML>\n<html>\n<head>\n<title>t</title>\n</head>\n<body>\n<p>a</p>\n</body>\n</html>\n<!--after-->")
        #expect(doc == [
            .comment("c0"), .doctype("html"),
            el("html", [], [
                el("head", [], [.text("\n"), el("title", [], [.text("t")]), .text("\n")]),
                .text("\n"),
                el("body", [], [.text("\n"), el("p", [], [.text("a")]), .text("\n\n\n")]),
            ]),
            .comment("after"),
        ])
    }

    @Test func bodyContentInHeadMovesToBody() {
        let html = "<head><title>a</title>\n<input name=x>\n<script>s</script></head><body>b</body>"
        #expect(head(html) == [el("title", [], [.text("a")]), .text("\n")])
        #expect(body(html) == [el("input", [("name", "x")]), .text("\n"), el("script", [], [.text("s")]), .text("b")])
    }

    @Test func paragraphsAndListsAutoClose() {
        #expect(body("<ul><li>a<li>b</ul><p>one<p>two<div>x</div>") == [
            el("ul", [], [el("li", [], [.text("a")]), el("li", [], [.text("b")])]),
            el("p", [], [.text("one")]), el("p", [], [.text("two")]), el("div", [], [.text("x")]),
        ])
        // An explicit <p> without attributes is kept (not confused with libxml2's implied <p>).
        #expect(body("<p>x</p><P >y</P><p/>") == [el("p", [], [.text("x")]), el("p", [], [.text("y")]), el("p")])
    }

    @Test func forms() {
        #expect(body("<form action=/post method=POST><input name=q value='a b'><button type=submit>go</button></form>") == [
            el("form", [("action", "/post"), ("method", "POST")], [
                el("input", [("name", "q"), ("value", "a b")]), el("button", [("type", "submit")], [.text("go")]),
            ]),
        ])
    }

    @Test func lineEndingsAreNormalised() {
        #expect(body("<p>a\r\nb\rc</p>") == [el("p", [], [.text("a\nb\nc")])])
    }
}

@Suite struct Attributes {
    @Test func iframeAttributesKept() {
        #expect(body("<iframe name=\"x\" src=\"/inner\"></iframe>") == [el("iframe", [("name", "x"), ("src", "/inner")])])
    }

    @Test func booleanAttributesAreEmpty() {
        #expect(body("<iframe sandbox></iframe><input disabled checked=checked readonly>") == [
            el("iframe", [("sandbox", "")]),
            el("input", [("disabled", ""), ("checked", "checked"), ("readonly", "")]),
        ])
    }

    @Test func duplicatesKeepFirstAndNamesAreLowercase() {
        #expect(body("<DIV ID=a Class=x id=b CLASS=y data-Foo=1></DIV>") == [el("div", [("id", "a"), ("class", "x"), ("data-foo", "1")])])
    }

    @Test func entitiesInAttributes() {
        #expect(body("<a href='x?a=1&b=2&amp;c=3&lt;' title=\"&quot;q&quot; &#39;s&#39;\">l</a>") == [
            el("a", [("href", "x?a=1&b=2&c=3<"), ("title", "\"q\" 's'")], [.text("l")]),
        ])
    }

    @Test func eventHandlerAttributes() {
        let html = htmlElement(HTMLParser.parseDocument("<body onload=\"f('x')\"><img src=x onerror=\"alert(1)\">"))
        #expect(child(html, "body")?.attribute("onload") == "f('x')")
        #expect(child(html, "body")?.children == [el("img", [("src", "x"), ("onerror", "alert(1)")])])
    }
}

@Suite struct TextAndScripts {
    @Test func scriptTextIsVerbatim() {
        let src = "if (a < b && c) x = \"</p>\";"
        #expect(head("<script>\(src)</script>") == [el("script", [], [.text(src)])])
        let tricky = "var s = '<!--'; document.write('<b>&amp;</b>'); if (x<y) {} /* </div> */ '&lt;'"
        #expect(body("<body><script>\(tricky)</script>") == [el("script", [], [.text(tricky)])])
        #expect(body("<body><style>p > a { content: \"&amp;\" }</style>") == [el("style", [], [.text("p > a { content: \"&amp;\" }")])])
    }

    @Test func entitiesInText() {
        #expect(body("<p>a < b & c &lt; &gt; &amp; &copy; &nope; &#x1F600; &#128512; &hellip;&nbsp;</p>") == [
            el("p", [], [.text("a < b & c < > & © &nope; 😀 😀 …\u{A0}")]),
        ])
    }

    @Test func unicodeText() {
        #expect(body("<p>é ü 日本 🎉</p>") == [el("p", [], [.text("é ü 日本 🎉")])])
        // A <meta> charset does not change how the (already decoded) string is read.
        #expect(body("<meta charset=windows-1252><p>é</p>") == [el("p", [], [.text("é")])])
    }

    @Test func comments() {
        #expect(body("<body><!-- a -- b --><p>x</p>") == [.comment(" a -- b "), el("p", [], [.text("x")])])
    }
}

@Suite struct Fragments {
    @Test func simple() {
        #expect(HTMLParser.parseFragment("<p>a</p>b", context: "div") == [el("p", [], [.text("a")]), .text("b")])
        #expect(HTMLParser.parseFragment("  lead", context: "div") == [.text("  lead")])
        #expect(HTMLParser.parseFragment("", context: "div") == [])
        #expect(HTMLParser.parseFragment("x &amp; y &lt;b&gt;", context: "body") == [.text("x & y <b>")])
    }

    @Test func scriptsStyleIframeStayInPlace() {
        #expect(HTMLParser.parseFragment("<script>alert(1)</script><style>a</style><iframe src=x></iframe><title>t</title><meta name=a>", context: "div") == [
            el("script", [], [.text("alert(1)")]), el("style", [], [.text("a")]), el("iframe", [("src", "x")]),
            el("title", [], [.text("t")]), el("meta", [("name", "a")]),
        ])
        #expect(HTMLParser.parseFragment("<img src=x onerror=alert(1)>", context: "body") == [el("img", [("src", "x"), ("onerror", "alert(1)")])])
    }

    @Test func strayEndTagsDoNotLoseContent() {
        #expect(HTMLParser.parseFragment("</div>x<div>y</div></div>z", context: "div") == [
            .text("x"), el("div", [], [.text("y")]), .text("z"),
        ])
        #expect(HTMLParser.parseFragment("a</body>b</html>c", context: "body") == [.text("abc")])
        #expect(HTMLParser.parseFragment("<html><body>q</body></html>", context: "div") == [.text("q")])
    }

    @Test func tableContexts() {
        #expect(HTMLParser.parseFragment("<td>1</td><td>2</td>", context: "tr") == [el("td", [], [.text("1")]), el("td", [], [.text("2")])])
        #expect(HTMLParser.parseFragment("<li>a<li>b", context: "ul") == [el("li", [], [.text("a")]), el("li", [], [.text("b")])])
    }

    @Test func rawTextContexts() {
        #expect(HTMLParser.parseFragment("<b>&amp;", context: "script") == [.text("<b>&amp;")])
        #expect(HTMLParser.parseFragment("a &lt;b&gt; <b>c</b>", context: "TITLE") == [.text("a <b> <b>c</b>")])
        #expect(HTMLParser.parseFragment("<head></head><body>x</body>", context: "html") == [el("head"), el("body", [], [.text("x")])])
    }
}

@Suite struct JSONEncoding {
    @Test func shape() {
        let nodes: [HTMLNode] = [.doctype("html"), el("p", [("id", "a"), ("title", "q\"")], [.text("x"), .comment("c")])]
        #expect(HTMLParser.json(nodes) == #"[[10,"html"],[1,"p",[["id","a"],["title","q\""]],[[3,"x"],[8,"c"]]]]"#)
        #expect(HTMLParser.json([]) == "[]")
    }

    @Test func escaping() {
        let s = "quote\" back\\ nl\n cr\r tab\t nul\u{0} bell\u{7} del\u{7F} ls\u{2028} ps\u{2029} é 🎉 </script>"
        #expect(HTMLParser.json([.text(s)])
                == #"[[3,"quote\" back\\ nl\n cr\r tab\t nul\u0000 bell\u0007 del"# + "\u{7F}" + #" ls\u2028 ps\u2029 é 🎉 </script>"]]"#)
    }

    @Test func roundTripThroughFoundation() throws {
        let doc = HTMLParser.parseDocument("<!doctype html><title>t\u{1}</title><p class=\"a&quot;\">x\u{2028}<!--c--></p>")
        let decoded = try decodeJSON(HTMLParser.json(doc))
        #expect(decoded == doc)
    }
}
