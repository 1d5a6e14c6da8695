import URLStandard

/// Navigation and document loading.
/// https://html.spec.whatwg.org/multipage/browsing-the-web.html#navigating-across-documents
extension Browser {
    static let maxFrameDepth = 20

    /// Navigates `bc` to `url`. The fetch and the new document come in a later task, as in a
    /// browser; a newer navigation of the same navigable cancels an older one.
    func navigate(_ bc: BrowsingContext, to url: URLRecord, initiator: Window?, userInitiated: Bool = false,
                  replace: Bool = false, srcdoc: String? = nil, method: String = "GET", body: [UInt8]? = nil,
                  headers: HeaderList = HeaderList(), kind: String? = nil) {
        bc.navigationID += 1
        let navID = bc.navigationID
        let initiatorOrigin = initiator?.origin
        let initiatorURL = initiator?.url
        queueTask { [weak self, weak bc, weak initiator] in
            guard let self, let bc, !bc.discarded, bc.navigationID == navID else { return }
            // about:srcdoc and about:blank: no request; the document inherits its creator's origin.
            if let srcdoc {
                self.createDocument(in: bc, url: URLRecord.parse("about:srcdoc")!, html: srcdoc,
                                    origin: initiatorOrigin ?? .makeOpaque(), headers: HeaderList(), status: 200)
                return
            }
            if url.scheme == "about" {
                self.createDocument(in: bc, url: url, html: "", origin: initiatorOrigin ?? .makeOpaque(), headers: HeaderList(), status: 200)
                return
            }
            if url.scheme == "data" {
                let (mime, bytes) = decodeDataURL(url)
                let html = mime.hasPrefix("text/html") ? String(decoding: bytes, as: UTF8.self) : ""
                self.createDocument(in: bc, url: url, html: html, origin: .makeOpaque(), headers: HeaderList([("Content-Type", mime)]), status: 200)
                return
            }
            if url.scheme == "javascript" {
                // javascript: URLs run in the target's current document when same origin; not modelled further.
                return
            }
            guard url.scheme == "http" || url.scheme == "https" else { return }
            var req = FetchRequest(method: method, url: url, headers: headers, body: body,
                                   destination: bc.isTopLevel ? "document" : "iframe", mode: .navigate,
                                   kind: kind ?? (bc.isTopLevel ? "document" : "iframe"),
                                   client: initiator, origin: initiatorOrigin, userInitiated: userInitiated,
                                   referrer: initiatorURL, frameLabel: initiator?.label ?? bc.label)
            if method == "POST", let o = initiatorOrigin { req.headers.set("Origin", o.serialized) }
            if bc.isTopLevel {
                req.cookieContext = userInitiated ? .browserNavigation(method: method) : .topLevelNavigation(initiator: initiatorOrigin, method: method)
            } else {
                req.cookieContext = .nestedNavigation(parentAncestry: bc.parent?.window?.ancestry ?? [], initiator: initiatorOrigin, method: method)
            }
            let result = self.fetchNavigationOrSubresource(req)
            guard bc.navigationID == navID, !bc.discarded else { return }
            let r = result.response
            let responseOrigin = result.url.origin
            // Framing: X-Frame-Options and CSP frame-ancestors, checked against every ancestor.
            if let parentWindow = bc.parent?.window {
                var ancestors: [Origin] = []
                var a: BrowsingContext? = bc.parent
                while let x = a { if let o = x.window?.origin { ancestors.append(o) }; a = x.parent }
                let v = self.checker.framing(url: result.url, responseOrigin: responseOrigin, headers: r.headers, ancestors: ancestors,
                                             sourceMatches: { self.cspSourceListMatches($0, url: $1, selfOrigin: $2) })
                self.record(v, by: parentWindow)
                if !v.isAllowed {
                    if let m = v.message { self.log(parentWindow, level: "error", m) }
                    // The frame shows the browser's error page (an opaque origin); its load event still fires.
                    self.createDocument(in: bc, url: result.url, html: "", origin: .makeOpaque(), headers: HeaderList(), status: r.status)
                    return
                }
            }
            // Cross-Origin-Opener-Policy: a top-level navigation may need a new browsing context group.
            var target = bc
            var coop = "unsafe-none"
            if bc.isTopLevel {
                if isPotentiallyTrustworthy(responseOrigin) { coop = parseCOOP(r.headers.get("Cross-Origin-Opener-Policy")) }
                if let cur = bc.window,
                   OriginChecker.coopRequiresSwitch(current: cur.crossOriginOpenerPolicy, currentOrigin: cur.origin,
                                                    currentIsInitialAboutBlank: cur.isInitialAboutBlank,
                                                    response: coop, responseOrigin: responseOrigin) {
                    target = self.switchBrowsingContextGroup(bc, reason: "Cross-Origin-Opener-Policy: \(coop) on \(result.url.href) (the previous document had \(cur.crossOriginOpenerPolicy))")
                }
            }
            let ct = r.headers.get("Content-Type") ?? "text/html"
            let html = ct.lowercased().contains("html") || ct.isEmpty ? r.bodyText
                : "<html><head></head><body><pre>\(escapeHTML(r.bodyText))</pre></body></html>"
            let w = self.createDocument(in: target, url: result.url, html: html, origin: responseOrigin, headers: r.headers, status: r.status, coop: coop)
            _ = w
        }
    }

    /// Creates the new Window and Document of `bc` and starts parsing.
    /// https://html.spec.whatwg.org/multipage/document-lifecycle.html#initialise-the-document-object
    @discardableResult
    func createDocument(in bc: BrowsingContext, url: URLRecord, html: String, origin: Origin,
                        headers: HeaderList, status: Int, synchronousLoad: Bool = false,
                        coop: String? = nil, initialAboutBlank: Bool = false) -> Window {
        // Unload the old document: its timers and tasks stop. The browser keeps it (and its realm)
        // until it closes: other realms may still hold its objects and call its functions.
        if let old = bc.window { old.isActive = false; old.timers.removeAll(); retiredWindows.append(old) }
        for c in bc.children { discard(c) }
        bc.children = []
        var flags = bc.sandboxFlags
        if let csp = headers.get("Content-Security-Policy") { flags.formUnion(sandboxFlagsFromCSP(csp)) }
        let docOrigin: Origin = flags.contains(.origin) ? .makeOpaque() : origin
        let w = Window(id: nextWindowID, browser: self, context: bc, url: url, origin: docOrigin,
                       sandboxFlags: flags, responseHeaders: headers,
                       secure: isPotentiallyTrustworthy(docOrigin) || (docOrigin.isOpaque && url.scheme == "https"))
        nextWindowID += 1
        windowCount += 1
        w.isInitialAboutBlank = initialAboutBlank
        if let coop { w.crossOriginOpenerPolicy = coop }
        else if initialAboutBlank, let creator = bc.opener?.top.window ?? bc.parent?.top.window, creator.origin.isSameOrigin(docOrigin) {
            // https://html.spec.whatwg.org/multipage/document-sequences.html#creating-a-new-browsing-context step: the creator's top-level COOP.
            w.crossOriginOpenerPolicy = creator.crossOriginOpenerPolicy
        }
        bc.window = w
        w.realm = Realm(window: w, browser: self)
        if let p = bc.parent?.window { p.realm.syncFrames() }
        w.realm.buildDocument(html: html)
        w.parsed = true
        w.realm.fireDOMContentLoaded()
        if synchronousLoad { completeLoad(w) } else { checkLoadComplete(w) }
        return w
    }

    /// The load event waits for the frames that were in the document while it was parsed.
    /// https://html.spec.whatwg.org/multipage/parsing.html#the-end
    func checkLoadComplete(_ w: Window) {
        guard w.parsed, !w.loadFired, w.pendingChildLoads == 0 else { return }
        queueTask { [weak self, weak w] in
            guard let self, let w, w.isActive, !w.loadFired else { return }
            self.completeLoad(w)
        }
    }

    func completeLoad(_ w: Window) {
        guard !w.loadFired else { return }
        w.loadFired = true
        w.realm.fireLoad()
        guard let bc = w.context, bc.window === w, let parent = bc.parent, let pw = parent.window, pw.isActive else { return }
        // https://html.spec.whatwg.org/multipage/iframe-embed-object.html#iframe-load-event-steps
        if let el = bc.container, bc.containerWindow === pw { pw.realm.fireEvent(at: el, type: "load") }
        if bc.delaysParentLoad {
            bc.delaysParentLoad = false
            pw.pendingChildLoads -= 1
            checkLoadComplete(pw)
        }
    }

    func discard(_ bc: BrowsingContext) {
        bc.discarded = true
        bc.navigationID += 1
        if let w = bc.window { w.isActive = false; w.timers.removeAll() }
        for c in bc.children { discard(c) }
    }

    // MARK: iframes
    // https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element

    /// An iframe element became connected in `w`'s document: create its navigable and process its attributes.
    func iframeInserted(_ el: JSRef, in w: Window, src: String?, srcdoc: String?, name: String, sandbox: String?) -> BrowsingContext? {
        guard let parent = w.context else { return nil }
        var depth = 0
        var c: BrowsingContext? = parent
        while let x = c { depth += 1; c = x.parent }
        guard depth < Self.maxFrameDepth else {
            log(w, level: "warning", "simbrowse: iframe not loaded: more than \(Self.maxFrameDepth) nested frames")
            return nil
        }
        let bc = makeContext(parent: parent, name: name)
        bc.container = el
        bc.containerWindow = w
        parent.children.append(bc)
        relabel(parent)
        if let sandbox { bc.sandboxFlags = SandboxFlags.parse(sandbox) }
        // The initial about:blank document is made lazily when a script reaches it first.
        if !w.parsed || !w.loadFired { if !w.loadFired { bc.delaysParentLoad = true; w.pendingChildLoads += 1 } }
        processIframeAttributes(bc, in: w, src: src, srcdoc: srcdoc, initialInsertion: true)
        w.realm.syncFrames()
        return bc
    }

    /// https://html.spec.whatwg.org/multipage/iframe-embed-object.html#process-the-iframe-attributes
    func processIframeAttributes(_ bc: BrowsingContext, in w: Window, src: String?, srcdoc: String?, initialInsertion: Bool) {
        if let srcdoc {
            navigate(bc, to: URLRecord.parse("about:srcdoc")!, initiator: w, srcdoc: srcdoc)
            return
        }
        let s = src ?? ""
        guard !s.isEmpty, let url = URLRecord.parse(s, base: w.url), url.href != "about:blank" else {
            // No src (or about:blank): the initial about:blank document is the document; its load
            // event fires synchronously on insertion.
            if initialInsertion || bc.window == nil {
                let blank = createDocument(in: bc, url: URLRecord.parse("about:blank")!, html: "", origin: w.origin,
                                           headers: HeaderList(), status: 200, synchronousLoad: true)
                _ = blank
            }
            return
        }
        // Self-embedding: Chromium refuses a frame whose URL (without fragment) is already the URL
        // of two of its ancestors (one self-reference is allowed).
        var sameURL = 0
        var a: BrowsingContext? = bc.parent
        var stripped = url; stripped.fragment = nil
        while let x = a {
            if var u = x.window?.url { u.fragment = nil; if u == stripped { sameURL += 1 } }
            a = x.parent
        }
        if sameURL >= 2 {
            log(w, level: "warning", "simbrowse: iframe \(url.href) not loaded: it would embed itself recursively")
            if bc.delaysParentLoad { bc.delaysParentLoad = false; w.pendingChildLoads -= 1 }
            return
        }
        navigate(bc, to: url, initiator: w)
    }

    func iframeRemoved(_ el: JSRef, in w: Window) {
        guard let parent = w.context, let i = parent.children.firstIndex(where: { $0.container.map { w.realm.same($0, el) } ?? false }) else { return }
        let bc = parent.children.remove(at: i)
        if bc.delaysParentLoad { bc.delaysParentLoad = false; w.pendingChildLoads -= 1; checkLoadComplete(w) }
        discard(bc)
        relabel(parent)
        w.realm.syncFrames()
    }

    func relabel(_ bc: BrowsingContext) {
        for (i, c) in bc.children.enumerated() {
            c.label = "\(bc.label).frames[\(i)]"
            relabel(c)
        }
        for (i, p) in bc.popups.enumerated() {
            p.label = "\(bc.label).popups[\(i)]"
            relabel(p)
        }
    }

    // MARK: popups
    // https://html.spec.whatwg.org/multipage/nav-history-apis.html#window-open-steps

    func openPopup(from w: Window, url: String, target: String, features: String) -> BrowsingContext? {
        guard let source = w.context else { return nil }
        let tokens = features.lowercased().split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.split(separator: "=").first.map(String.init) ?? "" }
        let noopener = tokens.contains("noopener") || tokens.contains("noreferrer")
        let parsed: URLRecord? = url.isEmpty ? nil : URLRecord.parse(url, base: w.url)
        if !url.isEmpty && parsed == nil { return nil }
        if w.sandboxFlags.contains(.auxiliaryNavigation) {
            log(w, level: "error", "Blocked opening '\(parsed?.href ?? url)' in a new window because the request was made in a sandboxed frame whose 'allow-popups' permission is not set.")
            return nil
        }
        if let existing = source.find(targetName: target), target.lowercased() != "_blank" {
            if let parsed { navigate(existing, to: parsed, initiator: w) }
            return existing
        }
        let bc = makeContext(parent: nil, name: (target.lowercased() == "_blank") ? "" : target)
        bc.isPopup = true
        if !noopener { bc.opener = source }
        // A popup inherits the opener's sandboxing flags (unless allow-popups-to-escape-sandbox).
        bc.sandboxFlags = w.sandboxFlags
        let root = source.top
        root.popups.append(bc)
        relabel(root)
        popupCounter += 1
        // The initial about:blank document, same origin as the opener.
        createDocument(in: bc, url: URLRecord.parse("about:blank")!, html: "", origin: w.origin, headers: HeaderList(), status: 200,
                       synchronousLoad: true, initialAboutBlank: true)
        if let parsed { navigate(bc, to: parsed, initiator: w) }
        return noopener ? nil : bc
    }
}

extension Browser {
    /// Replaces a top-level navigable by a new one in a new browsing context group: the old one is
    /// closed for everyone who held it, and the new one has no opener.
    /// https://html.spec.whatwg.org/multipage/browsers.html#browsing-context-group-switches-due-to-cross-origin-opener-policy
    func switchBrowsingContextGroup(_ old: BrowsingContext, reason: String) -> BrowsingContext {
        let nb = makeContext(parent: nil, name: "")
        nb.isPopup = old.isPopup
        nb.label = old.label
        nb.navigationID = old.navigationID
        if let i = topLevel.firstIndex(where: { $0 === old }) { topLevel[i] = nb }
        for t in topLevel {
            if let i = t.popups.firstIndex(where: { $0 === old }) { t.popups[i] = nb }
        }
        let v = Verdict(decision: .blocked, rule: "COOP browsing context group switch", explanation: reason + ": the opener and the popup lose each other",
                        spec: "https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies",
                        accessorOrigin: old.opener?.window?.origin.serialized, targetOrigin: nil)
        record(v, by: old.opener?.window)
        old.opener = nil
        discard(old)
        return nb
    }
}

/// https://html.spec.whatwg.org/multipage/browsers.html#obtain-coop
func parseCOOP(_ value: String?) -> String {
    switch value?.split(separator: ";").first.map({ String($0).trimmingCharacters(in: " \t").lowercased() }) {
    case "same-origin": return "same-origin"
    case "same-origin-allow-popups": return "same-origin-allow-popups"
    case "noopener-allow-popups": return "noopener-allow-popups"
    default: return "unsafe-none"
    }
}

/// https://fetch.spec.whatwg.org/#data-url-processor (enough for documents and images)
func decodeDataURL(_ url: URLRecord) -> (String, [UInt8]) {
    var s = url.href
    if let i = s.firstIndex(of: ":") { s = String(s[s.index(after: i)...]) }
    if let h = s.firstIndex(of: "#") { s = String(s[..<h]) }
    guard let comma = s.firstIndex(of: ",") else { return ("text/plain", []) }
    var mime = String(s[..<comma]).trimmingCharacters(in: " ")
    let data = String(s[s.index(after: comma)...])
    var base64 = false
    if mime.lowercased().hasSuffix(";base64") { base64 = true; mime = String(mime.dropLast(7)) }
    if mime.isEmpty { mime = "text/plain;charset=US-ASCII" }
    let bytes = percentDecode(data)
    if base64 { return (mime, base64Decode(String(decoding: bytes, as: UTF8.self)) ?? []) }
    return (mime, bytes)
}

func escapeHTML(_ s: String) -> String {
    var o = ""
    for c in s.unicodeScalars {
        switch c {
        case "&": o += "&amp;"
        case "<": o += "&lt;"
        case ">": o += "&gt;"
        default: o.unicodeScalars.append(c)
        }
    }
    return o
}

/// The `sandbox` directive of a Content-Security-Policy header.
func sandboxFlagsFromCSP(_ csp: String) -> SandboxFlags {
    for directive in csp.split(separator: ";") {
        let parts = directive.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if parts.first?.lowercased() == "sandbox" { return SandboxFlags.parse(parts.dropFirst().joined(separator: " ")) }
    }
    return []
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set.unicodeScalars)
        var u = Substring(self).unicodeScalars
        while let f = u.first, chars.contains(f) { u.removeFirst() }
        while let l = u.last, chars.contains(l) { u.removeLast() }
        return String(u)
    }
}

private let b64Table: [UInt8: UInt8] = {
    var t: [UInt8: UInt8] = [:]
    for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[c] = UInt8(i) }
    t[UInt8(ascii: "-")] = 62; t[UInt8(ascii: "_")] = 63
    return t
}()

/// Forgiving base64 decode (https://infra.spec.whatwg.org/#forgiving-base64-decode).
public func base64Decode(_ s: String) -> [UInt8]? {
    var out: [UInt8] = []
    var buf: UInt32 = 0, bits = 0
    for c in s.utf8 {
        if c == UInt8(ascii: "=") || c == 32 || c == 10 || c == 13 || c == 9 || c == 12 { continue }
        guard let v = b64Table[c] else { return nil }
        buf = (buf << 6) | UInt32(v); bits += 6
        if bits >= 8 { bits -= 8; out.append(UInt8((buf >> UInt32(bits)) & 0xFF)) }
    }
    return out
}

public func base64Encode(_ bytes: [UInt8]) -> String {
    let t = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
        let a = UInt32(bytes[i]), b = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0, c = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
        let n = (a << 16) | (b << 8) | c
        out.append(t[Int((n >> 18) & 63)]); out.append(t[Int((n >> 12) & 63)])
        out.append(i + 1 < bytes.count ? t[Int((n >> 6) & 63)] : UInt8(ascii: "="))
        out.append(i + 2 < bytes.count ? t[Int(n & 63)] : UInt8(ascii: "="))
        i += 3
    }
    return String(decoding: out, as: UTF8.self)
}

extension Browser {
    /// The navigable's current window; a navigable with none yet gets its initial about:blank
    /// document (same origin as its creator), as a script that reaches it early would see.
    func ensureWindow(_ bc: BrowsingContext) -> Window {
        if let w = bc.window { return w }
        let creator = bc.parent?.window ?? bc.opener?.window
        let w = createDocument(in: bc, url: URLRecord.parse("about:blank")!, html: "", origin: creator?.origin ?? .makeOpaque(),
                               headers: HeaderList(), status: 200, synchronousLoad: false)
        // The initial about:blank's load does not delay or fire anything in the parent.
        w.loadFired = true
        return w
    }

    func closeWindow(_ bc: BrowsingContext) {
        discard(bc)
    }

    func storageArea(_ kind: String, for w: Window) -> StorageArea {
        let key = w.origin.serialized
        if kind == "session" {
            guard let top = w.context?.top else { return StorageArea() }
            if let a = top.sessionStorage[key] { return a }
            let a = StorageArea(); top.sessionStorage[key] = a; return a
        }
        if let a = localStorage[key] { return a }
        let a = StorageArea(); localStorage[key] = a; return a
    }
}
