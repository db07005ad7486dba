import Testing
@testable import PCRE2

@Suite("PCRE2 wrapper")
struct RegexTests {
    @Test("a compile error names the pattern, PCRE2's message and the offset", arguments: [
        ("(ab", "pattern '(ab': missing closing parenthesis at offset 3"),
        ("a{2,1}", "pattern 'a{2,1}': numbers out of order in {} quantifier at offset 5"),
        ("[z-a]", "pattern '[z-a]': range out of order in character class at offset 3"),
        ("(?<n>a)(?<n>b)", "pattern '(?<n>a)(?<n>b)': two named subpatterns have the same name (PCRE2_DUPNAMES not set) at offset 12"),
    ])
    func compileErrors(_ pattern: String, _ message: String) {
        do {
            _ = try Regex(pattern)
            Issue.record("compiled \(pattern)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("matches are UTF-8 byte ranges and Unicode-aware (UCP)")
    func byteRanges() throws {
        let regex = try Regex(#"\w+"#)
        #expect(regex.isJIT)
        #expect(regex.matches(in: "Zoë 東京", scratch: MatchScratch()) == [0..<4, 5..<11])
    }

    @Test("an empty match is followed by a non-empty one at the same place, then steps a whole character")
    func emptyMatches() throws {
        #expect(try Regex("x*").matches(in: "é🌍", scratch: MatchScratch()) == [0..<0, 2..<2, 6..<6])
        // At 0 'b*' matches empty; the next attempt at 0 must not be empty: "a|b" style alternation.
        #expect(try Regex("b*|a").matches(in: "ab", scratch: MatchScratch()) == [0..<0, 0..<1, 1..<2, 2..<2])
    }

    @Test("capture groups by number and by name; groups that did not take part are nil")
    func groups() throws {
        let regex = try Regex(#"(?<amount>\d+(?:\.\d+)?)\s*(?<unit>km|mi)?(x)?"#)
        #expect(regex.captureCount == 3)
        #expect(regex.groupNames == ["amount": 1, "unit": 2])
        let matches = try regex.allMatches(in: "ran 12.5 km, then 3", scratch: MatchScratch())
        #expect(matches.count == 2)
        #expect(matches[0].group(named: "amount") == 4..<8)
        #expect(matches[0].group(named: "unit") == 9..<11)
        #expect(matches[0].group(3) == nil)
        #expect(matches[1].group(named: "unit") == nil)
        #expect(matches[0].namedGroups.map(\.name) == ["amount", "unit"])
    }

    @Test("options: caseless, multiline, dot-all, extended, anchored")
    func options() throws {
        let s = MatchScratch()
        #expect(try Regex("nato", options: .caseless).matches(in: "NATO and Nato", scratch: s).count == 2)
        #expect(try Regex("^b", options: .multiline).matches(in: "a\nb", scratch: s) == [2..<3])
        #expect(try Regex("a.b", options: .dotAll).matches(in: "a\nb", scratch: s) == [0..<3])
        #expect(try Regex("a b # comment", options: .extended).matches(in: "ab", scratch: s) == [0..<2])
        #expect(try Regex("b", options: .anchored).matches(in: "ab", scratch: s).isEmpty)
    }

    @Test("substitution with numbered and named groups")
    func substitution() throws {
        let regex = try Regex(#"(?<user>[\w.]+)@(\w+)\.com"#)
        let out = try regex.replacingMatches(in: "mail ann@example.com or bo@x.com", with: "${user} at $2", scratch: MatchScratch())
        #expect(out == "mail ann at example or bo at x")
        #expect(throws: PCRE2Error.self) { try regex.replacingMatches(in: "a@b.com", with: "${nope}", scratch: MatchScratch()) }
    }

    @Test("a catastrophic pattern on a hostile text fails with the limit, quickly, instead of hanging")
    func limits() throws {
        let regex = try Regex(#"(a+)+$"#)
        let hostile = String(repeating: "a", count: 40) + "!"
        let clock = ContinuousClock()
        let started = clock.now
        #expect(throws: MatchFailure.self) { try regex.allMatches(in: hostile, scratch: MatchScratch(limits: MatchLimits(match: 100_000))) }
        do {
            _ = try regex.allMatches(in: hostile, scratch: MatchScratch(limits: MatchLimits(match: 100_000)))
        } catch {
            #expect(error.kind == .matchLimit)
            #expect(error.description.contains("hit the match limit"))
        }
        // Not a timing test: a generous bound that only catches a hang.
        #expect(clock.now - started < .seconds(30))
    }

    @Test("one compiled pattern is shared by many threads, each with its own scratch")
    func sharedAcrossThreads() async throws {
        let regex = try Regex(#"\b\w+@\w+\.\w+\b"#)
        let text = String(repeating: "write to a@b.org or c@d.net now. ", count: 200)
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { regex.matches(in: text, scratch: MatchScratch()).count } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 400, count: 8))
    }
}
