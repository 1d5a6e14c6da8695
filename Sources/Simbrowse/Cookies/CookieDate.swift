// Cookie dates: the Expires attribute's lenient date parser, and the HTTP-date form for display.

enum CookieDate {
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    // https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.1.1
    // delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
    static func isDelimiter(_ b: UInt8) -> Bool {
        b == 0x09 || (0x20...0x2F).contains(b) || (0x3B...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Section 5.1.1: parses a cookie-date into milliseconds since the Unix epoch (UTC), or nil.
    static func parse(_ string: String) -> Double? {
        let bytes = Array(string.utf8)
        // Step 1: divide the cookie-date into date-tokens (runs of non-delimiters).
        var tokens: [ArraySlice<UInt8>] = []
        var i = 0
        while i < bytes.count {
            while i < bytes.count && isDelimiter(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count && !isDelimiter(bytes[i]) { i += 1 }
            if i > start { tokens.append(bytes[start..<i]) }
        }
        var time: (Int, Int, Int)? = nil
        var day: Int? = nil
        var month: Int? = nil
        var year: Int? = nil
        // Step 2: each token sets the first of time, day-of-month, month, year it matches and that is not yet set.
        for t in tokens {
            if time == nil, let v = matchTime(t) { time = v; continue }
            if day == nil, let v = matchDigits(t, min: 1, max: 2) { day = v; continue }
            if month == nil, let v = matchMonth(t) { month = v; continue }
            if year == nil, let v = matchDigits(t, min: 2, max: 4) { year = v; continue }
        }
        // Steps 3-4: two-digit years.
        if var y = year {
            if y >= 70 && y <= 99 { y += 1900 } else if y >= 0 && y <= 69 { y += 2000 }
            year = y
        }
        // Step 5: all four parts present and in range.
        guard let (h, m, s) = time, let d = day, let mo = month, let y = year else { return nil }
        guard d >= 1 && d <= 31, y >= 1601, h <= 23, m <= 59, s <= 59 else { return nil }
        // Step 6: the date must exist (no 31 April).
        guard d <= daysInMonth(mo, year: y) else { return nil }
        let days = daysFromCivil(year: y, month: mo, day: d)
        return Double(days * 86_400 + h * 3600 + m * 60 + s) * 1000
    }

    /// time = hms-time [ non-digit *OCTET ]; hms-time = time-field ":" time-field ":" time-field; time-field = 1*2DIGIT
    static func matchTime(_ t: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        var i = t.startIndex
        var fields: [Int] = []
        for f in 0..<3 {
            var v = 0, n = 0
            while i < t.endIndex && isDigit(t[i]) && n < 2 { v = v * 10 + Int(t[i] - 0x30); n += 1; i += 1 }
            guard n >= 1 else { return nil }
            fields.append(v)
            if f < 2 {
                guard i < t.endIndex && t[i] == 0x3A else { return nil }
                i += 1
            }
        }
        if i < t.endIndex && isDigit(t[i]) { return nil }
        return (fields[0], fields[1], fields[2])
    }

    /// min*maxDIGIT [ non-digit *OCTET ] (day-of-month is 1*2DIGIT, year is 2*4DIGIT).
    static func matchDigits(_ t: ArraySlice<UInt8>, min: Int, max: Int) -> Int? {
        var i = t.startIndex, v = 0, n = 0
        while i < t.endIndex && isDigit(t[i]) && n < max { v = v * 10 + Int(t[i] - 0x30); n += 1; i += 1 }
        guard n >= min else { return nil }
        if i < t.endIndex && isDigit(t[i]) { return nil }
        return v
    }

    /// month = ( "jan" / "feb" / ... / "dec" ) *OCTET, case-insensitively. Returns 1...12.
    static func matchMonth(_ t: ArraySlice<UInt8>) -> Int? {
        guard t.count >= 3 else { return nil }
        let prefix = String(decoding: t.prefix(3).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
        return monthNames.firstIndex(of: prefix).map { $0 + 1 }
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(_ m: Int, year: Int) -> Int {
        switch m {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// "Wdy, DD Mon YYYY HH:MM:SS GMT" (the IMF-fixdate form) of milliseconds since the epoch.
    static func format(_ ms: Double) -> String {
        let secs = Int((ms / 1000).rounded(.down))
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let rem = secs - days * 86_400
        let (y, m, d) = civilFromDays(days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let wd = weekdays[((days % 7) + 7) % 7]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(wd), \(two(d)) \(months[m - 1]) \(y) \(two(rem / 3600)):\(two(rem / 60 % 60)):\(two(rem % 60)) GMT"
    }
}
