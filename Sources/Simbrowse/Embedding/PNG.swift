// PNG through libspng: decode to RGBA8 and encode RGBA8. The only file that imports CSPNG.
import CSPNG
import Foundation

/// RGBA pixels, 8 bits a channel, not premultiplied, rows top to bottom
/// (the layout of `ImageData.data`, https://html.spec.whatwg.org/multipage/canvas.html#imagedata).
struct RGBAImage: Equatable, Sendable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]? = nil) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.pixels = pixels ?? [UInt8](repeating: 0, count: self.width * self.height * 4)
    }
}

enum PNG {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The largest image decoded (in pixels): bigger ones are treated as undecodable, so a
    /// scenario cannot make the simulator allocate gigabytes.
    static let maxPixels = 8192 * 8192

    struct Failure: Error, CustomStringConvertible, Sendable {
        var code: Int32
        var description: String {
            guard let s = spng_strerror(code) else { return "libspng error \(code)" }
            return String(cString: s)
        }
    }

    /// The width and height in the IHDR chunk, without decoding.
    static func dimensions(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        return (be32(16), be32(20))
    }

    /// Decodes any PNG (every colour type and bit depth, tRNS applied, no gamma correction —
    /// as Chromium does for files without colour-space chunks) to RGBA8.
    static func decode(_ bytes: [UInt8]) throws -> RGBAImage {
        guard let ctx = spng_ctx_new(0) else { throw Failure(code: Int32(SPNG_EMEM.rawValue)) }
        defer { spng_ctx_free(ctx) }
        _ = spng_set_image_limits(ctx, 16384, 16384)
        _ = spng_set_chunk_limits(ctx, 1 << 24, 1 << 26)
        var rc = bytes.withUnsafeBytes { spng_set_png_buffer(ctx, $0.baseAddress, $0.count) }
        guard rc == 0 else { throw Failure(code: rc) }
        var ihdr = spng_ihdr()
        rc = spng_get_ihdr(ctx, &ihdr)
        guard rc == 0 else { throw Failure(code: rc) }
        let w = Int(ihdr.width), h = Int(ihdr.height)
        guard w > 0, h > 0, w * h <= maxPixels else { throw Failure(code: Int32(SPNG_EWIDTH.rawValue)) }
        var size = 0
        rc = spng_decoded_image_size(ctx, Int32(SPNG_FMT_RGBA8.rawValue), &size)
        guard rc == 0, size == w * h * 4 else { throw Failure(code: rc == 0 ? Int32(SPNG_EOVERFLOW.rawValue) : rc) }
        var out = [UInt8](repeating: 0, count: size)
        rc = out.withUnsafeMutableBytes {
            spng_decode_image(ctx, $0.baseAddress, $0.count, Int32(SPNG_FMT_RGBA8.rawValue), Int32(SPNG_DECODE_TRNS.rawValue))
        }
        guard rc == 0 else { throw Failure(code: rc) }
        return RGBAImage(width: w, height: h, pixels: out)
    }

    /// Encodes RGBA8 pixels as a PNG file (colour type 6, bit depth 8, not interlaced).
    static func encode(_ image: RGBAImage) throws -> [UInt8] {
        guard image.width > 0, image.height > 0, image.pixels.count == image.width * image.height * 4 else {
            throw Failure(code: Int32(SPNG_EWIDTH.rawValue))
        }
        guard let ctx = spng_ctx_new(Int32(SPNG_CTX_ENCODER.rawValue)) else { throw Failure(code: Int32(SPNG_EMEM.rawValue)) }
        defer { spng_ctx_free(ctx) }
        var rc = spng_set_option(ctx, SPNG_ENCODE_TO_BUFFER, 1)
        guard rc == 0 else { throw Failure(code: rc) }
        var ihdr = spng_ihdr(width: UInt32(image.width), height: UInt32(image.height), bit_depth: 8,
                             color_type: UInt8(SPNG_COLOR_TYPE_TRUECOLOR_ALPHA.rawValue),
                             compression_method: 0, filter_method: 0, interlace_method: 0)
        rc = spng_set_ihdr(ctx, &ihdr)
        guard rc == 0 else { throw Failure(code: rc) }
        rc = image.pixels.withUnsafeBytes {
            spng_encode_image(ctx, $0.baseAddress, $0.count, Int32(SPNG_FMT_PNG.rawValue), Int32(SPNG_ENCODE_FINALIZE.rawValue))
        }
        guard rc == 0 else { throw Failure(code: rc) }
        var len = 0
        var err: Int32 = 0
        guard let buf = spng_get_png_buffer(ctx, &len, &err), err == 0 else { throw Failure(code: err) }
        defer { free(buf) }
        return Array(UnsafeRawBufferPointer(start: buf, count: len))
    }
}
