import Foundation

// The decoded scenario. Every type here is a plain value: Sendable, Equatable, with a public
// memberwise initialiser so that engine tests can build scenarios without JSON.
// The file format itself is described in Docs/ScenarioFormat.md.

/// One scenario file, decoded and checked. Fixture files are already loaded into the bodies.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// `"chromium"` (the default) or `"firefox"`.
    public var profile: String
    /// The third-party cookie setting, when the scenario overrides the profile's:
    /// `"block"` (Chromium's default), `"allow"` (Chromium with third-party cookies allowed, as the
    /// classic articles assume) or `"partition"` (Firefox's Total Cookie Protection).
    public var thirdPartyCookies: String? = nil
    /// The served URLs, sorted by URL string (UTF-8 byte order), whatever the order in the file.
    public var resources: [ResourceEntry]
    /// Cookies to store before the first step, in file order.
    public var cookies: [CookieSeed]
    public var steps: [Step]
    /// The file it was loaded from; nil when decoded from bytes with ``ScenarioLoader/decode(data:folder:fileName:)``.
    public var fileURL: URL?
    /// The folder fixture paths were resolved against.
    public var folder: URL

    public static let profiles = ["chromium", "firefox"]
    public static let thirdPartyCookieSettings = ["block", "allow", "partition"]
    public static let defaultProfile = "chromium"

    public init(name: String, description: String? = nil, profile: String = Scenario.defaultProfile,
                resources: [ResourceEntry] = [], cookies: [CookieSeed] = [], steps: [Step] = [],
                fileURL: URL? = nil, folder: URL) {
        self.name = name
        self.description = description
        self.profile = profile
        self.resources = resources
        self.cookies = cookies
        self.steps = steps
        self.fileURL = fileURL
        self.folder = folder
    }
}

/// A URL the fixture server answers, exactly as written in the file (the engine normalises it).
public struct ResourceEntry: Sendable, Equatable {
    public var url: String
    public var kind: ResourceKind

    public init(url: String, kind: ResourceKind) {
        self.url = url
        self.kind = kind
    }
}

public enum ResourceKind: Sendable, Equatable {
    /// The same answer to every request.
    case response(ResponseSpec)
    /// The first entry whose matcher matches the request answers; the last one may match anything.
    case responses([ConditionalResponse])
    /// A WebSocket endpoint (ws:// and wss:// URLs only).
    case websocket(WebSocketSpec)
}

/// One header line. Lists of these keep the file's order and repeated names (`Set-Cookie`).
public struct HeaderField: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name): \(value)" }
}

public struct ResponseSpec: Sendable, Equatable {
    public var status: Int
    /// In file order for the list form; sorted by name for the object form. A `redirect` adds its
    /// `Location` header last. The decoder adds no other header (no Content-Type guessing).
    public var headers: [HeaderField]
    public var body: [UInt8]
    /// The fixture path as written (relative to the scenario's folder) when the body came from one,
    /// so the engine can report it or guess a type from its extension; nil otherwise.
    public var fixture: String?

    public init(status: Int = 200, headers: [HeaderField] = [], body: [UInt8] = [], fixture: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.fixture = fixture
    }

    /// The values of every header with this name (ASCII case-insensitive), in order.
    public func values(of name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}

public struct ConditionalResponse: Sendable, Equatable {
    /// nil only for the last entry: it answers any request the others did not.
    public var when: RequestMatcher?
    public var response: ResponseSpec

    public init(when: RequestMatcher?, response: ResponseSpec) {
        self.when = when
        self.response = response
    }
}

/// Conditions on a request; all given ones must hold. The decoder only checks their shape; the
/// engine does the matching: `method` exactly, each of `headers` when the request's header of that
/// name (case-insensitive) contains the value (case-insensitive), `path` and `query` exactly (query
/// without its "?"), `origin` against the request's Origin.
public struct RequestMatcher: Sendable, Equatable {
    public var method: String?
    public var headers: [String: String]
    public var path: String?
    public var query: String?
    public var origin: String?

    public init(method: String? = nil, headers: [String: String] = [:], path: String? = nil,
                query: String? = nil, origin: String? = nil) {
        self.method = method
        self.headers = headers
        self.path = path
        self.query = query
        self.origin = origin
    }
}

public struct WebSocketSpec: Sendable, Equatable {
    /// nil: any origin may connect; otherwise the handshake of any other Origin gets 403.
    public var allowedOrigins: [String]?
    /// Sent by the server once connected; `"cookie"` means: send `cookie=<the handshake's Cookie header>`.
    public var greeting: String?
    /// Echo every message back (default true).
    public var echo: Bool

    public init(allowedOrigins: [String]? = nil, greeting: String? = nil, echo: Bool = true) {
        self.allowedOrigins = allowedOrigins
        self.greeting = greeting
        self.echo = echo
    }
}

/// A cookie stored before the first step, as if `url` had answered with this Set-Cookie header.
public struct CookieSeed: Sendable, Equatable {
    public var url: String
    public var setCookie: String

    public init(url: String, setCookie: String) {
        self.url = url
        self.setCookie = setCookie
    }
}

public struct Step: Sendable, Equatable {
    /// 0-based position in `steps`, as in the error paths (`$.steps[2]`).
    public var index: Int
    public var action: StepAction
    /// Where `run` and `submit` act (`in`); nil for the other actions.
    public var frame: FramePath?
    /// Only for `run`.
    public var expect: Expectation?
    public var note: String?
    public var label: String?

    public init(index: Int, action: StepAction, frame: FramePath? = nil, expect: Expectation? = nil,
                note: String? = nil, label: String? = nil) {
        self.index = index
        self.action = action
        self.frame = frame
        self.expect = expect
        self.note = note
        self.label = label
    }
}

public enum StepAction: Sendable, Equatable {
    /// Open a new top-level window at `url`, named `as` (given, or `window<N>` for the N-th open).
    case open(url: String, as: String)
    /// Evaluate JavaScript in the step's frame.
    case run(script: String)
    /// Submit the first form matching this CSS selector in the step's frame.
    case submit(selector: String)
    /// Advance the virtual clock by this many milliseconds (running what falls due).
    case wait(ms: Double)
    case expectRequest(RequestExpectation)
    case expectNoRequest(RequestExpectation)
    case expectConsole(ConsoleExpectation)

    /// The key that names this action in the file.
    public var keyword: String {
        switch self {
        case .open: "open"
        case .run: "run"
        case .submit: "submit"
        case .wait: "wait"
        case .expectRequest: "expectRequest"
        case .expectNoRequest: "expectNoRequest"
        case .expectConsole: "expectConsole"
        }
    }
}

/// What a `run` step should produce. At least one field is set.
public struct Expectation: Sendable, Equatable {
    /// nil: not checked. `.some(.null)`: the script must return null (`"value": null` in the file).
    public var value: JSONValue?
    /// The name of the exception the script must throw (`SecurityError`, `TypeError`, ...).
    public var `throws`: String?
    /// The message of that exception.
    public var message: String?
    /// `"allowed"`, `"blocked"` or `"error"`.
    public var outcome: String?

    public static let outcomes = ["allowed", "blocked", "error"]

    public init(value: JSONValue? = nil, throws: String? = nil, message: String? = nil, outcome: String? = nil) {
        self.value = value
        self.throws = `throws`
        self.message = message
        self.outcome = outcome
    }
}

/// A request that must (or, for `expectNoRequest`, must not) have been made so far. Every field
/// given must match; header values match by case-insensitive "contains", like `when`.
public struct RequestExpectation: Sendable, Equatable {
    public var method: String?
    public var url: String?
    public var kind: String?
    public var headers: [String: String]

    public init(method: String? = nil, url: String? = nil, kind: String? = nil, headers: [String: String] = [:]) {
        self.method = method
        self.url = url
        self.kind = kind
        self.headers = headers
    }
}

/// A console line that must (or, with `absent`, must not) have been logged so far.
public struct ConsoleExpectation: Sendable, Equatable {
    /// Only lines logged by this frame; nil: any frame.
    public var frame: FramePath?
    /// One of ``levels``; nil: any level.
    public var level: String?
    public var contains: String
    public var absent: Bool

    public static let levels = ["debug", "log", "info", "warn", "warning", "error"]

    public init(frame: FramePath? = nil, level: String? = nil, contains: String, absent: Bool = false) {
        self.frame = frame
        self.level = level
        self.contains = contains
        self.absent = absent
    }
}
