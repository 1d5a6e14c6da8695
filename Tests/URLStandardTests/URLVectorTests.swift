// WPT urltestdata.json vectors (see Fixtures/conformance/SOURCES.md for the format).

import Foundation
import Testing
@testable import URLStandard

/// One test object of urltestdata.json.
struct URLVector: Sendable, CustomTestStringConvertible {
    let index: Int          // position in the JSON array (comments included)
    let input: String
    let base: String?
    let failure: Bool
    let relativeTo: String?
    let expected: [String: String]  // href, protocol, username, ... as the URL API getters return them
    let origin: String?
    let searchParams: String?

    var key: String { URLVector.key(input, base) }
    static func key(_ input: String, _ base: String?) -> String { input + " | " + (base ?? "null") }

    var testDescription: String { "#\(index) \(input.debugDescription) against \(base?.debugDescription ?? "null")" }
}

enum Fixture {
    /// Finds `Fixtures/<relative>` by walking up from this source file (symlinks resolved, so the
    /// scratch package that links the test folder finds the repository's fixtures too).
    static func url(_ relative: String, file: String = #filePath) -> URL? {
        var dir = URL(fileURLWithPath: file).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("Fixtures").appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// JSON escapes of lone surrogates (`\uD800`) replaced by `\uFFFD`, which is what the
    /// conversion of a JS string to a USVString does (and JSONSerialization rejects them).
    static func replacingLoneSurrogateEscapes(_ text: String) -> String {
        let u = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        func escape(at i: Int) -> UInt32? {  // value of a \uXXXX escape starting at i
            guard i + 5 < u.count, u[i] == 0x5C, u[i + 1] == 0x75,
                  let v = UInt32(String(decoding: u[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16) else { return nil }
            return v
        }
        var i = 0
        while i < u.count {
            if u[i] == 0x5C, i + 1 < u.count {
                if let v = escape(at: i) {
                    if (0xD800...0xDBFF).contains(v), let w = escape(at: i + 6), (0xDC00...0xDFFF).contains(w) {
                        out.append(contentsOf: u[i..<(i + 12)])
                        i += 12
                    } else if (0xD800...0xDFFF).contains(v) {
                        out.append(contentsOf: Array("\\uFFFD".utf8))
                        i += 6
                    } else {
                        out.append(contentsOf: u[i..<(i + 6)])
                        i += 6
                    }
                } else {
                    out.append(contentsOf: u[i...(i + 1)])
                    i += 2
                }
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func loadVectors(_ relative: String) -> [URLVector] {
        guard let url = url(relative), let raw = try? String(contentsOf: url, encoding: .utf8),
              let json = try? JSONSerialization.jsonObject(with: Data(replacingLoneSurrogateEscapes(raw).utf8)) as? [Any]
        else { return [] }
        var out: [URLVector] = []
        for (i, item) in json.enumerated() {
            guard let o = item as? [String: Any], let input = o["input"] as? String else { continue }
            var expected: [String: String] = [:]
            for k in ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"] {
                if let v = o[k] as? String { expected[k] = v }
            }
            out.append(URLVector(index: i, input: input, base: o["base"] as? String,
                                 failure: (o["failure"] as? Bool) ?? false, relativeTo: o["relativeTo"] as? String,
                                 expected: expected, origin: o["origin"] as? String,
                                 searchParams: o["searchParams"] as? String))
        }
        return out
    }

    static let urlVectors: [URLVector] = loadVectors("conformance/url/urltestdata.json")
    static let javascriptOnlyVectors: [URLVector] = loadVectors("conformance/url/urltestdata-javascript-only.json")
}

/// Vectors that are expected to fail, keyed by `URLVector.key`, with the reason.
/// (Also listed in Docs/URL.md.)
let knownFailures: [String: String] = [:]

/// Regression floor for the summary test: the number of vectors that passed when this was last
/// updated. Raise it when more pass; never lower it to make a regression go green.
let urlVectorPassFloor = 891

/// Checks one vector; returns a list of mismatches (empty when the vector passes).
func check(_ v: URLVector) -> [String] {
    var problems: [String] = []
    let parsed = URLRecord.parse(v.input, baseString: v.base)
    if v.failure {
        if let parsed { problems.append("expected failure, got \(parsed.href)") }
        // "If a URL fails to parse with any valid base, it must also fail to parse with no base,
        //  i.e. when used as a base URL itself." (WPT failure.html)
        if v.base == nil {
            if URLRecord.parse("about:blank", baseString: v.input) != nil {
                problems.append("parsed as a base URL")
            }
            var u = URLRecord.parse("about:blank")!
            if u.setHref(v.input) { problems.append("href setter accepted it") }
        }
        // relativeTo: the input does parse against a document-like base (WPT skips its
        // document-base tests for these); "any-base" ones even against an opaque-path base.
        if let rel = v.relativeTo {
            let webBases = ["http://example.org/foo/bar", "https://example.org/foo/bar"]
            if !webBases.contains(where: { URLRecord.parse(v.input, baseString: $0) != nil }) {
                problems.append("relativeTo \(rel): does not parse against an http(s) base")
            }
            if rel == "any-base" && URLRecord.parse(v.input, baseString: "sc:opaque-path") == nil {
                problems.append("relativeTo any-base: does not parse against an opaque-path base")
            }
        }
        return problems
    }
    guard let url = parsed else { return ["unexpected failure"] }
    let actual: [String: String] = [
        "href": url.href, "protocol": url.protocolString, "username": url.username,
        "password": url.password, "host": url.hostString, "hostname": url.hostname,
        "port": url.portString, "pathname": url.pathname, "search": url.search, "hash": url.hash,
    ]
    for (k, e) in v.expected.sorted(by: { $0.key < $1.key }) where actual[k] != e {
        problems.append("\(k): expected \(e.debugDescription), got \(actual[k]!.debugDescription)")
    }
    if url.description != url.href { problems.append("description differs from href") }
    if let origin = v.origin, url.origin.serialized != origin {
        problems.append("origin: expected \(origin.debugDescription), got \(url.origin.serialized.debugDescription)")
    }
    if let sp = v.searchParams, url.searchParams.serialized() != sp {
        problems.append("searchParams: expected \(sp.debugDescription), got \(url.searchParams.serialized().debugDescription)")
    }
    // The serializer's output parses back to an equal URL.
    if let again = URLRecord.parse(url.href) {
        if again != url { problems.append("re-parsing href gives a different record: \(again.href)") }
    } else {
        problems.append("href does not parse again")
    }
    return problems
}

@Suite("WPT urltestdata.json")
struct URLVectorTests {
    @Test func fixtureLoads() {
        #expect(Fixture.urlVectors.count == 891, "urltestdata.json not found or unreadable")
    }

    @Test(arguments: Fixture.urlVectors)
    func vector(_ v: URLVector) {
        let problems = check(v)
        if let reason = knownFailures[v.key] {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "; ")))
            }
        } else {
            #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "; ")))
        }
    }

    /// urltestdata-javascript-only.json: inputs with lone surrogates, which a JS string can hold;
    /// they reach the parser as U+FFFD (USVString conversion).
    @Test func javascriptOnlyVectors() {
        let vectors = Fixture.javascriptOnlyVectors
        #expect(vectors.count == 1)
        for v in vectors {
            let problems = check(v)
            #expect(problems.isEmpty, Comment(rawValue: "\(v.testDescription): " + problems.joined(separator: "; ")))
        }
    }

    @Test func summary() {
        let vectors = Fixture.urlVectors
        var failed: [String] = []
        for v in vectors where !check(v).isEmpty { failed.append(v.testDescription) }
        let passed = vectors.count - failed.count
        print("URL vectors: \(passed)/\(vectors.count) passed")
        for f in failed { print("  failing: \(f)\(knownFailures[Fixture.urlVectors.first { $0.testDescription == f }!.key].map { " (known: \($0))" } ?? "")") }
        #expect(passed >= urlVectorPassFloor, "URL vectors: \(passed)/\(vectors.count) passed, floor is \(urlVectorPassFloor)")
    }
}
