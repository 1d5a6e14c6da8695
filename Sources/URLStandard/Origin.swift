// Origins.
// https://html.spec.whatwg.org/multipage/browsers.html#origin
// https://url.spec.whatwg.org/#origin

#if canImport(Synchronization)
import Synchronization
#endif

/// The identity of an opaque origin. Two opaque origins are the same only if their ids are.
public struct OpaqueOrigin: Hashable, Sendable {
    public let id: UInt64
}

/// An origin. https://html.spec.whatwg.org/multipage/browsers.html#concept-origin
public enum Origin: Hashable, Sendable, CustomStringConvertible {
    /// A tuple origin. `port` is nil when the URL had no port or the scheme's default port.
    /// (The HTML tuple's fourth member, domain, is not modelled: it is always null here.)
    case tuple(scheme: String, host: URLHost, port: Int?)
    /// An opaque origin: equal only to itself.
    case opaque(OpaqueOrigin)

    /// A new opaque origin, different from every other one made in this process.
    public static func makeOpaque() -> Origin {
        .opaque(OpaqueOrigin(id: OpaqueOriginCounter.next()))
    }

    /// The ASCII serialization of the origin ("null" for opaque origins).
    /// https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
    public var serialized: String {
        switch self {
        case .opaque:
            return "null"
        case .tuple(let scheme, let host, let port):
            var result = scheme + "://" + host.serialized
            if let port { result += ":" + String(port) }
            return result
        }
    }

    public var description: String { serialized }

    /// https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-opaque
    public var isOpaque: Bool {
        if case .opaque = self { return true } else { return false }
    }

    /// https://html.spec.whatwg.org/multipage/browsers.html#same-origin :
    /// identical opaque origins, or tuple origins with equal scheme, host and port.
    public func isSameOrigin(_ other: Origin) -> Bool {
        self == other
    }

    public var scheme: String? {
        if case .tuple(let s, _, _) = self { return s } else { return nil }
    }

    public var host: URLHost? {
        if case .tuple(_, let h, _) = self { return h } else { return nil }
    }

    public var port: Int? {
        if case .tuple(_, _, let p) = self { return p } else { return nil }
    }

    /// https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-effective-domain
    /// The origin's domain is never set here (no `document.domain`), so this is the host for a
    /// tuple origin and nil for an opaque one.
    public var effectiveDomain: URLHost? { host }
}

/// Process-wide source of opaque origin ids.
enum OpaqueOriginCounter {
    #if canImport(Synchronization)
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    static let counter = Atomic<UInt64>(0)
    #endif

    static func next() -> UInt64 {
        #if canImport(Synchronization)
        if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *) {
            return counter.add(1, ordering: .relaxed).newValue
        }
        #endif
        // Older Apple systems: a random 64-bit id (a collision is practically impossible).
        return UInt64.random(in: 1...UInt64.max)
    }
}

extension URLRecord {
    /// The URL's origin. https://url.spec.whatwg.org/#concept-url-origin
    ///
    /// Note that URLs with an opaque origin get a *new* opaque origin on every call, so such a
    /// URL's origin is not same origin with itself: store the result where identity matters.
    /// `file:` URLs get an opaque origin (the standard leaves this to the implementation; Chromium
    /// serialises it as "file://").
    public var origin: Origin {
        switch scheme {
        case "blob":
            // "Let pathURL be the result of parsing the result of URL path serializing url."
            // "If pathURL is failure, then return a new opaque origin."
            guard let pathURL = URLRecord.parse(pathname) else { return .makeOpaque() }
            // "If pathURL's scheme is "http", "https", or "file", then return pathURL's origin."
            switch pathURL.scheme {
            case "http", "https", "file": return pathURL.origin
            default: return .makeOpaque()
            }
        case "ftp", "http", "https", "ws", "wss":
            // "Return the tuple origin (url's scheme, url's host, url's port, null)."
            return .tuple(scheme: scheme, host: host ?? .empty, port: port)
        case "file":
            // "Unfortunate as it is, this is left as an exercise to the reader. When in doubt,
            //  return a new opaque origin."
            return .makeOpaque()
        default:
            return .makeOpaque()
        }
    }
}
