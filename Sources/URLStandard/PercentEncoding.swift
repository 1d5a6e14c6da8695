// Percent-encoding and percent-decoding.
// https://url.spec.whatwg.org/#percent-encoded-bytes

/// A percent-encode set: a set of code points that get percent-encoded.
/// Every set in the URL Standard contains all code points above U+007E, so only the
/// ASCII part is stored, as a 128-bit bitmap.
/// https://url.spec.whatwg.org/#percent-encode-set
public struct PercentEncodeSet: Sendable, Hashable {
    @usableFromInline let low: UInt64   // code points 0x00-0x3F
    @usableFromInline let high: UInt64  // code points 0x40-0x7F

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Returns a new set with the given ASCII code points added.
    func adding(_ chars: String) -> PercentEncodeSet {
        var l = low, h = high
        for s in chars.unicodeScalars {
            let v = s.value
            precondition(v < 0x80)
            if v < 64 { l |= 1 << UInt64(v) } else { h |= 1 << UInt64(v - 64) }
        }
        return PercentEncodeSet(low: l, high: h)
    }

    /// Whether `byte` (interpreted as a code point, i.e. its isomorph) is in the set.
    @inlinable public func contains(byte v: UInt8) -> Bool {
        if v >= 0x80 { return true }
        if v < 64 { return low & (1 << UInt64(v)) != 0 }
        return high & (1 << UInt64(v - 64)) != 0
    }

    /// Whether the code point is in the set.
    @inlinable public func contains(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x80 ? true : contains(byte: UInt8(c.value))
    }

    /// https://url.spec.whatwg.org/#c0-control-percent-encode-set
    /// "C0 controls and all code points greater than U+007E (~)."
    public static let c0Control = PercentEncodeSet(low: 0xFFFF_FFFF, high: 1 << 63)  // 0x00-0x1F, 0x7F

    /// https://url.spec.whatwg.org/#fragment-percent-encode-set
    public static let fragment = c0Control.adding(" \"<>`")

    /// https://url.spec.whatwg.org/#query-percent-encode-set
    public static let query = c0Control.adding(" \"#<>")

    /// https://url.spec.whatwg.org/#special-query-percent-encode-set
    public static let specialQuery = query.adding("'")

    /// https://url.spec.whatwg.org/#path-percent-encode-set
    public static let path = query.adding("?^`{}")

    /// https://url.spec.whatwg.org/#userinfo-percent-encode-set
    public static let userinfo = path.adding("/:;=@[\\]|")

    /// https://url.spec.whatwg.org/#component-percent-encode-set
    public static let component = userinfo.adding("$%&+,")

    /// https://url.spec.whatwg.org/#application-x-www-form-urlencoded-percent-encode-set
    public static let formURLEncoded = component.adding("!'()~")
}

@usableFromInline let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

/// https://url.spec.whatwg.org/#percent-encode : "%" followed by two ASCII upper hex digits.
@inlinable func appendPercentEncoded(_ byte: UInt8, to output: inout [UInt8]) {
    output.append(0x25)
    output.append(upperHexDigits[Int(byte >> 4)])
    output.append(upperHexDigits[Int(byte & 0xF)])
}

/// UTF-8 percent-encode one scalar value, appending the (ASCII) result to `output` bytes.
/// https://url.spec.whatwg.org/#utf-8-percent-encode
@inlinable func utf8PercentEncode(_ c: Unicode.Scalar, _ set: PercentEncodeSet, into output: inout [UInt8],
                                  spaceAsPlus: Bool = false) {
    if c.value < 0x80 {
        let b = UInt8(c.value)
        if spaceAsPlus && b == 0x20 { output.append(0x2B); return }
        if set.contains(byte: b) { appendPercentEncoded(b, to: &output) } else { output.append(b) }
        return
    }
    for b in UTF8.encode(c)! { appendPercentEncoded(b, to: &output) }
}

/// UTF-8 percent-encode a string with the given set.
/// https://url.spec.whatwg.org/#string-utf-8-percent-encode
/// (`spaceAsPlus` is the application/x-www-form-urlencoded behaviour of
/// https://url.spec.whatwg.org/#string-percent-encode-after-encoding)
public func utf8PercentEncode(_ input: String, using set: PercentEncodeSet, spaceAsPlus: Bool = false) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(input.utf8.count)
    for b in input.utf8 {
        if spaceAsPlus && b == 0x20 { out.append(0x2B); continue }
        if set.contains(byte: b) { appendPercentEncoded(b, to: &out) } else { out.append(b) }
    }
    return String(decoding: out, as: UTF8.self)
}

@inlinable func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: return b - 0x30
    case 0x41...0x46: return b - 0x41 + 10
    case 0x61...0x66: return b - 0x61 + 10
    default: return nil
    }
}

/// Percent-decode a byte sequence.
/// https://url.spec.whatwg.org/#percent-decode
public func percentDecode<C: Collection>(bytes input: C) -> [UInt8] where C.Element == UInt8 {
    let bytes = Array(input)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        // "If byte is not 0x25 (%), then append byte to output."
        // "Otherwise, if ... the next two bytes after byte in input are not [hex digits], append byte"
        if b == 0x25, i + 2 < bytes.count, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) {
            out.append(h << 4 | l)
            i += 3
        } else {
            out.append(b)
            i += 1
        }
    }
    return out
}

/// Percent-decode a string: UTF-8 encode it, then percent-decode the bytes.
/// https://url.spec.whatwg.org/#string-percent-decode
public func percentDecode(_ s: String) -> [UInt8] {
    percentDecode(bytes: s.utf8)
}

/// Percent-decode then UTF-8 decode without BOM (invalid sequences become U+FFFD).
public func percentDecodeToString(_ s: String) -> String {
    String(decoding: percentDecode(s), as: UTF8.self)
}
