// UTS #46 ToASCII as the URL Standard calls it for non-ASCII domains:
// CheckHyphens=false, CheckBidi=true, CheckJoiners=true, UseSTD3ASCIIRules=false,
// Transitional_Processing=false, VerifyDnsLength=false, IgnoreInvalidPunycode=false.
// https://url.spec.whatwg.org/#concept-domain-to-ascii
// https://www.unicode.org/reports/tr46/#ToASCII
//
// The Unicode data (mapping table, NFC, joining types, bidi classes) comes from libidn2
// (IDNA.swift). libidn2's `idn2_lookup_u8` differs from that profile in a few ways that are
// handled here:
//  * it always checks hyphens (CheckHyphens=true): labels are processed one by one with
//    each U+002D replaced by a stand-in basic code point that is swapped back afterwards
//    (Punycode positions do not depend on which basic code point sits where);
//  * in non-transitional mode it also applies IDNA2008's code point tests (e.g. it rejects
//    U+2603 SNOWMAN): labels without deviation characters (ß, ς, ZWJ, ZWNJ), which map
//    identically in both modes, use transitional mode, which validates against the UTS #46
//    status only;
//  * it does not check "xn--" labels that decode to ASCII, nor A-labels of a domain that is
//    otherwise non-ASCII the way UTS #46 does: those are decoded here and must round-trip.
//  * it enforces DNS lengths (63 octets per A-label); longer labels are rebuilt here from
//    chunks (see `lookupLongLabel`).
// Known approximations: the Bidi rule is checked by libidn2 only for labels that contain
// right-to-left characters (and then with IDNA2008 code point rules), and for ASCII labels of a
// Bidi domain name here; left-to-right non-ASCII labels of a Bidi domain name are not checked.

enum UTS46 {
    /// The label separators UTS #46 maps to U+002E: U+002E, U+3002, U+FF0E, U+FF61.
    /// (Every other code point whose mapping would contain U+002E is disallowed.)
    @inlinable static func isLabelSeparator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2E, 0x3002, 0xFF0E, 0xFF61: return true
        default: return false
        }
    }

    /// Approximation of "has Bidi_Class R, AL or AN": the blocks whose default is R or AL.
    @inlinable static func isRightToLeftish(_ v: UInt32) -> Bool {
        (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFC).contains(v)
            || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
    }

    /// Deviation characters: mapped differently by transitional and non-transitional processing.
    @inlinable static func isDeviation(_ v: UInt32) -> Bool {
        v == 0x00DF || v == 0x03C2 || v == 0x200C || v == 0x200D
    }

    @inlinable static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    static let acePrefix: [UInt8] = Array("xn--".utf8)

    static func startsWithACEPrefix(_ label: [Unicode.Scalar]) -> Bool {
        label.count >= 4 && zip(label.prefix(4), acePrefix).allSatisfy { c, p in
            c.isASCII && lower(UInt8(c.value)) == p
        }
    }

    /// ToASCII for a domain that contains at least one non-ASCII code point.
    /// Returns nil when UTS #46 records an error.
    static func toASCII(_ domain: [Unicode.Scalar]) -> [UInt8]? {
        // ASCII code points map to themselves (or to their lowercase), so a forbidden domain code
        // point in the input always ends up in the result, which the domain parser then rejects.
        // Rejecting early also keeps U+0000 away from libidn2's C strings.
        if domain.contains(where: { $0.isASCII && isForbiddenDomainCodePoint($0.value) }) { return nil }

        let labels = domain.split(omittingEmptySubsequences: false, whereSeparator: isLabelSeparator).map(Array.init)

        // Decode A-labels up front: they take part in deciding whether this is a Bidi domain name.
        var decoded: [[Unicode.Scalar]?] = []
        var bidiDomain = false
        for label in labels {
            if label.allSatisfy({ $0.isASCII }) && startsWithACEPrefix(label) {
                let rest = label.dropFirst(4).map { lower(UInt8($0.value)) }
                // "Attempt to convert the rest of the label to Unicode according to Punycode.
                //  If that conversion fails ..., record that there was an error"
                guard let u = Punycode.decode(rest) else { return nil }
                // UTS #46 rev. 33: an empty result or one with only ASCII code points is an error.
                if u.isEmpty || u.allSatisfy({ $0.isASCII }) { return nil }
                decoded.append(u)
                if u.contains(where: { isRightToLeftish($0.value) }) { bidiDomain = true }
            } else {
                decoded.append(nil)
                if label.contains(where: { isRightToLeftish($0.value) }) { bidiDomain = true }
            }
        }

        var output: [UInt8] = []
        for (index, label) in labels.enumerated() {
            if index > 0 { output.append(0x2E) }
            if let u = decoded[index] {
                // An A-label: it is valid iff its decoding is a valid, fully mapped, NFC label,
                // i.e. iff processing the decoding gives the A-label back.
                let aLabel = label.map { lower(UInt8($0.value)) }
                // Validity criteria: "If not CheckHyphens, the label must not begin with "xn--"."
                if startsWithACEPrefix(u) { return nil }
                guard let again = processUnicodeLabel(u), again == aLabel else { return nil }
                output.append(contentsOf: aLabel)
            } else if label.allSatisfy({ $0.isASCII }) {
                // ASCII labels map to their lowercase and are valid (STD3 rules are off).
                let ascii = label.map { lower(UInt8($0.value)) }
                if bidiDomain && !asciiLabelSatisfiesBidiRule(ascii) { return nil }
                output.append(contentsOf: ascii)
            } else {
                // "If the label starts with "xn--": If the label contains any non-ASCII code point
                //  ..., record that there was an error"
                if startsWithACEPrefix(label) { return nil }
                guard let a = processUnicodeLabel(label) else { return nil }
                output.append(contentsOf: a)
            }
        }
        return output
    }

    /// RFC 5893 section 2 for an ASCII label of a Bidi domain name: an LTR label must start with
    /// a letter (Bidi_Class L) and end with a letter or digit (L or EN); the ASCII code points
    /// that may remain after the forbidden-code-point check are all allowed in between.
    static func asciiLabelSatisfiesBidiRule(_ label: [UInt8]) -> Bool {
        guard let first = label.first, let last = label.last else { return true }
        func isAlpha(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        return isAlpha(first) && (isAlpha(last) || isDigit(last))
    }

    /// Maps, normalizes, validates and Punycode-encodes one non-ASCII label (no separators).
    static func processUnicodeLabel(_ rawLabel: [Unicode.Scalar]) -> [UInt8]? {
        // U+FE63 and U+FF0D map to U+002D; map them first so the hyphen stand-in sees them.
        let label = rawLabel.map { c -> Unicode.Scalar in
            (c.value == 0xFE63 || c.value == 0xFF0D) ? "-" : c
        }
        let rtl = label.contains { isRightToLeftish($0.value) }
        // Deviation characters need non-transitional processing; right-to-left labels too, as
        // only that mode runs libidn2's Bidi rule check.
        let mode: LibIDN2.Mode = (rtl || label.contains { isDeviation($0.value) }) ? .nontransitional : .transitional

        switch lookupWithHyphenStandIn(label, mode: mode, rtl: rtl) {
        case .success(let a):
            return a
        case .failure(let f):
            if f.isLengthError { return lookupLongLabel(label, mode: mode, rtl: rtl) }
            // Mapping can produce a deviation character (e.g. U+1E9E); retry non-transitionally.
            if mode == .transitional, case .success(let a) = lookupWithHyphenStandIn(label, mode: .nontransitional, rtl: rtl) {
                return a
            }
            return nil
        }
    }

    /// Runs libidn2 on `label` with every U+002D replaced by a stand-in basic code point, so that
    /// libidn2's hyphen checks (CheckHyphens) do not apply, then puts the hyphens back.
    static func lookupWithHyphenStandIn(_ label: [Unicode.Scalar], mode: LibIDN2.Mode,
                                        rtl: Bool) -> Result<[UInt8], LibIDN2.Failure> {
        let hyphens = label.reduce(0) { $0 + ($1 == "-" ? 1 : 0) }
        if hyphens == 0 { return LibIDN2.lookup(label, mode: mode) }
        // "_" has Bidi_Class ON, which the Bidi rule treats like "-" (ES); letters (L) would not
        // be neutral in a right-to-left label, so they are only used for other labels.
        let candidates: [UInt8] = rtl ? [0x5F] : [0x5F] + Array("zqjxvkwy".utf8)
        for stand in candidates {
            let upper: UInt8 = (stand >= 0x61 && stand <= 0x7A) ? stand - 0x20 : stand
            if label.contains(where: { $0.value == UInt32(stand) || $0.value == UInt32(upper) }) { continue }
            let replaced = label.map { $0 == "-" ? Unicode.Scalar(stand) : $0 }
            let result = LibIDN2.lookup(replaced, mode: mode)
            guard case .success(var out) = result else { return result }
            // The stand-in can only be among the basic code points: before the last "-" of an
            // A-label (the delimiter), or anywhere in an all-ASCII result.
            var range = out.startIndex..<out.endIndex
            if out.starts(with: acePrefix) {
                let end = out[4...].lastIndex(of: 0x2D) ?? 4
                range = 4..<end
            }
            let count = out[range].reduce(0) { $0 + ($1 == stand ? 1 : 0) }
            // If the mapping produced the stand-in itself (e.g. from U+FF3F), try another one.
            guard count == hyphens else { continue }
            for i in range where out[i] == stand { out[i] = 0x2D }
            return .success(out)
        }
        return LibIDN2.lookup(label, mode: mode)
    }

    /// For labels whose A-label exceeds libidn2's 63-octet limit (VerifyDnsLength is false in the
    /// URL Standard): map and validate the label in chunks, decode each chunk back to Unicode, and
    /// Punycode-encode the concatenation here. Chunks start only at code points that can neither
    /// compose with what precedes them (under NFC) nor be combining marks: ASCII, and letters of
    /// the Latin, Greek, Cyrillic, kana, CJK and Hangul blocks. Labels with right-to-left code
    /// points are not split (the Bidi rule needs the whole label), so those fail instead.
    static func lookupLongLabel(_ label: [Unicode.Scalar], mode: LibIDN2.Mode, rtl: Bool) -> [UInt8]? {
        if rtl { return nil }
        var chunks: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for c in label {
            if current.count >= 8 && isSafeChunkStart(c, after: current.last!) {
                chunks.append(current)
                current = []
            }
            current.append(c)
        }
        if !current.isEmpty { chunks.append(current) }
        if chunks.count < 2 { return nil }  // no split point: give up
        var mapped: [Unicode.Scalar] = []
        for chunk in chunks {
            guard case .success(let a) = lookupWithHyphenStandIn(chunk, mode: mode, rtl: false) else { return nil }
            if a.starts(with: acePrefix) {
                guard let u = Punycode.decode(Array(a[4...])) else { return nil }
                mapped.append(contentsOf: u)
            } else {
                mapped.append(contentsOf: a.map { Unicode.Scalar($0) })
            }
        }
        if mapped.allSatisfy({ $0.isASCII }) { return mapped.map { UInt8($0.value) } }
        guard let encoded = Punycode.encode(mapped) else { return nil }
        return acePrefix + encoded
    }

    static func isSafeChunkStart(_ c: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        // ContextJ rules look at the code points around ZWJ and ZWNJ: keep them together.
        if previous.value == 0x200C || previous.value == 0x200D { return false }
        if c.isASCII { return true }
        let v = c.value
        let inSafeBlock = (0x00C0...0x024F).contains(v) || (0x0370...0x03FF).contains(v)
            || (0x0400...0x04FF).contains(v) || (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0x20000...0x3FFFF).contains(v)
        guard inSafeBlock, c.properties.canonicalCombiningClass == .notReordered else { return false }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return true
        default: return false
        }
    }
}
