import URLStandard

/// A console entry, in the order the browser printed it.
public struct ConsoleEntry: Sendable, Codable, Equatable {
    public var frame: String
    public var origin: String
    public var level: String
    public var text: String
    public var url: String
    public var time: Double
}

/// A decision of the origin checker, with where and when it was made.
public struct DecisionRecord: Sendable, Codable, Equatable {
    public var frame: String
    public var time: Double
    public var step: Int?
    public var verdict: Verdict
}

/// The simulated browser: top-level windows, the virtual clock and its event loop, the network
/// of fixture servers, the request log, the console, storage, and the origin checker.
///
/// Everything runs on the caller's thread, on virtual time: the same inputs give the same
/// outputs, byte for byte.
public final class Browser {
    public let profile: Profile
    public let checker: OriginChecker
    public let server: FixtureServer
    let vm: JSVM
    /// Values the engine made during the current task, protected from the collector until it ends.
    let temporaryRoots = TemporaryRoots()

    /// Virtual time in milliseconds since the browser started.
    public private(set) var now: Double = 0
    private var tasks: [(time: Double, seq: Int, run: () -> Void)] = []
    private var taskSeq = 0
    var nextContextID = 1
    var nextWindowID = 1
    var nextTimerID = 1
    var windowCount = 0

    public internal(set) var topLevel: [BrowsingContext] = []
    var contexts: [Int: BrowsingContext] = [:]
    public internal(set) var requests: [RequestRecord] = []
    public internal(set) var console: [ConsoleEntry] = []
    public internal(set) var decisions: [DecisionRecord] = []
    /// The step being run (for the decision log).
    var currentStep: Int?
    /// Decisions made since the current step began.
    var stepDecisions: [Verdict] = []
    /// Timers and tasks still pending when a run was cut off at its virtual-time limit.
    public private(set) var cutOff: [String] = []

    var localStorage: [String: StorageArea] = [:]
    /// Windows whose navigable moved on (see `createDocument`).
    var retiredWindows: [Window] = []
    /// The cookie jar (RFC 6265bis), with the profile's third-party cookie setting.
    public private(set) lazy var cookieJar = CookieJar(profile: profile)
    /// The fetch layer's state (the CORS-preflight cache).
    let fetchState = FetchState()
    var popupCounter = 0
    var boundarySeed: UInt64 = 0x5EED

    public init(profile: Profile = .chromium, server: FixtureServer = FixtureServer(), scriptTimeLimit: Double = 1.0) {
        self.profile = profile
        self.checker = OriginChecker(profile: profile)
        self.server = server
        self.vm = JSVM.shared(scriptTimeLimit: scriptTimeLimit)
    }

    // MARK: the event loop, on virtual time
    // https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model

    /// Queues a task `delay` virtual milliseconds from now. Tasks run in (time, order queued) order.
    func queueTask(delay: Double = 0, _ run: @escaping () -> Void) {
        taskSeq += 1
        let t = (time: now + max(0, delay), seq: taskSeq, run: run)
        // Keep `tasks` sorted; insert after every task of an earlier or equal (time, seq).
        var lo = 0, hi = tasks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tasks[mid].time < t.time || (tasks[mid].time == t.time && tasks[mid].seq < t.seq) { lo = mid + 1 } else { hi = mid }
        }
        tasks.insert(t, at: lo)
    }

    /// Runs tasks until none is left or the virtual clock would pass `limit` ms from now.
    /// Returns false when it stopped at the limit with tasks still queued.
    @discardableResult
    public func runUntilIdle(limit: Double = 30_000, until done: (() -> Bool)? = nil) -> Bool {
        let end = now + limit
        while let first = tasks.first {
            if let done, done() { return true }
            if first.time > end {
                now = end
                return false
            }
            tasks.removeFirst()
            if first.time > now { now = first.time }
            first.run()
            temporaryRoots.release()
        }
        return true
    }

    public var hasPendingTasks: Bool { !tasks.isEmpty }
    public var pendingTaskCount: Int { tasks.count }

    /// Advances the virtual clock by `ms`, running what falls due.
    public func wait(_ ms: Double) {
        let end = now + ms
        runUntilIdle(limit: ms)
        if now < end { now = end }
    }

    /// Whether `close()` was called.
    public private(set) var isClosed = false

    /// Closes every window and frees the realms: the pending tasks are dropped, and the browser,
    /// its navigables and their JavaScript realms can then be freed. A scenario run closes its
    /// browser at the end; Swift tests that make many browsers should close them too.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        tasks.removeAll()
        for bc in contexts.values {
            bc.discarded = true
            if let w = bc.window { w.isActive = false; w.timers.removeAll() }
        }
        let windows = contexts.values.compactMap(\.window) + retiredWindows
        for bc in contexts.values { bc.window = nil; bc.children = []; bc.popups = []; bc.opener = nil; bc.container = nil }
        retiredWindows.removeAll()
        topLevel.removeAll()
        contexts.removeAll()
        temporaryRoots.release()
        _ = windows  // released here, realms and all
    }

    // MARK: windows

    /// Opens a top-level window at `url`, as if a user typed it (a browser-initiated navigation),
    /// and runs the event loop until the page is idle (at most `limit` virtual ms).
    @discardableResult
    public func open(_ url: String, name: String? = nil, limit: Double = 30_000) -> BrowsingContext {
        let bc = makeContext(parent: nil, name: "")
        bc.label = name ?? "window\(topLevel.count + 1)"
        topLevel.append(bc)
        if let u = URLRecord.parse(url) {
            navigate(bc, to: u, initiator: nil, userInitiated: true)
        } else {
            log(frame: bc.label, origin: "null", level: "error", text: "simbrowse: cannot open '\(url)': not a valid URL", url: url)
        }
        runUntilIdle(limit: limit)
        return bc
    }

    func makeContext(parent: BrowsingContext?, name: String) -> BrowsingContext {
        let bc = BrowsingContext(id: nextContextID, browser: self, parent: parent, name: name)
        nextContextID += 1
        contexts[bc.id] = bc
        return bc
    }

    func context(_ id: Int) -> BrowsingContext? { contexts[id] }

    // MARK: console and decisions

    func log(frame: String, origin: String, level: String, text: String, url: String) {
        console.append(ConsoleEntry(frame: frame, origin: origin, level: level, text: text, url: url, time: now))
    }

    func log(_ window: Window, level: String, _ text: String) {
        log(frame: window.context?.label ?? "?", origin: window.securityContext.origin.serialized, level: level, text: text, url: window.url.href)
    }

    /// Records a decision of the checker: every one made during a `run` step, and the blocked
    /// and cross-origin ones made while pages load.
    func record(_ v: Verdict, by window: Window?) {
        if currentStep != nil { stepDecisions.append(v) }
        let interesting = !v.isAllowed || v.rule == "CrossOriginProperties"
        guard interesting || currentStep != nil else { return }
        if decisions.count < 10_000 {
            decisions.append(DecisionRecord(frame: window?.context?.label ?? "", time: now, step: currentStep, verdict: v))
        }
    }
}

/// One storage area (https://html.spec.whatwg.org/multipage/webstorage.html#storage-2), in insertion order.
final class StorageArea {
    var keys: [String] = []
    var values: [String: String] = [:]
    func set(_ k: String, _ v: String) { if values[k] == nil { keys.append(k) }; values[k] = v }
    func remove(_ k: String) { if values.removeValue(forKey: k) != nil { keys.removeAll { $0 == k } } }
    func clear() { keys = []; values = [:] }
}
