// The only file of URLStandard that calls C: a thin wrapper over libidn2 (2.3.x).
// UTS46.swift builds the URL Standard's "domain parser ToASCII" on top of it.

import CIDN2

enum LibIDN2 {
    enum Mode {
        /// IDN2_TRANSITIONAL: UTS #46 mapping (deviation characters mapped) and UTS #46 status
        /// validity only. libidn2 then skips its IDNA2008 code point tests, so symbols such as
        /// U+2603 are accepted, as UTS #46 requires.
        case transitional
        /// IDN2_NONTRANSITIONAL: UTS #46 mapping keeping deviation characters, then libidn2's
        /// IDNA2008 tests (CONTEXTJ, BIDI, but also IDNA2008 DISALLOWED).
        case nontransitional
    }

    struct Failure: Error {
        let code: Int32
        var isLengthError: Bool {
            code == IDN2_TOO_BIG_DOMAIN.rawValue || code == IDN2_TOO_BIG_LABEL.rawValue
                || code == IDN2_PUNYCODE_BIG_OUTPUT.rawValue
        }
    }

    /// Runs `idn2_lookup_u8` on `label` (which must not contain U+0000) with
    /// IDN2_NFC_INPUT and the given mode. UseSTD3ASCIIRules stays off (libidn2's default since
    /// 2.0.3), as the URL Standard requires. Returns the ASCII output bytes.
    static func lookup(_ label: [Unicode.Scalar], mode: Mode) -> Result<[UInt8], Failure> {
        var input: [UInt8] = []
        input.reserveCapacity(label.count * 3 + 1)
        for c in label { input.append(contentsOf: UTF8.encode(c)!) }
        input.append(0)
        let modeFlag = mode == .transitional ? IDN2_TRANSITIONAL.rawValue : IDN2_NONTRANSITIONAL.rawValue
        let flags = Int32(bitPattern: modeFlag | IDN2_NFC_INPUT.rawValue)
        var out: UnsafeMutablePointer<UInt8>? = nil
        let rc = input.withUnsafeBufferPointer { buf in
            idn2_lookup_u8(buf.baseAddress, &out, flags)
        }
        guard rc == IDN2_OK.rawValue, let out else {
            if let out { idn2_free(out) }
            return .failure(Failure(code: rc))
        }
        defer { idn2_free(out) }
        var result: [UInt8] = []
        var p = out
        while p.pointee != 0 {
            result.append(p.pointee)
            p += 1
        }
        return .success(result)
    }
}
