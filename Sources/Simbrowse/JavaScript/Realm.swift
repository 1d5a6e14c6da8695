import CJavaScriptCore
import Foundation
import HTMLDOM
import URLStandard

/// The JavaScript preludes every realm evaluates: core.js (DOMException, console, error
/// wording), dom.js (the DOM), window.js (Window, Location, WindowProxy, timers, storage, URL).
enum Preludes {
    /// SIMBROWSE_PROFILE_PRELUDES=1 prints how long each prelude takes to evaluate (for `bench`).
    static let profiling = ProcessInfo.processInfo.environment["SIMBROWSE_PROFILE_PRELUDES"] != nil
    static func report(_ name: String, _ ns: UInt64) {
        FileHandle.standardError.write(Data("prelude \(name): \(String(format: "%.3f", Double(ns) / 1e6)) ms\n".utf8))
    }
    /// Evaluated when the realm is made, in this order.
    static let eager = ["core", "dom", "window", "images"]
    /// Evaluated on first use: when a page touches one of their globals or members (stubs below
    /// load them), or when the engine needs them (`Realm.ensurePrelude`). Most pages never use
    /// them, and each costs a fraction of a millisecond per realm.
    static let lazy: [String: (globals: [String], members: [(String, [String])])] = [
        "fetch": (["fetch", "Headers", "Request", "Response", "FormData", "XMLHttpRequest", "XMLHttpRequestEventTarget",
                   "XMLHttpRequestUpload"], []),
        "websocket": (["WebSocket"], []),
        "cssom": (["getComputedStyle", "matchMedia", "CSS", "MediaQueryList", "MediaList", "StyleSheet", "StyleSheetList",
                   "CSSStyleSheet", "CSSRule", "CSSRuleList", "CSSStyleRule", "CSSGroupingRule", "CSSConditionRule", "CSSMediaRule",
                   "CSSSupportsRule", "CSSImportRule", "CSSFontFaceRule", "CSSPageRule", "CSSNamespaceRule", "CSSKeyframesRule",
                   "CSSKeyframeRule", "CSSLayerBlockRule", "CSSLayerStatementRule", "CSSContainerRule", "CSSStyleDeclaration"],
                  [("Document", ["styleSheets", "adoptedStyleSheets"]), ("link", ["sheet"]), ("style", ["sheet", "disabled"])]),
    ]
    static let sources: [String: String] = Dictionary(uniqueKeysWithValues: (eager + lazy.keys.sorted()).map { name in
        let url = Bundle.module.url(forResource: name, withExtension: "js", subdirectory: "JS")
            ?? Bundle.module.url(forResource: name, withExtension: "js")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return (name, "(function (host, global) {\n\(text)\n})")
    })
    /// The stubs: an accessor per name that loads its prelude and then reads (or writes) the real one.
    static let stubInstaller = """
    (function (host, global, modules) {
      const install = (obj, name, module) => {
        if (!obj || Object.prototype.hasOwnProperty.call(obj, name)) return;
        const stub = {
          get() {
            host.loadPrelude(module);
            const d = Object.getOwnPropertyDescriptor(obj, name);
            if (!d || d.get === stub.get) return undefined;
            return d.get ? d.get.call(this) : d.value;
          },
          set(v) {
            host.loadPrelude(module);
            const d = Object.getOwnPropertyDescriptor(obj, name);
            if (d && d.set && d.set !== stub.set) { d.set.call(this, v); return; }
            Object.defineProperty(obj, name, { value: v, writable: true, configurable: true, enumerable: false });
          },
        };
        Object.defineProperty(obj, name, { get: stub.get, set: stub.set, configurable: true, enumerable: false });
      };
      for (const m of modules) {
        for (const n of m.globals) install(global, n, m.name);
        for (const [owner, names] of m.members) {
          if (owner !== "Document" && host.dom && host.dom.whenElementClassMade) {
            // Element interfaces are made on first use: the stubs go on when it is made.
            host.dom.whenElementClassMade(owner, (p) => { for (const n of names) install(p, n, m.name); });
            continue;
          }
          const C = owner === "Document" ? global.Document : (host.dom && host.dom.elementClasses && host.dom.elementClasses[owner]);
          for (const n of names) install(C && C.prototype, n, m.name);
        }
      }
    })
    """
    static let stubModules: String = {
        let parts = lazy.keys.sorted().map { name -> String in
            let l = lazy[name]!
            let globals = l.globals.map { "\"\($0)\"" }.joined(separator: ",")
            let members = l.members.map { "[\"\($0.0)\", [\($0.1.map { "\"\($0)\"" }.joined(separator: ","))]]" }.joined(separator: ",")
            return "{\"name\": \"\(name)\", \"globals\": [\(globals)], \"members\": [\(members)]}"
        }
        return "[" + parts.joined(separator: ",") + "]"
    }()
    /// `(host, global) => installer(host, global, modules)`, one script parsed once per group.
    static let stubInstallerCall = "(function (host, global) { return \(stubInstaller)(host, global, \(stubModules)); })"
}

/// The preludes parsed once per context group (`JSScriptCreateFromString`) and evaluated in each
/// realm with `JSScriptEvaluate`: saves converting, copying and hashing each source per realm.
/// Kept per thread, keyed by group; the holder retains its group, so a key is never reused while
/// its scripts live, and releases both when the thread ends.
final class PreludeScripts {
    private let group: JSContextGroupRef
    private var scripts: [String: JSScriptRef] = [:]
    private init(group: JSContextGroupRef) { self.group = group; JSContextGroupRetain(group) }
    deinit {
        for (_, s) in scripts { JSScriptRelease(s) }
        JSContextGroupRelease(group)
    }
    static func script(_ name: String, source: String, group: JSContextGroupRef) -> JSScriptRef? {
        let key = "simbrowse.PreludeScripts.\(UInt(bitPattern: group))"
        let dict = Thread.current.threadDictionary
        let holder: PreludeScripts
        if let h = dict[key] as? PreludeScripts { holder = h } else { holder = PreludeScripts(group: group); dict[key] = holder }
        if let s = holder.scripts[name] { return s }
        let src = jsString(source); defer { JSStringRelease(src) }
        let url = jsString("simbrowse://\(name).js"); defer { JSStringRelease(url) }
        guard let s = JSScriptCreateFromString(group, url, 1, src, nil, nil) else { return nil }
        holder.scripts[name] = s
        return s
    }
}

/// A realm (https://tc39.es/ecma262/#sec-code-realms): one JavaScriptCore global context for one
/// `Window`, with the host functions its preludes call. The binding layer: it turns script
/// requests into questions for the engine (and its origin checker) and answers into JS values.
final class Realm {
    unowned let window: Window
    unowned let browser: Browser
    let ctx: JSGlobalContextRef
    let js: JSC
    let host: JSObjectRef
    var internals: JSObjectRef!
    var dom: JSObjectRef!
    var document: JSObjectRef?
    /// Values kept alive for the engine (timer callbacks, iframe elements).
    private var protected: [Int: JSValueRef] = [:]
    /// The result of an awaited `run` step.
    var stepResult: (ok: Bool, value: JSValueRef)?
    /// The settled value above is protected until the step has read it.
    var settledNeedsRelease = false

    init(window: Window, browser: Browser) {
        self.window = window
        self.browser = browser
        ctx = JSGlobalContextCreateInGroup(browser.vm.group, windowGlobalClass)
        JSObjectSetPrivate(JSContextGetGlobalObject(ctx), Unmanaged.passUnretained(browser.temporaryRoots).toOpaque())
        js = JSC(ctx: ctx)
        host = js.newObject()
        // Kept alive for the realm's lifetime: the engine holds it (and the objects the preludes
        // hang on it) between calls, where the garbage collector cannot see Swift's references.
        JSValueProtect(ctx, host)
        installHostFunctions()
        js.set(host, "loadPrelude", js.function("loadPrelude") { [unowned self] js, _, args in
            self.ensurePrelude(js.toString(args.first))
            return js.undefined
        })
        for name in Preludes.eager { evaluatePrelude(name) }
        if let script = PreludeScripts.script("stubs", source: Preludes.stubInstallerCall, group: browser.vm.group) {
            var exc: JSValueRef?
            if let f = JSScriptEvaluate(ctx, script, nil, &exc), exc == nil { _ = try? js.call(js.rooted(f), [host, js.global]) }
        } else if let f = try? js.evaluate(Preludes.stubInstaller), let modules = js.fromJSON(Preludes.stubModules) {
            _ = try? js.call(f, [host, js.global, modules])
        }
        internals = js.object(js.get(host, "internals"))
        dom = js.object(js.get(host, "dom"))
        installDocumentMembers()
    }

    /// Evaluates an engine snippet, parsed once per context group (see `PreludeScripts`).
    func evaluateCached(_ name: String, _ source: String) throws -> JSValueRef {
        guard let script = PreludeScripts.script(name, source: source, group: browser.vm.group) else {
            return try js.evaluate(source)
        }
        var exc: JSValueRef?
        let r = JSScriptEvaluate(ctx, script, nil, &exc)
        if let exc { throw JSThrown(value: js.rooted(exc)) }
        return js.rooted(r ?? JSValueMakeUndefined(ctx))
    }

    private var preludeState: [String: Bool] = [:]   // false: loading, true: loaded

    /// Evaluates a prelude now if it has not been (the lazy ones on first use).
    func ensurePrelude(_ name: String) {
        guard preludeState[name] == nil, Preludes.sources[name] != nil else { return }
        evaluatePrelude(name)
    }

    private func evaluatePrelude(_ name: String) {
        guard preludeState[name] == nil, let source = Preludes.sources[name] else { return }
        preludeState[name] = false
        defer { preludeState[name] = true }
        let profiling = Preludes.profiling
        let t0 = profiling ? DispatchTime.now().uptimeNanoseconds : 0
        defer { if profiling { Preludes.report(name, DispatchTime.now().uptimeNanoseconds - t0) } }
        do {
            let f: JSValueRef
            if let script = PreludeScripts.script(name, source: source, group: browser.vm.group) {
                var exc: JSValueRef?
                let r = JSScriptEvaluate(ctx, script, nil, &exc)
                if let exc { throw JSThrown(value: js.rooted(exc)) }
                f = js.rooted(r ?? JSValueMakeUndefined(ctx))
            } else {
                f = try js.evaluate(source, sourceURL: "simbrowse://\(name).js")
            }
            try js.call(f, [host, js.global])
        } catch let e as JSThrown {
            browser.log(window, level: "error", "simbrowse: prelude \(name).js failed: \(js.toString(e.value))")
        } catch {}
    }

    deinit {
        for (_, v) in protected { JSValueUnprotect(ctx, v) }
        JSValueUnprotect(ctx, host)
        JSGlobalContextRelease(ctx)
    }

    var global: JSObjectRef { js.global }

    func same(_ a: JSValueRef, _ b: JSValueRef) -> Bool { js.strictEquals(a, b) }

    private var protectSeq = 0
    func keep(_ v: JSValueRef) -> Int {
        protectSeq += 1
        JSValueProtect(ctx, v)
        protected[protectSeq] = v
        return protectSeq
    }
    func release(_ id: Int) {
        if let v = protected.removeValue(forKey: id) { JSValueUnprotect(ctx, v) }
    }

    // MARK: errors

    func domException(_ message: String, _ name: String) -> JSThrown {
        let f = js.get(host, "makeDOMException")
        if let e = try? js.call(f, [js.string(message), js.string(name)]) { return JSThrown(value: e) }
        return JSThrown(value: js.string("\(name): \(message)"))
    }
    func typeError(_ message: String) -> JSThrown {
        if let e = try? js.call(js.get(host, "makeTypeError"), [js.string(message)]) { return JSThrown(value: e) }
        return JSThrown(value: js.string(message))
    }
    /// The one place a blocked verdict becomes a JS exception.
    func exception(for v: Verdict) -> JSThrown {
        domException(v.message ?? "Blocked", v.errorName ?? "SecurityError")
    }

    /// https://html.spec.whatwg.org/multipage/webappapis.html#report-an-exception : "Uncaught
    /// <Name>: <message>" in this window's console, as Chromium prints it, and an `error` event at
    /// the window (`onerror`). A muted error (from a cross-origin script fetched without CORS)
    /// shows only "Script error." with no details.
    func reportException(_ e: JSValueRef, muted: Bool = false) {
        let text = (try? js.call(js.get(host, "describeUncaught"), [e])).map { js.toString($0) } ?? js.toString(e)
        if text == "JavaScript execution terminated." || text.hasSuffix("JavaScript execution terminated.") {
            // The termination unwinds every JavaScript frame of the task: report it once.
            let line = "simbrowse: script stopped: it ran longer than \(browser.vm.scriptTimeLimit) s of CPU time (a runaway loop?)"
            if let last = browser.console.last, last.text == line, last.time == browser.now, last.frame == window.label { return }
            browser.log(window, level: "error", line)
            return
        }
        guard window.isActive else { return }
        if muted {
            browser.log(window, level: "error", "Uncaught Script error.")
            fireErrorEvent(message: "Script error.", filename: "", line: 0, column: 0, error: js.null)
            return
        }
        browser.log(window, level: "error", "Uncaught \(text)")
        var filename = "", line = 0.0, column = 0.0
        if let o = js.object(e) {
            let u = js.get(o, "sourceURL"); if !js.isUndefined(u) { filename = js.toString(u) }
            line = js.toNumber(js.get(o, "line")); column = js.toNumber(js.get(o, "column"))
        }
        if filename.hasPrefix("simbrowse://") { filename = "" }
        fireErrorEvent(message: "Uncaught \(text)", filename: filename, line: line.isFinite ? line : 0, column: column.isFinite ? column : 0, error: e)
    }

    private static var reportingDepth = 0
    func fireErrorEvent(message: String, filename: String, line: Double, column: Double, error: JSValueRef) {
        // An error thrown by an error handler is reported, but not handed to the handlers again.
        guard Self.reportingDepth == 0 else { return }
        Self.reportingDepth += 1
        defer { Self.reportingDepth -= 1 }
        fire(global, "error", bubbles: false, extra: [("message", js.string(message)), ("filename", js.string(filename)),
                                                      ("lineno", js.number(line)), ("colno", js.number(column)),
                                                      ("error", error), ("cancelable", js.bool(true))])
    }

    func errorParts(_ e: JSValueRef) -> (String, String) {
        if let arr = try? js.call(js.get(host, "errorParts"), [e]), let o = js.object(arr) {
            return (js.toString(js.get(o, "0")), js.toString(js.get(o, "1")))
        }
        return ("Error", js.toString(e))
    }

    // MARK: scripts

    /// Page scripts' catch clauses pass the caught value through the one place that words
    /// engine errors as Chromium does (core.js `fixError`).
    static func preparePageScript(_ source: String) -> String {
        guard source.contains("catch") else { return source }
        return source.replacing(#/catch\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{/#) { m in
            "catch (\(m.1)) { __sbFixError(\(m.1));"
        }
    }

    /// Runs a classic script (https://html.spec.whatwg.org/multipage/webappapis.html#run-a-classic-script).
    /// Exceptions are reported, not thrown.
    func runScript(_ source: String, url: String, muted: Bool = false) {
        guard window.isActive else { return }
        do { _ = try js.evaluate(Self.preparePageScript(source), sourceURL: url) }
        catch let e as JSThrown { reportException(e.value, muted: muted) }
        catch {}
    }

    /// Evaluates a step's script and gives back its completion value (or the exception).
    func evaluate(_ source: String) -> Result<JSValueRef, JSThrown> {
        do { return .success(try js.evaluate(Self.preparePageScript(source), sourceURL: "simbrowse://step")) }
        catch let e as JSThrown { return .failure(e) }
        catch { return .failure(JSThrown(value: js.string("\(error)"))) }
    }

    /// Calls a JS function as a task's callback, reporting exceptions.
    func invoke(_ f: JSValueRef, this: JSObjectRef? = nil, _ args: [JSValueRef] = []) {
        guard window.isActive else { return }
        do { try js.call(f, this: this, args) } catch let e as JSThrown { reportException(e.value) } catch {}
    }

    // MARK: document

    func buildDocument(html: String) {
        let json = HTMLParser.json(HTMLParser.parseDocument(html))
        do {
            let doc = try js.call(js.get(dom, "createDocument"), [js.string(window.url.href), js.string("text/html")])
            document = js.object(doc)
            _ = keep(doc)
            try js.call(js.get(internals, "setDocument"), [doc])
            if let f = js.object(js.get(dom, "setDefaultView")) { try js.call(f, [doc, global]) }
            setReadyState("loading")
            try js.call(js.get(dom, "build"), [doc, js.string(json)])
            setReadyState("interactive")
        } catch let e as JSThrown {
            reportException(e.value)
        } catch {}
    }

    func setReadyState(_ s: String) {
        guard let doc = document, let f = js.object(js.get(dom, "setReadyState")) else { return }
        _ = try? js.call(f, [doc, js.string(s)])
    }

    func fireDOMContentLoaded() {
        guard let doc = document else { return }
        fire(doc, "DOMContentLoaded", bubbles: true)
    }

    func fireLoad() {
        setReadyState("complete")
        fire(global, "load", bubbles: false)
    }

    func fireEvent(at target: JSValueRef, type: String) {
        guard let o = js.object(target) else { return }
        fire(o, type, bubbles: false)
    }

    func fire(_ target: JSObjectRef, _ type: String, bubbles: Bool, extra: [(String, JSValueRef)] = []) {
        guard window.isActive else { return }
        let options = js.newObject()
        js.set(options, "bubbles", js.bool(bubbles))
        for (k, v) in extra { js.set(options, k, v) }
        do { try js.call(js.get(dom, "fire"), [target, js.string(type), options]) }
        catch let e as JSThrown { reportException(e.value) } catch {}
    }

    func syncFrames() {
        guard let bc = window.context, bc.window === window, let f = js.object(js.get(internals, "syncFrames")) else { return }
        let names = bc.children.map { js.string($0.name) }
        _ = try? js.call(f, [js.number(Double(bc.children.count)), js.array(names)])
    }

    // MARK: WindowProxy values

    /// The value a script of this realm gets for navigable `bc`: this realm's own global object
    /// when `bc`'s current window is this one, else this realm's Proxy for `bc`.
    func windowProxy(_ bc: BrowsingContext?) -> JSValueRef {
        guard let bc else { return js.null }
        if bc.window === window { return global }
        return (try? js.call(js.get(internals, "windowProxy"), [js.number(Double(bc.id))])) ?? js.null
    }

    func locationProxy(_ bc: BrowsingContext) -> JSValueRef {
        if bc.window === window { return js.get(internals, "ownLocation") }
        return (try? js.call(js.get(internals, "locationProxy"), [js.number(Double(bc.id))])) ?? js.null
    }

    func crossOriginFunction(_ id: Int, _ name: String) -> JSValueRef {
        (try? js.call(js.get(internals, "crossOriginFunction"), [js.number(Double(id)), js.string(name)])) ?? js.undefined
    }
}
