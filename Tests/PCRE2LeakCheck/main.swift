import PCRE2

// Many compile, match, substitute and failure cycles, for a run under valgrind (see
// PCRE2Tests/LeakTests.swift): every PCRE2 object the wrapper creates must be freed.
let patterns = [#"(?<word>\w+)@(?<host>[\w.]+)"#, #"\d{4}-\d{2}-\d{2}"#, "(a+)+$", "x*", "(unclosed", "[z-a]"]
let text = "write to ann@example.com on 2026-03-03, or to bo@x.org " + String(repeating: "a", count: 30) + "!"
var matched = 0
for round in 0..<300 {
    for pattern in patterns {
        guard let regex = try? Regex(pattern, options: round % 2 == 0 ? [] : [.caseless]) else { continue }
        let scratch = MatchScratch(limits: MatchLimits(match: 20_000))
        matched += (try? regex.allMatches(in: text, scratch: scratch).count) ?? 0
        _ = try? regex.replacingMatches(in: text, with: "[$0]", scratch: scratch)
    }
}
print("matched \(matched)")
