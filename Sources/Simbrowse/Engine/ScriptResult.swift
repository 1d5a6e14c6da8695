import Foundation
import ScenarioFormat

/// A DOMException (https://webidl.spec.whatwg.org/#idl-DOMException) as Swift sees one thrown
/// by a page script.
public struct DOMException: Error, Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var message: String
    /// The legacy code (18 for SecurityError).
    public var code: Int {
        ["IndexSizeError": 1, "HierarchyRequestError": 3, "NotFoundError": 8, "NotSupportedError": 9,
         "InvalidStateError": 11, "SyntaxError": 12, "SecurityError": 18, "NetworkError": 19,
         "AbortError": 20, "DataCloneError": 25][name] ?? 0
    }
    public var description: String { "\(name): \(message)" }
}

/// What evaluating a script gave: a value, or an exception, with the checker's decisions
/// that were made meanwhile.
public struct ScriptResult: Sendable {
    public enum Outcome: String, Sendable, Codable { case allowed, blocked, error }
    public var outcome: Outcome
    public var value: JSONValue?
    /// "undefined", "number", "string", "boolean", "object", "function", ...
    public var valueType: String?
    public var error: DOMException?
    public var decisions: [Verdict]

    /// The decision that explains the outcome: the blocking one, else the last cross-origin one.
    public var reason: Verdict? {
        if let b = decisions.last(where: { !$0.isAllowed }) { return b }
        return decisions.last(where: { $0.rule != "IsPlatformObjectSameOrigin" }) ?? decisions.last
    }

    /// The value, or the exception as a thrown `DOMException` (a plain JS error comes as a
    /// DOMException-shaped value too, with its own name such as `TypeError`).
    public func get() throws(DOMException) -> JSONValue? {
        if let error { throw error }
        return value
    }
}

extension BrowsingContext {
    /// Evaluates `script` in this navigable's current window, as a scenario's `run` step does:
    /// a promise is awaited on virtual time (at most `limit` ms), then the loop runs until idle.
    @discardableResult
    public func evaluate(_ script: String, limit: Double = 30_000) -> ScriptResult {
        let b = browser
        if b.isClosed {
            return ScriptResult(outcome: .error, value: nil, valueType: nil,
                                error: DOMException(name: "InvalidStateError", message: "simbrowse: the browser was closed"), decisions: [])
        }
        let w = b.ensureWindow(self)
        let realm = w.realm!
        b.stepDecisions = []
        let wasStep = b.currentStep
        if b.currentStep == nil { b.currentStep = -1 }
        defer { b.currentStep = wasStep }
        var result: Result<JSRef, JSThrown> = realm.evaluate(script)
        if case .success(let v) = result, realm.js.isObject(v), realm.js.object(v).map({ !realm.js.isUndefined(realm.js.get($0, "then")) }) ?? false {
            realm.stepResult = nil
            _ = try? realm.js.call(realm.js.get(realm.internals, "awaitStep"), [v])
            b.runUntilIdle(limit: limit, until: { realm.stepResult != nil })
            if let r = realm.stepResult {
                realm.settledNeedsRelease = true
                result = r.ok ? .success(r.value) : .failure(JSThrown(value: r.value))
            } else {
                result = .failure(JSThrown(value: realm.js.string("simbrowse: the promise did not settle within \(Int(limit)) virtual ms")))
            }
            realm.stepResult = nil
        }
        var settled: JSRef?
        if case .success(let v) = result { settled = v } else if case .failure(let e) = result { settled = e.value }
        defer { if let settled, realm.settledNeedsRelease { realm.settledNeedsRelease = false; realm.js.unprotect(settled) } }
        let decisions = b.stepDecisions
        var out = ScriptResult(outcome: .allowed, value: nil, valueType: nil, error: nil, decisions: decisions)
        switch result {
        case .success(let v):
            (out.value, out.valueType) = realm.reportValue(v)
        case .failure(let e):
            let (name, message) = realm.errorParts(e.value)
            out.error = DOMException(name: name, message: message)
            let blockedByPolicy = name == "SecurityError" || decisions.contains { !$0.isAllowed && $0.errorName != nil }
            out.outcome = blockedByPolicy ? .blocked : .error
            if message.hasSuffix("JavaScript execution terminated.") {
                out.error = DOMException(name: "TimeoutError", message: "simbrowse: script stopped after \(b.vm.scriptTimeLimit) s of CPU time (a runaway loop?)")
                out.outcome = .error
            }
        }
        b.stepDecisions = []
        b.temporaryRoots.release()
        // Let what the script started (messages, loads) happen.
        b.runUntilIdle(limit: limit)
        return out
    }
}

extension Realm {
    func reportValue(_ v: JSRef) -> (JSONValue?, String?) {
        guard let f = js.object(js.get(internals, "reportValue")), let r = try? js.call(f, [v]), let o = js.object(r) else {
            return (nil, nil)
        }
        let type = js.toString(js.get(o, "type"))
        if type == "undefined" { return (nil, "undefined") }
        let json = js.get(o, "json")
        if !js.isUndefined(json), let data = js.toString(json).data(using: .utf8),
           let any = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
           let value = JSONValue(jsonObject: any) {
            return (value, type)
        }
        return (.string(js.toString(js.get(o, "text"))), type)
    }
}

extension Browser {
    /// The navigable a frame path names: `attacker`, `attacker.frames[0]`, `attacker.frames["inner"]`,
    /// `attacker.opener`, `attacker.popups[0]`.
    public func context(at path: FramePath) -> BrowsingContext? {
        guard var c = topLevel.first(where: { $0.label == path.root }) else { return nil }
        for hop in path.hops {
            switch hop {
            case .frameIndex(let i):
                guard i >= 0, i < c.children.count else { return nil }
                c = c.children[i]
            case .frameName(let n):
                guard let x = c.child(named: n) else { return nil }
                c = x
            case .opener:
                guard let o = c.opener else { return nil }
                c = o
            case .popup(let i):
                let list = c.top.popups
                guard i >= 0, i < list.count else { return nil }
                c = list[i]
            }
        }
        return c
    }

    public func context(at path: String) -> BrowsingContext? {
        guard let p = try? FramePath(parsing: path) else { return nil }
        return context(at: p)
    }

    /// The frame tree, for the report.
    public func frameTree() -> [FrameReport] {
        func report(_ bc: BrowsingContext) -> FrameReport {
            let w = bc.window
            return FrameReport(name: bc.isTopLevel && !bc.isPopup ? bc.label : bc.name, path: bc.label,
                               url: w?.url.href ?? "about:blank", origin: w?.origin.serialized ?? "null",
                               sandboxed: (w?.sandboxFlags.isEmpty ?? true) ? nil : true,
                               children: bc.children.map(report),
                               popups: bc.popups.isEmpty ? nil : bc.popups.map(report))
        }
        return topLevel.map(report)
    }
}
