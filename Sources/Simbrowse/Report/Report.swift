import ScenarioFormat

/// The report of one scenario: the contract between the engine and every view of it (the CLI's
/// text, `--json`, tests). Its field order and contents are deterministic.
public struct Report: Codable, Sendable {
    public var scenario: String
    public var description: String?
    public var file: String?
    public var profile: String
    public var ok: Bool
    public var steps: [StepReport]
    public var frames: [FrameReport]
    public var console: [ConsoleEntry]
    public var requests: [RequestRecord]
    public var decisions: [DecisionRecord]
    /// Set when a page's timers were still pending at the virtual-time limit.
    public var cutOff: String?
    public var virtualTime: Double
}

public struct StepError: Codable, Sendable, Equatable {
    public var name: String
    public var message: String
}

public struct Reason: Codable, Sendable, Equatable {
    public var rule: String
    public var explanation: String
    public var spec: String
    init(_ v: Verdict) { rule = v.rule; explanation = v.explanation; spec = v.spec }
}

public struct ExpectationResult: Codable, Sendable, Equatable {
    public var ok: Bool
    public var expected: [String: JSONValue]
    public var failures: [String]
}

public struct StepReport: Codable, Sendable {
    public var index: Int
    public var action: String
    public var `in`: String?
    public var script: String?
    public var note: String?
    /// `allowed`, `blocked` (by the security policy), `error` (any other exception), or `done`.
    public var outcome: String
    public var value: JSONValue?
    public var valueType: String?
    public var error: StepError?
    public var reason: Reason?
    public var expectation: ExpectationResult?
}

public struct FrameReport: Codable, Sendable {
    public var name: String
    public var path: String
    public var url: String
    public var origin: String
    public var sandboxed: Bool?
    public var children: [FrameReport]
    public var popups: [FrameReport]?
}
