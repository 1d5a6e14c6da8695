// The registrable domain ("site") of a host, from libpsl and Debian's public suffix list.
// The only file that imports CPSL.
import CPSL
import URLStandard

/// https://url.spec.whatwg.org/#host-registrable-domain through libpsl. Loads
/// `/usr/share/publicsuffix/public_suffix_list.dat` when present (newer than libpsl's
/// built-in list), else the built-in list.
final class PublicSuffixList: @unchecked Sendable {
    static let shared = PublicSuffixList()
    private let psl: OpaquePointer?

    private init() {
        if let p = psl_load_file("/usr/share/publicsuffix/public_suffix_list.dat") { psl = p }
        else { psl = psl_builtin() }
    }

    /// The registrable domain of `host`, or nil when the host is itself a public suffix
    /// (or not a domain).
    func registrableDomain(_ host: String) -> String? {
        guard let psl else { return host }
        // libpsl returns a pointer INTO its argument: copy the result before the C string dies.
        return host.withCString { cs -> String? in
            guard let r = psl_registrable_domain(psl, cs) else { return nil }
            return String(cString: r)
        }
    }

    func isPublicSuffix(_ host: String) -> Bool {
        guard let psl else { return false }
        return host.withCString { psl_is_public_suffix(psl, $0) != 0 }
    }
}

/// https://html.spec.whatwg.org/multipage/browsers.html#sites
public struct Site: Hashable, Sendable, CustomStringConvertible {
    public let scheme: String
    public let host: String   // the registrable domain, or the host itself
    public let opaque: Origin?

    public init(_ origin: Origin) {
        switch origin {
        case .opaque:
            scheme = ""; host = ""; opaque = origin
        case .tuple(let s, let h, _):
            scheme = s
            if case .domain(let d) = h { host = PublicSuffixList.shared.registrableDomain(d) ?? d }
            else { host = h.serialized }
            opaque = nil
        }
    }
    public var description: String { opaque != nil ? "null" : "\(scheme)://\(host)" }

    /// https://html.spec.whatwg.org/multipage/browsers.html#concept-site-same-site (schemeful)
    public static func isSameSite(_ a: Origin, _ b: Origin) -> Bool { Site(a) == Site(b) }
}

public func isPublicSuffix(_ host: String) -> Bool { PublicSuffixList.shared.isPublicSuffix(host) }
