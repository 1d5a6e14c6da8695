// Hosts: representation, parsing and serialization.
// https://url.spec.whatwg.org/#hosts-(domains-and-ip-addresses)

/// A host. https://url.spec.whatwg.org/#concept-host
public enum URLHost: Hashable, Sendable, CustomStringConvertible {
    /// A domain: a non-empty ASCII string (already lowercased / IDNA-processed).
    case domain(String)
    /// An IPv4 address as a 32-bit unsigned integer.
    case ipv4(UInt32)
    /// An IPv6 address: exactly 8 pieces.
    case ipv6([UInt16])
    /// An opaque host (non-special URLs): a non-empty, percent-encoded ASCII string.
    case opaque(String)
    /// The empty host (e.g. `file:///x`, `sc://`).
    case empty

    /// https://url.spec.whatwg.org/#concept-host-serializer
    public var serialized: String {
        switch self {
        case .domain(let s), .opaque(let s): return s
        case .empty: return ""
        case .ipv4(let a): return serializeIPv4(a)
        case .ipv6(let pieces): return "[" + serializeIPv6(pieces) + "]"
        }
    }

    public var description: String { serialized }

    /// Whether this host is a domain (the only kind with a public suffix / registrable domain).
    public var isDomain: Bool { if case .domain = self { return true } else { return false } }
}

// MARK: - Code point classes

/// https://url.spec.whatwg.org/#forbidden-host-code-point
@inlinable func isForbiddenHostCodePoint(_ v: UInt32) -> Bool {
    switch v {
    case 0x00, 0x09, 0x0A, 0x0D, 0x20, 0x23, 0x2F, 0x3A, 0x3C, 0x3E, 0x3F, 0x40, 0x5B, 0x5C, 0x5D, 0x5E, 0x7C:
        return true
    default:
        return false
    }
}

/// https://url.spec.whatwg.org/#forbidden-domain-code-point
/// "a forbidden host code point, a C0 control, U+0025 (%), or U+007F DELETE."
@inlinable func isForbiddenDomainCodePoint(_ v: UInt32) -> Bool {
    isForbiddenHostCodePoint(v) || v <= 0x1F || v == 0x25 || v == 0x7F
}

// MARK: - Host parser

/// The host parser. Returns nil on failure.
/// https://url.spec.whatwg.org/#concept-host-parser
func parseHost(_ input: [Unicode.Scalar], isOpaque: Bool) -> URLHost? {
    // 1. "If input starts with U+005B ([), then:"
    if input.first == "[" {
        // "If input does not end with U+005D (]), IPv6-unclosed validation error, return failure."
        guard input.count >= 2, input.last == "]" else { return nil }
        // "Return the result of IPv6 parsing input with its leading [ and trailing ] removed."
        guard let pieces = parseIPv6(input[1..<(input.count - 1)]) else { return nil }
        return .ipv6(pieces)
    }
    // 2. "If isOpaque is true, then return the result of opaque-host parsing input."
    if isOpaque { return parseOpaqueHost(input) }
    // 3. "Assert: input is not the empty string."
    if input.isEmpty { return nil }
    // 4-5. "Let domain be the result of running UTF-8 decode without BOM on the
    //       percent-decoding of input."
    var utf8: [UInt8] = []
    utf8.reserveCapacity(input.count)
    for c in input { utf8.append(contentsOf: UTF8.encode(c)!) }
    let decodedBytes = percentDecode(bytes: utf8)
    let domain = Array(String(decoding: decodedBytes, as: UTF8.self).unicodeScalars)
    // 6-7. "Let asciiDomain be the result of running domain parser with domain and false."
    //      "If asciiDomain is failure, then return failure."
    guard let asciiDomain = domainParser(domain) else { return nil }
    // 8. "If asciiDomain ends in a number: ... Return the result of IPv4 parsing asciiDomain."
    if endsInANumber(asciiDomain) {
        guard let v4 = parseIPv4(asciiDomain) else { return nil }
        return .ipv4(v4)
    }
    // 9. "Return asciiDomain."
    return .domain(String(decoding: asciiDomain, as: UTF8.self))
}

/// The domain parser with beStrict = false. Returns the ASCII domain as bytes, or nil on failure.
/// https://url.spec.whatwg.org/#concept-domain-to-ascii
func domainParser(_ domain: [Unicode.Scalar]) -> [UInt8]? {
    var result: [UInt8]
    if domain.allSatisfy({ $0.isASCII }) {
        // "If domain is an ASCII string, then set result to domain, lowercased."
        // (When beStrict is false the outcome of Unicode ToASCII only yields validation errors.)
        result = domain.map { c in
            let b = UInt8(c.value)
            return (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
        }
    } else {
        // "Otherwise: Set result to the result of running domain parser ToASCII with domain and
        //  false. If result is a failure value, then return failure."
        guard let r = UTS46.toASCII(domain) else { return nil }
        result = r
    }
    // "If result is the empty string, then return failure."
    if result.isEmpty { return nil }
    // "If result contains a forbidden domain code point, then return failure."
    if result.contains(where: { isForbiddenDomainCodePoint(UInt32($0)) }) { return nil }
    return result
}

/// The opaque-host parser. https://url.spec.whatwg.org/#concept-opaque-host-parser
func parseOpaqueHost(_ input: [Unicode.Scalar]) -> URLHost? {
    // "If input contains a forbidden host code point, host-invalid-code-point validation error,
    //  return failure."
    if input.contains(where: { isForbiddenHostCodePoint($0.value) }) { return nil }
    // "Return the result of running UTF-8 percent-encode on input using the C0 control
    //  percent-encode set."
    var out: [UInt8] = []
    for c in input { utf8PercentEncode(c, .c0Control, into: &out) }
    if out.isEmpty { return .empty }
    return .opaque(String(decoding: out, as: UTF8.self))
}

// MARK: - IPv4

/// https://url.spec.whatwg.org/#ends-in-a-number-checker
func endsInANumber(_ input: [UInt8]) -> Bool {
    // "Let parts be the result of strictly splitting input on U+002E (.)."
    var parts = input.split(separator: 0x2E, omittingEmptySubsequences: false)
    // "If the last item in parts is the empty string, then remove the last item from parts."
    if let last = parts.last, last.isEmpty { parts.removeLast() }
    guard let last = parts.last else { return false }
    // "If last is not the empty string and contains only ASCII digits, then return true."
    if !last.isEmpty && last.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
    // "If parsing last as an IPv4 number does not return failure, then return true."
    return parseIPv4Number(last) != nil
}

/// https://url.spec.whatwg.org/#ipv4-number-parser
/// Returns (value, validationError) or nil on failure. Values that overflow are clamped to
/// UInt64.max, which is larger than any acceptable part and so still fails later.
func parseIPv4Number<C: Collection>(_ input: C) -> (UInt64, Bool)? where C.Element == UInt8 {
    var s = Array(input)
    // "If input is the empty string, then return failure."
    if s.isEmpty { return nil }
    var validationError = false
    var radix: UInt64 = 10
    if s.count >= 2 && s[0] == 0x30 && (s[1] == 0x78 || s[1] == 0x58) {
        // "If input contains at least two code points and the first two code points are either
        //  "0X" or "0x", then: ... Set R to 16."
        validationError = true
        s.removeFirst(2)
        radix = 16
    } else if s.count >= 2 && s[0] == 0x30 {
        // "Otherwise, if input contains at least two code points and the first code point is
        //  U+0030 (0), then: ... Set R to 8."
        validationError = true
        s.removeFirst()
        radix = 8
    }
    // "If input is the empty string, then return (0, true)."
    if s.isEmpty { return (0, true) }
    var value: UInt64 = 0
    for b in s {
        let d: UInt64
        switch b {
        case 0x30...0x39: d = UInt64(b - 0x30)
        case 0x61...0x66: d = UInt64(b - 0x61 + 10)
        case 0x41...0x46: d = UInt64(b - 0x41 + 10)
        default: return nil
        }
        // "If input contains a code point that is not a radix-R digit, then return failure."
        if d >= radix { return nil }
        let (m, o1) = value.multipliedReportingOverflow(by: radix)
        let (a, o2) = m.addingReportingOverflow(d)
        value = (o1 || o2) ? UInt64.max : a
    }
    return (value, validationError)
}

/// https://url.spec.whatwg.org/#concept-ipv4-parser
func parseIPv4(_ input: [UInt8]) -> UInt32? {
    // "Let parts be the result of strictly splitting input on U+002E (.)."
    var parts = input.split(separator: 0x2E, omittingEmptySubsequences: false)
    // "If the last item in parts is the empty string, then: IPv4-empty-part validation error.
    //  If parts's size is greater than 1, then remove the last item from parts."
    if let last = parts.last, last.isEmpty, parts.count > 1 { parts.removeLast() }
    // "If parts's size is greater than 4, IPv4-too-many-parts validation error, return failure."
    if parts.count > 4 { return nil }
    var numbers: [UInt64] = []
    for part in parts {
        // "If result is failure, IPv4-non-numeric-part validation error, return failure."
        guard let (n, _) = parseIPv4Number(part) else { return nil }
        numbers.append(n)
    }
    // "If any but the last item in numbers is greater than 255, then return failure."
    for n in numbers.dropLast() where n > 255 { return nil }
    // "If the last item in numbers is greater than or equal to 256^(5 − numbers's size),
    //  then return failure."
    let limit: UInt64 = 1 << (8 * UInt64(5 - numbers.count))
    if numbers.last! >= limit { return nil }
    var ipv4 = numbers.last!
    for (counter, n) in numbers.dropLast().enumerated() {
        // "Increment ipv4 by n × 256^(3 − counter)."
        ipv4 += n << (8 * UInt64(3 - counter))
    }
    return UInt32(ipv4)
}

/// https://url.spec.whatwg.org/#concept-ipv4-serializer
func serializeIPv4(_ address: UInt32) -> String {
    "\(address >> 24).\((address >> 16) & 0xFF).\((address >> 8) & 0xFF).\(address & 0xFF)"
}

// MARK: - IPv6

@inlinable func asciiHexValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c.value {
    case 0x30...0x39: return c.value - 0x30
    case 0x41...0x46: return c.value - 0x41 + 10
    case 0x61...0x66: return c.value - 0x61 + 10
    default: return nil
    }
}

/// https://url.spec.whatwg.org/#concept-ipv6-parser
func parseIPv6(_ inputSlice: ArraySlice<Unicode.Scalar>) -> [UInt16]? {
    let input = Array(inputSlice)
    let n = input.count
    var address = [UInt16](repeating: 0, count: 8)
    var pieceIndex = 0
    var compress: Int? = nil
    var pointer = 0
    func c(_ p: Int) -> Unicode.Scalar? { p < n ? input[p] : nil }

    // "If c is U+003A (:), then:"
    if c(pointer) == ":" {
        // "If remaining does not start with U+003A (:), IPv6-invalid-compression validation
        //  error, return failure."
        guard c(pointer + 1) == ":" else { return nil }
        pointer += 2
        pieceIndex += 1
        compress = pieceIndex
    }
    // "While c is not the EOF code point:"
    while let ch = c(pointer) {
        // "If pieceIndex is 8, IPv6-too-many-pieces validation error, return failure."
        if pieceIndex == 8 { return nil }
        if ch == ":" {
            // "If compress is non-null, IPv6-multiple-compression validation error, return failure."
            if compress != nil { return nil }
            pointer += 1
            pieceIndex += 1
            compress = pieceIndex
            continue
        }
        var value: UInt32 = 0
        var length = 0
        // "While length is less than 4 and c is an ASCII hex digit, ..."
        while length < 4, let ch2 = c(pointer), let h = asciiHexValue(ch2) {
            value = value * 0x10 + h
            pointer += 1
            length += 1
        }
        if c(pointer) == "." {
            // IPv4 in IPv6.
            // "If length is 0, IPv4-in-IPv6-invalid-code-point validation error, return failure."
            if length == 0 { return nil }
            pointer -= length
            // "If pieceIndex is greater than 6, IPv4-in-IPv6-too-many-pieces validation error,
            //  return failure."
            if pieceIndex > 6 { return nil }
            var numbersSeen = 0
            while c(pointer) != nil {
                var ipv4Piece: UInt32? = nil
                if numbersSeen > 0 {
                    // "If c is a U+002E (.) and numbersSeen is less than 4, then increase pointer by 1.
                    //  Otherwise, IPv4-in-IPv6-invalid-code-point validation error, return failure."
                    if c(pointer) == "." && numbersSeen < 4 { pointer += 1 } else { return nil }
                }
                // "If c is not an ASCII digit, IPv4-in-IPv6-invalid-code-point validation error,
                //  return failure."
                guard let d0 = c(pointer), d0.isASCIIDigit else { return nil }
                while let d = c(pointer), d.isASCIIDigit {
                    let number = d.value - 0x30
                    if ipv4Piece == nil {
                        ipv4Piece = number
                    } else if ipv4Piece == 0 {
                        // "Otherwise, if ipv4Piece is 0, ... return failure." (no leading zeros)
                        return nil
                    } else {
                        ipv4Piece = ipv4Piece! * 10 + number
                    }
                    // "If ipv4Piece is greater than 255, ... return failure."
                    if ipv4Piece! > 255 { return nil }
                    pointer += 1
                }
                address[pieceIndex] = address[pieceIndex] &* 0x100 &+ UInt16(ipv4Piece!)
                numbersSeen += 1
                // "If numbersSeen is 2 or 4, then increase pieceIndex by 1."
                if numbersSeen == 2 || numbersSeen == 4 { pieceIndex += 1 }
            }
            // "If numbersSeen is not 4, IPv4-in-IPv6-too-few-parts validation error, return failure."
            if numbersSeen != 4 { return nil }
            break
        } else if c(pointer) == ":" {
            pointer += 1
            // "If c is the EOF code point, IPv6-invalid-code-point validation error, return failure."
            if c(pointer) == nil { return nil }
        } else if c(pointer) != nil {
            // "Otherwise, if c is not the EOF code point, IPv6-invalid-code-point validation error,
            //  return failure."
            return nil
        }
        address[pieceIndex] = UInt16(value)
        pieceIndex += 1
    }
    if let compress {
        // "Let swaps be pieceIndex − compress. Set pieceIndex to 7. While pieceIndex is not 0 and
        //  swaps is greater than 0, swap address[pieceIndex] with address[compress + swaps − 1],
        //  and then decrease both pieceIndex and swaps by 1."
        var swaps = pieceIndex - compress
        pieceIndex = 7
        while pieceIndex != 0 && swaps > 0 {
            address.swapAt(pieceIndex, compress + swaps - 1)
            pieceIndex -= 1
            swaps -= 1
        }
    } else if pieceIndex != 8 {
        // "Otherwise, if compress is null and pieceIndex is not 8, IPv6-too-few-pieces validation
        //  error, return failure."
        return nil
    }
    return address
}

/// https://url.spec.whatwg.org/#find-the-ipv6-address-compressed-piece-index
func ipv6CompressedPieceIndex(_ address: [UInt16]) -> Int? {
    var longestIndex: Int? = nil
    var longestSize = 1
    var foundIndex: Int? = nil
    var foundSize = 0
    for (pieceIndex, piece) in address.enumerated() {
        if piece != 0 {
            if foundSize > longestSize {
                longestIndex = foundIndex
                longestSize = foundSize
            }
            foundIndex = nil
            foundSize = 0
        } else {
            if foundIndex == nil { foundIndex = pieceIndex }
            foundSize += 1
        }
    }
    if foundSize > longestSize { return foundIndex }
    return longestIndex
}

/// https://url.spec.whatwg.org/#concept-ipv6-serializer
func serializeIPv6(_ address: [UInt16]) -> String {
    var output = ""
    let compress = ipv6CompressedPieceIndex(address)
    var ignore0 = false
    for pieceIndex in address.indices {
        if ignore0 && address[pieceIndex] == 0 { continue }
        ignore0 = false
        if compress == pieceIndex {
            // "Let separator be "::" if pieceIndex is 0; otherwise U+003A (:)."
            output += pieceIndex == 0 ? "::" : ":"
            ignore0 = true
            continue
        }
        output += String(address[pieceIndex], radix: 16, uppercase: false)
        if pieceIndex != 7 { output += ":" }
    }
    return output
}
