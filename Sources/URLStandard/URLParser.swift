// The basic URL parser state machine.
// https://url.spec.whatwg.org/#concept-basic-url-parser
//
// Departure: the `encoding` argument is not supported; queries are always UTF-8 encoded
// (as for every URL not parsed from an HTML document in a legacy encoding).

/// https://url.spec.whatwg.org/#url-parsing (the states of the basic URL parser)
enum URLParserState: Sendable {
    case schemeStart, scheme, noScheme, specialRelativeOrAuthority, pathOrAuthority, relative
    case relativeSlash, specialAuthoritySlashes, specialAuthorityIgnoreSlashes, authority
    case host, hostname, port, file, fileSlash, fileHost, pathStart, path, opaquePath, query, fragment
}

enum URLParserOutcome: Equatable {
    /// The parser ran to the end or returned early without failure (state override).
    case success
    /// "return failure"
    case failure
}

// MARK: - Small code point helpers

extension Unicode.Scalar {
    @inlinable var isASCIIAlpha: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
    @inlinable var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    @inlinable var isASCIIAlphanumeric: Bool { isASCIIAlpha || isASCIIDigit }
    @inlinable var asciiLowercased: Unicode.Scalar {
        (value >= 0x41 && value <= 0x5A) ? Unicode.Scalar(value + 0x20)! : self
    }
}

@inlinable func makeString(_ scalars: [Unicode.Scalar]) -> String {
    var s = String()
    s.unicodeScalars.append(contentsOf: scalars)
    return s
}

@inlinable func makeString(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// https://url.spec.whatwg.org/#windows-drive-letter
@inlinable func isWindowsDriveLetter(_ b: [UInt8]) -> Bool {
    b.count == 2 && ((b[0] >= 0x41 && b[0] <= 0x5A) || (b[0] >= 0x61 && b[0] <= 0x7A)) && (b[1] == 0x3A || b[1] == 0x7C)
}

/// https://url.spec.whatwg.org/#normalized-windows-drive-letter
@inlinable func isNormalizedWindowsDriveLetter(_ s: String) -> Bool {
    let b = Array(s.utf8)
    return isWindowsDriveLetter(b) && b[1] == 0x3A
}

/// https://url.spec.whatwg.org/#single-dot-path-segment : "." or an ASCII case-insensitive "%2e".
@inlinable func isSingleDotSegment(_ b: [UInt8]) -> Bool {
    (b.count == 1 && b[0] == 0x2E) || (b.count == 3 && b[0] == 0x25 && b[1] == 0x32 && (b[2] | 0x20) == 0x65)
}

/// https://url.spec.whatwg.org/#double-dot-path-segment :
/// "..", or an ASCII case-insensitive ".%2e", "%2e." or "%2e%2e".
@inlinable func isDoubleDotSegment(_ b: [UInt8]) -> Bool {
    func isDotPrefix(_ i: Int) -> Int? {  // length of a "." or "%2e" starting at i
        if i < b.count && b[i] == 0x2E { return 1 }
        if i + 2 < b.count && b[i] == 0x25 && b[i + 1] == 0x32 && (b[i + 2] | 0x20) == 0x65 { return 3 }
        return nil
    }
    guard b.count >= 2 && b.count <= 6, let l1 = isDotPrefix(0), let l2 = isDotPrefix(l1) else { return false }
    return l1 + l2 == b.count
}

extension URLRecord {
    /// https://url.spec.whatwg.org/#shorten-a-urls-path
    mutating func shortenPath() {
        guard case .segments(var segs) = path else { return }
        // "If url's scheme is "file", path's size is 1, and path[0] is a normalized Windows drive
        //  letter, then return."
        if scheme == "file" && segs.count == 1 && isNormalizedWindowsDriveLetter(segs[0]) { return }
        // "Remove path's last item, if any."
        if segs.isEmpty { return }
        path = .segments([])
        segs.removeLast()
        path = .segments(segs)
    }

    mutating func appendSegment(_ seg: String) {
        guard case .segments(var segs) = path else { return }
        path = .segments([])  // keep `segs` uniquely referenced
        segs.append(seg)
        path = .segments(segs)
    }

    var pathIsEmptyList: Bool {
        if case .segments(let s) = path { return s.isEmpty }
        return false
    }
}

// MARK: - The state machine

struct URLParser {
    let input: [Unicode.Scalar]
    let base: URLRecord?
    let stateOverride: URLParserState?

    init(input: String, base: URLRecord?, stateOverride: URLParserState?, trimControlAndSpace: Bool) {
        var scalars = Array(input.unicodeScalars)
        if trimControlAndSpace {
            // "Remove any leading and trailing C0 control or space from input."
            var start = 0, end = scalars.count
            while start < end && scalars[start].value <= 0x20 { start += 1 }
            while end > start && scalars[end - 1].value <= 0x20 { end -= 1 }
            if start != 0 || end != scalars.count { scalars = Array(scalars[start..<end]) }
        }
        // "Remove all ASCII tab or newline from input."
        if scalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        }
        self.input = scalars
        self.base = base
        self.stateOverride = stateOverride
    }

    /// https://url.spec.whatwg.org/#start-with-a-windows-drive-letter, applied to the code point
    /// substring from `p` to the end of the input.
    func startsWithWindowsDriveLetter(at p: Int) -> Bool {
        let len = input.count - p
        guard len >= 2, input[p].isASCIIAlpha, input[p + 1] == ":" || input[p + 1] == "|" else { return false }
        if len == 2 { return true }
        let third = input[p + 2]
        return third == "/" || third == "\\" || third == "?" || third == "#"
    }

    /// Runs the state machine on `url`. With a state override the parser may stop early; changes
    /// made to `url` before a failure are kept, as in the standard.
    mutating func run(_ url: inout URLRecord) -> URLParserOutcome {
        let input = self.input
        let n = input.count
        var state = stateOverride ?? .schemeStart
        var buffer: [Unicode.Scalar] = []
        var pathBuffer: [UInt8] = []
        var atSignSeen = false, insideBrackets = false, passwordTokenSeen = false
        var pointer = 0

        // "remaining starts with X"
        func remainingStarts(with s: Unicode.Scalar) -> Bool { pointer + 1 < n && input[pointer + 1] == s }

        while true {
            let c: Unicode.Scalar? = pointer < n ? input[pointer] : nil  // nil is the EOF code point

            switch state {
            // https://url.spec.whatwg.org/#scheme-start-state
            case .schemeStart:
                if let c, c.isASCIIAlpha {
                    buffer.append(c.asciiLowercased)
                    state = .scheme
                } else if stateOverride == nil {
                    state = .noScheme
                    pointer -= 1
                } else {
                    return .failure
                }

            // https://url.spec.whatwg.org/#scheme-state
            case .scheme:
                if let c, c.isASCIIAlphanumeric || c == "+" || c == "-" || c == "." {
                    buffer.append(c.asciiLowercased)
                } else if c == ":" {
                    let candidate = makeString(buffer)
                    if stateOverride != nil {
                        // "If url's scheme is a special scheme and buffer is not a special scheme,
                        //  then return." (and the converse)
                        if isSpecialScheme(url.scheme) != isSpecialScheme(candidate) { return .success }
                        // "If url includes credentials or has a non-null port, and buffer is
                        //  "file", then return."
                        if (url.includesCredentials || url.port != nil) && candidate == "file" { return .success }
                        // "If url's scheme is "file" and its host is an empty host, then return."
                        if url.scheme == "file" && url.host == .empty { return .success }
                    }
                    url.scheme = candidate
                    if stateOverride != nil {
                        // "If url's port is url's scheme's default port, then set url's port to null."
                        if let port = url.port, port == defaultPort(forScheme: url.scheme) { url.port = nil }
                        return .success
                    }
                    buffer.removeAll()
                    if url.scheme == "file" {
                        state = .file
                    } else if url.isSpecial, let base, base.scheme == url.scheme {
                        state = .specialRelativeOrAuthority
                    } else if url.isSpecial {
                        state = .specialAuthoritySlashes
                    } else if remainingStarts(with: "/") {
                        state = .pathOrAuthority
                        pointer += 1
                    } else {
                        url.path = .opaque("")
                        state = .opaquePath
                    }
                } else if stateOverride == nil {
                    // "set buffer to the empty string, state to no scheme state, and start over
                    //  (from the first code point in input)."
                    buffer.removeAll()
                    state = .noScheme
                    pointer = -1
                } else {
                    return .failure
                }

            // https://url.spec.whatwg.org/#no-scheme-state
            case .noScheme:
                // "If base is null, or base has an opaque path and c is not U+0023 (#),
                //  missing-scheme-non-relative-URL validation error, return failure."
                guard let base, !(base.hasOpaquePath && c != "#") else { return .failure }
                if base.hasOpaquePath && c == "#" {
                    url.scheme = base.scheme
                    url.path = base.path
                    url.query = base.query
                    url.fragment = ""
                    state = .fragment
                } else if base.scheme != "file" {
                    state = .relative
                    pointer -= 1
                } else {
                    state = .file
                    pointer -= 1
                }

            // https://url.spec.whatwg.org/#special-relative-or-authority-state
            case .specialRelativeOrAuthority:
                if c == "/" && remainingStarts(with: "/") {
                    state = .specialAuthorityIgnoreSlashes
                    pointer += 1
                } else {
                    state = .relative
                    pointer -= 1
                }

            // https://url.spec.whatwg.org/#path-or-authority-state
            case .pathOrAuthority:
                if c == "/" {
                    state = .authority
                } else {
                    state = .path
                    pointer -= 1
                }

            // https://url.spec.whatwg.org/#relative-state
            case .relative:
                let base = self.base!
                url.scheme = base.scheme
                if c == "/" {
                    state = .relativeSlash
                } else if url.isSpecial && c == "\\" {
                    state = .relativeSlash
                } else {
                    url.username = base.username
                    url.password = base.password
                    url.host = base.host
                    url.port = base.port
                    url.path = base.path
                    url.query = base.query
                    if c == "?" {
                        url.query = ""
                        state = .query
                    } else if c == "#" {
                        url.fragment = ""
                        state = .fragment
                    } else if c != nil {
                        url.query = nil
                        url.shortenPath()
                        state = .path
                        pointer -= 1
                    }
                }

            // https://url.spec.whatwg.org/#relative-slash-state
            case .relativeSlash:
                if url.isSpecial && (c == "/" || c == "\\") {
                    state = .specialAuthorityIgnoreSlashes
                } else if c == "/" {
                    state = .authority
                } else {
                    let base = self.base!
                    url.username = base.username
                    url.password = base.password
                    url.host = base.host
                    url.port = base.port
                    state = .path
                    pointer -= 1
                }

            // https://url.spec.whatwg.org/#special-authority-slashes-state
            case .specialAuthoritySlashes:
                if c == "/" && remainingStarts(with: "/") {
                    state = .specialAuthorityIgnoreSlashes
                    pointer += 1
                } else {
                    state = .specialAuthorityIgnoreSlashes
                    pointer -= 1
                }

            // https://url.spec.whatwg.org/#special-authority-ignore-slashes-state
            case .specialAuthorityIgnoreSlashes:
                if c != "/" && c != "\\" {
                    state = .authority
                    pointer -= 1
                }

            // https://url.spec.whatwg.org/#authority-state
            case .authority:
                if c == "@" {
                    // "If atSignSeen is true, then prepend "%40" to buffer."
                    if atSignSeen { buffer.insert(contentsOf: ["%", "4", "0"], at: 0) }
                    atSignSeen = true
                    var user: [UInt8] = [], pass: [UInt8] = []
                    for codePoint in buffer {
                        // "If codePoint is U+003A (:) and passwordTokenSeen is false, then set
                        //  passwordTokenSeen to true and continue."
                        if codePoint == ":" && !passwordTokenSeen {
                            passwordTokenSeen = true
                            continue
                        }
                        if passwordTokenSeen {
                            utf8PercentEncode(codePoint, .userinfo, into: &pass)
                        } else {
                            utf8PercentEncode(codePoint, .userinfo, into: &user)
                        }
                    }
                    if !user.isEmpty { url.username += makeString(user) }
                    if !pass.isEmpty { url.password += makeString(pass) }
                    buffer.removeAll()
                } else if c == nil || c == "/" || c == "?" || c == "#" || (url.isSpecial && c == "\\") {
                    // "If atSignSeen is true and buffer is the empty string, host-missing
                    //  validation error, return failure."
                    if atSignSeen && buffer.isEmpty { return .failure }
                    // "Decrease pointer by buffer's code point length + 1, set buffer to the
                    //  empty string, and set state to host state."
                    pointer -= buffer.count + 1
                    buffer.removeAll()
                    state = .host
                } else {
                    buffer.append(c!)
                }

            // https://url.spec.whatwg.org/#host-state
            case .host, .hostname:
                if stateOverride != nil && url.scheme == "file" {
                    pointer -= 1
                    state = .fileHost
                } else if c == ":" && !insideBrackets {
                    // "If buffer is the empty string, host-missing validation error, return failure."
                    if buffer.isEmpty { return .failure }
                    // "If state override is given and state override is hostname state, then
                    //  return failure."
                    if stateOverride == .hostname { return .failure }
                    guard let host = parseHost(buffer, isOpaque: !url.isSpecial) else { return .failure }
                    url.host = host
                    buffer.removeAll()
                    state = .port
                } else if c == nil || c == "/" || c == "?" || c == "#" || (url.isSpecial && c == "\\") {
                    pointer -= 1
                    if url.isSpecial && buffer.isEmpty {
                        // "If url is special and buffer is the empty string, host-missing
                        //  validation error, return failure."
                        return .failure
                    } else if stateOverride != nil && buffer.isEmpty
                                && (url.includesCredentials || url.port != nil) {
                        // "Otherwise, if state override is given, buffer is the empty string, and
                        //  either url includes credentials or url's port is non-null, return failure."
                        return .failure
                    }
                    guard let host = parseHost(buffer, isOpaque: !url.isSpecial) else { return .failure }
                    url.host = host
                    buffer.removeAll()
                    state = .pathStart
                    if stateOverride != nil { return .success }
                } else {
                    if c == "[" { insideBrackets = true }
                    if c == "]" { insideBrackets = false }
                    buffer.append(c!)
                }

            // https://url.spec.whatwg.org/#port-state
            case .port:
                if let c, c.isASCIIDigit {
                    buffer.append(c)
                } else if c == nil || c == "/" || c == "?" || c == "#" || (url.isSpecial && c == "\\")
                            || stateOverride != nil {
                    if !buffer.isEmpty {
                        var port = 0
                        for d in buffer {
                            port = port * 10 + Int(d.value - 0x30)
                            // "If port is not a 16-bit unsigned integer, port-out-of-range
                            //  validation error, return failure."
                            if port > 0xFFFF { return .failure }
                        }
                        // "Set url's port to null, if port is url's scheme's default port;
                        //  otherwise to port."
                        url.port = port == defaultPort(forScheme: url.scheme) ? nil : port
                        buffer.removeAll()
                        if stateOverride != nil { return .success }
                    }
                    if stateOverride != nil { return .failure }
                    state = .pathStart
                    pointer -= 1
                } else {
                    // "Otherwise, port-invalid validation error, return failure."
                    return .failure
                }

            // https://url.spec.whatwg.org/#file-state
            case .file:
                url.scheme = "file"
                url.host = .empty
                if c == "/" || c == "\\" {
                    state = .fileSlash
                } else if let base, base.scheme == "file" {
                    url.host = base.host
                    url.path = base.path
                    url.query = base.query
                    if c == "?" {
                        url.query = ""
                        state = .query
                    } else if c == "#" {
                        url.fragment = ""
                        state = .fragment
                    } else if c != nil {
                        url.query = nil
                        // "If the code point substring from pointer to the end of input does not
                        //  start with a Windows drive letter, then shorten url's path."
                        if !startsWithWindowsDriveLetter(at: pointer) {
                            url.shortenPath()
                        } else {
                            // "Otherwise: ... Set url's path to « »." (Windows drive letter quirk)
                            url.path = .segments([])
                        }
                        state = .path
                        pointer -= 1
                    }
                } else {
                    state = .path
                    pointer -= 1
                }

            // https://url.spec.whatwg.org/#file-slash-state
            case .fileSlash:
                if c == "/" || c == "\\" {
                    state = .fileHost
                } else {
                    if let base, base.scheme == "file" {
                        url.host = base.host
                        // "If the code point substring from pointer to the end of input does not
                        //  start with a Windows drive letter and base's path[0] is a normalized
                        //  Windows drive letter, then append base's path[0] to url's path."
                        if !startsWithWindowsDriveLetter(at: pointer), case .segments(let bsegs) = base.path,
                           let first = bsegs.first, isNormalizedWindowsDriveLetter(first) {
                            url.appendSegment(first)
                        }
                    }
                    state = .path
                    pointer -= 1
                }

            // https://url.spec.whatwg.org/#file-host-state
            case .fileHost:
                if c == nil || c == "/" || c == "\\" || c == "?" || c == "#" {
                    pointer -= 1
                    let bufferBytes = buffer.allSatisfy({ $0.isASCII }) ? buffer.map { UInt8($0.value) } : []
                    if stateOverride == nil && isWindowsDriveLetter(bufferBytes) {
                        // "file-invalid-Windows-drive-letter-host validation error, set state to
                        //  path state." (buffer is not reset and instead used in the path state)
                        pathBuffer = bufferBytes
                        buffer.removeAll()
                        state = .path
                    } else if buffer.isEmpty {
                        url.host = .empty
                        if stateOverride != nil { return .success }
                        state = .pathStart
                    } else {
                        guard var host = parseHost(buffer, isOpaque: !url.isSpecial) else { return .failure }
                        // "If host is "localhost", then set host to the empty string."
                        if host == .domain("localhost") { host = .empty }
                        url.host = host
                        if stateOverride != nil { return .success }
                        buffer.removeAll()
                        state = .pathStart
                    }
                } else {
                    buffer.append(c!)
                }

            // https://url.spec.whatwg.org/#path-start-state
            case .pathStart:
                if url.isSpecial {
                    state = .path
                    if c != "/" && c != "\\" { pointer -= 1 }
                } else if stateOverride == nil && c == "?" {
                    url.query = ""
                    state = .query
                } else if stateOverride == nil && c == "#" {
                    url.fragment = ""
                    state = .fragment
                } else if c != nil {
                    state = .path
                    if c != "/" { pointer -= 1 }
                } else if stateOverride != nil && url.host == nil {
                    url.appendSegment("")
                }

            // https://url.spec.whatwg.org/#path-state
            case .path:
                let slash = c == "/" || (url.isSpecial && c == "\\")
                if c == nil || slash || (stateOverride == nil && (c == "?" || c == "#")) {
                    if isDoubleDotSegment(pathBuffer) {
                        url.shortenPath()
                        // "If neither c is U+002F (/), nor url is special and c is U+005C (\),
                        //  append the empty string to url's path."
                        if !slash { url.appendSegment("") }
                    } else if isSingleDotSegment(pathBuffer) {
                        if !slash { url.appendSegment("") }
                    } else {
                        // "If url's scheme is "file", url's path is empty, and buffer is a Windows
                        //  drive letter, then replace the second code point in buffer with U+003A (:)."
                        if url.scheme == "file" && url.pathIsEmptyList && isWindowsDriveLetter(pathBuffer) {
                            pathBuffer[1] = 0x3A
                        }
                        url.appendSegment(makeString(pathBuffer))
                    }
                    pathBuffer.removeAll(keepingCapacity: true)
                    if c == "?" {
                        url.query = ""
                        state = .query
                    }
                    if c == "#" {
                        url.fragment = ""
                        state = .fragment
                    }
                } else {
                    // "UTF-8 percent-encode c using the path percent-encode set and append the
                    //  result to buffer."
                    utf8PercentEncode(c!, .path, into: &pathBuffer)
                }

            // https://url.spec.whatwg.org/#cannot-be-a-base-url-path-state
            // (Runs over all code points up to "?", "#" or EOF at once.)
            case .opaquePath:
                var out: [UInt8] = []
                while pointer < n {
                    let ch = input[pointer]
                    if ch == "?" || ch == "#" { break }
                    if ch == " " {
                        // "If remaining starts with U+003F (?) or U+0023 (#), then append "%20" to
                        //  url's path. Otherwise, append U+0020 SPACE to url's path."
                        if remainingStarts(with: "?") || remainingStarts(with: "#") {
                            out.append(contentsOf: [0x25, 0x32, 0x30])
                        } else {
                            out.append(0x20)
                        }
                    } else {
                        // "UTF-8 percent-encode c using the C0 control percent-encode set"
                        utf8PercentEncode(ch, .c0Control, into: &out)
                    }
                    pointer += 1
                }
                if case .opaque(let existing) = url.path {
                    url.path = .opaque(existing + makeString(out))
                }
                if pointer < n {
                    if input[pointer] == "?" {
                        url.query = ""
                        state = .query
                    } else {
                        url.fragment = ""
                        state = .fragment
                    }
                }

            // https://url.spec.whatwg.org/#query-state
            // (Collects code points up to "#" (without state override) or EOF, then encodes.)
            case .query:
                let querySet: PercentEncodeSet = url.isSpecial ? .specialQuery : .query
                var out: [UInt8] = []
                while pointer < n {
                    let ch = input[pointer]
                    if stateOverride == nil && ch == "#" { break }
                    utf8PercentEncode(ch, querySet, into: &out)
                    pointer += 1
                }
                url.query = (url.query ?? "") + makeString(out)
                if pointer < n {  // c is "#"
                    url.fragment = ""
                    state = .fragment
                }

            // https://url.spec.whatwg.org/#fragment-state
            case .fragment:
                var out: [UInt8] = []
                while pointer < n {
                    utf8PercentEncode(input[pointer], .fragment, into: &out)
                    pointer += 1
                }
                url.fragment = (url.fragment ?? "") + makeString(out)
            }

            // "If after a run pointer points to the EOF code point, go to the next step.
            //  Otherwise, increase pointer by 1 and continue with the state machine."
            if pointer >= n { break }
            pointer += 1
        }
        return .success
    }
}
