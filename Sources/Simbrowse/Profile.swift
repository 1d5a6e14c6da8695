/// Which browser the engine imitates: its messages and the few rules where browsers differ.
/// The default is the recorded Chromium; `firefox` is Firefox ESR's wording. A profile is data
/// plus small switches, not a fork of the engine.
public struct Profile: Sendable, Equatable {
    public enum Browser: String, Sendable { case chromium, firefox }
    public var browser: Browser
    /// Third-party cookies: Chromium's default here blocks them; Firefox partitions them.
    public var thirdPartyCookies: String

    public static let chromium = Profile(browser: .chromium, thirdPartyCookies: "block")
    public static let firefox = Profile(browser: .firefox, thirdPartyCookies: "partition")

    public static func named(_ name: String) -> Profile? {
        switch name.lowercased() {
        case "chromium", "chrome", "default": .chromium
        case "firefox": .firefox
        default: nil
        }
    }

    /// The message of the SecurityError a cross-origin `WindowProxy`/`Location` access throws.
    func crossOriginMessage(interface: CrossOriginInterface, operation: CrossOriginOperation, accessor: String) -> String {
        switch browser {
        case .chromium:
            let blocked = "Blocked a frame with origin \"\(accessor)\" from accessing a cross-origin frame."
            let i = interface.rawValue
            switch operation {
            case .get(let k?): return "Failed to read a named property '\(k)' from '\(i)': \(blocked)"
            case .get(nil): return "Failed to read a named property from '\(i)': \(blocked)"
            case .set(let k?): return "Failed to set a named property '\(k)' on '\(i)': \(blocked)"
            case .set(nil): return "Failed to set a named property on '\(i)': \(blocked)"
            case .delete(let k?): return "Failed to delete a named property '\(k)' from '\(i)': \(blocked)"
            case .define(let k?): return "Failed to define a named property '\(k)' on '\(i)': \(blocked)"
            default: return blocked
            }
        case .firefox:
            switch operation {
            case .get(let k?) where interface == .location && k == "href":
                return "Permission denied to get property \"href\" on cross-origin object"
            case .get(let k?), .set(let k?), .has(let k?), .delete(let k?), .define(let k?), .getOwnPropertyDescriptor(let k?):
                return "Permission denied to access property \"\(k)\" on cross-origin object"
            case .get(nil), .set(nil), .has(nil):
                return "Permission denied to access property Symbol.toPrimitive on cross-origin object"
            default:
                return "Permission denied to access object"
            }
        }
    }

    /// The TypeError message of a failed fetch().
    var fetchFailedMessage: String {
        browser == .chromium ? "Failed to fetch" : "NetworkError when attempting to fetch resource."
    }

    /// Firefox sends Sec-Fetch-* on a WebSocket handshake to a secure URL; Chromium sends none.
    var secFetchOnWebSocketHandshake: Bool { browser == .firefox }

    /// Chromium sends `Sec-Fetch-Mode: cors` on every preflight, http too; Firefox only to trustworthy URLs.
    var secFetchModeOnInsecurePreflight: Bool { browser == .chromium }

    /// A window whose navigable is gone (closed, or cut off by COOP): Chromium's window-valued
    /// properties read as null; Firefox still hands back the WindowProxy.
    var detachedWindowPropertiesAreNull: Bool { browser == .chromium }

    /// Firefox refuses a cross-origin popup's navigation of its opener without user activation.
    var blocksCrossOriginOpenerNavigationWithoutActivation: Bool { browser == .firefox }

    /// The SecurityError message of storage or document.cookie in a sandboxed (opaque) document.
    func opaqueStorageMessage(_ property: String, interface: String, write: Bool, chromiumReason: String) -> String {
        switch browser {
        case .chromium:
            return write ? "Failed to set the '\(property)' property on '\(interface)': \(chromiumReason)"
                : "Failed to read the '\(property)' property from '\(interface)': \(chromiumReason)"
        case .firefox:
            return "\(interface).\(property) \(write ? "setter" : "getter"): Forbidden in a sandboxed document without the 'allow-same-origin' flag."
        }
    }

    /// The SecurityError message of a refused navigation.
    func navigationRefusedMessage(url: String) -> String {
        switch browser {
        case .chromium: return "Failed to set a named property 'href' on 'Location': The current window does not have permission to navigate the target frame to '\(url)'."
        case .firefox: return "The operation is insecure."
        }
    }

    func postMessageMismatch(target: String, recipient: String) -> String {
        switch browser {
        case .chromium:
            "Failed to execute 'postMessage' on 'DOMWindow': The target origin provided ('\(target)') does not match the recipient window's origin ('\(recipient)')."
        case .firefox:
            "Window.postMessage: The target origin provided ('\(target)') does not match the recipient window's origin ('\(recipient)')."
        }
    }
}
