import Testing
@testable import Simbrowse
@Test func placeholderSimbrowse() { #expect(Bool(true)) }
