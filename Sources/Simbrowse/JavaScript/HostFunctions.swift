import CJavaScriptCore
import HTMLDOM
import URLStandard

/// The host functions a realm's preludes call. Each asks the engine; the decisions are the
/// origin checker's.
extension Realm {
    func installHostFunctions() {
        func def(_ name: String, _ body: @escaping (JSC, [JSValueRef]) throws -> JSValueRef) {
            js.set(host, name, js.function(name) { js, _, args in try body(js, args) })
        }
        func arg(_ a: [JSValueRef], _ i: Int) -> JSValueRef? { i < a.count ? a[i] : nil }
        unowned let w = window
        unowned let b = browser

        // core.js
        def("console") { [unowned self] js, a in
            b.log(self.window, level: js.toString(arg(a, 0)), js.toString(arg(a, 1)))
            return js.undefined
        }

        // window.js: the Window's own members
        def("relative") { [unowned self] js, a in
            guard let bc = w.context else { return js.null }
            switch js.toString(arg(a, 0)) {
            case "parent": return self.windowProxy(bc.parent ?? bc)
            case "top": return self.windowProxy(bc.top)
            case "opener": return bc.opener.map { self.windowProxy($0) } ?? js.null
            default: return js.null
            }
        }
        def("setOpener") { js, a in
            if js.isNull(arg(a, 0)) { w.context?.opener = nil }
            return js.undefined
        }
        def("frameCount") { js, _ in js.number(Double(w.context?.children.count ?? 0)) }
        def("isClosed") { js, _ in js.bool(w.context?.discarded ?? true) }
        def("getName") { js, _ in js.string(w.context?.name ?? "") }
        def("setName") { js, a in w.context?.name = js.toString(arg(a, 0)); if let p = w.context?.parent?.window { p.realm.syncFrames() }; return js.undefined }
        def("selfOrigin") { js, _ in js.string(w.origin.serialized) }
        def("isSecureContext") { js, _ in js.bool(w.isSecureContext) }
        def("frameAt") { [unowned self] js, a in
            let i = Int(js.toNumber(arg(a, 0)))
            guard let c = w.context?.children, i >= 0, i < c.count else { return js.undefined }
            return self.windowProxy(c[i])
        }
        def("namedFrame") { [unowned self] js, a in
            guard let c = w.context?.child(named: js.toString(arg(a, 0))) else { return js.undefined }
            return self.windowProxy(c)
        }
        def("open") { [unowned self] js, a in
            let bc = b.openPopup(from: w, url: js.toString(arg(a, 0)), target: js.toString(arg(a, 1)), features: js.toString(arg(a, 2)))
            return bc.map { self.windowProxy($0) } ?? js.null
        }
        def("close") { js, a in
            let id = Int(js.toNumber(arg(a, 0)))
            let target = id < 0 ? w.context : b.context(id)
            // https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-window-close : only script-closable windows.
            if let t = target, t.isTopLevel, t.isPopup || t.opener != nil { b.closeWindow(t) }
            return js.undefined
        }
        def("dialog") { js, a in
            let kind = js.toString(arg(a, 0))
            // https://html.spec.whatwg.org/multipage/browsers.html#sandboxed-modals-flag
            let v = b.checker.modalDialog(kind, sandboxedModals: w.sandboxFlags.contains(.modals), from: w.securityContext)
            if !v.isAllowed {
                b.record(v, by: w)
                if let m = v.message { b.log(w, level: "error", m) }
                return js.undefined
            }
            b.log(w, level: "info", "\(kind): \(js.toString(arg(a, 1)))")
            return js.undefined
        }
        def("postMessage") { [unowned self] js, a in
            let id = Int(js.toNumber(arg(a, 0)))
            guard let target = id < 0 ? w.context : b.context(id) else { return js.undefined }
            try self.postMessage(to: target, message: arg(a, 1) ?? js.undefined, targetOrigin: js.toString(arg(a, 2)))
            return js.undefined
        }

        // timers on virtual time
        def("setTimer") { [unowned self] js, a in
            guard let f = arg(a, 0) else { return js.number(0) }
            let ms = js.toNumber(arg(a, 1))
            let repeating = js.toBool(arg(a, 2))
            let id = b.nextTimerID
            b.nextTimerID += 1
            w.timers[id] = repeating
            let keepID = self.keep(f)
            self.scheduleTimer(id: id, keepID: keepID, fn: f, ms: ms.isFinite ? ms : 0, repeating: repeating)
            return js.number(Double(id))
        }
        def("clearTimer") { js, a in
            w.timers.removeValue(forKey: Int(js.toNumber(arg(a, 0))))
            return js.undefined
        }
        def("now") { js, _ in js.number(b.now) }
        def("randomSeed") { js, _ in js.number(Double(w.randomSeed)) }

        // Location of this window
        def("locationGet") { js, a in
            js.string(locationPart(w.url, js.toString(arg(a, 0))))
        }
        def("locationSet") { [unowned self] js, a in
            guard let bc = w.context else { return js.undefined }
            let part = js.toString(arg(a, 0)), value = js.toString(arg(a, 1))
            if part == "href" {
                try self.navigateFromScript(bc, value, replace: false, setter: "href")
            } else {
                var u = w.url
                _ = setURLPart(&u, part, value)
                try self.navigateFromScript(bc, u.href, replace: false, setter: part)
            }
            return js.undefined
        }
        def("navigateSelf") { [unowned self] js, a in
            guard let bc = w.context else { return js.undefined }
            try self.navigateFromScript(bc, js.toString(arg(a, 0)), replace: js.toBool(arg(a, 1)), setter: js.toBool(arg(a, 1)) ? "replace" : "assign")
            return js.undefined
        }
        def("navigateOther") { [unowned self] js, a in
            guard let bc = b.context(Int(js.toNumber(arg(a, 0)))) else { return js.undefined }
            try self.navigateFromScript(bc, js.toString(arg(a, 1)), replace: js.toBool(arg(a, 2)), setter: "replace")
            return js.undefined
        }
        def("ancestorOrigins") { js, _ in
            var list: [JSValueRef] = []
            var c = w.context?.parent
            while let p = c { list.append(js.string(p.window?.origin.serialized ?? "null")); c = p.parent }
            return js.array(list)
        }

        // The cross-realm WindowProxy and Location: every trap lands here.
        def("wpGet") { [unowned self] js, a in try self.windowProxyGet(Int(js.toNumber(arg(a, 0))), arg(a, 1) ?? js.undefined) }
        def("wpSet") { [unowned self] js, a in
            try self.windowProxySet(Int(js.toNumber(arg(a, 0))), arg(a, 1) ?? js.undefined, arg(a, 2) ?? js.undefined)
            return js.undefined
        }
        def("wpOther") { [unowned self] js, a in
            try self.proxyOther(.window, Int(js.toNumber(arg(a, 0))), js.toString(arg(a, 1)), arg(a, 2) ?? js.undefined, arg(a, 3) ?? js.undefined)
        }
        def("locGet") { [unowned self] js, a in try self.locationProxyGet(Int(js.toNumber(arg(a, 0))), arg(a, 1) ?? js.undefined) }
        def("locSet") { [unowned self] js, a in
            try self.locationProxySet(Int(js.toNumber(arg(a, 0))), arg(a, 1) ?? js.undefined, arg(a, 2) ?? js.undefined)
            return js.undefined
        }
        def("locOther") { [unowned self] js, a in
            try self.proxyOther(.location, Int(js.toNumber(arg(a, 0))), js.toString(arg(a, 1)), arg(a, 2) ?? js.undefined, arg(a, 3) ?? js.undefined)
        }

        // storage
        def("storageCheck") { [unowned self] js, a in
            let kind = js.toString(arg(a, 0))
            let v = b.checker.storage(kind, for: w.securityContext, isDataURL: w.url.scheme == "data")
            b.record(v, by: w)
            if !v.isAllowed { throw self.exception(for: v) }
            return js.undefined
        }
        def("storage") { js, a in
            let area = b.storageArea(js.toString(arg(a, 0)), for: w)
            switch js.toString(arg(a, 1)) {
            case "length": return js.number(Double(area.keys.count))
            case "key":
                let i = Int(js.toNumber(arg(a, 2)))
                return i >= 0 && i < area.keys.count ? js.string(area.keys[i]) : js.null
            case "get": return area.values[js.toString(arg(a, 2))].map { js.string($0) } ?? js.null
            case "set": area.set(js.toString(arg(a, 2)), js.toString(arg(a, 3)))
            case "remove": area.remove(js.toString(arg(a, 2)))
            case "clear": area.clear()
            default: break
            }
            return js.undefined
        }

        // URL and URLSearchParams through the engine's URL parser
        def("urlParse") { js, a in
            let base: URLRecord?
            if let bv = arg(a, 1), !js.isNullish(bv) {
                guard let bu = URLRecord.parse(js.toString(bv)) else { return js.null }
                base = bu
            } else { base = nil }
            guard let u = URLRecord.parse(js.toString(arg(a, 0)), base: base) else { return js.null }
            return urlParts(js, u)
        }
        def("urlSet") { js, a in
            guard var u = URLRecord.parse(js.toString(arg(a, 0))) else { return js.null }
            guard setURLPart(&u, js.toString(arg(a, 1)), js.toString(arg(a, 2))) else { return js.null }
            return urlParts(js, u)
        }
        def("formParse") { js, a in
            let p = URLSearchParams(string: js.toString(arg(a, 0)))
            return js.array(p.list.map { js.array([js.string($0.0), js.string($0.1)]) })
        }
        def("formSerialize") { js, a in
            var p = URLSearchParams()
            if let arr = js.object(arg(a, 0)) {
                let n = Int(js.toNumber(js.get(arr, "length")))
                for i in 0..<n {
                    if let pair = js.object(js.get(arr, "\(i)")) { p.append(js.toString(js.get(pair, "0")), js.toString(js.get(pair, "1"))) }
                }
            }
            return js.string(p.serialized())
        }

        // document.domain
        def("documentDomain") { js, _ in
            guard case .tuple(_, let h, _) = w.origin else { return js.string("") }
            return js.string(w.securityContext.domain ?? h.serialized)
        }
        def("setDocumentDomain") { [unowned self] js, a in
            let value = js.toString(arg(a, 0))
            let v = b.checker.setDocumentDomain(value, for: w.securityContext, isRegistrableDomainOrBelow: { _ in true },
                                                isPublicSuffix: { isPublicSuffix($0) }, sandboxed: w.sandboxFlags.contains(.documentDomain))
            b.record(v, by: w)
            if !v.isAllowed { throw self.exception(for: v) }
            w.securityContext.domain = value.lowercased()
            return js.undefined
        }

        // dom.js
        def("parseDocumentJSON") { js, a in js.string(HTMLParser.json(HTMLParser.parseDocument(js.toString(arg(a, 0))))) }
        def("parseFragmentJSON") { js, a in
            js.string(HTMLParser.json(HTMLParser.parseFragment(js.toString(arg(a, 0)), context: js.isNullish(arg(a, 1)) ? "body" : js.toString(arg(a, 1)))))
        }
        def("nodeInserted") { [unowned self] js, a in
            if let el = arg(a, 0) { self.elementInserted(el) }
            return js.undefined
        }
        def("nodeRemoved") { [unowned self] js, a in
            if let el = arg(a, 0), self.localName(el) == "iframe" { b.iframeRemoved(el, in: w) }
            return js.undefined
        }
        def("attributeChanged") { [unowned self] js, a in
            guard let el = arg(a, 0) else { return js.undefined }
            let name = js.toString(arg(a, 1))
            switch self.localName(el) {
            case "iframe": break
            case "img": self.imageAttributeChanged(el, name); return js.undefined
            case "link": self.linkAttributeChanged(el, name); return js.undefined
            default: return js.undefined
            }
            guard let bc = self.contextOf(el) else { return js.undefined }
            if name == "src" || name == "srcdoc" {
                b.processIframeAttributes(bc, in: w, src: self.attr(el, "src"), srcdoc: self.attr(el, "srcdoc"), initialInsertion: false)
            } else if name == "name" {
                bc.name = self.attr(el, "name") ?? ""
                self.syncFrames()
            } else if name == "sandbox" {
                bc.sandboxFlags = self.attr(el, "sandbox").map(SandboxFlags.parse) ?? []
            }
            return js.undefined
        }
        def("contentWindow") { [unowned self] js, a in
            guard let el = arg(a, 0), let bc = self.contextOf(el), !bc.discarded else { return js.null }
            return self.windowProxy(bc)
        }
        def("contentDocument") { [unowned self] js, a in
            guard let el = arg(a, 0), let bc = self.contextOf(el), !bc.discarded else { return js.null }
            let tw = b.ensureWindow(bc)
            let v = b.checker.contentDocument(from: w.securityContext, to: tw.securityContext)
            b.record(v, by: w)
            guard v.isAllowed, let d = tw.realm.document else { return js.null }
            return d
        }
        def("runScriptElement") { [unowned self] js, a in
            if let el = arg(a, 0) {
                let parserInserted = arg(a, 1).map { !JSValueIsBoolean(js.ctx, $0) || js.toBool($0) } ?? true
                self.runScriptElement(el, parserInserted: parserInserted)
            }
            return js.undefined
        }
        def("documentURL") { js, _ in js.string(w.url.href) }
        def("baseURL") { js, _ in js.string(w.url.href) }
        def("resolveURL") { js, a in
            guard let u = URLRecord.parse(js.toString(arg(a, 0)), base: w.url) else { return js.null }
            return js.string(u.href)
        }
        def("reportException") { [unowned self] js, a in
            if let e = arg(a, 0) { self.reportException(e) }
            return js.undefined
        }
        installFetchHostFunctions()
        installFormHostFunctions()
        installCookieHostFunctions()
        installImageHostFunctions()
        installStyleHostFunctions()
        installWebSocketHostFunctions()
        def("stepSettled") { [unowned self] js, a in
            let v = arg(a, 1) ?? js.undefined
            JSValueProtect(js.ctx, v)   // held across the event loop until the step reads it (ScriptResult.swift)
            self.stepResult = (js.toBool(arg(a, 0)), v)
            return js.undefined
        }
    }

    /// Members of Document that belong to the engine: `domain` with the setter's relaxation rules.
    func installDocumentMembers() {
        let src = """
        (function (host, global) {
          const D = global.Document && global.Document.prototype;
          if (!D) return;
          Object.defineProperty(D, "domain", { get() { return host.documentDomain(); }, set(v) { host.setDocumentDomain(String(v)); }, configurable: true, enumerable: true });
          Object.defineProperty(D, "location", { get() { return this === global.document ? global.location : null; }, set(v) { global.location.href = v; }, configurable: true, enumerable: true });
          Object.defineProperty(D, "cookie", { get() { return this === global.document ? host.documentCookieGet() : ""; }, set(v) { if (this === global.document) host.documentCookieSet(String(v)); }, configurable: true, enumerable: true });
          if (!("referrer" in D)) Object.defineProperty(D, "referrer", { get() { return ""; }, configurable: true });
          host.internals.awaitStep = (v) => { Promise.resolve(v).then((r) => host.stepSettled(true, r), (e) => host.stepSettled(false, e)); };
          host.internals.reportValue = (v) => {
            const t = typeof v;
            if (v === undefined) return { type: "undefined" };
            if (v === null || t === "number" || t === "string" || t === "boolean") return { type: t, json: JSON.stringify(v === null ? null : (t === "number" && !isFinite(v) ? String(v) : v)) };
            if (t === "function") return { type: "function", text: "function" };
            if (t === "symbol" || t === "bigint") return { type: t, text: String(v) };
            try { return { type: "object", json: JSON.stringify(v), text: Object.prototype.toString.call(v) }; }
            catch (e) { try { return { type: "object", text: Object.prototype.toString.call(v) }; } catch (e2) { return { type: "object", text: "[object]" }; } }
          };
          host.internals.dispatchMessage = (data, origin, source) => {
            const E = global.MessageEvent;
            let ev;
            if (E) ev = new E("message", { data, origin, source, lastEventId: "", ports: [] });
            else { ev = new global.Event("message"); Object.assign(ev, { data, origin, source, lastEventId: "", ports: [] }); }
            host.dom.dispatch(global, ev);
          };
        })
        """
        if let f = try? evaluateCached("documentMembers", src) { _ = try? js.call(f, [host, global]) }
    }

    // MARK: element hooks

    func localName(_ el: JSValueRef) -> String {
        guard let o = js.object(el) else { return "" }
        return js.toString(js.get(o, "localName")).lowercased()
    }

    func attr(_ el: JSValueRef, _ name: String) -> String? {
        guard let o = js.object(el) else { return nil }
        let v = (try? js.call(js.get(o, "getAttribute"), this: o, [js.string(name)])) ?? js.null
        return js.isNullish(v) ? nil : js.toString(v)
    }

    func contextOf(_ el: JSValueRef) -> BrowsingContext? {
        guard let o = js.object(el) else { return nil }
        let v = js.get(o, "__sbContextID")
        guard !js.isUndefined(v) else { return nil }
        return browser.context(Int(js.toNumber(v)))
    }

    func elementInserted(_ el: JSValueRef) {
        switch localName(el) {
        case "iframe":
            if let existing = contextOf(el), !existing.discarded { return }
            _ = keep(el)
            guard let bc = browser.iframeInserted(el, in: window, src: attr(el, "src"), srcdoc: attr(el, "srcdoc"),
                                                  name: attr(el, "name") ?? "", sandbox: attr(el, "sandbox")) else { return }
            if let o = js.object(el) {
                js.set(o, "__sbContextID", js.number(Double(bc.id)), attributes: JSPropertyAttributes(kJSPropertyAttributeDontEnum))
            }
        case "script":
            guard let o = js.object(el) else { return }
            // Parser-inserted scripts run through runScriptElement; a script a page inserts runs here.
            if js.toBool(js.get(o, "__sbParserInserted")) || js.toBool(js.get(o, "__sbStarted")) { return }
            runScriptElement(el, parserInserted: false)
        case "img":
            imageElementInserted(el)
        case "link":
            linkElementInserted(el)
        case "style":
            styleElementInserted(el)
        default:
            break
        }
    }

    /// https://html.spec.whatwg.org/multipage/scripting.html#prepare-the-script-element (classic scripts)
    func runScriptElement(_ el: JSValueRef, parserInserted: Bool) {
        guard let o = js.object(el) else { return }
        if js.toBool(js.get(o, "__sbStarted")) { return }
        js.set(o, "__sbStarted", js.bool(true), attributes: JSPropertyAttributes(kJSPropertyAttributeDontEnum))
        if parserInserted { js.set(o, "__sbParserInserted", js.bool(true), attributes: JSPropertyAttributes(kJSPropertyAttributeDontEnum)) }
        if let type = attr(el, "type")?.lowercased().trimmingCharacters(in: " \t\n"), !type.isEmpty,
           !["text/javascript", "application/javascript", "module", "text/ecmascript", "application/x-javascript"].contains(type) {
            return
        }
        if window.sandboxFlags.contains(.scripts) {
            browser.log(window, level: "error", "Blocked script execution in '\(window.url.href)' because the document's frame is sandboxed and the 'allow-scripts' permission is not set.")
            return
        }
        if let src = attr(el, "src") {
            guard let url = URLRecord.parse(src, base: window.url) else {
                queueElementEvent(o, "error"); return
            }
            // Content Security Policy script-src (https://w3c.github.io/webappsec-csp/#directive-script-src).
            if let v = browser.cspViolation("script-src-elem", url: url, client: window, nonce: attr(el, "nonce")) {
                refuseByCSP(v, url: url)
                queueElementEvent(o, "error")
                return
            }
            let load = { [weak self] in
                guard let self, self.window.isActive else { return }
                let outcome = self.browser.fetchScript(url, for: self.window, crossOrigin: self.attr(el, "crossorigin"))
                switch outcome {
                case .failure:
                    self.fire(o, "error", bubbles: false)
                case .success(let source, let muted):
                    self.runScript(source, url: url.href, muted: muted)
                    self.fire(o, "load", bubbles: false)
                }
            }
            if parserInserted { load() } else { browser.queueTask(load) }
            return
        }
        // An inline script runs only if script-src allows it ('unsafe-inline' or its nonce).
        if let v = browser.cspViolation("script-src-elem", url: nil, client: window, nonce: attr(el, "nonce")) {
            refuseByCSP(v, url: nil)
            return
        }
        let text = js.toString(js.get(o, "text"))
        runScript(text, url: window.url.href)
    }

    private func refuseByCSP(_ v: Browser.ConnectSrcViolation, url: URLRecord?) {
        let message = url.map { v.message($0) } ?? v.inlineMessage
        browser.record(Verdict(decision: .blocked, rule: "CSP \(v.directive)", explanation: message,
                               spec: "https://w3c.github.io/webappsec-csp/#directive-script-src",
                               accessorOrigin: window.origin.serialized, targetOrigin: url?.origin.serialized), by: window)
        browser.log(window, level: "error", message)
        browser.queueViolationEvent(window, url: url, directive: v)
    }

    func queueElementEvent(_ o: JSObjectRef, _ type: String) {
        let id = keep(o)
        browser.queueTask { [weak self] in
            guard let self else { return }
            self.fire(o, type, bubbles: false)
            self.release(id)
        }
    }

    // MARK: timers

    func scheduleTimer(id: Int, keepID: Int, fn: JSValueRef, ms: Double, repeating: Bool) {
        browser.queueTask(delay: ms) { [weak self] in
            guard let self else { return }
            guard self.window.isActive, self.window.timers[id] != nil else { self.release(keepID); return }
            if !repeating { self.window.timers.removeValue(forKey: id) }
            self.invoke(fn)
            if repeating, self.window.timers[id] != nil {
                self.scheduleTimer(id: id, keepID: keepID, fn: fn, ms: max(ms, 1), repeating: true)
            } else {
                self.release(keepID)
            }
        }
    }
}

/// The URL API's setters (https://url.spec.whatwg.org/#urlutils-members), shared by `URL` and
/// `Location`. Returns false when an `href` does not parse (the caller throws a TypeError).
func setURLPart(_ u: inout URLRecord, _ part: String, _ v: String) -> Bool {
    switch part {
    case "href": return u.setHref(v)
    case "protocol": u.setProtocol(v)
    case "username": u.setUsername(v)
    case "password": u.setPassword(v)
    case "host": u.setHost(v)
    case "hostname": u.setHostname(v)
    case "port": u.setPort(v)
    case "pathname": u.setPathname(v)
    case "search": u.setSearch(v)
    case "hash": u.setHash(v)
    default: break
    }
    return true
}

func locationPart(_ u: URLRecord, _ part: String) -> String {
    switch part {
    case "href": return u.href
    case "origin": return u.origin.serialized
    case "protocol": return u.protocolString
    case "host": return u.hostString
    case "hostname": return u.hostname
    case "port": return u.portString
    case "pathname": return u.pathname
    case "search": return u.search
    case "hash": return u.hash
    default: return ""
    }
}

private func urlParts(_ js: JSC, _ u: URLRecord) -> JSValueRef {
    js.array([u.href, u.protocolString, u.username, u.password, u.hostString, u.hostname, u.portString,
              u.pathname, u.search, u.hash, u.origin.serialized].map { js.string($0) })
}
