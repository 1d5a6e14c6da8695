import URLStandard

/// A navigable (https://html.spec.whatwg.org/multipage/document-sequences.html#navigables):
/// a top-level window, a popup or an iframe's content. Its current `Window` changes when it
/// navigates; the `WindowProxy` handles scripts hold stay valid and are re-checked on every access.
public final class BrowsingContext {
    public let id: Int
    /// A navigable keeps its browser alive: a test may hold only the window it opened.
    /// (`Browser.close()` breaks the browser's references back to its navigables.)
    let browser: Browser
    public internal(set) weak var parent: BrowsingContext?
    public internal(set) var children: [BrowsingContext] = []
    /// The iframe element in the parent's document (a JS object of the parent's realm).
    var container: JSRef?
    weak var containerWindow: Window?
    public internal(set) var window: Window?
    /// The navigable that opened this one with `window.open` (nil after `noopener` or COOP).
    public internal(set) weak var opener: BrowsingContext?
    /// The target name (`window.name` of the current window lives here, as in browsers).
    public internal(set) var name: String
    /// How the report and the CLI name it: `attacker`, `attacker.frames[0]`, `attacker.popups[0]`.
    public internal(set) var label: String = ""
    public internal(set) var isPopup = false
    public internal(set) var discarded = false
    public internal(set) var popups: [BrowsingContext] = []
    var navigationID = 0
    var sessionStorage: [String: StorageArea] = [:]
    /// Whether the parent's load event waits for this frame.
    var delaysParentLoad = false
    /// The iframe's sandboxing flags, taken when a navigation starts.
    var sandboxFlags: SandboxFlags = []

    init(id: Int, browser: Browser, parent: BrowsingContext?, name: String) {
        self.id = id; self.browser = browser; self.parent = parent; self.name = name
    }

    public var top: BrowsingContext {
        var c = self
        while let p = c.parent { c = p }
        return c
    }

    public var isTopLevel: Bool { parent == nil }

    /// The child navigable named `name`, if any (https://html.spec.whatwg.org/#document-tree-child-navigable-target-name-property-set).
    func child(named name: String) -> BrowsingContext? {
        children.first { !$0.name.isEmpty && $0.name == name }
    }

    func isAncestor(of other: BrowsingContext) -> Bool {
        var c = other.parent
        while let p = c { if p === self { return true }; c = p.parent }
        return false
    }

    /// Finds a navigable by target name, as `window.open` and form targets do (simplified
    /// https://html.spec.whatwg.org/multipage/document-sequences.html#the-rules-for-choosing-a-navigable).
    func find(targetName: String) -> BrowsingContext? {
        switch targetName.lowercased() {
        case "", "_self": return self
        case "_parent": return parent ?? self
        case "_top": return top
        case "_blank": return nil
        default: break
        }
        func search(_ c: BrowsingContext) -> BrowsingContext? {
            if c.name == targetName && !c.discarded { return c }
            for ch in c.children { if let f = search(ch) { return f } }
            return nil
        }
        // Only navigables of the same browsing context group, that this one is familiar with: its own
        // tab's tree, the popups it (or its tab) opened, and the tree of the tab that opened it.
        var roots: [BrowsingContext] = [top]
        roots += top.popups
        if let o = top.opener?.top { roots.append(o); roots += o.popups }
        for r in roots where !r.discarded {
            if let f = search(r) { return f }
        }
        return nil
    }
}

/// Sandboxing flags (https://html.spec.whatwg.org/multipage/browsers.html#sandboxing-flag-set).
public struct SandboxFlags: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let navigation = SandboxFlags(rawValue: 1 << 0)
    public static let auxiliaryNavigation = SandboxFlags(rawValue: 1 << 1)
    public static let topLevelNavigation = SandboxFlags(rawValue: 1 << 2)
    public static let origin = SandboxFlags(rawValue: 1 << 3)
    public static let forms = SandboxFlags(rawValue: 1 << 4)
    public static let scripts = SandboxFlags(rawValue: 1 << 5)
    public static let modals = SandboxFlags(rawValue: 1 << 6)
    public static let documentDomain = SandboxFlags(rawValue: 1 << 7)
    public static let all: SandboxFlags = [.navigation, .auxiliaryNavigation, .topLevelNavigation, .origin, .forms, .scripts, .modals, .documentDomain]

    /// https://html.spec.whatwg.org/multipage/browsers.html#parse-a-sandboxing-directive
    public static func parse(_ attribute: String) -> SandboxFlags {
        var flags = SandboxFlags.all
        for token in attribute.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) {
            switch token {
            case "allow-same-origin": flags.remove(.origin)
            case "allow-scripts": flags.remove(.scripts)
            case "allow-forms": flags.remove(.forms)
            case "allow-popups": flags.remove(.auxiliaryNavigation)
            case "allow-top-navigation": flags.remove(.topLevelNavigation)
            case "allow-modals": flags.remove(.modals)
            default: break
            }
        }
        return flags
    }
}

/// A `Window` and its `Document` (https://html.spec.whatwg.org/multipage/nav-history-apis.html#window):
/// one realm, one origin, one URL. A navigation makes a new one.
public final class Window {
    public let id: Int
    unowned let browser: Browser
    public internal(set) weak var context: BrowsingContext?
    public internal(set) var url: URLRecord
    public internal(set) var securityContext: SecurityContext
    public var origin: Origin { securityContext.origin }
    let isSecureContext: Bool
    let sandboxFlags: SandboxFlags
    let responseHeaders: HeaderList
    var realm: Realm!
    /// False once the navigable moved on to another document: its timers and tasks stop.
    public internal(set) var isActive = true
    var timers: [Int: Bool] = [:]   // id -> repeating
    var parsed = false
    var loadFired = false
    var pendingChildLoads = 0
    var randomSeed: UInt32
    /// https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policy-value
    var crossOriginOpenerPolicy = "unsafe-none"
    var isInitialAboutBlank = false

    init(id: Int, browser: Browser, context: BrowsingContext, url: URLRecord, origin: Origin,
         sandboxFlags: SandboxFlags, responseHeaders: HeaderList, secure: Bool) {
        self.id = id; self.browser = browser; self.context = context; self.url = url
        self.securityContext = SecurityContext(origin: origin)
        self.sandboxFlags = sandboxFlags
        self.responseHeaders = responseHeaders
        self.isSecureContext = secure
        self.randomSeed = UInt32(truncatingIfNeeded: 2_654_435_761 &* UInt64(id + 1))
    }

    var label: String { context?.label ?? "?" }
}

/// https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy (the parts a scenario meets)
func isPotentiallyTrustworthy(_ origin: Origin) -> Bool {
    guard case .tuple(let scheme, let host, _) = origin else { return false }
    if scheme == "https" || scheme == "wss" { return true }
    switch host {
    case .ipv4(let a): return a >> 24 == 127
    case .ipv6(let p): return p == [0, 0, 0, 0, 0, 0, 0, 1]
    case .domain(let d): return d == "localhost" || d.hasSuffix(".localhost")
    default: return false
    }
}
