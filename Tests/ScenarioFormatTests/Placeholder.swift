import Testing
@testable import ScenarioFormat
@Test func placeholderScenarioFormat() { #expect(Bool(true)) }
