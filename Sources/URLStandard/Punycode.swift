// Punycode (RFC 3492), used to decode and check "xn--" labels and to build long A-labels.
// https://www.rfc-editor.org/rfc/rfc3492

enum Punycode {
    static let base: UInt32 = 36, tMin: UInt32 = 1, tMax: UInt32 = 26
    static let skew: UInt32 = 38, damp: UInt32 = 700
    static let initialBias: UInt32 = 72, initialN: UInt32 = 128

    static func adapt(_ deltaIn: UInt32, _ numPoints: UInt32, _ firstTime: Bool) -> UInt32 {
        var delta = firstTime ? deltaIn / damp : deltaIn / 2
        delta += delta / numPoints
        var k: UInt32 = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (((base - tMin + 1) * delta) / (delta + skew))
    }

    static func digitValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30) + 26
        case 0x41...0x5A: return UInt32(b - 0x41)
        case 0x61...0x7A: return UInt32(b - 0x61)
        default: return nil
        }
    }

    static func digitChar(_ d: UInt32) -> UInt8 {
        d < 26 ? UInt8(d) + 0x61 : UInt8(d - 26) + 0x30
    }

    /// Decodes the part of an A-label after "xn--". Returns nil for invalid input.
    static func decode(_ input: [UInt8]) -> [Unicode.Scalar]? {
        var output: [UInt32] = []
        var n = initialN, i: UInt32 = 0, bias = initialBias
        // Basic code points: everything before the last delimiter.
        var start = 0
        if let lastDash = input.lastIndex(of: 0x2D) {
            for b in input[..<lastDash] {
                guard b < 0x80 else { return nil }
                output.append(UInt32(b))
            }
            start = lastDash + 1
        }
        var pos = start
        while pos < input.count {
            let oldi = i
            var w: UInt32 = 1
            var k = base
            while true {
                guard pos < input.count, let digit = digitValue(input[pos]) else { return nil }
                pos += 1
                let (dw, o1) = digit.multipliedReportingOverflow(by: w)
                let (ni, o2) = i.addingReportingOverflow(dw)
                if o1 || o2 { return nil }
                i = ni
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                let (nw, o3) = w.multipliedReportingOverflow(by: base - t)
                if o3 { return nil }
                w = nw
                k += base
            }
            let count = UInt32(output.count + 1)
            bias = adapt(i - oldi, count, oldi == 0)
            let (nn, o4) = n.addingReportingOverflow(i / count)
            if o4 { return nil }
            n = nn
            i %= count
            // Decoded values must be scalar values, and basic code points must not be encoded.
            guard n >= 0x80, Unicode.Scalar(n) != nil else { return nil }
            output.insert(n, at: Int(i))
            i += 1
        }
        return output.map { Unicode.Scalar($0)! }
    }

    /// Encodes a label to the part after "xn--". Returns nil on overflow.
    static func encode(_ input: [Unicode.Scalar]) -> [UInt8]? {
        let cps = input.map { $0.value }
        var output: [UInt8] = []
        for c in cps where c < 0x80 { output.append(UInt8(c)) }
        let b = UInt32(output.count)
        var h = b
        if b > 0 { output.append(0x2D) }
        var n = initialN, delta: UInt32 = 0, bias = initialBias
        while h < UInt32(cps.count) {
            let m = cps.filter { $0 >= n }.min()!
            let (md, o1) = (m - n).multipliedReportingOverflow(by: h + 1)
            let (nd, o2) = delta.addingReportingOverflow(md)
            if o1 || o2 { return nil }
            delta = nd
            n = m
            for c in cps {
                if c < n {
                    let (d2, o3) = delta.addingReportingOverflow(1)
                    if o3 { return nil }
                    delta = d2
                }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digitChar(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digitChar(q))
                    bias = adapt(delta, h + 1, h == b)
                    delta = 0
                    h += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }
}
