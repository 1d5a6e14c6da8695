// The canvas: a bitmap of RGBA pixels, the 2D context's drawing operations on it (fillRect,
// clearRect, drawImage with nearest-neighbour scaling, getImageData/putImageData), CSS colours
// for fillStyle, and the origin-clean flag with the decisions it leads to.
// https://html.spec.whatwg.org/multipage/canvas.html
import Foundation
import URLStandard

// MARK: the canvas

/// A canvas element's bitmap and origin-clean flag
/// (https://html.spec.whatwg.org/multipage/canvas.html#concept-canvas-origin-clean).
final class CanvasBacking {
    var bitmap: RGBAImage
    var originClean = true
    /// The URL of the image whose drawing cleared the flag (directly or through another canvas).
    var taintedBy: String?
    /// Whether a cross-origin image that passed its CORS check was drawn: reads are then worth
    /// recording (they are allowed because of CORS).
    var drewCrossOrigin = false

    init(width: Int, height: Int) { bitmap = RGBAImage(width: width, height: height) }

    /// https://html.spec.whatwg.org/multipage/canvas.html#concept-canvas-set-bitmap-dimensions :
    /// setting width or height (even to the same value) clears the bitmap to transparent black.
    /// The origin-clean flag stays as it was.
    func reset(width: Int, height: Int) { bitmap = RGBAImage(width: width, height: height) }
}

/// The current transformation matrix [a b c d e f] (https://html.spec.whatwg.org/multipage/canvas.html#transformations).
struct Transform2D: Equatable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
    static let identity = Transform2D()
    func apply(_ x: Double, _ y: Double) -> (Double, Double) { (a * x + c * y + e, b * x + d * y + f) }
    var inverse: Transform2D? {
        let det = a * d - b * c
        guard det != 0, det.isFinite else { return nil }
        return Transform2D(a: d / det, b: -b / det, c: -c / det, d: a / det,
                           e: (c * f - d * e) / det, f: (b * e - a * f) / det)
    }
}

extension RGBAImage {
    /// The device pixels whose centres fall inside the user-space rectangle under `m`, as
    /// (device x, device y, user x, user y); nothing when the matrix is singular.
    private func covered(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ m: Transform2D,
                         _ body: (Int, Int, Double, Double) -> Void) {
        guard width > 0, height > 0, [x, y, w, h].allSatisfy({ $0.isFinite }), let inv = m.inverse else { return }
        // A negative width or height draws the rectangle the other way (https://html.spec.whatwg.org/multipage/canvas.html#drawing-rectangles-to-the-bitmap).
        let x0 = min(x, x + w), x1 = max(x, x + w), y0 = min(y, y + h), y1 = max(y, y + h)
        guard x1 > x0, y1 > y0 else { return }
        let corners = [m.apply(x0, y0), m.apply(x1, y0), m.apply(x0, y1), m.apply(x1, y1)]
        let minX = max(0, Int((corners.map { $0.0 }.min()!).rounded(.down)))
        let maxX = min(width, Int((corners.map { $0.0 }.max()!).rounded(.up)))
        let minY = max(0, Int((corners.map { $0.1 }.min()!).rounded(.down)))
        let maxY = min(height, Int((corners.map { $0.1 }.max()!).rounded(.up)))
        guard minX < maxX, minY < maxY else { return }
        for py in minY..<maxY {
            for px in minX..<maxX {
                let (ux, uy) = inv.apply(Double(px) + 0.5, Double(py) + 0.5)
                if ux >= x0 && ux < x1 && uy >= y0 && uy < y1 { body(px, py, ux, uy) }
            }
        }
    }

    /// Source-over compositing of one non-premultiplied colour onto pixel `i`
    /// (https://drafts.fxtf.org/compositing/#porterduffcompositingoperators_srcover).
    private mutating func blend(_ i: Int, _ r: UInt8, _ g: UInt8, _ b: UInt8, _ alpha: Double) {
        let sa = alpha
        if sa >= 1 { pixels[i] = r; pixels[i + 1] = g; pixels[i + 2] = b; pixels[i + 3] = 255; return }
        if sa <= 0 { return }
        let da = Double(pixels[i + 3]) / 255
        let oa = sa + da * (1 - sa)
        func ch(_ s: UInt8, _ d: UInt8) -> UInt8 {
            UInt8(clamping: Int(((Double(s) * sa + Double(d) * da * (1 - sa)) / oa).rounded()))
        }
        pixels[i] = ch(r, pixels[i]); pixels[i + 1] = ch(g, pixels[i + 1]); pixels[i + 2] = ch(b, pixels[i + 2])
        pixels[i + 3] = UInt8(clamping: Int((oa * 255).rounded()))
    }

    /// https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-fillrect
    mutating func fillRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, color: CSSColor, globalAlpha: Double, transform: Transform2D) {
        let alpha = color.a * globalAlpha
        covered(x, y, w, h, transform) { px, py, _, _ in
            self.blend((py * self.width + px) * 4, color.r, color.g, color.b, alpha)
        }
    }

    /// https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-clearrect
    mutating func clearRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, transform: Transform2D) {
        covered(x, y, w, h, transform) { px, py, _, _ in
            let i = (py * self.width + px) * 4
            self.pixels[i] = 0; self.pixels[i + 1] = 0; self.pixels[i + 2] = 0; self.pixels[i + 3] = 0
        }
    }

    /// https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-drawimage : the source
    /// rectangle of `src` onto the destination rectangle, nearest-neighbour, source-over.
    mutating func draw(_ src: RGBAImage, sx: Double, sy: Double, sw: Double, sh: Double,
                       dx: Double, dy: Double, dw: Double, dh: Double, globalAlpha: Double, transform: Transform2D) {
        guard sw != 0, sh != 0, dw != 0, dh != 0, src.width > 0, src.height > 0 else { return }
        // Step 4 of drawImage: the source rectangle is clipped to the source; the destination shrinks with it.
        var sx = sx, sy = sy, sw = sw, sh = sh, dx = dx, dy = dy, dw = dw, dh = dh
        if sw < 0 { sx += sw; sw = -sw }
        if sh < 0 { sy += sh; sh = -sh }
        if dw < 0 { dx += dw; dw = -dw }
        if dh < 0 { dy += dh; dh = -dh }
        let scaleX = dw / sw, scaleY = dh / sh
        let cx0 = max(sx, 0), cy0 = max(sy, 0), cx1 = min(sx + sw, Double(src.width)), cy1 = min(sy + sh, Double(src.height))
        guard cx1 > cx0, cy1 > cy0 else { return }
        let ndx = dx + (cx0 - sx) * scaleX, ndy = dy + (cy0 - sy) * scaleY
        let ndw = (cx1 - cx0) * scaleX, ndh = (cy1 - cy0) * scaleY
        covered(ndx, ndy, ndw, ndh, transform) { px, py, ux, uy in
            let fx = cx0 + (ux - ndx) / scaleX, fy = cy0 + (uy - ndy) / scaleY
            let ix = min(src.width - 1, max(0, Int(fx.rounded(.down))))
            let iy = min(src.height - 1, max(0, Int(fy.rounded(.down))))
            let s = (iy * src.width + ix) * 4
            let a = Double(src.pixels[s + 3]) / 255 * globalAlpha
            self.blend((py * self.width + px) * 4, src.pixels[s], src.pixels[s + 1], src.pixels[s + 2], a)
        }
    }

    /// https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-getimagedata : pixels
    /// outside the bitmap are transparent black.
    func region(_ x: Int, _ y: Int, _ w: Int, _ h: Int) -> RGBAImage {
        var out = RGBAImage(width: w, height: h)
        for row in 0..<h {
            let sy = y + row
            guard sy >= 0, sy < height else { continue }
            for col in 0..<w {
                let sx = x + col
                guard sx >= 0, sx < width else { continue }
                let s = (sy * width + sx) * 4, d = (row * w + col) * 4
                out.pixels[d] = pixels[s]; out.pixels[d + 1] = pixels[s + 1]
                out.pixels[d + 2] = pixels[s + 2]; out.pixels[d + 3] = pixels[s + 3]
            }
        }
        return out
    }

    /// https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-putimagedata : the
    /// dirty rectangle of `data` written at (dx, dy), replacing pixels (no compositing).
    mutating func put(_ data: RGBAImage, dx: Int, dy: Int, dirtyX: Int, dirtyY: Int, dirtyW: Int, dirtyH: Int) {
        var x = dirtyX, y = dirtyY, w = dirtyW, h = dirtyH
        if w < 0 { x += w; w = -w }
        if h < 0 { y += h; h = -h }
        if x < 0 { w += x; x = 0 }
        if y < 0 { h += y; y = 0 }
        if x + w > data.width { w = data.width - x }
        if y + h > data.height { h = data.height - y }
        guard w > 0, h > 0 else { return }
        for row in y..<(y + h) {
            let ty = dy + row
            guard ty >= 0, ty < height else { continue }
            for col in x..<(x + w) {
                let tx = dx + col
                guard tx >= 0, tx < width else { continue }
                let s = (row * data.width + col) * 4, d = (ty * width + tx) * 4
                pixels[d] = data.pixels[s]; pixels[d + 1] = data.pixels[s + 1]
                pixels[d + 2] = data.pixels[s + 2]; pixels[d + 3] = data.pixels[s + 3]
            }
        }
    }
}

// MARK: CSS colours

/// A CSS colour as the 2D context uses it for fillStyle and strokeStyle
/// (https://drafts.csswg.org/css-color/): hex forms, rgb()/rgba(), hsl()/hsla(), named colours.
struct CSSColor: Equatable, Sendable {
    var r: UInt8, g: UInt8, b: UInt8
    /// 0...1
    var a: Double

    static let black = CSSColor(r: 0, g: 0, b: 0, a: 1)

    /// https://html.spec.whatwg.org/multipage/canvas.html#serialisation-of-a-color : `#rrggbb`
    /// when opaque, else `rgba(r, g, b, a)`.
    var serialized: String {
        func hex(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        if a >= 1 { return "#" + hex(r) + hex(g) + hex(b) }
        var alpha = (a * 1000).rounded() / 1000
        if alpha == 0 { alpha = 0 }
        let text = alpha == 0 ? "0" : String(alpha)
        return "rgba(\(r), \(g), \(b), \(text))"
    }

    static let named: [String: (UInt8, UInt8, UInt8)] = [
        "black": (0, 0, 0), "silver": (192, 192, 192), "gray": (128, 128, 128), "grey": (128, 128, 128),
        "white": (255, 255, 255), "maroon": (128, 0, 0), "red": (255, 0, 0), "purple": (128, 0, 128),
        "fuchsia": (255, 0, 255), "magenta": (255, 0, 255), "green": (0, 128, 0), "lime": (0, 255, 0),
        "olive": (128, 128, 0), "yellow": (255, 255, 0), "navy": (0, 0, 128), "blue": (0, 0, 255),
        "teal": (0, 128, 128), "aqua": (0, 255, 255), "cyan": (0, 255, 255), "orange": (255, 165, 0),
        "pink": (255, 192, 203), "brown": (165, 42, 42), "gold": (255, 215, 0), "indigo": (75, 0, 130),
        "violet": (238, 130, 238), "darkgray": (169, 169, 169), "darkgrey": (169, 169, 169),
        "lightgray": (211, 211, 211), "lightgrey": (211, 211, 211), "darkred": (139, 0, 0),
        "darkgreen": (0, 100, 0), "darkblue": (0, 0, 139), "lightblue": (173, 216, 230),
        "lightgreen": (144, 238, 144), "rebeccapurple": (102, 51, 153), "coral": (255, 127, 80),
        "salmon": (250, 128, 114), "tomato": (255, 99, 71), "crimson": (220, 20, 60),
        "skyblue": (135, 206, 235), "steelblue": (70, 130, 180), "beige": (245, 245, 220),
        "ivory": (255, 255, 240), "khaki": (240, 230, 140), "tan": (210, 180, 140), "chocolate": (210, 105, 30),
    ]

    /// nil when the string is not a colour this parser knows (the assignment is then ignored,
    /// as for any invalid colour).
    static func parse(_ input: String) -> CSSColor? {
        let s = input.replacingOccurrences(of: "\u{0C}", with: " ").corsTrimmed().lowercased()
        if s.hasPrefix("#") { return parseHex(String(s.dropFirst())) }
        if s == "transparent" { return CSSColor(r: 0, g: 0, b: 0, a: 0) }
        if let n = named[s] { return CSSColor(r: n.0, g: n.1, b: n.2, a: 1) }
        guard let open = s.firstIndex(of: "("), s.hasSuffix(")") else { return nil }
        let fn = s[..<open].corsTrimmed()
        let body = s[s.index(after: open)..<s.index(before: s.endIndex)]
        // Comma syntax `rgb(1, 2, 3, 0.5)` or space syntax `rgb(1 2 3 / 50%)`.
        var parts: [String]
        var alphaPart: String? = nil
        if body.contains(",") {
            parts = body.split(separator: ",", omittingEmptySubsequences: false).map { $0.corsTrimmed() }
            if parts.count == 4 { alphaPart = parts.removeLast() }
        } else {
            let halves = body.split(separator: "/", omittingEmptySubsequences: false)
            guard halves.count <= 2 else { return nil }
            parts = halves[0].split(whereSeparator: { " \t\n".contains($0) }).map(String.init)
            if halves.count == 2 { alphaPart = halves[1].corsTrimmed() }
        }
        guard parts.count == 3 else { return nil }
        var alpha = 1.0
        if let ap = alphaPart {
            guard let v = number(ap, percentOf: 1) else { return nil }
            alpha = min(1, max(0, v))
        }
        switch fn {
        case "rgb", "rgba":
            var ch: [UInt8] = []
            for p in parts {
                guard let v = number(p, percentOf: 255) else { return nil }
                ch.append(UInt8(clamping: Int(min(255, max(0, v)).rounded())))
            }
            return CSSColor(r: ch[0], g: ch[1], b: ch[2], a: alpha)
        case "hsl", "hsla":
            guard let hue = number(parts[0].replacingOccurrences(of: "deg", with: ""), percentOf: nil),
                  parts[1].hasSuffix("%"), parts[2].hasSuffix("%"),
                  let sat = number(parts[1], percentOf: 1), let light = number(parts[2], percentOf: 1) else { return nil }
            let (r, g, b) = hslToRGB(hue, min(1, max(0, sat)), min(1, max(0, light)))
            return CSSColor(r: r, g: g, b: b, a: alpha)
        default:
            return nil
        }
    }

    private static func parseHex(_ h: String) -> CSSColor? {
        guard h.allSatisfy({ $0.isHexDigit }) else { return nil }
        let d = h.map { UInt8(String($0), radix: 16)! }
        switch d.count {
        case 3, 4:
            return CSSColor(r: d[0] * 17, g: d[1] * 17, b: d[2] * 17, a: d.count == 4 ? Double(d[3] * 17) / 255 : 1)
        case 6, 8:
            let v = stride(from: 0, to: d.count, by: 2).map { d[$0] * 16 + d[$0 + 1] }
            return CSSColor(r: v[0], g: v[1], b: v[2], a: d.count == 8 ? Double(v[3]) / 255 : 1)
        default:
            return nil
        }
    }

    /// A number, or a percentage of `percentOf` (nil: percentages not allowed).
    private static func number(_ s: String, percentOf: Double?) -> Double? {
        if s.hasSuffix("%") {
            guard let base = percentOf, let v = Double(s.dropLast()), v.isFinite else { return nil }
            return v / 100 * base
        }
        guard let v = Double(s), v.isFinite else { return nil }
        return v
    }

    private static func hslToRGB(_ h: Double, _ s: Double, _ l: Double) -> (UInt8, UInt8, UInt8) {
        let hue = ((h.truncatingRemainder(dividingBy: 360)) + 360).truncatingRemainder(dividingBy: 360) / 360
        let t2 = l <= 0.5 ? l * (s + 1) : l + s - l * s
        let t1 = l * 2 - t2
        func channel(_ h: Double) -> UInt8 {
            var h = h
            if h < 0 { h += 1 }
            if h > 1 { h -= 1 }
            let v: Double
            if h * 6 < 1 { v = t1 + (t2 - t1) * h * 6 }
            else if h * 2 < 1 { v = t2 }
            else if h * 3 < 2 { v = t1 + (t2 - t1) * (2.0 / 3 - h) * 6 }
            else { v = t1 }
            return UInt8(clamping: Int((v * 255).rounded()))
        }
        return (channel(hue + 1.0 / 3), channel(hue), channel(hue - 1.0 / 3))
    }
}
