// Images and the canvas, the engine's side: the image fetch (through the fetch algorithm of
// FetchAPI.swift, no-cors or CORS), decoding, and the host functions images.js calls for the
// 2D context's pixels. The origin-clean decisions are the checker's (Canvas.swift for now).
// See Docs/Canvas.md.
import CJavaScriptCore
import Foundation
import URLStandard

// MARK: Swift objects behind JS handles

/// A JS object that owns one Swift object (an image's decoded pixels, a canvas's bitmap). Page
/// scripts never see these handles' contents; the object lives as long as JS holds the handle,
/// and may pass between realms of one browser (same-origin frames share objects).
let nativeHandleClass: JSClassRef = {
    var def = kJSClassDefinitionEmpty
    def.finalize = { obj in
        if let p = JSObjectGetPrivate(obj) { Unmanaged<AnyObject>.fromOpaque(p).release() }
    }
    return "SimbrowseNative".withCString { name in
        def.className = name
        return JSClassCreate(&def)
    }
}()

extension JSC {
    func nativeHandle(_ object: AnyObject) -> JSObjectRef {
        rooted(JSObjectMake(ctx, nativeHandleClass, Unmanaged<AnyObject>.passRetained(object).toOpaque())!)
    }
    func native<T: AnyObject>(_ v: JSValueRef?, as: T.Type) -> T? {
        guard let o = object(v), JSValueIsObjectOfClass(ctx, o, nativeHandleClass), let p = JSObjectGetPrivate(o) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(p).takeUnretainedValue() as? T
    }
    /// A new Uint8ClampedArray holding `bytes`.
    func uint8Array(_ bytes: [UInt8], clamped: Bool) throws -> JSObjectRef {
        var exc: JSValueRef?
        let type = clamped ? kJSTypedArrayTypeUint8ClampedArray : kJSTypedArrayTypeUint8Array
        guard let made = JSObjectMakeTypedArray(ctx, type, bytes.count, &exc) else { throw JSThrown(value: exc ?? undefined) }
        let arr = rooted(made)
        if !bytes.isEmpty, let p = JSObjectGetTypedArrayBytesPtr(ctx, arr, nil) {
            bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        }
        return arr
    }
    /// The bytes of a typed array (nil when `v` is not one).
    func typedArrayBytes(_ v: JSValueRef?) -> [UInt8]? {
        guard let o = object(v), JSValueGetTypedArrayType(ctx, o, nil) != kJSTypedArrayTypeNone else { return nil }
        let n = JSObjectGetTypedArrayByteLength(ctx, o, nil)
        guard n > 0, let p = JSObjectGetTypedArrayBytesPtr(ctx, o, nil) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }
}

// MARK: images

/// An image's current request once it is completely available: the decoded pixels and what
/// the canvas needs to know about where they came from.
/// https://html.spec.whatwg.org/multipage/images.html#img-req-data
final class ImageResource {
    /// The response's URL (after redirects).
    let url: String
    let format: String
    let image: RGBAImage
    /// False for formats whose size is read from the header but whose pixels are not decoded
    /// (JPEG, GIF, WebP, BMP): they draw as transparent black.
    let pixelsDecoded: Bool
    /// The response tainting: "basic", "cors" or "opaque". Opaque is CORS-cross-origin
    /// (https://html.spec.whatwg.org/multipage/urls-and-fetching.html#cors-cross-origin).
    let tainting: String

    init(url: String, format: String, image: RGBAImage, pixelsDecoded: Bool, tainting: String) {
        self.url = url; self.format = format; self.image = image; self.pixelsDecoded = pixelsDecoded; self.tainting = tainting
    }
}

/// What an image's bytes are, by their signature (https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern):
/// PNG is decoded; JPEG, GIF, WebP and BMP give their dimensions; anything else is not an image.
enum ImageDecoder {
    struct Decoded { var format: String; var image: RGBAImage; var pixelsDecoded: Bool }

    static func decode(_ b: [UInt8]) -> Decoded? {
        if b.starts(with: PNG.signature) {
            guard let img = try? PNG.decode(b) else { return nil }
            return Decoded(format: "png", image: img, pixelsDecoded: true)
        }
        guard let (format, w, h) = headerDimensions(b), w > 0, h > 0, w * h <= PNG.maxPixels else { return nil }
        return Decoded(format: format, image: RGBAImage(width: w, height: h), pixelsDecoded: false)
    }

    static func headerDimensions(_ b: [UInt8]) -> (String, Int, Int)? {
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func le32(_ i: Int) -> Int { le16(i) | le16(i + 2) << 16 }
        // GIF87a / GIF89a: the logical screen size.
        if b.count >= 10, b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) {
            return ("gif", le16(6), le16(8))
        }
        // JPEG: the first start-of-frame marker (SOF0-SOF15 but DHT, JPG and DAC).
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF {
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { return nil }
                let marker = b[i + 1]
                if marker == 0xFF { i += 1; continue }
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                let len = be16(i + 2)
                if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return ("jpeg", be16(i + 7), be16(i + 5))
                }
                if marker == 0xD9 || marker == 0xDA || len < 2 { return nil }
                i += 2 + len
            }
            return nil
        }
        // WebP: RIFF....WEBP with a VP8, VP8L or VP8X chunk.
        if b.count >= 30, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) {
            switch String(decoding: b[12..<16], as: UTF8.self) {
            case "VP8 ": return ("webp", le16(26) & 0x3FFF, le16(28) & 0x3FFF)
            case "VP8L":
                let bits = le32(21)
                return ("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            case "VP8X":
                let w = Int(b[24]) | Int(b[25]) << 8 | Int(b[26]) << 16
                let h = Int(b[27]) | Int(b[28]) << 8 | Int(b[29]) << 16
                return ("webp", w + 1, h + 1)
            default: return nil
            }
        }
        // BMP: BITMAPINFOHEADER (or larger) width and height (negative height: top-down).
        if b.count >= 26, b[0] == 0x42, b[1] == 0x4D, le32(14) >= 40 {
            let h = Int32(truncatingIfNeeded: le32(22))
            return ("bmp", le32(18), Int(h.magnitude))
        }
        return nil
    }
}

// MARK: the realm's side

extension Realm {
    func installImageHostFunctions() {
        func def(_ name: String, _ body: @escaping (JSC, [JSValueRef]) throws -> JSValueRef) {
            js.set(host, name, js.function(name) { js, _, args in try body(js, args) })
        }
        func arg(_ a: [JSValueRef], _ i: Int) -> JSValueRef? { i < a.count ? a[i] : nil }
        func num(_ js: JSC, _ a: [JSValueRef], _ i: Int) -> Double { js.toNumber(arg(a, i)) }
        /// An integer argument (images.js passes WebIDL longs; anything else becomes 0).
        func int(_ js: JSC, _ a: [JSValueRef], _ i: Int) -> Int {
            let d = num(js, a, i)
            return d.isFinite ? Int(max(-1e9, min(1e9, d.rounded(.towardZero)))) : 0
        }
        func matrix(_ js: JSC, _ a: [JSValueRef], from i: Int) -> Transform2D {
            Transform2D(a: num(js, a, i), b: num(js, a, i + 1), c: num(js, a, i + 2), d: num(js, a, i + 3), e: num(js, a, i + 4), f: num(js, a, i + 5))
        }
        // Unowned, as in HostFunctions.swift: the realm's functions must not keep its window
        // or browser alive (Window → Realm → context → these closures).
        unowned let w = window
        unowned let b = browser

        // imageFetch(url, crossorigin attribute or null, callback): fetches in a task; the
        // callback gets {ok, handle, width, height, type} or {ok: false}.
        def("imageFetch") { [unowned self] js, a in
            guard let cb = arg(a, 2), let url = URLRecord.parse(js.toString(arg(a, 0)), base: w.url) else { return js.undefined }
            let crossOrigin: String? = js.isNullish(arg(a, 1)) ? nil : js.toString(arg(a, 1))
            let keepID = self.keep(cb)
            // An image being fetched delays its document's load event
            // (https://html.spec.whatwg.org/multipage/images.html#update-the-image-data step 24).
            let delaysLoad = !w.loadFired
            if delaysLoad { w.pendingChildLoads += 1 }
            b.queueTask { [weak self] in
                guard let self, self.window.isActive else { return }
                self.fetchImage(url, crossOrigin: crossOrigin) { [weak self] resource in
                    guard let self else { return }
                    defer {
                        self.release(keepID)
                        if delaysLoad {
                            self.window.pendingChildLoads -= 1
                            self.browser.checkLoadComplete(self.window)
                        }
                    }
                    let r = self.js.newObject()
                    self.js.set(r, "ok", self.js.bool(resource != nil))
                    if let resource {
                        self.js.set(r, "handle", self.js.nativeHandle(resource))
                        self.js.set(r, "width", self.js.number(Double(resource.image.width)))
                        self.js.set(r, "height", self.js.number(Double(resource.image.height)))
                        self.js.set(r, "type", self.js.string(resource.tainting))
                    }
                    self.invoke(cb, [r])
                }
            }
            return js.undefined
        }
        def("imageQueueTask") { [unowned self] js, a in
            guard let f = arg(a, 0) else { return js.undefined }
            let keepID = self.keep(f)
            b.queueTask { [weak self] in
                guard let self else { return }
                self.invoke(f)
                self.release(keepID)
            }
            return js.undefined
        }

        // canvasColor(text): [serialization, r, g, b, a] or null.
        def("canvasColor") { js, a in
            guard let c = CSSColor.parse(js.toString(arg(a, 0))) else { return js.null }
            return js.array([js.string(c.serialized), js.number(Double(c.r)), js.number(Double(c.g)), js.number(Double(c.b)), js.number(c.a)])
        }
        def("canvasNew") { js, a in
            js.nativeHandle(CanvasBacking(width: int(js, a, 0), height: int(js, a, 1)))
        }
        def("canvasReset") { js, a in
            js.native(arg(a, 0), as: CanvasBacking.self)?.reset(width: int(js, a, 1), height: int(js, a, 2))
            return js.undefined
        }
        def("canvasFillRect") { js, a in
            guard let c = js.native(arg(a, 0), as: CanvasBacking.self) else { return js.undefined }
            let color = CSSColor(r: UInt8(clamping: int(js, a, 5)), g: UInt8(clamping: int(js, a, 6)),
                                 b: UInt8(clamping: int(js, a, 7)), a: num(js, a, 8))
            c.bitmap.fillRect(num(js, a, 1), num(js, a, 2), num(js, a, 3), num(js, a, 4), color: color,
                              globalAlpha: num(js, a, 9), transform: matrix(js, a, from: 10))
            return js.undefined
        }
        def("canvasClearRect") { js, a in
            guard let c = js.native(arg(a, 0), as: CanvasBacking.self) else { return js.undefined }
            c.bitmap.clearRect(num(js, a, 1), num(js, a, 2), num(js, a, 3), num(js, a, 4), transform: matrix(js, a, from: 5))
            return js.undefined
        }
        // canvasDrawImage(canvas, source, sx, sy, sw, sh, dx, dy, dw, dh, globalAlpha, a..f)
        def("canvasDrawImage") { js, a in
            guard let c = js.native(arg(a, 0), as: CanvasBacking.self) else { return js.undefined }
            let source: CanvasImageSource
            let pixels: RGBAImage
            if let img = js.native(arg(a, 1), as: ImageResource.self) {
                source = .image(url: img.url, responseTainting: img.tainting)
                pixels = img.image
            } else if let src = js.native(arg(a, 1), as: CanvasBacking.self) {
                source = .canvas(originClean: src.originClean, taintedBy: src.taintedBy)
                pixels = src.bitmap
                if src.drewCrossOrigin { c.drewCrossOrigin = true }
            } else {
                return js.undefined
            }
            // https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-drawimage step 6.
            let (verdict, clears) = b.checker.canvasDrawImage(source, canvasOrigin: w.origin)
            if clears {
                if c.originClean { c.taintedBy = source.url ?? source.taintedBy }
                c.originClean = false
            }
            let crossOrigin = source.kind == .image && source.responseTainting != "basic"
            if crossOrigin { c.drewCrossOrigin = true }
            // Same-origin drawing is routine; the cross-origin and tainting ones are worth a record.
            if clears || crossOrigin { b.record(verdict, by: w) }
            c.bitmap.draw(pixels, sx: num(js, a, 2), sy: num(js, a, 3), sw: num(js, a, 4), sh: num(js, a, 5),
                          dx: num(js, a, 6), dy: num(js, a, 7), dw: num(js, a, 8), dh: num(js, a, 9),
                          globalAlpha: num(js, a, 10), transform: matrix(js, a, from: 11))
            return js.undefined
        }
        // canvasGetImageData(canvas, sx, sy, sw, sh): a Uint8ClampedArray, or throws.
        def("canvasGetImageData") { [unowned self] js, a in
            guard let c = js.native(arg(a, 0), as: CanvasBacking.self) else { throw self.typeError("Illegal invocation") }
            try self.checkReadback(c, .getImageData)
            var x = int(js, a, 1), y = int(js, a, 2), sw = int(js, a, 3), sh = int(js, a, 4)
            let failed = "Failed to execute 'getImageData' on 'CanvasRenderingContext2D': "
            if sw == 0 { throw self.domException(failed + "The source width is 0.", "IndexSizeError") }
            if sh == 0 { throw self.domException(failed + "The source height is 0.", "IndexSizeError") }
            if sw < 0 { x += sw; sw = -sw }
            if sh < 0 { y += sh; sh = -sh }
            guard sw <= 1 << 20, sh <= 1 << 20, sw * sh <= 4096 * 4096 else {
                throw JSThrown(value: (try? js.evaluate("new RangeError(\"Out of memory at ImageData creation\")")) ?? js.string("RangeError"))
            }
            return try js.uint8Array(c.bitmap.region(x, y, sw, sh).pixels, clamped: true)
        }
        // canvasPutImageData(canvas, data, width, height, dx, dy, dirtyX, dirtyY, dirtyW, dirtyH)
        def("canvasPutImageData") { js, a in
            guard let c = js.native(arg(a, 0), as: CanvasBacking.self), let bytes = js.typedArrayBytes(arg(a, 1)) else { return js.undefined }
            let iw = int(js, a, 2), ih = int(js, a, 3)
            guard iw > 0, ih > 0, bytes.count == iw * ih * 4 else { return js.undefined }
            c.bitmap.put(RGBAImage(width: iw, height: ih, pixels: bytes), dx: int(js, a, 4), dy: int(js, a, 5),
                         dirtyX: int(js, a, 6), dirtyY: int(js, a, 7), dirtyW: int(js, a, 8), dirtyH: int(js, a, 9))
            return js.undefined
        }
        // canvasExport(canvas, "toDataURL" | "toBlob", type): a data: URL, or the PNG bytes as a
        // Uint8Array (null for an empty canvas); throws for a canvas that is not origin-clean.
        def("canvasExport") { [unowned self] js, a in
            guard let c = js.native(arg(a, 0), as: CanvasBacking.self) else { throw self.typeError("Illegal invocation") }
            let method: CanvasReadback = js.toString(arg(a, 1)) == "toBlob" ? .toBlob : .toDataURL
            try self.checkReadback(c, method)
            // Only PNG is encoded; other types fall back to PNG, as the standard allows.
            let png = c.bitmap.width > 0 && c.bitmap.height > 0 ? try? PNG.encode(c.bitmap) : nil
            if method == .toDataURL {
                guard let png else { return js.string("data:,") }
                return js.string("data:image/png;base64," + Data(png).base64EncodedString())
            }
            guard let png else { return js.null }
            return try js.uint8Array(png, clamped: false)
        }
    }

    /// The origin-clean check of getImageData, toDataURL and toBlob: a decision of the checker,
    /// recorded when it blocks or when the canvas holds CORS-approved cross-origin pixels.
    private func checkReadback(_ c: CanvasBacking, _ method: CanvasReadback) throws {
        let v = browser.checker.canvasReadback(method, originClean: c.originClean, taintedBy: c.taintedBy, canvasOrigin: window.origin)
        if !v.isAllowed || c.drewCrossOrigin { browser.record(v, by: window) }
        if !v.isAllowed { throw exception(for: v) }
    }

    func imageElementInserted(_ el: JSValueRef) {
        guard let images = js.object(js.get(host, "images")) else { return }
        do { try js.call(js.get(images, "inserted"), this: images, [el]) } catch let e as JSThrown { reportException(e.value) } catch {}
    }

    func imageAttributeChanged(_ el: JSValueRef, _ name: String) {
        guard let images = js.object(js.get(host, "images")) else { return }
        do { try js.call(js.get(images, "attributeChanged"), this: images, [el, js.string(name)]) }
        catch let e as JSThrown { reportException(e.value) } catch {}
    }

    // MARK: the image fetch

    /// Fetches an image (https://html.spec.whatwg.org/multipage/images.html#update-the-image-data
    /// step 24: a potential-CORS request, destination "image") and decodes it. `done` gets nil
    /// for a network error, a failed CORS check, a CORP block, or bytes that are not an image.
    func fetchImage(_ url: URLRecord, crossOrigin: String?, done: @escaping (ImageResource?) -> Void) {
        // https://html.spec.whatwg.org/multipage/urls-and-fetching.html#create-a-potential-cors-request
        let mode: FetchRequest.Mode = crossOrigin == nil ? .noCors : .cors
        let credentials: CredentialsMode = crossOrigin == nil || crossOrigin!.lowercased() == "use-credentials" ? .include : .sameOrigin
        let req = FetchRequest(method: "GET", url: url,
                               headers: HeaderList([("Accept", "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8")]),
                               body: nil, destination: "image", mode: mode, kind: "image", client: window, origin: window.origin,
                               referrer: window.url, frameLabel: window.label)
        let consoleStart = browser.console.count, requestStart = browser.requests.count
        let decisionStart = browser.decisions.count, stepDecisionStart = browser.stepDecisions.count
        let f = APIFetch(request: req, initiator: .fetch, credentials: credentials, redirectMode: "follow", sync: false) { [weak self] result in
            guard let self else { return }
            let b = self.browser
            self.rewordForImage(consoleFrom: consoleStart, requestsFrom: requestStart, initialURL: url.href)
            if result.error != nil {
                self.imageFailureDecision(decisionsFrom: decisionStart, stepDecisionsFrom: stepDecisionStart)
            }
            guard result.error == nil, let body = self.internalBody(result) else { done(nil); return }
            guard let decoded = ImageDecoder.decode(body) else {
                // The fetch completes right after logging its last request (data: URLs log none).
                if url.scheme != "data", let i = b.requests.indices.last, i >= requestStart, b.requests[i].kind == "image" {
                    b.requests[i].reason = (b.requests[i].reason.map { $0 + "; " } ?? "") + "not a decodable image"
                }
                done(nil)
                return
            }
            // The response's URL (after redirects) is the one whose origin matters. An opaque
            // response hides it; it is the last request logged (see `internalBody`).
            let finalURL = result.type == "opaque" ? (b.requests.last?.url ?? url.href) : (result.url.isEmpty ? url.href : result.url)
            done(ImageResource(url: finalURL, format: decoded.format, image: decoded.image,
                               pixelsDecoded: decoded.pixelsDecoded, tainting: result.type))
        }
        browser.startAPIFetch(f)
    }

    /// The body of the internal response (https://fetch.spec.whatwg.org/#concept-internal-response):
    /// an opaque filtered response hides it from scripts, but the image element still decodes it.
    private func internalBody(_ result: APIFetchResult) -> [UInt8]? {
        result.type == "opaque" ? result.internalBody : result.body
    }

    /// STOPGAP until the fetch layer knows image fetches: the failure's decision (recorded by the
    /// fetch layer just before it finished the fetch, so the last one) is worded for an image,
    /// and names no exception: a failed image fires `error`, it does not throw.
    private func imageFailureDecision(decisionsFrom: Int, stepDecisionsFrom: Int) {
        let b = browser
        func fix(_ v: inout Verdict) {
            guard v.errorName == "TypeError" else { return }
            v.explanation = imageWording(v.explanation) + " (the image fires error)"
            v.errorName = nil
            v.message = nil
        }
        if b.decisions.count > decisionsFrom { fix(&b.decisions[b.decisions.count - 1].verdict) }
        if b.stepDecisions.count > stepDecisionsFrom { fix(&b.stepDecisions[b.stepDecisions.count - 1]) }
    }

    /// Chromium's wording of an image's CORS failure: "Access to image at ...", without the
    /// fetch-only hint about no-cors.
    private func imageWording(_ s: String) -> String {
        var s = s
        if s.hasPrefix("Access to fetch at '") { s = "Access to image at '" + s.dropFirst("Access to fetch at '".count) }
        for h in [" Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.",
                  " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."] {
            s = s.replacingOccurrences(of: h, with: "")
        }
        return s
    }

    /// STOPGAP until `CORSInitiator` has an image case: Chromium words an image's CORS failure
    /// "Access to image at ..." without the fetch-only hint about no-cors.
    private func rewordForImage(consoleFrom: Int, requestsFrom: Int, initialURL: String) {
        let b = browser
        if consoleFrom < b.console.count {
            for i in consoleFrom..<b.console.count {
                let t = b.console[i].text
                guard t.hasPrefix("Access to fetch at '"), t.contains("'\(initialURL)'") else { continue }
                b.console[i].text = imageWording(t)
            }
        }
        if requestsFrom < b.requests.count {
            for i in requestsFrom..<b.requests.count where b.requests[i].kind == "image" {
                if let r = b.requests[i].reason { b.requests[i].reason = imageWording(r) }
            }
        }
    }

}
