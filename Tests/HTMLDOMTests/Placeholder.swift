import Testing
@testable import HTMLDOM
@Test func placeholderHTMLDOM() { #expect(Bool(true)) }
