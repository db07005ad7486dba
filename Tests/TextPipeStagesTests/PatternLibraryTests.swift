import Testing
import TestSupport
@testable import TextPipeStages

/// The compiled library, built once for all tests.
private let compiled: [String: CompiledLibraryPattern] = {
    var out: [String: CompiledLibraryPattern] = [:]
    for entry in PatternLibrary.all { out[entry.name] = try? entry.compile() }
    return out
}()

@Suite("Pattern library")
struct PatternLibraryTests {
    // MARK: The library itself

    @Test("every pattern compiles, has a lower-case unique name, a description and a label")
    func metadata() throws {
        var seen: Set<String> = []
        for entry in PatternLibrary.all {
            #expect(throws: Never.self, "\(entry.name) does not compile") { _ = try entry.compile() }
            #expect(!entry.summary.isEmpty && !entry.summary.contains("\n"), "\(entry.name): one-line summary")
            #expect(!entry.label.isEmpty && entry.label == entry.label.uppercased(), "\(entry.name): label \(entry.label)")
            #expect(entry.name == entry.name.lowercased() && !entry.name.contains(" "), "\(entry.name): name")
            #expect(seen.insert(entry.name).inserted, "\(entry.name) is listed twice")
        }
        #expect(PatternLibrary.all.count == compiled.count)
    }

    @Test("every pattern is JIT-compiled")
    func jit() {
        for entry in PatternLibrary.all {
            #expect(compiled[entry.name]?.regex.isJIT == true, "\(entry.name)")
        }
    }

    @Test("lookup by name ignores case and accepts hyphens")
    func lookup() {
        #expect(PatternLibrary.pattern(named: "email")?.label == "EMAIL")
        #expect(PatternLibrary.pattern(named: "Credit-Card")?.name == "credit_card")
        #expect(PatternLibrary.pattern(named: "emails") == nil)
    }

    @Test("every pattern has a table with at least 15 true and 10 false examples")
    func tablesCoverTheLibrary() {
        #expect(Set(PatternCases.all.map(\.name)) == Set(PatternLibrary.names))
        for table in PatternCases.all {
            #expect(table.positives.count >= 15, "\(table.name): \(table.positives.count) true examples")
            #expect(table.negatives.count >= 10, "\(table.name): \(table.negatives.count) false examples")
        }
    }

    // MARK: The tables

    @Test("true examples: the exact expected text, and nothing else", arguments: PatternCases.all)
    func positives(_ table: PatternTable) throws {
        let pattern = try #require(compiled[table.name])
        for (sentence, expected) in table.positives {
            #expect(sentence.contains(expected), "bad table row: \(sentence)")
            let found = pattern.matchedStrings(in: sentence)
            #expect(found == [expected], "\(table.name) in «\(sentence)»")
        }
    }

    @Test("false examples: nothing, or only the stated part", arguments: PatternCases.all)
    func negatives(_ table: PatternTable) throws {
        let pattern = try #require(compiled[table.name])
        for (sentence, allowed) in table.negatives {
            let found = pattern.matchedStrings(in: sentence)
            #expect(found == allowed, "\(table.name) in «\(sentence)»")
        }
    }

    // MARK: Check digits and calendars

    @Test("validators: Luhn, ISBN check digits, ordinal suffixes, calendar days")
    func validators() {
        #expect(PatternChecks.luhn([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]))
        #expect(!PatternChecks.luhn([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]))
        #expect(PatternChecks.isbn("0-7981-9331-X"))
        #expect(!PatternChecks.isbn("0-7981-9331-0"))
        #expect(!PatternChecks.isbn("X798193310"))
        #expect(PatternChecks.isbn("979-1-58813-998-5"))
        #expect(!PatternChecks.isbn("977-1-58813-998-5"))
        for (text, ok) in [("1st", true), ("11st", false), ("11th", true), ("111th", true), ("21st", true),
                           ("102nd", true), ("113th", true), ("13rd", false), ("first", true)] {
            #expect(PatternChecks.ordinal(Substring(text)) == ok, "\(text)")
        }
        for (text, ok) in [("2026-02-29", true), ("2026-02-30", false), ("2026-04-31", false), ("31/04/2026", false),
                           ("12/31/2026", true), ("31/12/2026", true), ("13/13/2026", false), ("April 31", false),
                           ("31st of December 2026", true), ("March '26", true), ("March 3-32, 2026", false), ("1990s", true)] {
            #expect(PatternChecks.date(Substring(text)) == ok, "\(text)")
        }
        #expect(PatternChecks.datetime("2026-04-31T10:00Z") == false)
        #expect(PatternChecks.datetime("20260229T1000Z"))
        #expect(PatternChecks.ipv6("1:2:3:4:5:6:7:8"))
        #expect(!PatternChecks.ipv6("1:2:3:4:5:6:7"))
        #expect(!PatternChecks.ipv6("1::2::3"))
        #expect(PatternChecks.ipv6("::ffff:192.0.2.1"))
    }

    // MARK: All patterns together on news text

    /// Runs every pattern and keeps, where spans overlap, the longest; between equal
    /// lengths the earlier pattern in the library (the regex-tag stage's "longest first").
    static func tagAll(_ text: String) -> [(range: Range<Int>, label: String, text: String)] {
        var candidates: [(range: Range<Int>, label: String, priority: Int)] = []
        for (priority, entry) in PatternLibrary.all.enumerated() {
            for r in compiled[entry.name]!.matches(in: text) { candidates.append((r, entry.label, priority)) }
        }
        candidates.sort {
            ($0.range.count, -$0.priority, -$0.range.lowerBound) > ($1.range.count, -$1.priority, -$1.range.lowerBound)
        }
        var kept: [(range: Range<Int>, label: String, priority: Int)] = []
        for c in candidates where !kept.contains(where: { $0.range.overlaps(c.range) }) { kept.append(c) }
        let bytes = Array(text.utf8)
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
            .map { ($0.range, $0.label, String(decoding: bytes[$0.range], as: UTF8.self)) }
    }

    static let newsText = """
        GENEVA, Tuesday, March 3, 2026 (updated 2026-03-03T14:30:00Z) — Talks resumed at 9:30 a.m. CET \
        as delegates weighed a $4.2 billion aid package, up 12.5% on the offer made in 2025. Finance \
        ministers said €1,250 million had been pledged by 14 countries, and the 3rd round is planned \
        for 3 April 2026. The organisers, reachable at press+geneva@talks.example.org or on \
        +41 22 555 01 23, posted the draft at https://talks.example.org/docs/draft_(v2).pdf. \
        Protesters using #ClimateFinance and tagging @UNFCCC gathered at noon; police counted 2,300 \
        people. A leaked file (id 3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b) listed servers at 192.0.2.15 \
        and 2001:db8::42, and a test card, 4642 5247 7647 2586, used to pay 300 Swiss francs. The \
        study, ISBN 979-1-58813-998-5, found that donors in the 1990s gave 0.8 percent of GDP, the \
        first such figure since 1992. Tickets for the closing session on Mar. 6 went on sale at \
        5 p.m. for £12.99 each, according to www.example.com/tickets.
        """

    static let newsEntities: [(String, String)] = [
        ("DATE", "Tuesday, March 3, 2026"),
        ("DATETIME", "2026-03-03T14:30:00Z"),
        ("TIME", "9:30 a.m. CET"),
        ("MONEY", "$4.2 billion"),
        ("PERCENT", "12.5%"),
        ("DATE", "2025"),
        ("MONEY", "€1,250 million"),
        ("NUMBER", "14"),
        ("ORDINAL", "3rd"),
        ("DATE", "3 April 2026"),
        ("EMAIL", "press+geneva@talks.example.org"),
        ("PHONE", "+41 22 555 01 23"),
        ("URL", "https://talks.example.org/docs/draft_(v2).pdf"),
        ("HASHTAG", "#ClimateFinance"),
        ("MENTION", "@UNFCCC"),
        ("TIME", "noon"),
        ("NUMBER", "2,300"),
        ("UUID", "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b"),
        ("IP", "192.0.2.15"),
        ("IP", "2001:db8::42"),
        ("CARD", "4642 5247 7647 2586"),
        ("MONEY", "300 Swiss francs"),
        ("ISBN", "979-1-58813-998-5"),
        ("DATE", "1990s"),
        ("PERCENT", "0.8 percent"),
        ("ORDINAL", "first"),
        ("DATE", "1992"),
        ("DATE", "Mar. 6"),
        ("TIME", "5 p.m."),
        ("MONEY", "£12.99"),
        ("URL", "www.example.com/tickets"),
    ]

    @Test("all patterns together find exactly the annotated entities of a news paragraph")
    func newsParagraph() {
        let found = Self.tagAll(Self.newsText).map { ($0.label, $0.text) }
        let gold = Self.newsEntities
        func key(_ e: (String, String)) -> String { "\(e.0)\t\(e.1)" }
        let foundKeys = found.map(key), goldKeys = gold.map(key)
        let truePositives = foundKeys.filter(goldKeys.contains)

        var rows: [String] = ["label      gold found  tp  precision recall"]
        for label in Set(gold.map(\.0)).union(found.map(\.0)).sorted() {
            let g = gold.filter { $0.0 == label }.count
            let f = found.filter { $0.0 == label }.count
            let tp = truePositives.filter { $0.hasPrefix(label + "\t") }.count
            let p = f == 0 ? 1.0 : Double(tp) / Double(f), r = g == 0 ? 1.0 : Double(tp) / Double(g)
            rows.append(label.padding(10) + " \(g)".padding(5, left: true) + " \(f)".padding(6, left: true)
                + " \(tp)".padding(4, left: true) + " \(format(p))".padding(10, left: true) + " \(format(r))".padding(7, left: true))
        }
        let p = Double(truePositives.count) / Double(max(found.count, 1))
        let r = Double(truePositives.count) / Double(gold.count)
        rows.append("all".padding(10) + " \(gold.count)".padding(5, left: true) + " \(found.count)".padding(6, left: true)
            + " \(truePositives.count)".padding(4, left: true) + " \(format(p))".padding(10, left: true) + " \(format(r))".padding(7, left: true))
        print(rows.joined(separator: "\n"))

        for k in foundKeys where !goldKeys.contains(k) { Issue.record("unexpected \(k)") }
        for k in goldKeys where !foundKeys.contains(k) { Issue.record("missed \(k)") }
        #expect(foundKeys == goldKeys)
    }

    // MARK: Robustness

    /// Random text from pieces that look like the entities and their neighbours: digits and
    /// separators, currency and sign characters, letters of several scripts, combining marks,
    /// emoji sequences, and fragments of real examples.
    static func randomText(_ rng: inout SeededRandom) -> String {
        let pieces = [
            "0", "1", "7", "9", "12", "2026", "555", "4111", "978", "255", "0958", ".", ",", ":", "-", "–", "/",
            "+", "(", ")", "[", "]", " ", " ", " ", "\u{A0}", "\u{202F}", "\n", "@", "#", "%", "‰", "$", "€", "£",
            "¥", "¢", "'", "’", "\"", "a", "e", "x", "T", "Z", "st", "th", "a.m.", "pm", "UTC", "GMT", "EST",
            "March", "Mar.", "May", "Tuesday", "of", "in", "since", "million", "bn", "m", "euros", "percent",
            "per cent", "ISBN", "http://", "https://", "www.", "example", ".com", ".org", "::", "ffff", "db8",
            "é", "e\u{301}", "ß", "東京", "Україна", "नमस्ते", "مرحبا", "👩‍💻", "🇫🇷", "❤️", "👍🏽", "\u{200D}",
            "\u{FE0F}", "\u{301}", "\u{308}", "ก", "\r\n", "_", "&", "!", "?", ";",
        ]
        let examples = PatternCases.all.flatMap { $0.positives.map(\.1) + $0.negatives.map(\.0) }
        var text = ""
        let count = Int(rng.next() % 120)
        for _ in 0..<count {
            text += rng.chance(8) ? rng.pick(examples) : rng.pick(pieces)
        }
        return text
    }

    @Test("a joining mark right after an entity never leaves a match ending inside a character")
    func joinersAfterEntities() throws {
        for table in PatternCases.all {
            let pattern = try #require(compiled[table.name])
            for (sentence, expected) in table.positives {
                guard let r = sentence.range(of: expected) else { continue }
                for joiner in ["\u{301}", "\u{FE0F}", "\u{200D}", "\u{1F3FD}"] {
                    let text = String(sentence[..<r.upperBound]) + joiner + String(sentence[r.upperBound...])
                    for m in pattern.matches(in: text) {
                        let hi = text.utf8.index(text.utf8.startIndex, offsetBy: m.upperBound)
                        #expect(String.Index(hi, within: text) != nil, "\(table.name): \(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test("fuzz: random text never crashes a pattern; matches are ordered, inside the text, on character boundaries")
    func fuzz() {
        var rng = SeededRandom(seed: 0x7E47_1B5A)
        var texts = (0..<1500).map { _ in Self.randomText(&rng) }
        // Long runs that make careless patterns backtrack.
        texts += [
            String(repeating: "1", count: 5000), String(repeating: "1.", count: 2000),
            String(repeating: "1 ", count: 2000), String(repeating: "+1 ", count: 1500),
            String(repeating: "a.", count: 2000), String(repeating: "a-", count: 2000) + "@",
            String(repeating: "ab", count: 3000) + "@" + String(repeating: "c.", count: 500),
            "https://" + String(repeating: "(", count: 2000), "https://x.com/" + String(repeating: "(a", count: 2000),
            String(repeating: "ffff:", count: 1000), String(repeating: "#", count: 3000),
            String(repeating: "@a", count: 2000), String(repeating: "March 3, ", count: 500),
            String(repeating: "e\u{301}", count: 1000) + "1",
        ]
        var matchCount = 0
        for text in texts {
            let utf8 = Array(text.utf8)
            for entry in PatternLibrary.all {
                let ranges = compiled[entry.name]!.matches(in: text)
                matchCount += ranges.count
                var last = 0
                for r in ranges {
                    guard r.lowerBound >= last, r.upperBound <= utf8.count, !r.isEmpty else {
                        Issue.record("\(entry.name): bad range \(r) in \(text.debugDescription)")
                        break
                    }
                    last = r.upperBound
                    let lo = text.utf8.index(text.utf8.startIndex, offsetBy: r.lowerBound)
                    let hi = text.utf8.index(text.utf8.startIndex, offsetBy: r.upperBound)
                    if String.Index(lo, within: text) == nil || String.Index(hi, within: text) == nil {
                        Issue.record("\(entry.name): \(r) splits a character in \(text.debugDescription)")
                    }
                }
            }
        }
        #expect(matchCount > 1000)  // the generator does produce entities
    }
}

private func format(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

private extension String {
    func padding(_ width: Int, left: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - count))
        return left ? pad + self : self + pad
    }
}
