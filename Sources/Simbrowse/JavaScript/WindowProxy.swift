import CJavaScriptCore
import URLStandard

/// The traps of the cross-realm `WindowProxy` and `Location` objects
/// (https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-windowproxy-exotic-object).
/// Each asks the origin checker; nothing here compares origins.
extension Realm {
    /// The property key as a string, or nil for a symbol (with its description, for the fallback list).
    private func keyName(_ key: JSValueRef) -> (name: String?, symbol: String?) {
        if js.isSymbol(key) {
            let desc = (try? evaluateCached("symbolDescription", "(s) => s.description")).flatMap { try? js.call($0, [key]) }
            return (nil, desc.map { js.toString($0) })
        }
        return (js.toString(key), nil)
    }

    private func check(_ target: Window, _ interface: CrossOriginInterface, _ op: CrossOriginOperation, childName: Bool = false,
                       symbol: String? = nil) throws -> Verdict {
        let v = browser.checker.windowAccess(from: window.securityContext, to: target.securityContext,
                                             interface: interface, operation: op, isChildFrameName: childName, symbol: symbol)
        browser.record(v, by: window)
        if !v.isAllowed { throw exception(for: v) }
        return v
    }

    func windowProxyGet(_ id: Int, _ key: JSValueRef) throws -> JSValueRef {
        guard let bc = browser.context(id) else { return js.undefined }
        let (name, symbol) = keyName(key)
        if bc.discarded {
            // A WindowProxy whose navigable is gone: only `closed` and self-references answer.
            // Chromium detaches it: its window-valued properties read as null (Firefox: the proxy).
            switch name {
            case "closed": return js.bool(true)
            case "window", "self", "frames": return browser.profile.detachedWindowPropertiesAreNull ? js.null : windowProxy(bc)
            case "parent", "top", "opener": return js.null
            case "length": return js.number(0)
            default: return js.undefined
            }
        }
        let target = browser.ensureWindow(bc)
        let isChild = name.map { bc.child(named: $0) != nil } ?? false
        let v = try check(target, .window, .get(name), childName: isChild, symbol: symbol)
        let full = v.rule == "IsPlatformObjectSameOrigin"
        if name == nil && !full { return js.undefined }  // CrossOriginPropertyFallback
        if let k = name {
            switch k {
            case "window", "self", "frames": return windowProxy(bc)
            case "parent": return windowProxy(bc.parent ?? bc)
            case "top": return windowProxy(bc.top)
            case "opener" where !full: return bc.opener.map { windowProxy($0) } ?? js.null
            case "closed": return js.bool(bc.discarded)
            case "length": return js.number(Double(bc.children.count))
            case "location": return locationProxy(bc)
            case "postMessage", "close", "focus", "blur" where !full: return crossOriginFunction(id, k)
            case "then" where !full: return js.undefined
            default: break
            }
            if isArrayIndex(k) {
                let i = Int(k)!
                return i < bc.children.count ? windowProxy(bc.children[i]) : js.undefined
            }
            if !full, let c = bc.child(named: k) { return windowProxy(c) }
        }
        return try js.getKey(target.realm.global, key)
    }

    func windowProxySet(_ id: Int, _ key: JSValueRef, _ value: JSValueRef) throws {
        guard let bc = browser.context(id), !bc.discarded else { return }
        let target = browser.ensureWindow(bc)
        let (name, _) = keyName(key)
        let v = try check(target, .window, .set(name))
        if name == "location" {
            try navigateFromScript(bc, js.toString(value), replace: false, setter: "href")
            return
        }
        guard v.rule == "IsPlatformObjectSameOrigin" else { return }
        var exc: JSValueRef?
        JSObjectSetPropertyForKey(ctx, target.realm.global, key, value, 0, &exc)
        if let exc { throw JSThrown(value: exc) }
    }

    func locationProxyGet(_ id: Int, _ key: JSValueRef) throws -> JSValueRef {
        guard let bc = browser.context(id), !bc.discarded else { return js.undefined }
        let target = browser.ensureWindow(bc)
        let (name, symbol) = keyName(key)
        let v = try check(target, .location, .get(name), symbol: symbol)
        if v.rule != "IsPlatformObjectSameOrigin" {
            if name == "replace" { return crossOriginFunction(id, "replace") }
            return js.undefined
        }
        guard let loc = js.object(js.get(target.realm.internals, "ownLocation")) else { return js.undefined }
        let value = try js.getKey(loc, key)
        return value
    }

    func locationProxySet(_ id: Int, _ key: JSValueRef, _ value: JSValueRef) throws {
        guard let bc = browser.context(id), !bc.discarded else { return }
        let target = browser.ensureWindow(bc)
        let (name, _) = keyName(key)
        let v = try check(target, .location, .set(name))
        if v.rule != "IsPlatformObjectSameOrigin" {
            if name == "href" { try navigateFromScript(bc, js.toString(value), replace: false, setter: "href") }
            return
        }
        guard let loc = js.object(js.get(target.realm.internals, "ownLocation")) else { return }
        var exc: JSValueRef?
        JSObjectSetPropertyForKey(ctx, loc, key, value, 0, &exc)
        if let exc { throw JSThrown(value: exc) }
    }

    /// has, delete, defineProperty, getOwnPropertyDescriptor, ownKeys, getPrototypeOf, setPrototypeOf.
    func proxyOther(_ interface: CrossOriginInterface, _ id: Int, _ op: String, _ key: JSValueRef, _ extra: JSValueRef) throws -> JSValueRef {
        guard let bc = browser.context(id) else { return js.undefined }
        let target = browser.ensureWindow(bc)
        let object: JSObjectRef = interface == .window ? target.realm.global
            : (js.object(js.get(target.realm.internals, "ownLocation")) ?? target.realm.global)
        let (name, _) = keyName(key)
        let isChild = interface == .window && (name.map { bc.child(named: $0) != nil || (isArrayIndex($0) && Int($0)! < bc.children.count) } ?? false)
        let reflect = js.object(js.get(js.global, "Reflect"))!
        func reflectCall(_ f: String, _ args: [JSValueRef]) throws -> JSValueRef { try js.call(js.get(reflect, f), this: reflect, args) }
        switch op {
        case "has":
            let v = try check(target, interface, .has(name), childName: isChild)
            if v.rule == "IsPlatformObjectSameOrigin" { return try reflectCall("has", [object, key]) }
            return js.bool(true)
        case "delete":
            _ = try check(target, interface, .delete(name))
            return try reflectCall("deleteProperty", [object, key])
        case "define":
            _ = try check(target, interface, .define(name))
            return try reflectCall("defineProperty", [object, key, extra])
        case "getOwnPropertyDescriptor":
            let v = try check(target, interface, .getOwnPropertyDescriptor(name), childName: isChild)
            if v.rule == "IsPlatformObjectSameOrigin" { return try reflectCall("getOwnPropertyDescriptor", [object, key]) }
            // https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossorigingetownpropertyhelper-(-o,-p-)
            let d = js.newObject()
            let value: JSValueRef = interface == .window ? try windowProxyGet(id, key) : try locationProxyGet(id, key)
            js.set(d, "value", value)
            js.set(d, "writable", js.bool(false))
            js.set(d, "enumerable", js.bool(name.map(isArrayIndex) ?? false))
            js.set(d, "configurable", js.bool(true))
            return d
        case "ownKeys":
            let v = try check(target, interface, .ownKeys)
            if v.rule == "IsPlatformObjectSameOrigin" { return try reflectCall("ownKeys", [object]) }
            // https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginownpropertykeys-(-o-)
            var keys: [String] = []
            if interface == .window { keys += (0..<bc.children.count).map(String.init) }
            keys += interface == .window
                ? ["window", "self", "location", "close", "closed", "focus", "blur", "frames", "length", "top", "opener", "parent", "postMessage"]
                : ["href", "replace"]
            keys.append("then")
            return js.array(keys.map { js.string($0) })
        case "getPrototypeOf":
            let v = try check(target, interface, .getPrototypeOf)
            if v.rule == "IsPlatformObjectSameOrigin" { return try reflectCall("getPrototypeOf", [object]) }
            return js.null
        case "setPrototypeOf":
            _ = try check(target, interface, .setPrototypeOf)
            return try reflectCall("setPrototypeOf", [object, extra])
        default:
            return js.undefined
        }
    }

    // MARK: navigation started by a script

    /// `location.href = url` (and friends) on navigable `bc`, from a script of this realm.
    /// https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-object-navigate
    func navigateFromScript(_ bc: BrowsingContext, _ urlString: String, replace: Bool, setter: String) throws {
        // The URL is parsed relative to the entry settings object: this realm's document.
        guard let url = URLRecord.parse(urlString, base: window.url) else {
            throw domException("Failed to set the '\(setter)' property on 'Location': '\(urlString)' is not a valid URL.", "SyntaxError")
        }
        guard let source = window.context else { return }
        let target = browser.ensureWindow(bc)
        let v = browser.checker.navigation(source: window.securityContext, sourceIsDescendantOfTarget: bc.isAncestor(of: source),
                                           targetIsTop: bc.isTopLevel, target: target.securityContext, url: url.href,
                                           sandboxedTopNavigation: window.sandboxFlags.contains(.topLevelNavigation) && bc !== source,
                                           hasUserActivation: false, targetIsOpenerOfSource: source.top.opener === bc)
        browser.record(v, by: window)
        if !v.isAllowed {
            if browser.profile.browser == .chromium, let m = v.message { browser.log(window, level: "error", "Unsafe attempt to initiate navigation for frame with origin '\(target.origin.serialized)' from frame with URL '\(window.url.href)'. \(m.replacingOccurrences(of: "Failed to set a named property 'href' on 'Location': ", with: ""))") }
            throw exception(for: v)
        }
        // A fragment-only change of the same document is a same-document navigation.
        var a = url, b = target.url
        a.fragment = nil; b.fragment = nil
        if bc === source && a == b && url.fragment != nil && target === window {
            window.url = url
            return
        }
        browser.navigate(bc, to: url, initiator: window, replace: replace)
    }

    // MARK: postMessage
    // https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps

    func postMessage(to target: BrowsingContext, message: JSValueRef, targetOrigin: String) throws {
        guard !target.discarded else { return }
        let targetWindow = browser.ensureWindow(target)
        // 2-3. "/" means the incumbent settings object's origin; otherwise it must parse as a URL.
        if targetOrigin != "*" && targetOrigin != "/" && URLRecord.parse(targetOrigin) == nil {
            throw domException("Failed to execute 'postMessage' on 'Window': Invalid target origin '\(targetOrigin)' in a call to 'postMessage'.", "SyntaxError")
        }
        // 5. Let serializeWithTransferResult be StructuredSerializeWithTransfer(message, transfer). Rethrow.
        let record = try js.call(js.get(internals, "serialize"), [message])
        guard let json = js.json(recordWrapper(record)) else { return }
        let sender = window
        let senderContext = window.context
        browser.queueTask { [weak self, weak target] in
            guard let self, let target, !target.discarded, let tw = target.window, tw === targetWindow, tw.isActive else { return }
            let v = self.browser.checker.postMessage(from: sender.origin, targetOrigin: targetOrigin, recipient: tw.origin)
            self.browser.record(v, by: sender)
            if !v.isAllowed {
                // Chromium checks in the recipient (LocalDOMWindow::DispatchMessageEventWithOriginCheck)
                // and logs there, as a warning.
                if let m = v.message { self.browser.log(tw, level: "warning", m) }
                return
            }
            let r: Realm = tw.realm
            guard let wrapped = r.js.fromJSON(json), let wo = r.js.object(wrapped) else { return }
            let data = (try? r.js.call(r.js.get(r.internals, "deserialize"), [r.js.get(wo, "r")])) ?? r.js.undefined
            let source = senderContext.map { r.windowProxy($0) } ?? r.js.null
            do { try r.js.call(r.js.get(r.internals, "dispatchMessage"), [data, r.js.string(sender.origin.serialized), source]) }
            catch let e as JSThrown { r.reportException(e.value) } catch {}
        }
    }

    private func recordWrapper(_ record: JSValueRef) -> JSValueRef {
        let o = js.newObject()
        js.set(o, "r", record)
        return o
    }
}
