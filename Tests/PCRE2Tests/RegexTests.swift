import Testing
@testable import PCRE2

@Suite("PCRE2 wrapper")
struct RegexTests {
    @Test("a compile error names the pattern, PCRE2's message and the offset")
    func compileError() {
        #expect(throws: PCRE2Error.self) { try Regex("(ab") }
        do { _ = try Regex("(ab") } catch let error as PCRE2Error {
            #expect(error.description == "pattern '(ab': missing closing parenthesis at offset 3")
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test("matches are UTF-8 byte ranges and Unicode-aware (UCP)")
    func byteRanges() throws {
        let regex = try Regex(#"\w+"#)
        let ranges = regex.matches(in: "Zoë 東京", scratch: MatchScratch())
        #expect(ranges == [0..<4, 5..<11])
    }

    @Test("an empty match advances by a whole character, never inside one")
    func emptyMatches() throws {
        let ranges = try Regex("x*").matches(in: "é🌍", scratch: MatchScratch())
        #expect(ranges == [0..<0, 2..<2, 6..<6])
    }

    @Test("caseless option")
    func caseless() throws {
        #expect(try Regex("nato", options: .caseless).matches(in: "NATO and Nato", scratch: MatchScratch()).count == 2)
    }
}
