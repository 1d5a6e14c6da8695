// The URL API setters: state-override parsing on an existing URL record.
// https://url.spec.whatwg.org/#urlutils-members
//
// Each setter ignores invalid input the way the URL API does (the URL stays as it was, or keeps
// the changes the parser made before it failed, exactly as in the standard).

extension URLRecord {
    /// Basic URL parse `input` with this URL as *url* and the given state override.
    @discardableResult
    mutating func parse(_ input: String, stateOverride: URLParserState) -> URLParserOutcome {
        var parser = URLParser(input: input, base: nil, stateOverride: stateOverride, trimControlAndSpace: false)
        return parser.run(&self)
    }

    /// `href` setter. Returns false when parsing fails (the JS setter throws a TypeError); the URL
    /// is then unchanged.
    /// https://url.spec.whatwg.org/#dom-url-href
    @discardableResult
    public mutating func setHref(_ value: String) -> Bool {
        guard let parsed = URLRecord.parse(value) else { return false }
        self = parsed
        return true
    }

    /// `protocol` setter: "basic URL parse the given value, followed by U+003A (:), with this's
    /// URL as url and scheme start state as state override."
    /// https://url.spec.whatwg.org/#dom-url-protocol
    public mutating func setProtocol(_ value: String) {
        parse(value + ":", stateOverride: .schemeStart)
    }

    /// https://url.spec.whatwg.org/#dom-url-username
    public mutating func setUsername(_ value: String) {
        // "If this's URL cannot have a username/password/port, then return."
        if cannotHaveUsernamePasswordPort { return }
        // https://url.spec.whatwg.org/#set-the-username
        username = utf8PercentEncode(value, using: .userinfo)
    }

    /// https://url.spec.whatwg.org/#dom-url-password
    public mutating func setPassword(_ value: String) {
        if cannotHaveUsernamePasswordPort { return }
        // https://url.spec.whatwg.org/#set-the-password
        password = utf8PercentEncode(value, using: .userinfo)
    }

    /// https://url.spec.whatwg.org/#dom-url-host
    public mutating func setHost(_ value: String) {
        // "If this's URL has an opaque path, then return."
        if hasOpaquePath { return }
        parse(value, stateOverride: .host)
    }

    /// https://url.spec.whatwg.org/#dom-url-hostname
    public mutating func setHostname(_ value: String) {
        if hasOpaquePath { return }
        parse(value, stateOverride: .hostname)
    }

    /// https://url.spec.whatwg.org/#dom-url-port
    public mutating func setPort(_ value: String) {
        if cannotHaveUsernamePasswordPort { return }
        // "If the given value is the empty string, then set this's URL's port to null."
        if value.isEmpty {
            port = nil
        } else {
            parse(value, stateOverride: .port)
        }
    }

    /// https://url.spec.whatwg.org/#dom-url-pathname
    public mutating func setPathname(_ value: String) {
        if hasOpaquePath { return }
        // "Empty this's URL's path."
        path = .segments([])
        parse(value, stateOverride: .pathStart)
    }

    /// https://url.spec.whatwg.org/#dom-url-search
    public mutating func setSearch(_ value: String) {
        // "If the given value is the empty string, then set url's query to null, ... and return."
        if value.isEmpty {
            query = nil
            return
        }
        // "Let input be the given value with a single leading U+003F (?) removed, if any."
        let input = value.unicodeScalars.first == "?" ? String(value.unicodeScalars.dropFirst()) : value
        // "Set url's query to the empty string."
        query = ""
        parse(input, stateOverride: .query)
    }

    /// https://url.spec.whatwg.org/#dom-url-hash
    public mutating func setHash(_ value: String) {
        if value.isEmpty {
            fragment = nil
            return
        }
        let input = value.unicodeScalars.first == "#" ? String(value.unicodeScalars.dropFirst()) : value
        fragment = ""
        parse(input, stateOverride: .fragment)
    }
}
