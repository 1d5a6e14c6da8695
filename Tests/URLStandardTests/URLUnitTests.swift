import Testing
@testable import URLStandard

private func url(_ s: String, _ base: String? = nil) -> URLRecord {
    guard let u = URLRecord.parse(s, baseString: base) else {
        Issue.record("failed to parse \(s)")
        return URLRecord()
    }
    return u
}

@Suite("Origin")
struct OriginTests {
    @Test func defaultPortIsSameOrigin() {
        let a = url("http://a.local").origin, b = url("http://a.local:80").origin
        #expect(a.isSameOrigin(b))
        #expect(a == b)
        #expect(a.serialized == "http://a.local")
        #expect(b.port == nil)
    }

    @Test func httpsDefaultPort() {
        let a = url("https://a.local:443").origin, b = url("https://a.local").origin
        #expect(a.isSameOrigin(b))
        #expect(a.serialized == "https://a.local")
    }

    @Test func nonDefaultPortIsKept() {
        let o = url("http://a.local:443/x").origin
        #expect(o.serialized == "http://a.local:443")
        #expect(o.port == 443)
        #expect(!o.isSameOrigin(url("https://a.local/").origin))
        #expect(!o.isSameOrigin(url("http://a.local/").origin))
        #expect(url("http://a.local:8080/").origin.serialized == "http://a.local:8080")
    }

    @Test func hostIsLowercased() {
        let o = url("HTTP://A.LOCAL/Path").origin
        #expect(o.serialized == "http://a.local")
        #expect(o.host == .domain("a.local"))
        #expect(o.scheme == "http")
        #expect(o.isSameOrigin(url("http://a.local").origin))
    }

    @Test func opaqueOrigins() {
        let data = url("data:text/html,hi").origin
        let blank = url("about:blank").origin
        let fresh = Origin.makeOpaque()
        for o in [data, blank, fresh] {
            #expect(o.isOpaque)
            #expect(o.serialized == "null")
            #expect(o.scheme == nil && o.host == nil && o.port == nil && o.effectiveDomain == nil)
            #expect(o.isSameOrigin(o))
        }
        #expect(!data.isSameOrigin(blank))
        #expect(!data.isSameOrigin(fresh))
        #expect(!blank.isSameOrigin(fresh))
        // Each call gives a new opaque origin.
        #expect(!url("about:blank").origin.isSameOrigin(url("about:blank").origin))
        #expect(url("javascript:alert(1)").origin.isOpaque)
        #expect(url("foo://host/x").origin.isOpaque)
        #expect(url("file:///etc/passwd").origin.isOpaque)
    }

    @Test func opaqueOriginEqualsItself() {
        let o = Origin.makeOpaque()
        let copy = o
        #expect(o == copy)
        #expect(o.isSameOrigin(copy))
        #expect(Set([o, copy, Origin.makeOpaque()]).count == 2)
    }

    @Test func blobOrigins() {
        #expect(url("blob:https://example.com:443/uuid").origin.serialized == "https://example.com")
        #expect(url("blob:http://a.local:8080/x").origin == url("http://a.local:8080/").origin)
        #expect(url("blob:ftp://host/path").origin.isOpaque)
        #expect(url("blob:d3958f5c-0777-0845-9dcf-2cb28783acaf").origin.isOpaque)
    }

    @Test func tupleOriginsOfOtherSchemes() {
        #expect(url("ws://h:80/").origin.serialized == "ws://h")
        #expect(url("wss://h:444/").origin.serialized == "wss://h:444")
        #expect(url("ftp://h:21/").origin.serialized == "ftp://h")
        #expect(url("http://[::1]:8000/").origin.serialized == "http://[::1]:8000")
        #expect(url("http://192.168.257/").origin.serialized == "http://192.168.1.1")
        #expect(url("http://a.local").origin.effectiveDomain == .domain("a.local"))
    }

    @Test func defaultPorts() {
        #expect(defaultPort(forScheme: "http") == 80)
        #expect(defaultPort(forScheme: "ws") == 80)
        #expect(defaultPort(forScheme: "https") == 443)
        #expect(defaultPort(forScheme: "wss") == 443)
        #expect(defaultPort(forScheme: "ftp") == 21)
        #expect(defaultPort(forScheme: "file") == nil)
        #expect(defaultPort(forScheme: "foo") == nil)
    }
}

@Suite("URLSearchParams")
struct URLSearchParamsTests {
    @Test func parsing() {
        let p = URLSearchParams(string: "a=1&b=2&a=3")
        #expect(p.list.map { $0.0 } == ["a", "b", "a"])
        #expect(p.list.map { $0.1 } == ["1", "2", "3"])
        #expect(p.get("a") == "1")
        #expect(p.getAll("a") == ["1", "3"])
        #expect(p.get("c") == nil)
        #expect(p.has("b"))
        #expect(p.has("a", value: "3"))
        #expect(!p.has("a", value: "2"))
        #expect(URLSearchParams(string: "?x=1").get("x") == "1")
        #expect(URLSearchParams(string: "??x=1").get("?x") == "1")
    }

    @Test func plusAndPercentDecoding() {
        let p = URLSearchParams(string: "q=a+b&r=%26%3D%2B&s=%E2%82%AC&t=%zz&=empty&flag&&x==y")
        #expect(p.get("q") == "a b")
        #expect(p.get("r") == "&=+")
        #expect(p.get("s") == "€")
        #expect(p.get("t") == "%zz")
        #expect(p.get("") == "empty")
        #expect(p.get("flag") == "")
        #expect(p.get("x") == "=y")
        #expect(p.count == 7)
        #expect(URLSearchParams(string: "a=%FF").get("a") == "\u{FFFD}")
    }

    @Test func serialization() {
        var p = URLSearchParams()
        p.append("a b", "c d")
        p.append("x", "1+1=2&ok")
        p.append("€", "*-._~!")
        #expect(p.serialized() == "a+b=c+d&x=1%2B1%3D2%26ok&%E2%82%AC=*-._%7E%21")
        #expect(URLSearchParams(string: p.serialized()) == p)
    }

    @Test func mutation() {
        var p = URLSearchParams(string: "a=1&b=2&a=3&c=4")
        p.set("a", "9")
        #expect(p.serialized() == "a=9&b=2&c=4")
        p.set("d", "5")
        #expect(p.serialized() == "a=9&b=2&c=4&d=5")
        p.delete("b")
        #expect(p.serialized() == "a=9&c=4&d=5")
        p.append("a", "1")
        p.delete("a", value: "9")
        #expect(p.serialized() == "c=4&d=5&a=1")
        p.list = [("z", "1"), ("\u{FFFD}", "2"), ("\u{1F600}", "3"), ("a", "4"), ("z", "0")]
        p.sort()  // by UTF-16 code units, stable: U+1F600 (D83D ...) sorts before U+FFFD
        #expect(p.list.map { $0.0 } == ["a", "z", "z", "\u{1F600}", "\u{FFFD}"])
        #expect(p.list.map { $0.1 } == ["4", "1", "0", "3", "2"])
    }

    @Test func fromURL() {
        var u = url("https://h/p?a=1&b=x+y")
        #expect(u.searchParams.get("b") == "x y")
        var p = u.searchParams
        p.append("c", "a b")
        u.setSearch(p.serialized())
        #expect(u.href == "https://h/p?a=1&b=x+y&c=a+b")
    }
}

@Suite("Setters")
struct SetterTests {
    @Test func setters() {
        var u = url("http://user:pw@a.local:8080/p/q?x#f")
        u.setProtocol("https")
        #expect(u.href == "https://user:pw@a.local:8080/p/q?x#f")
        u.setProtocol("foo")  // special -> non-special is ignored
        #expect(u.scheme == "https")
        u.setPort("443")
        #expect(u.port == nil && u.hostString == "a.local")
        u.setPort("80x")
        #expect(u.port == 80)
        u.setPort("")
        #expect(u.port == nil)
        u.setPort("99999")
        #expect(u.port == nil)
        u.setHost("B.example:81")
        #expect(u.hostString == "b.example:81")
        u.setHostname("c.example:82")  // a port in the hostname setter fails
        #expect(u.hostString == "b.example:81")
        u.setHostname("[::1]")
        #expect(u.hostname == "[::1]")
        u.setHost("")  // special URLs need a host
        #expect(u.hostname == "[::1]")
        u.setUsername("a b")
        u.setPassword("c@d")
        #expect(u.href == "https://a%20b:c%40d@[::1]:81/p/q?x#f")
        u.setPathname("/x y/../z")
        #expect(u.pathname == "/z")
        u.setSearch("?q=1 2")
        #expect(u.search == "?q=1%202")
        u.setSearch("")
        #expect(u.query == nil)
        u.setHash("#h i")
        #expect(u.hash == "#h%20i")
        u.setHash("")
        #expect(u.fragment == nil)
        let ok = u.setHref("http://other/")
        #expect(ok)
        #expect(u.href == "http://other/")
        let bad = u.setHref("not a url")
        #expect(!bad)
        #expect(u.href == "http://other/")
    }

    @Test func opaquePathAndFileRestrictions() {
        var m = url("mailto:someone@example.com")
        m.setHost("x")
        m.setPathname("/y")
        m.setUsername("u")
        #expect(m.href == "mailto:someone@example.com")
        var f = url("file:///tmp/x")
        f.setUsername("u")
        f.setPort("8080")
        #expect(f.href == "file:///tmp/x")
        f.setHost("localhost")
        #expect(f.href == "file:///tmp/x")
        f.setHost("server")
        #expect(f.href == "file://server/tmp/x")
    }
}

@Suite("Hosts and IDNA")
struct HostTests {
    private func host(_ s: String) -> String? { URLRecord.parse("https://" + s + "/")?.hostname }

    @Test func ipv4() {
        #expect(host("0x7f.1") == "127.0.0.1")
        #expect(host("0300.0250.0.1") == "192.168.0.1")
        #expect(host("4294967295") == "255.255.255.255")
        #expect(host("4294967296") == nil)
        #expect(host("1.2.3.4.5") == nil)
        #expect(host("1.2.3.09") == nil)
        #expect(host("example.0x") == nil)
        #expect(host("1.2.3.4.") == "1.2.3.4")
    }

    @Test func ipv6() {
        #expect(host("[0:0:0:0:0:0:0:1]") == "[::1]")
        #expect(host("[1:0:0:2:0:0:0:3]") == "[1:0:0:2::3]")
        #expect(host("[1:0:0:0:2:0:0:3]") == "[1::2:0:0:3]")
        #expect(host("[::ffff:192.168.0.1]") == "[::ffff:c0a8:1]")
        #expect(host("[1:2:3:4:5:6:7:8]") == "[1:2:3:4:5:6:7:8]")
        #expect(host("[1:0:3:4:5:6:7:8]") == "[1:0:3:4:5:6:7:8]")
        #expect(host("[::1") == nil)
        #expect(host("[1::2::3]") == nil)
        #expect(host("[::1.2.3]") == nil)
    }

    @Test func idna() {
        #expect(host("faß.ExAmPlE") == "xn--fa-hia.example")
        #expect(host("☕.example") == "xn--53h.example")
        #expect(host("💩.la") == "xn--ls8h.la")
        #expect(host("a†--") == "xn--a---kp0a")
        #expect(host("-†") == "xn----xhn")
        #expect(host("x-.ß") == "x-.xn--zca")
        #expect(host("-x.ß") == "-x.xn--zca")
        #expect(host("ab--c.ß") == "ab--c.xn--zca")
        #expect(host("x..ß") == "x..xn--zca")
        #expect(host("xn--zca.ß") == "xn--zca.xn--zca")
        #expect(host("xn--a.ß") == nil)
        #expect(host("xn--ls8h=.ß") == nil)
        #expect(host("xn--tešla") == nil)
        #expect(host("\u{200D}.example") == nil)
        #expect(host("xn--1ug.ß") == nil)
        #expect(host("日本語。JP") == "xn--wgv71a119e.jp")
        #expect(host("ＥＸＡＭＰＬＥ．ｃｏｍ") == "example.com")
        #expect(host("a\u{00AD}b.ü") == "ab.xn--tda")
        #expect(host("xn--xn--zca-hia.ü") == nil)  // decodes to a label starting with "xn--"
        #expect(host("xn--example-.ü") == nil)     // Punycode of an ASCII-only label
        // ASCII domains are only lowercased (URL Standard 2026 ASCII fallback).
        #expect(host("XN--A.example") == "xn--a.example")
        #expect(host("xn--8i7caa.example") == "xn--8i7caa.example")
        // Long labels: UTS #46 with VerifyDnsLength=false has no length limit.
        let long = String(repeating: "ü", count: 10) + String(repeating: "a", count: 70)
        #expect(host(long)?.hasPrefix("xn--") == true)
        #expect(host(long).map { $0.count > 63 } == true)
        #expect(host(String(repeating: "a", count: 100) + ".com")?.count == 104)
        let cjk = String(String.UnicodeScalarView((0..<40).map { Unicode.Scalar(0x4E00 + $0 * 37)! }))
        #expect(host(cjk + ".jp") == "xn--4gq6c1e7f9goiqjqkolwmrnyoqpwq2r8svt0u5vexjyoz0z40ap0ar1at2av3ax4az5a16a37a58a79a9zbc0be1bg2bi3bk4b.jp")
        #expect(host("СъешьЖеЕщёЭтихМягкихФранцузскихБулокДаВыпейЧаю.ru")
                == "xn--80aaacgcjeaagdrlbcwidcun1a3a3anrnt2bfw2aej4a8ce6b8a4ek1czep0g.ru")
        // Bidi rule (CheckBidi=true) for right-to-left labels.
        #expect(host("שלום.example") != nil)
        #expect(host("שלום1a") == nil)
        #expect(host("1a.שלום") == nil)
    }

    /// Common IDNs (expected A-labels computed with Python's independent Punycode codec).
    @Test func commonIDNs() {
        #expect(host("Bücher.de") == "xn--bcher-kva.de")
        #expect(host("пример.РФ") == "xn--e1afmkfd.xn--p1ai")
        #expect(host("例え.テスト") == "xn--r8jz45g.xn--zckzah")
        #expect(host("ΕΛΛΗΝΙΚΆ.gr") == "xn--hxargifdar.gr")
        #expect(host("straße.de") == "xn--strae-oqa.de")
        #expect(host("i❤.ws") == "xn--i-7iq.ws")
        #expect(host("☃-⌘.com") == "xn----dqo34k.com")
        #expect(host("ä-ö-ü.de") == "xn-----uia7e5a.de")
        #expect(host("-ä-.de") == "xn-----via.de")
        #expect(host("ab--ü.de") == "xn--ab---3ra.de")
        #expect(host("ä_-x.de") == "xn--_-x-pla.de")
        #expect(host("ä＿-.de") == "xn--_--uia.de")  // U+FF3F maps to "_", the first hyphen stand-in
    }

    /// Cases from WPT url/resources/toascii.json whose input is not ASCII (ASCII inputs are only
    /// lowercased since the 2026 "ASCII fallback" change of the URL Standard).
    @Test func wptToASCII() {
        #expect(host("يa") == nil)
        #expect(host("\u{064A}.") == "xn--mhb.")
        #expect(host("\u{064A}.1") == nil)  // ends in a number, and is not IPv4
        #expect(host("\u{0DC1}\u{0DCA}\u{200D}\u{0DBB}\u{0DD3}") == "xn--10cl1a0b660p")
        #expect(host("\u{0646}\u{0627}\u{0645}\u{0647}\u{200C}\u{0627}\u{06CC}") == "xn--mgba3gch31f060k")
        #expect(host("\u{FFFD}.com") == nil)
        #expect(host("xn--zn7c.com") == "xn--zn7c.com")
        #expect(host("xn--zn7c.ü") == nil)
        let digits = "x01234567890123456789012345678901234567890123456789012345678901"
        #expect(host(digits + "†") == "xn--" + digits + "-6963b")
        #expect(host(digits + "x.ß") == digits + "x.xn--zca")
        let d50 = "01234567890123456789012345678901234567890123456789"
        let longDomain = [d50, d50, d50, d50, "0123456789012345678901234567890123456789012345678"].joined(separator: ".")
        #expect(host(longDomain + ".ß") == longDomain + ".xn--zca")
        #expect(host("a\u{00AD}b") == "ab")
        #expect(host("a%C2%ADb") == "ab")
        #expect(host("\u{00AD}") == nil)
        #expect(host("%C2%AD") == nil)
        #expect(host("≠") == "xn--1ch")
        #expect(host("≮") == "xn--gdh")
        #expect(host("≯") == "xn--hdh")
    }

    @Test func opaqueHosts() {
        #expect(URLRecord.parse("sc://ñ.test/")?.hostname == "%C3%B1.test")
        #expect(URLRecord.parse("sc://EXAMPLE.com/")?.hostname == "EXAMPLE.com")
        #expect(URLRecord.parse("sc://a b/") == nil)
        #expect(URLRecord.parse("sc://%/")?.hostname == "%")
        #expect(URLRecord.parse("sc:///x")?.host == .empty)
        #expect(URLRecord.parse("sc:/x")?.host == nil)
    }

    @Test func percentCoding() {
        #expect(percentDecode("%25%s%1G") == Array("%%s%1G".utf8))
        #expect(percentDecode("‽%25%2E") == [0xE2, 0x80, 0xBD, 0x25, 0x2E])
        #expect(utf8PercentEncode("Say what‽", using: .userinfo) == "Say%20what%E2%80%BD")
        #expect(utf8PercentEncode("a b+c", using: .formURLEncoded, spaceAsPlus: true) == "a+b%2Bc")
        #expect(utf8PercentEncode("{x}^`", using: .path) == "%7Bx%7D%5E%60")
        #expect(utf8PercentEncode("'", using: .specialQuery) == "%27")
        #expect(utf8PercentEncode("'", using: .query) == "'")
    }
}

/// A selection of WPT url/resources/setters_tests.json cases (the file is not among the
/// repository's fixtures). The pathname case with "^" follows the current path percent-encode set.
@Suite("WPT setters (selection)")
struct WPTSetterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let attr: String, href: String, value: String, expected: [String: String]
        var testDescription: String { "\(attr) = \(value.debugDescription) on \(href)" }
    }

    static let all: [Case] = [
        Case(attr: "protocol", href: "a://example.net", value: "", expected: ["href": "a://example.net"]),
        Case(attr: "protocol", href: "a://example.net", value: "B", expected: ["href": "b://example.net"]),
        Case(attr: "protocol", href: "a://example.net", value: "é", expected: ["href": "a://example.net"]),
        Case(attr: "protocol", href: "a://example.net", value: "0b", expected: ["href": "a://example.net"]),
        Case(attr: "protocol", href: "a://example.net", value: "bC0+-.", expected: ["href": "bc0+-.://example.net"]),
        Case(attr: "protocol", href: "a://example.net", value: "b,c", expected: ["href": "a://example.net"]),
        Case(attr: "protocol", href: "http://test@example.net", value: "file", expected: ["href": "http://test@example.net/"]),
        Case(attr: "protocol", href: "https://example.net:1234", value: "file", expected: ["href": "https://example.net:1234/"]),
        Case(attr: "protocol", href: "ssh://me@example.net", value: "http", expected: ["href": "ssh://me@example.net"]),
        Case(attr: "protocol", href: "ssh://example.net", value: "file", expected: ["href": "ssh://example.net"]),
        Case(attr: "protocol", href: "nonsense:///test", value: "https", expected: ["href": "nonsense:///test"]),
        Case(attr: "protocol", href: "http://example.net", value: "https:foo : bar", expected: ["href": "https://example.net/"]),
        Case(attr: "protocol", href: "data:text/html,<p>Test", value: "view-source+data:foo : bar",
             expected: ["href": "view-source+data:text/html,<p>Test"]),
        Case(attr: "protocol", href: "http://foo.com:443/", value: "https", expected: ["href": "https://foo.com/", "port": ""]),
        Case(attr: "username", href: "unix:/run/foo.socket", value: "me", expected: ["href": "unix:/run/foo.socket"]),
        Case(attr: "username", href: "http://me:secret@example.net", value: "", expected: ["href": "http://:secret@example.net/"]),
        Case(attr: "username", href: "http://example.net",
             value: "\u{0}\u{1}\t\n\r\u{1F} !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u{7F}\u{80}\u{81}Éé",
             expected: ["username": "%00%01%09%0A%0D%1F%20!%22%23$%&'()*+,-.%2F09%3A%3B%3C%3D%3E%3F%40AZ%5B%5C%5D%5E_%60az%7B%7C%7D~%7F%C2%80%C2%81%C3%89%C3%A9"]),
        Case(attr: "username", href: "http://example.net", value: "%c3%89té", expected: ["username": "%c3%89t%C3%A9"]),
        Case(attr: "username", href: "sc:///", value: "x", expected: ["href": "sc:///"]),
        Case(attr: "password", href: "http://me:secret@example.net", value: "", expected: ["href": "http://me@example.net/"]),
        Case(attr: "host", href: "sc://x/", value: "\u{0}", expected: ["href": "sc://x/"]),
        Case(attr: "host", href: "sc://x/", value: "\t", expected: ["href": "sc:///"]),
        Case(attr: "host", href: "sc://x/", value: " ", expected: ["href": "sc://x/"]),
        Case(attr: "host", href: "sc://x/", value: "#", expected: ["href": "sc:///"]),
        Case(attr: "host", href: "sc://x/", value: "@", expected: ["href": "sc://x/"]),
        Case(attr: "host", href: "sc://x/", value: "ß", expected: ["href": "sc://%C3%9F/"]),
        Case(attr: "host", href: "https://x/", value: "ß", expected: ["href": "https://xn--zca/"]),
        Case(attr: "host", href: "data:text/plain,Stuff", value: "example.net", expected: ["href": "data:text/plain,Stuff"]),
        Case(attr: "host", href: "http://example.net:8080", value: "example.com:", expected: ["href": "http://example.com:8080/"]),
        Case(attr: "host", href: "view-source+http://example.net/foo", value: "", expected: ["href": "view-source+http:///foo"]),
        Case(attr: "host", href: "a:/foo", value: "example.net", expected: ["href": "a://example.net/foo"]),
        Case(attr: "host", href: "http://example.net", value: "0x7F000001:8080", expected: ["href": "http://127.0.0.1:8080/"]),
        Case(attr: "host", href: "http://example.net", value: "[::0:01]:2", expected: ["href": "http://[::1]:2/"]),
        Case(attr: "host", href: "http://example.net:8080", value: "example.com:80", expected: ["href": "http://example.com/"]),
        Case(attr: "host", href: "https://example.net", value: "example.com:80", expected: ["href": "https://example.com:80/"]),
        Case(attr: "host", href: "http://example.net/path", value: "example.com:8080\\stuff", expected: ["href": "http://example.com:8080/path"]),
        Case(attr: "host", href: "view-source+http://example.net/path", value: "example.com\\stuff",
             expected: ["href": "view-source+http://example.net/path"]),
        Case(attr: "host", href: "view-source+http://example.net/path", value: "example.com:8080stuff2",
             expected: ["href": "view-source+http://example.com:8080/path"]),
        Case(attr: "host", href: "http://example.net/path", value: "example.com:65536", expected: ["href": "http://example.com/path"]),
        Case(attr: "host", href: "http://example.net/", value: "[::1.2.3.4x]", expected: ["href": "http://example.net/"]),
        Case(attr: "host", href: "sc://test@test/", value: "", expected: ["href": "sc://test@test/"]),
        Case(attr: "host", href: "sc://test:12/", value: "", expected: ["href": "sc://test:12/"]),
        Case(attr: "host", href: "non-spec:/.//p", value: "h", expected: ["href": "non-spec://h//p"]),
        Case(attr: "host", href: "non-spec:/.//p", value: "", expected: ["href": "non-spec:////p"]),
        Case(attr: "host", href: "http://example.com/", value: "///bad.com", expected: ["href": "http://example.com/"]),
        Case(attr: "host", href: "sc://example.com/", value: "///bad.com", expected: ["href": "sc:///"]),
        Case(attr: "hostname", href: "http://example.net/path", value: "example.com:8080", expected: ["href": "http://example.net/path"]),
        Case(attr: "hostname", href: "http://example.net:8080/path", value: "example.com:", expected: ["href": "http://example.net:8080/path"]),
        Case(attr: "hostname", href: "http://example.net:8080", value: "0x7F000001", expected: ["href": "http://127.0.0.1:8080/"]),
        Case(attr: "port", href: "http://example.net:8080", value: "80", expected: ["href": "http://example.net/"]),
        Case(attr: "port", href: "https://example.net", value: "80", expected: ["href": "https://example.net:80/"]),
        Case(attr: "port", href: "http://example.net/path", value: "8080+2", expected: ["href": "http://example.net:8080/path"]),
        Case(attr: "port", href: "http://example.net:8080/path", value: "65536", expected: ["href": "http://example.net:8080/path"]),
        Case(attr: "port", href: "non-base:value", value: "12", expected: ["href": "non-base:value"]),
        Case(attr: "port", href: "sc:///", value: "12", expected: ["href": "sc:///"]),
        Case(attr: "port", href: "sc://x/", value: "12", expected: ["href": "sc://x:12/"]),
        Case(attr: "pathname", href: "foo://somehost/some/path", value: "", expected: ["href": "foo://somehost"]),
        Case(attr: "pathname", href: "foo:///some/path", value: "", expected: ["href": "foo://"]),
        Case(attr: "pathname", href: "foo:/some/path", value: "", expected: ["href": "foo:/"]),
        Case(attr: "pathname", href: "foo:/some/path", value: "test", expected: ["href": "foo:/test"]),
        Case(attr: "pathname", href: "unix:/run/foo.socket?timeout=10", value: "/var/log/../run/bar.socket",
             expected: ["href": "unix:/var/run/bar.socket?timeout=10"]),
        Case(attr: "pathname", href: "https://example.net#nav", value: "../home", expected: ["href": "https://example.net/home#nav"]),
        Case(attr: "pathname", href: "http://example.net/home?lang=fr#nav", value: "\\a\\%2E\\b\\%2e.\\c",
             expected: ["href": "http://example.net/a/c?lang=fr#nav"]),
        Case(attr: "pathname", href: "view-source+http://example.net/home?lang=fr#nav", value: "\\a\\%2E\\b\\%2e.\\c",
             expected: ["pathname": "/\\a\\%2E\\b\\%2e.\\c"]),
        Case(attr: "pathname", href: "a:/",
             value: "\u{0}\u{1}\t\n\r\u{1F} !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u{7F}\u{80}\u{81}Éé",
             expected: ["pathname": "/%00%01%1F%20!%22%23$%&'()*+,-./09:;%3C=%3E%3F@AZ[\\]%5E_%60az%7B|%7D~%7F%C2%80%C2%81%C3%89%C3%A9"]),
        Case(attr: "pathname", href: "http://example.net", value: "%2e%2E%c3%89té", expected: ["pathname": "/%2e%2E%c3%89t%C3%A9"]),
        Case(attr: "pathname", href: "sc://example.net", value: "#", expected: ["href": "sc://example.net/%23"]),
        Case(attr: "pathname", href: "http://example.net", value: "/?é", expected: ["pathname": "/%3F%C3%A9"]),
        Case(attr: "pathname", href: "non-spec:/", value: "/..//p", expected: ["href": "non-spec:/.//p", "pathname": "//p"]),
        Case(attr: "pathname", href: "non-spec:/.//", value: "p", expected: ["href": "non-spec:/p"]),
        Case(attr: "search", href: "https://example.net?lang=en-US#nav", value: "??lang=fr", expected: ["href": "https://example.net/??lang=fr#nav"]),
        Case(attr: "search", href: "https://example.net?lang=en-US#nav", value: "?", expected: ["href": "https://example.net/?#nav", "search": ""]),
        Case(attr: "search", href: "https://example.net?lang=en-US#nav", value: "", expected: ["href": "https://example.net/#nav"]),
        Case(attr: "search", href: "a:/",
             value: "\u{0}\u{1}\t\n\r\u{1F} !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u{7F}\u{80}\u{81}Éé",
             expected: ["search": "?%00%01%1F%20!%22%23$%&'()*+,-./09:;%3C=%3E?@AZ[\\]^_`az{|}~%7F%C2%80%C2%81%C3%89%C3%A9"]),
        Case(attr: "hash", href: "https://example.net?lang=en-US", value: "##nav", expected: ["href": "https://example.net/?lang=en-US##nav"]),
        Case(attr: "hash", href: "https://example.net?lang=en-US#nav", value: "#", expected: ["href": "https://example.net/?lang=en-US#", "hash": ""]),
        Case(attr: "hash", href: "a:/",
             value: "\u{0}\u{1}\t\n\r\u{1F} !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u{7F}\u{80}\u{81}Éé",
             expected: ["hash": "#%00%01%1F%20!%22#$%&'()*+,-./09:;%3C=%3E?@AZ[\\]^_%60az{|}~%7F%C2%80%C2%81%C3%89%C3%A9"]),
        Case(attr: "hash", href: "non-spec:/", value: "a\u{0}b", expected: ["href": "non-spec:/#a%00b"]),
    ]

    @Test(arguments: all)
    func setter(_ c: Case) throws {
        var u = try #require(URLRecord.parse(c.href))
        switch c.attr {
        case "protocol": u.setProtocol(c.value)
        case "username": u.setUsername(c.value)
        case "password": u.setPassword(c.value)
        case "host": u.setHost(c.value)
        case "hostname": u.setHostname(c.value)
        case "port": u.setPort(c.value)
        case "pathname": u.setPathname(c.value)
        case "search": u.setSearch(c.value)
        case "hash": u.setHash(c.value)
        default: Issue.record("unknown attribute \(c.attr)")
        }
        let getters: [String: String] = [
            "href": u.href, "protocol": u.protocolString, "username": u.username, "password": u.password,
            "host": u.hostString, "hostname": u.hostname, "port": u.portString, "pathname": u.pathname,
            "search": u.search, "hash": u.hash,
        ]
        for (k, v) in c.expected {
            #expect(getters[k] == v, "\(k)")
        }
    }
}
