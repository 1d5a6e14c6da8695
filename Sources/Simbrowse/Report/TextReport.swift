import Foundation
import ScenarioFormat

/// The CLI's text view of a report: each step with its outcome and why, the frame tree with
/// origins, the console, and the requests.
public enum TextReport {
    public static func render(_ r: Report, decisions: Bool = false) -> String {
        var out: [String] = []
        out.append("━━ \(r.scenario)")
        if let d = r.description, !d.isEmpty { out.append(wrap(d, indent: "   ")) }
        if r.profile != "chromium" { out.append("   profile: \(r.profile)") }
        out.append("")
        for s in r.steps {
            let mark: String
            switch s.outcome {
            case "allowed": mark = "✓ allowed"
            case "blocked": mark = "✗ blocked"
            case "error": mark = "! error"
            default: mark = "·"
            }
            var head = "  \(s.index + 1). "
            switch s.action {
            case "open": head += "open \(s.script ?? "") as \(s.in ?? "")"
            case "run": head += "[\(s.in ?? "")] \(oneLine(s.script ?? ""))"
            case "submit": head += "[\(s.in ?? "")] submit \(s.script ?? "")"
            case "wait": head += "wait \(s.script ?? "")"
            default: head += s.action
            }
            out.append(head)
            if let n = s.note { out.append("     note: \(n)") }
            if s.action == "run" || s.action == "submit" {
                var line = "     \(mark)"
                if let e = s.error { line += "  \(e.name): \(e.message)" }
                else if s.valueType == "undefined" { line += "  → undefined" }
                else if let v = s.value { line += "  → \(v.compact)" }
                out.append(line)
                if let why = s.reason {
                    out.append("     why: \(why.rule): \(why.explanation)")
                    out.append("          \(why.spec)")
                }
            }
            if let x = s.expectation {
                if x.ok { out.append("     expectation holds") }
                else { for f in x.failures { out.append("     EXPECTATION FAILED: \(f)") } }
            }
        }
        out.append("")
        out.append("  Frames:")
        func frame(_ f: FrameReport, _ depth: Int) {
            let pad = String(repeating: "  ", count: depth + 2)
            out.append("\(pad)\(f.path)  \(f.url)  origin \(f.origin)\(f.sandboxed == true ? "  (sandboxed)" : "")")
            for c in f.children { frame(c, depth + 1) }
            for p in f.popups ?? [] { frame(p, depth + 1) }
        }
        for f in r.frames { frame(f, 0) }
        if !r.console.isEmpty {
            out.append("")
            out.append("  Console:")
            for c in r.console { out.append("    [\(c.frame) \(c.origin)] \(c.level): \(c.text)") }
        }
        if !r.requests.isEmpty {
            out.append("")
            out.append("  Requests:")
            for q in r.requests {
                let hs = q.headers.sorted { $0.key < $1.key }.filter { ["Origin", "Cookie", "Referer", "Sec-Fetch-Site", "Content-Type"].contains($0.key) }
                    .map { "\($0.key): \($0.value)" }.joined(separator: "; ")
                out.append("    \(q.method) \(q.url) → \(q.status) (\(q.kind))\(hs.isEmpty ? "" : "  [\(hs)]")")
                if q.readable == false, let why = q.reason { out.append("      not readable by the page: \(why)") }
                for c in q.cookies ?? [] where !c.sent { out.append("      cookie \(c.name) was not sent: \(c.reason)") }
                for c in q.setCookies ?? [] where !c.stored { out.append("      Set-Cookie \(c.name) was not stored: \(c.reason)") }
            }
        }
        if decisions && !r.decisions.isEmpty {
            out.append("")
            out.append("  Decisions of the origin checker:")
            for d in r.decisions {
                out.append("    [\(d.frame)] \(d.verdict.decision.rawValue) by \(d.verdict.rule): \(d.verdict.explanation)")
            }
        }
        if let c = r.cutOff { out.append(""); out.append("  note: \(c)") }
        out.append("")
        out.append("  \(r.ok ? "PASS" : "FAIL"): \(r.scenario)")
        out.append("")
        return out.joined(separator: "\n")
    }

    static func oneLine(_ s: String) -> String {
        let t = s.replacingOccurrences(of: "\n", with: " ")
        return t.count > 110 ? String(t.prefix(107)) + "..." : t
    }

    static func wrap(_ s: String, indent: String, width: Int = 96) -> String {
        var lines: [String] = []
        var cur = ""
        for word in s.split(separator: " ") {
            if cur.count + word.count + 1 > width && !cur.isEmpty { lines.append(indent + cur); cur = "" }
            cur += (cur.isEmpty ? "" : " ") + word
        }
        if !cur.isEmpty { lines.append(indent + cur) }
        return lines.joined(separator: "\n")
    }
}
