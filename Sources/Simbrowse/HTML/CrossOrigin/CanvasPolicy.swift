// The canvas's origin-clean flag: part of the origin checker (moved here from Embedding/Canvas.swift).
import Foundation
import URLStandard

// MARK: the origin-clean decisions

/// What a `drawImage` source is, as far as the origin-clean flag cares.
/// https://html.spec.whatwg.org/multipage/canvas.html#the-image-argument-is-not-origin-clean
public struct CanvasImageSource: Sendable, Equatable {
    public enum Kind: String, Sendable { case image = "HTMLImageElement", canvas = "HTMLCanvasElement" }
    public var kind: Kind
    /// An image's URL (its current request's URL).
    public var url: String?
    /// An image's response tainting (https://fetch.spec.whatwg.org/#concept-request-response-tainting):
    /// "basic", "cors" or "opaque". An opaque response is CORS-cross-origin.
    public var responseTainting: String?
    /// A canvas source's origin-clean flag.
    public var originClean: Bool = true
    /// For a canvas source that is not origin-clean: the URL of the image that cleared its flag.
    public var taintedBy: String?

    public static func image(url: String, responseTainting: String) -> CanvasImageSource {
        CanvasImageSource(kind: .image, url: url, responseTainting: responseTainting)
    }
    public static func canvas(originClean: Bool, taintedBy: String?) -> CanvasImageSource {
        CanvasImageSource(kind: .canvas, originClean: originClean, taintedBy: taintedBy)
    }
}

/// The three ways a script reads a canvas's pixels back.
public enum CanvasReadback: String, Sendable {
    case getImageData, toDataURL, toBlob
    var interface: String { self == .getImageData ? "CanvasRenderingContext2D" : "HTMLCanvasElement" }
    var spec: String {
        switch self {
        case .getImageData: "https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-getimagedata"
        case .toDataURL: "https://html.spec.whatwg.org/multipage/canvas.html#dom-canvas-todataurl"
        case .toBlob: "https://html.spec.whatwg.org/multipage/canvas.html#dom-canvas-toblob"
        }
    }
}

// To move into OriginChecker.swift (the one gate); kept here until then. Call sites use
// `browser.checker.canvasDrawImage(...)` and `browser.checker.canvasReadback(...)` already.
extension OriginChecker {
    static let originCleanSpec = "https://html.spec.whatwg.org/multipage/canvas.html#the-image-argument-is-not-origin-clean"

    /// Drawing is always allowed ("embedding is allowed"); what it decides is whether the
    /// canvas's origin-clean flag is cleared. https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-drawimage
    /// step 6: "If image is not origin-clean, then set the CanvasRenderingContext2D's
    /// origin-clean flag to false."
    public func canvasDrawImage(_ source: CanvasImageSource, canvasOrigin: Origin) -> (verdict: Verdict, clearsOriginClean: Bool) {
        let a = canvasOrigin.serialized
        func verdict(_ why: String, target: String?) -> Verdict {
            Verdict(decision: .allowed, rule: "origin-clean flag", explanation: why, spec: Self.originCleanSpec,
                    accessorOrigin: a, targetOrigin: target)
        }
        switch source.kind {
        case .image:
            let url = source.url ?? ""
            let t = URLRecord.parse(url).map { $0.origin.serialized }
            switch source.responseTainting {
            case "opaque":
                return (verdict("drawImage of \(url): the image is CORS-cross-origin (a no-cors response from \(t ?? "another origin")), so drawing it is allowed but clears the canvas's origin-clean flag; its pixels may be shown, not read back", target: t), true)
            case "cors":
                return (verdict("drawImage of \(url): the image was fetched with CORS (crossorigin) and passed the CORS check, so it is CORS-same-origin and the canvas stays origin-clean", target: t), false)
            default:
                return (verdict("drawImage of \(url): the image is same-origin (a basic response), so the canvas stays origin-clean", target: t), false)
            }
        case .canvas:
            if source.originClean {
                return (verdict("drawImage of an origin-clean canvas: this canvas stays origin-clean", target: nil), false)
            }
            let by = source.taintedBy.map { " (tainted by \($0))" } ?? ""
            let t = source.taintedBy.flatMap { URLRecord.parse($0) }.map { $0.origin.serialized }
            return (verdict("drawImage of a canvas that is not origin-clean\(by): this canvas's origin-clean flag is cleared too", target: t), true)
        }
    }

    /// `getImageData`, `toDataURL`, `toBlob`: a canvas that is not origin-clean may not be read.
    /// https://html.spec.whatwg.org/multipage/canvas.html#dom-context-2d-getimagedata step 2,
    /// https://html.spec.whatwg.org/multipage/canvas.html#dom-canvas-todataurl step 1.
    public func canvasReadback(_ method: CanvasReadback, originClean: Bool, taintedBy: String?, canvasOrigin: Origin) -> Verdict {
        let a = canvasOrigin.serialized
        let t = taintedBy.flatMap { URLRecord.parse($0) }.map { $0.origin.serialized }
        if originClean {
            return Verdict(decision: .allowed, rule: "origin-clean flag",
                           explanation: "\(method.rawValue): the canvas is origin-clean (its pixels came only from same-origin or CORS-approved sources), so it may be read",
                           spec: method.spec, accessorOrigin: a, targetOrigin: t)
        }
        let by = taintedBy.map { "pixels of \($0), a cross-origin image fetched without CORS" } ?? "cross-origin pixels"
        let message: String
        switch profile.browser {
        case .chromium:
            message = method == .getImageData
                ? "Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data."
                : "Failed to execute '\(method.rawValue)' on 'HTMLCanvasElement': Tainted canvases may not be exported."
        case .firefox:
            message = "The operation is insecure."
        }
        return Verdict(decision: .blocked, rule: "origin-clean flag",
                       explanation: "\(method.rawValue) would read \(by): the canvas is not origin-clean, and a tainted canvas may be shown but not read back",
                       spec: method.spec, accessorOrigin: a, targetOrigin: t, errorName: "SecurityError", message: message)
    }
}

