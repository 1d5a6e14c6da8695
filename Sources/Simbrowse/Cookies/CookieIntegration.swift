import URLStandard

/// Where the engine meets the cookie jar: the one place a `Cookie` header is built and a
/// `Set-Cookie` stored (both called from the fetch functions), and `document.cookie`.
extension Browser {
    /// The jar's clock: the same epoch as the pages' `Date` (2026-01-01), on virtual time.
    var cookieNow: Double { CookieJar.virtualEpoch + now }

    /// Adds the `Cookie` header for `url` and returns the decision on every cookie (sent, or held
    /// back and why). https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.8.3
    func attachCookies(_ headers: inout HeaderList, url: URLRecord, context: CookieRequestContext) -> [CookieDecision] {
        let (header, decisions) = cookieJar.cookies(for: url, now: cookieNow, context: context, source: .http)
        if let header, !header.isEmpty { headers.set("Cookie", header) }
        return decisions
    }

    /// Stores the response's `Set-Cookie` headers. https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7
    func storeCookies(from response: HTTPResponse, url: URLRecord, context: CookieRequestContext) -> [CookieStoreResult] {
        response.headers.getAll("Set-Cookie").map {
            cookieJar.setCookie($0, url: url, now: cookieNow, source: .http, context: context)
        }
    }

    /// A scenario's `cookies`: set by a top-level first-party response before the pages load.
    public func seedCookie(_ setCookie: String, url: String) {
        guard let u = URLRecord.parse(url) else { return }
        cookieJar.setCookie(setCookie, url: u, now: cookieNow, source: .http, context: .browserNavigation())
    }
}

extension Window {
    /// The origins of this document's navigable and its ancestors, top-level first.
    var ancestry: [Origin] {
        var list: [Origin] = [origin]
        var c = context?.parent
        while let p = c { if let o = p.window?.origin { list.insert(o, at: 0) }; c = p.parent }
        return list
    }
}

extension Realm {
    /// `document.cookie` (https://html.spec.whatwg.org/multipage/dom.html#dom-document-cookie),
    /// refused by the origin checker for documents with an opaque origin.
    func installCookieHostFunctions() {
        unowned let w = window
        unowned let b = browser
        js.set(host, "documentCookieGet", js.function("documentCookieGet") { [unowned self] js, _, _ in
            let v = b.checker.documentCookie(write: false, for: w.securityContext, isDataURL: w.url.scheme == "data")
            b.record(v, by: w)
            if !v.isAllowed { throw self.exception(for: v) }
            return js.string(b.cookieJar.documentCookie(url: w.url, now: b.cookieNow, ancestry: w.ancestry))
        })
        js.set(host, "documentCookieSet", js.function("documentCookieSet") { [unowned self] js, _, args in
            let v = b.checker.documentCookie(write: true, for: w.securityContext, isDataURL: w.url.scheme == "data")
            b.record(v, by: w)
            if !v.isAllowed { throw self.exception(for: v) }
            b.cookieJar.setDocumentCookie(args.first.map { js.toString($0) } ?? "undefined", url: w.url, now: b.cookieNow, ancestry: w.ancestry)
            return js.undefined
        })
    }
}
