import Foundation
import ScenarioFormat
import Testing
import URLStandard
@testable import Simbrowse

/// The 3x2 opaque red PNG of the browser-truth cases.
let redPNG = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAEUlEQVR4nGP4z8DwH4YZkDkAm34L9XKwuTwAAAAASUVORK5CYII=")!)

/// A 2x2 PNG with four different pixels: red, green / blue, half-transparent white.
let quadPixels: [UInt8] = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 128]
let quadPNG = try! PNG.encode(RGBAImage(width: 2, height: 2, pixels: quadPixels))

/// A server for image tests: HTML pages and images (with extra headers).
func imageServer(pages: [String: String], images: [String: (bytes: [UInt8], headers: [(String, String)])] = [:]) -> FixtureServer {
    let s = FixtureServer()
    for (url, html) in pages {
        s.add(url, .response(HTTPResponse(headers: HeaderList([("Content-Type", "text/html")]), body: Array(html.utf8))))
    }
    for (url, img) in images {
        s.add(url, .response(HTTPResponse(headers: HeaderList([("Content-Type", "image/png")] + img.headers), body: img.bytes)))
    }
    return s
}

/// Loads `url` into an image, draws it into a fresh canvas and runs `then` (a function body
/// that sees `img`, `c`, `ctx`), as a step that awaits the load.
func drawAndRun(_ url: String, crossOrigin: String? = nil, _ then: String) -> String {
    let co = crossOrigin.map { "img.crossOrigin = '\($0)';" } ?? ""
    return """
    new Promise((resolve) => {
      const img = new Image(); \(co)
      img.onload = () => resolve("load"); img.onerror = () => resolve("error");
      img.src = '\(url)';
      window.img = img;
    }).then((ev) => {
      const img = window.img;
      const c = document.createElement('canvas'); c.width = img.naturalWidth || 3; c.height = img.naturalHeight || 2;
      const ctx = c.getContext('2d');
      if (ev === 'load') ctx.drawImage(img, 0, 0);
      window.c = c; window.ctx = ctx;
      try { return ev + " " + (() => { \(then) })(); } catch (e) { return ev + " " + e.name + ": " + e.message; }
    })
    """
}

@Suite("PNG through libspng")
struct PNGTests {
    @Test func roundTrip() throws {
        var img = RGBAImage(width: 5, height: 3)
        for i in 0..<img.pixels.count { img.pixels[i] = UInt8((i * 37) & 0xFF) }
        let bytes = try PNG.encode(img)
        #expect(Array(bytes.prefix(8)) == PNG.signature)
        #expect(PNG.dimensions(bytes)! == (5, 3))
        #expect(try PNG.decode(bytes) == img)
    }

    @Test func decodesTheCasesImage() throws {
        let img = try PNG.decode(redPNG)
        #expect(img.width == 3 && img.height == 2)
        #expect(img.pixels == Array([[UInt8]](repeating: [255, 0, 0, 255], count: 6).joined()))
    }

    @Test func rejectsWhatIsNotAPNG() {
        #expect(throws: PNG.Failure.self) { try PNG.decode(Array("<html>".utf8)) }
        #expect(throws: PNG.Failure.self) { try PNG.decode(Array(redPNG.prefix(40))) }
        #expect(ImageDecoder.decode(Array("not an image".utf8)) == nil)
    }

    @Test func readsJPEGAndGIFDimensions() {
        let gif: [UInt8] = Array("GIF89a".utf8) + [7, 0, 5, 0, 0, 0, 0]
        #expect(ImageDecoder.decode(gif).map { [$0.format, "\($0.image.width)x\($0.image.height)"] } == ["gif", "7x5"])
        // SOI, APP0 (length 4), SOF0: length 17, precision 8, height 0x0102, width 0x0304.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x02, 0x03, 0x04, 0x03, 0, 0, 0, 0]
        let d = ImageDecoder.decode(jpeg)
        #expect(d?.format == "jpeg" && d?.image.width == 0x0304 && d?.image.height == 0x0102 && d?.pixelsDecoded == false)
    }

    @Test func cssColors() {
        #expect(CSSColor.parse("#f00")?.serialized == "#ff0000")
        #expect(CSSColor.parse("#00FF0080") == CSSColor(r: 0, g: 255, b: 0, a: 128.0 / 255))
        #expect(CSSColor.parse("rgb(1, 2, 3)")?.serialized == "#010203")
        #expect(CSSColor.parse("rgba(255,0,0,0.5)")?.serialized == "rgba(255, 0, 0, 0.5)")
        #expect(CSSColor.parse("rgb(0 128 255 / 50%)") == CSSColor(r: 0, g: 128, b: 255, a: 0.5))
        #expect(CSSColor.parse("hsl(120, 100%, 50%)")?.serialized == "#00ff00")
        #expect(CSSColor.parse("Blue")?.serialized == "#0000ff")
        #expect(CSSColor.parse("transparent")?.serialized == "rgba(0, 0, 0, 0)")
        #expect(CSSColor.parse("nonsense") == nil)
        #expect(CSSColor.parse("rgb(1, 2)") == nil)
    }
}

@Suite("The origin-clean flag: one line a rule")
struct OriginCleanRuleTests {
    let checker = OriginChecker()
    let a = URLRecord.parse("http://a.local/")!.origin

    @Test func rules() {
        #expect(checker.canvasDrawImage(.image(url: "http://b.local/i.png", responseTainting: "opaque"), canvasOrigin: a).clearsOriginClean, "a no-cors cross-origin image taints")
        #expect(!checker.canvasDrawImage(.image(url: "http://b.local/i.png", responseTainting: "cors"), canvasOrigin: a).clearsOriginClean, "a CORS-approved image keeps it clean")
        #expect(!checker.canvasDrawImage(.image(url: "http://a.local/i.png", responseTainting: "basic"), canvasOrigin: a).clearsOriginClean, "a same-origin image keeps it clean")
        #expect(!checker.canvasDrawImage(.image(url: "data:image/png;base64,xx", responseTainting: "basic"), canvasOrigin: a).clearsOriginClean, "a data: image keeps it clean")
        #expect(checker.canvasDrawImage(.canvas(originClean: false, taintedBy: "http://b.local/i.png"), canvasOrigin: a).clearsOriginClean, "a tainted canvas taints")
        #expect(!checker.canvasDrawImage(.canvas(originClean: true, taintedBy: nil), canvasOrigin: a).clearsOriginClean, "a clean canvas keeps it clean")
        #expect(checker.canvasDrawImage(.image(url: "http://b.local/i.png", responseTainting: "opaque"), canvasOrigin: a).verdict.isAllowed, "drawing itself is always allowed")
        #expect(checker.canvasReadback(.getImageData, originClean: true, taintedBy: nil, canvasOrigin: a).isAllowed, "a clean canvas may be read")
        #expect(checker.canvasReadback(.getImageData, originClean: false, taintedBy: nil, canvasOrigin: a).message == "Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data.")
        #expect(checker.canvasReadback(.toDataURL, originClean: false, taintedBy: nil, canvasOrigin: a).message == "Failed to execute 'toDataURL' on 'HTMLCanvasElement': Tainted canvases may not be exported.")
        #expect(checker.canvasReadback(.toBlob, originClean: false, taintedBy: nil, canvasOrigin: a).message == "Failed to execute 'toBlob' on 'HTMLCanvasElement': Tainted canvases may not be exported.")
        #expect(checker.canvasReadback(.toBlob, originClean: false, taintedBy: nil, canvasOrigin: a).errorName == "SecurityError")
        #expect(OriginChecker(profile: .firefox).canvasReadback(.getImageData, originClean: false, taintedBy: nil, canvasOrigin: a).message == "The operation is insecure.")
    }
}

@Suite("Images and the canvas in a page", .serialized)
struct CanvasEngineTests {
    func browser(_ extraImages: [String: (bytes: [UInt8], headers: [(String, String)])] = [:]) -> Browser {
        var images: [String: (bytes: [UInt8], headers: [(String, String)])] = [
            "http://a.local/quad.png": (quadPNG, []),
            "http://a.local/red.png": (redPNG, []),
            "http://b.local/red.png": (redPNG, []),
            "http://b.local/cors.png": (redPNG, [("Access-Control-Allow-Origin", "*")]),
            "http://b.local/corp.png": (redPNG, [("Cross-Origin-Resource-Policy", "same-origin")]),
            "http://b.local/html.png": (Array("<html></html>".utf8), []),
            "https://s.local/red.png": (redPNG, []),
        ]
        for (k, v) in extraImages { images[k] = v }
        return Browser(server: imageServer(pages: ["http://a.local/": "<p>x</p>", "https://s.local/": "<p>s</p>"], images: images))
    }

    /// Opens `url` in a fresh browser, runs `body`, then closes the browser.
    func page(_ url: String = "http://a.local/", _ body: (Browser, BrowsingContext) throws -> Void) rethrows {
        let b = browser()
        defer { b.close() }
        try body(b, b.open(url, name: "t"))
    }

    @Test("A clean read gives the image's pixels, unpremultiplied")
    func cleanPixels() {
        page("http://a.local/") { b, top in
            let r = top.evaluate(drawAndRun("/quad.png", "return Array.from(ctx.getImageData(0, 0, 2, 2).data).join(',')"))
            #expect(r.value == .string("load " + quadPixels.map(String.init).joined(separator: ",")), "\(String(describing: r.error))")
            #expect(top.evaluate("[img.naturalWidth, img.naturalHeight, img.width, img.complete, img.currentSrc].join()").value == .string("2,2,2,true,http://a.local/quad.png"))
        }
    }

    @Test("toDataURL is a real PNG of the canvas")
    func dataURL() throws {
        try page("http://a.local/") { b, top in
            let r = top.evaluate(drawAndRun("/quad.png", "return c.toDataURL()"))
            guard case .string(let s)? = r.value, s.hasPrefix("load data:image/png;base64,") else { Issue.record("no data URL: \(String(describing: r.value))"); return }
            let bytes = try #require(Data(base64Encoded: String(s.dropFirst("load data:image/png;base64,".count))))
            #expect(try PNG.decode(Array(bytes)) == RGBAImage(width: 2, height: 2, pixels: quadPixels))
        }
    }

    @Test("A cross-origin no-cors image loads, draws, and taints: reads throw SecurityError")
    func tainted() {
        page("http://a.local/") { b, top in
            #expect(top.evaluate(drawAndRun("http://b.local/red.png", "return img.naturalWidth + 'x' + img.naturalHeight")).value == .string("load 3x2"))
            let read = top.evaluate("ctx.getImageData(0, 0, 1, 1)")
            #expect(read.outcome == .blocked)
            #expect(read.error == DOMException(name: "SecurityError", message: "Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data."))
            #expect(read.reason?.rule == "origin-clean flag")
            #expect(top.evaluate("c.toDataURL()").error?.message == "Failed to execute 'toDataURL' on 'HTMLCanvasElement': Tainted canvases may not be exported.")
            #expect(top.evaluate("c.toBlob(() => {})").error?.message == "Failed to execute 'toBlob' on 'HTMLCanvasElement': Tainted canvases may not be exported.")
            #expect(b.decisions.contains { $0.verdict.rule == "origin-clean flag" && $0.verdict.explanation.contains("clears the canvas's origin-clean flag") })
            let req = b.requests.first { $0.url == "http://b.local/red.png" }
            #expect(req?.kind == "image" && req?.headers["Origin"] == nil && req?.readable == false)
        }
    }

    @Test("A tainted canvas drawn into another taints it; resizing keeps the flag")
    func propagation() {
        page("http://a.local/") { b, top in
            _ = top.evaluate(drawAndRun("http://b.local/red.png", "return ''"))
            #expect(top.evaluate("const c2 = document.createElement('canvas'); c2.getContext('2d').drawImage(c, 0, 0); c2.getContext('2d').getImageData(0, 0, 1, 1)").error?.name == "SecurityError")
            #expect(top.evaluate("document.createElement('canvas').getContext('2d').getImageData(0, 0, 1, 1).data.join()").value == .string("0,0,0,0"))
            #expect(top.evaluate("c.width = 5; ctx.getImageData(0, 0, 1, 1)").error?.name == "SecurityError")
        }
    }

    @Test("crossorigin=anonymous: with Access-Control-Allow-Origin the canvas stays clean; without it the image fails")
    func crossOriginAttribute() {
        page("http://a.local/") { b, top in
            #expect(top.evaluate(drawAndRun("http://b.local/cors.png", crossOrigin: "anonymous", "return ctx.getImageData(0, 0, 1, 1).data.join()")).value == .string("load 255,0,0,255"))
            #expect(b.requests.last?.headers["Origin"] == "http://a.local")
            #expect(top.evaluate(drawAndRun("http://b.local/red.png", crossOrigin: "anonymous", "return img.naturalWidth + 'x' + img.naturalHeight")).value == .string("error 0x0"))
            #expect(b.console.contains { $0.text == "Access to image at 'http://b.local/red.png' from origin 'http://a.local' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." })
        }
    }

    @Test("A data: image is same-origin: the canvas stays clean")
    func dataImage() {
        page("http://a.local/") { b, top in
            let url = "data:image/png;base64," + Data(quadPNG).base64EncodedString()
            #expect(top.evaluate(drawAndRun(url, "return ctx.getImageData(1, 1, 1, 1).data.join()")).value == .string("load 255,255,255,128"))
            #expect(!b.requests.contains { $0.url.hasPrefix("data:") })
        }
    }

    @Test("Failures fire error: 404, CORP, a body that is not an image")
    func failures() {
        page("http://a.local/") { b, top in
            for url in ["/missing.png", "http://b.local/corp.png", "http://b.local/html.png"] {
                #expect(top.evaluate(drawAndRun(url, "return img.naturalWidth + 'x' + img.naturalHeight + ' ' + img.complete")).value == .string("error 0x0 true"), "\(url)")
            }
            #expect(top.evaluate("new Promise((r) => { const i = new Image(); i.src = '/missing.png'; i.decode().then(() => r('ok'), (e) => r(e.name + ': ' + e.message)); })").value
                    == .string("EncodingError: The source image cannot be decoded."))
            #expect(top.evaluate("new Promise((r) => { const i = new Image(); i.src = '/red.png'; i.decode().then(() => r('ok ' + i.naturalWidth), (e) => r(e.name)); })").value == .string("ok 3"))
            #expect(top.evaluate("try { const i = new Image(); i.src = '/missing.png'; new Promise((r) => i.onerror = r).then(() => { document.createElement('canvas').getContext('2d').drawImage(i, 0, 0); return 'drawn'; }) } catch (e) { e.name }").error?.message
                    == "Failed to execute 'drawImage' on 'CanvasRenderingContext2D': The HTMLImageElement provided is in the 'broken' state.")
        }
    }

    @Test("Image requests: a task on virtual time, kind image, Sec-Fetch-Dest image on https; markup images too")
    func requests() {
        page("https://s.local/") { b, top in
            #expect(top.evaluate("const i = new Image(); i.src = '/red.png'; [i.complete, i.naturalWidth].join()").value == .string("false,0"))
            let req = b.requests.last
            #expect(req?.url == "https://s.local/red.png" && req?.kind == "image")
            #expect(req?.headers["Sec-Fetch-Dest"] == "image" && req?.headers["Sec-Fetch-Mode"] == "no-cors" && req?.headers["Sec-Fetch-Site"] == "same-origin")
            let before = b.requests.count
            #expect(top.evaluate("new Promise((r) => { const j = new Image(); j.onload = () => r(j.currentSrc); j.src = '/missing.png'; j.src = '/red.png?2'; })").value == .string("https://s.local/red.png?2"))
            #expect(b.requests[before...].map(\.url) == ["https://s.local/red.png?2"], "a src set twice in one task fetches once")
            #expect(top.evaluate("document.body.innerHTML = '<img id=m src=/red.png width=7>'; const m = document.getElementById('m'); new Promise((r) => m.onload = () => r(m.width + ' ' + m.height))").value == .string("7 2"))
        }
    }

    @Test("fillStyle, fillRect, clearRect, putImageData, and resizing clears")
    func drawing() {
        page("http://a.local/") { b, top in
            _ = top.evaluate("var c = document.createElement('canvas'); c.width = 4; c.height = 4; var x = c.getContext('2d');")
            #expect(top.evaluate("x.fillStyle = 'rgb(10, 20, 30)'; x.fillStyle").value == .string("#0a141e"))
            #expect(top.evaluate("x.fillStyle = 'bogus'; x.fillStyle").value == .string("#0a141e"))
            #expect(top.evaluate("x.fillRect(0, 0, 2, 2); x.getImageData(1, 1, 2, 1).data.join()").value == .string("10,20,30,255,0,0,0,0"))
            #expect(top.evaluate("x.fillStyle = 'rgba(255, 0, 0, 0.5)'; x.fillRect(3, 3, 1, 1); x.getImageData(3, 3, 1, 1).data.join()").value == .string("255,0,0,128"))
            #expect(top.evaluate("x.clearRect(0, 0, 1, 1); x.getImageData(0, 0, 1, 1).data.join()").value == .string("0,0,0,0"))
            #expect(top.evaluate("const d = new ImageData(1, 1); d.data.set([1, 2, 3, 4]); x.putImageData(d, 2, 0); x.getImageData(2, 0, 1, 1).data.join()").value == .string("1,2,3,4"))
            #expect(top.evaluate("x.translate(1, 1); x.fillStyle = 'blue'; x.fillRect(0, 0, 1, 1); x.getImageData(1, 1, 1, 1).data.join()").value == .string("0,0,255,255"))
            #expect(top.evaluate("c.width = 4; [x.fillStyle, x.getImageData(1, 1, 1, 1).data.join()].join(' ')").value == .string("#000000 0,0,0,0"))
            #expect(top.evaluate("const s = document.createElement('canvas'); s.width = 2; s.height = 1; s.getContext('2d').fillStyle = 'lime'; s.getContext('2d').fillRect(0, 0, 2, 1); x.drawImage(s, 0, 0, 4, 2); x.getImageData(3, 1, 1, 1).data.join()").value == .string("0,255,0,255"))
            #expect(top.evaluate("x.getImageData(0, 0, 0, 1)").error == DOMException(name: "IndexSizeError", message: "Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The source width is 0."))
        }
    }

    @Test("toBlob calls back in a later task with a PNG blob")
    func toBlob() {
        page("http://a.local/") { b, top in
            let r = top.evaluate("""
            new Promise((resolve) => {
              const c = document.createElement('canvas'); c.width = 2; c.height = 2;
              let sync = true;
              c.toBlob((b) => resolve([sync, b.type, b.size > 50].join()));
              sync = false;
            })
            """)
            #expect(r.value == .string("false,image/png,true"))
            #expect(top.evaluate("document.createElement('canvas').toDataURL().slice(0, 22)").value == .string("data:image/png;base64,"))
            #expect(top.evaluate("const z = document.createElement('canvas'); z.width = 0; z.toDataURL()").value == .string("data:,"))
        }
    }
}
