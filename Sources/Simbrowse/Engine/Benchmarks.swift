import Foundation
import ScenarioFormat

/// `simbrowse bench`: in-process timings (medians of wall-clock time; the figures are for
/// people, never asserted in tests).
public enum Benchmarks {
    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }

    static func time(_ n: Int, _ body: () -> Void) -> Double {
        var xs: [Double] = []
        for _ in 0..<n {
            let t0 = DispatchTime.now().uptimeNanoseconds
            body()
            xs.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        return median(xs)
    }

    public static func run(iterations n: Int, gallery: String) -> [String] {
        var lines: [String] = []
        // A window with its realm: one top-level page with an empty body.
        let server1 = FixtureServer()
        server1.add("http://a.local/", .response(HTTPResponse(headers: HeaderList([("Content-Type", "text/html")]), body: Array("<p>hi</p>".utf8))))
        Browser(server: server1).open("http://a.local/").browser.close()
        let window = time(n) { Browser(server: server1).open("http://a.local/").browser.close() }
        lines.append(String(format: "window with its realm (open a one-line page):   %.3f ms median of %d", window, n))

        // A page with three cross-origin frames and a script that probes them.
        let server2 = FixtureServer()
        let html = "text/html"
        server2.add("http://a.local/", .response(HTTPResponse(headers: HeaderList([("Content-Type", html)]), body: Array("""
        <iframe src="http://b.local/"></iframe><iframe src="http://c.local/"></iframe><iframe src="http://d.local/"></iframe>
        <script>onload = () => { for (const f of frames) { try { f.document } catch (e) { console.log(e.name) } } }</script>
        """.utf8))))
        for h in ["b", "c", "d"] {
            server2.add("http://\(h).local/", .response(HTTPResponse(headers: HeaderList([("Content-Type", html)]), body: Array("<p>secret \(h)</p><script>var x = 1</script>".utf8))))
        }
        let three = time(n) { Browser(server: server2).open("http://a.local/").browser.close() }
        if ProcessInfo.processInfo.environment["SIMBROWSE_BENCH_DETAIL"] != nil {
            var opened: [Browser] = []
            let openOnly = time(n) { opened.append(Browser(server: server2).open("http://a.local/").browser) }
            lines.append(String(format: "  (three frames, open only, closed later:       %.3f ms)", openOnly))
            let closeOnly = time(opened.count) { opened.removeLast().close() }
            lines.append(String(format: "  (closing one such browser:                    %.3f ms)", closeOnly))
        }
        lines.append(String(format: "page with three cross-origin frames:            %.3f ms median of %d", three, n))

        // The whole gallery.
        let folder = URL(fileURLWithPath: gallery)
        if let files = try? ScenarioLoader.scenarioFiles(in: folder), !files.isEmpty {
            let scenarios = files.compactMap { try? ScenarioLoader.load(file: $0) }
            let all = time(max(3, n / 10)) { for s in scenarios { _ = ScenarioRunner.run(s) } }
            lines.append(String(format: "whole gallery (%d scenarios):                   %.3f ms median of %d", scenarios.count, all, max(3, n / 10)))
        }
        return lines
    }
}
