// The Set-Cookie header parser: a set-cookie-string into a name, a value and an attribute list.

/// A parsed set-cookie-string: the name/value pair and the attributes that applied (the last of
/// each kind wins, as the storage model reads "the last attribute with that name").
struct ParsedSetCookie: Equatable {
    var name: String
    var value: String
    /// Last valid Expires, in ms since the epoch.
    var expires: Double?
    /// Last valid Max-Age, in seconds (may be zero or negative).
    var maxAge: Int?
    /// Last non-empty Domain: lower-cased, one leading dot removed.
    var domain: String?
    /// Last Path: its value, or "" when it was empty or did not start with "/" (the default path applies).
    var path: String?
    var secure = false
    var httpOnly = false
    /// Last SameSite attribute ("Default" = unspecified when its value is not None, Lax or Strict).
    var sameSite: SameSite = .unspecified
    var sameSiteAttributePresent = false
    /// CHIPS: https://datatracker.ietf.org/doc/html/draft-cutler-httpbis-partitioned-cookies
    var partitioned = false

    static let maxNameValueBytes = 4096
    static let maxAttributeValueBytes = 1024

    enum Failure: Error, Equatable {
        case controlCharacter
        case tooLong(Int)
    }

    static func isWSP(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" }

    static func trimWSP(_ s: Substring.UnicodeScalarView) -> String {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi && isWSP(s[lo]) { lo = s.index(after: lo) }
        while hi > lo && isWSP(s[s.index(before: hi)]) { hi = s.index(before: hi) }
        return String(String.UnicodeScalarView(s[lo..<hi]))
    }

    /// Splits at the first `sep`: (before, after) with after nil when there is no `sep`.
    static func split(_ s: Substring.UnicodeScalarView, at sep: Unicode.Scalar) -> (Substring.UnicodeScalarView, Substring.UnicodeScalarView?) {
        guard let i = s.firstIndex(of: sep) else { return (s, nil) }
        return (s[s.startIndex..<i], s[s.index(after: i)..<s.endIndex])
    }

    // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6
    static func parse(_ setCookieString: String) -> Result<ParsedSetCookie, Failure> {
        let all = Substring(setCookieString).unicodeScalars
        // Step 1: a CTL other than HTAB (%x00-08 / %x0A-1F / %x7F) voids the whole string.
        if all.contains(where: { ($0.value <= 0x08) || ($0.value >= 0x0A && $0.value <= 0x1F) || $0.value == 0x7F }) {
            return .failure(.controlCharacter)
        }
        // Step 2: name-value-pair up to the first ";", the rest are the unparsed attributes.
        let (pair, rest) = split(all, at: ";")
        // Step 3: no "=": the name is empty and the whole pair is the value.
        var name: String, value: String
        let (n, v) = split(pair, at: "=")
        if let v {
            // Step 4: remove leading and trailing WSP.
            name = trimWSP(n); value = trimWSP(v)
        } else {
            name = ""; value = trimWSP(n)
        }
        // Step 5: name and value together at most 4096 octets.
        let size = name.utf8.count + value.utf8.count
        if size > maxNameValueBytes { return .failure(.tooLong(size)) }
        var out = ParsedSetCookie(name: name, value: value)
        // The attribute loop: each ";"-separated cookie-av.
        var unparsed = rest
        while let u = unparsed {
            let (av, next) = split(u, at: ";")
            unparsed = next
            let (an, avalue) = split(av, at: "=")
            let attrName = trimWSP(an)
            let attrValue = avalue.map(trimWSP) ?? ""
            // Step 6: attribute values longer than 1024 octets are ignored.
            if attrValue.utf8.count > maxAttributeValueBytes { continue }
            out.apply(name: attrName, value: attrValue)
        }
        return .success(out)
    }

    mutating func apply(name: String, value: String) {
        switch asciiLowercase(name) {
        case "expires":
            // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.1
            if let t = CookieDate.parse(value) { expires = t }
        case "max-age":
            // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.2
            // An optional "-" then digits only; anything else ignores the attribute.
            var s = Substring(value)
            guard !s.isEmpty else { return }
            var negative = false
            if s.first == "-" { negative = true; s = s.dropFirst() }
            guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return }
            // Very long digit runs saturate (the age is capped at 400 days anyway).
            let digits = s.drop(while: { $0 == "0" })
            let magnitude = digits.count > 12 ? 999_999_999_999 : (Int(digits) ?? 0)
            maxAge = negative ? -magnitude : magnitude
        case "domain":
            // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.3
            // An empty value is ignored (the draft's SHOULD); one leading "." is dropped; lower-cased.
            guard !value.isEmpty else { return }
            var d = Substring(value)
            if d.first == "." { d = d.dropFirst() }
            domain = asciiLowercase(String(d))
        case "path":
            // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.4
            path = value.first == "/" ? value : ""
        case "secure":
            // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.5
            secure = true
        case "httponly":
            // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.6
            httpOnly = true
        case "samesite":
            // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7
            sameSiteAttributePresent = true
            switch asciiLowercase(value) {
            case "none": sameSite = .none
            case "strict": sameSite = .strict
            case "lax": sameSite = .lax
            default: sameSite = .unspecified
            }
        case "partitioned":
            partitioned = true
        default:
            break
        }
    }
}

/// ASCII lower-casing (the draft's "convert to lower case" is for ASCII letters).
func asciiLowercase(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.map { ($0.value >= 0x41 && $0.value <= 0x5A) ? Unicode.Scalar($0.value + 0x20)! : $0 }))
}
