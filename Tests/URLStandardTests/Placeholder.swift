import Testing
@testable import URLStandard
@Test func placeholderURLStandard() { #expect(Bool(true)) }
