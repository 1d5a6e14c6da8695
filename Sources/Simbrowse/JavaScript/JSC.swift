// The thin wrapper around JavaScriptCore's C API. Only files in this folder import
// CJavaScriptCore; the rest of the engine sees `JSRealm`, `JSThrown` and Swift values.
import CJavaScriptCore
import Foundation

/// A JavaScript value handed between the engine and a realm. It is only valid while the
/// realm that produced it is alive and the value is reachable (or protected).
public typealias JSRef = JSValueRef

/// An exception thrown by JavaScript (or to be thrown into it).
struct JSThrown: Error {
    let value: JSValueRef
}

/// The execution time limit callback: stop any script that runs too long (a runaway loop).
private let terminateCallback: JSShouldTerminateCallback = { _, _ in true }

/// One JavaScriptCore context group: every realm of one `Browser` lives in it, so objects
/// can be passed from one window to another as they can in a browser.
///
/// Creating a JavaScriptCore VM costs milliseconds, and its code cache is what makes the second
/// realm's preludes cheap, so browsers made on the same thread with the same time limit share one
/// VM (their realms never see each other's objects: each browser only hands out its own). Not
/// across threads: a VM has one microtask queue, drained when the outermost call into it returns,
/// so two threads sharing one would run each other's promise reactions.
final class JSVM: @unchecked Sendable {
    let group: JSContextGroupRef
    /// Seconds of real CPU time one entry into JavaScript may take before it is stopped.
    let scriptTimeLimit: Double

    private init(scriptTimeLimit: Double) {
        group = JSContextGroupCreate()
        self.scriptTimeLimit = scriptTimeLimit
        JSContextGroupSetExecutionTimeLimit(group, scriptTimeLimit, terminateCallback, nil)
    }

    deinit { JSContextGroupRelease(group) }

    /// This thread's VM for a time limit.
    static func shared(scriptTimeLimit: Double) -> JSVM {
        let key = "simbrowse.JSVM.\(scriptTimeLimit)"
        let dict = Thread.current.threadDictionary
        if let vm = dict[key] as? JSVM { return vm }
        let vm = JSVM(scriptTimeLimit: scriptTimeLimit)
        dict[key] = vm
        return vm
    }
}

// MARK: strings

@inline(__always) func jsString(_ s: String) -> JSStringRef {
    s.withCString { JSStringCreateWithUTF8CString($0) }
}

func swiftString(_ s: JSStringRef) -> String {
    let len = JSStringGetLength(s)
    guard let ptr = JSStringGetCharactersPtr(s) else { return "" }
    let buf = UnsafeBufferPointer(start: ptr, count: len)
    return String(decoding: buf, as: UTF16.self)
}

/// Native functions: a Swift closure behind a callable JS object. The object's class has a
/// `callAsFunction` callback that finds the closure through the object's private data; its
/// prototype is set to the realm's `Function.prototype` so `call`/`apply`/`bind` work.
final class NativeFunctionBox {
    let body: (JSContextRef, JSObjectRef?, [JSValueRef]) throws -> JSValueRef
    init(_ body: @escaping (JSContextRef, JSObjectRef?, [JSValueRef]) throws -> JSValueRef) { self.body = body }
}

let nativeFunctionClass: JSClassRef = {
    var def = kJSClassDefinitionEmpty
    def.className = nil
    def.attributes = JSClassAttributes(kJSClassAttributeNoAutomaticPrototype)
    def.finalize = { obj in
        if let p = JSObjectGetPrivate(obj) { Unmanaged<NativeFunctionBox>.fromOpaque(p).release() }
    }
    def.callAsFunction = { ctx, fn, this, argc, argv, exception in
        guard let ctx, let fn, let p = JSObjectGetPrivate(fn) else { return nil }
        let box = Unmanaged<NativeFunctionBox>.fromOpaque(p).takeUnretainedValue()
        var args: [JSValueRef] = []
        args.reserveCapacity(argc)
        for i in 0..<argc { args.append(argv![i]!) }
        do {
            return try box.body(ctx, this, args)
        } catch let e as JSThrown {
            exception?.pointee = e.value
            return nil
        } catch {
            exception?.pointee = JSValueMakeString(ctx, jsString("\(error)"))
            return nil
        }
    }
    return JSClassCreate(&def)
}()

/// The class of every window's global object. Its (per-context) automatic prototype object is an
/// ordinary object, so window.js can hang `WindowProperties` and `Window.prototype` below the
/// global even though JavaScriptCore's global object itself has an immutable prototype.
let windowGlobalClass: JSClassRef = {
    var def = kJSClassDefinitionEmpty
    return "Window".withCString { name in
        def.className = name
        return JSClassCreate(&def)
    }
}()

/// Values the engine creates and holds in Swift memory (an argument array, a list being built)
/// are invisible to JavaScriptCore's garbage collector, which scans only the native stack: a
/// string made for one argument could be collected while the next is made. Every value the
/// helpers below create is therefore protected until the end of the current event-loop task
/// (`Browser.runUntilIdle`, `open`, `evaluate` call `release()`), so nothing depends on when the
/// collector happens to run. One per browser; the realms' global objects point to it.
final class TemporaryRoots {
    private var values: [(JSContextRef, JSValueRef)] = []
    func add(_ ctx: JSContextRef, _ v: JSValueRef) {
        JSValueProtect(ctx, v)
        values.append((ctx, v))
    }
    func release() {
        let list = values
        values = []
        for (ctx, v) in list { JSValueUnprotect(ctx, v) }
    }
    deinit { release() }
}

/// Values of one context, with small conveniences. Everything here is synchronous and runs
/// on the thread that owns the browser.
struct JSC {
    let ctx: JSContextRef

    /// Protects a value the engine just made until the end of the task (see `TemporaryRoots`).
    @inline(__always) @discardableResult
    func rooted(_ v: JSValueRef) -> JSValueRef {
        if let p = JSObjectGetPrivate(JSContextGetGlobalObject(ctx)) {
            Unmanaged<TemporaryRoots>.fromOpaque(p).takeUnretainedValue().add(ctx, v)
        }
        return v
    }

    var undefined: JSValueRef { JSValueMakeUndefined(ctx) }
    var null: JSValueRef { JSValueMakeNull(ctx) }
    func bool(_ b: Bool) -> JSValueRef { JSValueMakeBoolean(ctx, b) }
    func number(_ d: Double) -> JSValueRef { JSValueMakeNumber(ctx, d) }
    func string(_ s: String) -> JSValueRef {
        let js = jsString(s); defer { JSStringRelease(js) }
        return rooted(JSValueMakeString(ctx, js))
    }
    func toString(_ v: JSValueRef?) -> String {
        guard let v else { return "undefined" }
        if JSValueIsSymbol(ctx, v) { return "Symbol()" }
        guard let s = JSValueToStringCopy(ctx, v, nil) else { return "" }
        defer { JSStringRelease(s) }
        return swiftString(s)
    }
    func toNumber(_ v: JSValueRef?) -> Double {
        guard let v else { return .nan }
        return JSValueToNumber(ctx, v, nil)
    }
    func toBool(_ v: JSValueRef?) -> Bool { v.map { JSValueToBoolean(ctx, $0) } ?? false }
    func isUndefined(_ v: JSValueRef?) -> Bool { v == nil || JSValueIsUndefined(ctx, v) }
    func isNull(_ v: JSValueRef?) -> Bool { v != nil && JSValueIsNull(ctx, v) }
    func isNullish(_ v: JSValueRef?) -> Bool { v == nil || JSValueIsUndefined(ctx, v) || JSValueIsNull(ctx, v) }
    func isString(_ v: JSValueRef?) -> Bool { v != nil && JSValueIsString(ctx, v) }
    func isObject(_ v: JSValueRef?) -> Bool { v != nil && JSValueIsObject(ctx, v) }
    func isSymbol(_ v: JSValueRef?) -> Bool { v != nil && JSValueIsSymbol(ctx, v) }
    func object(_ v: JSValueRef?) -> JSObjectRef? {
        guard let v, JSValueIsObject(ctx, v) else { return nil }
        return JSValueToObject(ctx, v, nil)
    }
    func newObject() -> JSObjectRef { rooted(JSObjectMake(ctx, nil, nil)) }
    func array(_ items: [JSValueRef]) -> JSObjectRef {
        let opt: [JSValueRef?] = items
        return rooted(opt.withUnsafeBufferPointer { JSObjectMakeArray(ctx, items.count, $0.baseAddress, nil) }!)
    }

    func get(_ obj: JSObjectRef, _ name: String) -> JSValueRef {
        let n = jsString(name); defer { JSStringRelease(n) }
        return JSObjectGetProperty(ctx, obj, n, nil) ?? undefined
    }
    func getThrowing(_ obj: JSObjectRef, _ name: String) throws -> JSValueRef {
        let n = jsString(name); defer { JSStringRelease(n) }
        var exc: JSValueRef?
        let v = JSObjectGetProperty(ctx, obj, n, &exc)
        if let exc { throw JSThrown(value: exc) }
        return v ?? undefined
    }
    func set(_ obj: JSObjectRef, _ name: String, _ value: JSValueRef, attributes: JSPropertyAttributes = 0) {
        let n = jsString(name); defer { JSStringRelease(n) }
        JSObjectSetProperty(ctx, obj, n, value, attributes, nil)
    }
    func getKey(_ obj: JSObjectRef, _ key: JSValueRef) throws -> JSValueRef {
        var exc: JSValueRef?
        let v = JSObjectGetPropertyForKey(ctx, obj, key, &exc)
        if let exc { throw JSThrown(value: exc) }
        return v ?? undefined
    }
    func function(_ name: String, _ body: @escaping (JSC, JSObjectRef?, [JSValueRef]) throws -> JSValueRef) -> JSObjectRef {
        let box = NativeFunctionBox { ctx, this, args in try body(JSC(ctx: ctx), this, args) }
        let obj = rooted(JSObjectMake(ctx, nativeFunctionClass, Unmanaged.passRetained(box).toOpaque())!)
        let fproto = get(JSContextGetGlobalObject(ctx), "Function")
        if let f = object(fproto) { JSObjectSetPrototype(ctx, obj, get(f, "prototype")) }
        return obj
    }
    @discardableResult
    func call(_ fn: JSValueRef, this: JSObjectRef? = nil, _ args: [JSValueRef]) throws -> JSValueRef {
        guard let f = object(fn), JSObjectIsFunction(ctx, f) else {
            throw JSThrown(value: string("not a function"))
        }
        var exc: JSValueRef?
        let opt: [JSValueRef?] = args
        let r = opt.withUnsafeBufferPointer { JSObjectCallAsFunction(ctx, f, this, args.count, $0.baseAddress, &exc) }
        if let exc { throw JSThrown(value: rooted(exc)) }
        return rooted(r ?? undefined)
    }
    func construct(_ fn: JSValueRef, _ args: [JSValueRef]) throws -> JSObjectRef {
        guard let f = object(fn) else { throw JSThrown(value: string("not a constructor")) }
        var exc: JSValueRef?
        let opt: [JSValueRef?] = args
        let r = opt.withUnsafeBufferPointer { JSObjectCallAsConstructor(ctx, f, args.count, $0.baseAddress, &exc) }
        if let exc { throw JSThrown(value: rooted(exc)) }
        return rooted(r!)
    }
    func evaluate(_ source: String, sourceURL: String? = nil, line: Int = 1) throws -> JSValueRef {
        let src = jsString(source); defer { JSStringRelease(src) }
        let url = sourceURL.map(jsString)
        defer { if let url { JSStringRelease(url) } }
        var exc: JSValueRef?
        let r = JSEvaluateScript(ctx, src, nil, url, Int32(line), &exc)
        if let exc { throw JSThrown(value: rooted(exc)) }
        return rooted(r ?? undefined)
    }
    func json(_ v: JSValueRef) -> String? {
        guard let s = JSValueCreateJSONString(ctx, v, 0, nil) else { return nil }
        defer { JSStringRelease(s) }
        return swiftString(s)
    }
    func fromJSON(_ s: String) -> JSValueRef? {
        let js = jsString(s); defer { JSStringRelease(js) }
        return JSValueMakeFromJSONString(ctx, js).map { rooted($0) }
    }
    func strictEquals(_ a: JSValueRef, _ b: JSValueRef) -> Bool { JSValueIsStrictEqual(ctx, a, b) }
    func protect(_ v: JSValueRef) { JSValueProtect(ctx, v) }
    func unprotect(_ v: JSValueRef) { JSValueUnprotect(ctx, v) }
    var global: JSObjectRef { JSContextGetGlobalObject(ctx) }
}
