import Foundation
import Testing
@testable import Simbrowse

/// Browsers on several threads at once (they share a JavaScriptCore VM) give the same answers.
@Test func browsersOnManyThreads() async {
    await withTaskGroup(of: Void.self) { g in
        for i in 0..<8 {
            g.addTask {
                for _ in 0..<20 {
                    let s = FixtureServer()
                    s.add("http://a.local/", .response(HTTPResponse(body: Array("<iframe src='http://b.local/'></iframe><script>var x = \(i); setTimeout(() => console.log(x), 5)</script>".utf8))))
                    s.add("http://b.local/", .response(HTTPResponse(body: Array("<p>b</p>".utf8))))
                    let b = Browser(server: s)
                    let t = b.open("http://a.local/", name: "t")
                    let r = t.evaluate("frames[0].document")
                    #expect(r.error?.name == "SecurityError")
                    #expect(t.evaluate("x").value == .number(Double(i)))
                    b.close()
                }
            }
        }
    }
}
