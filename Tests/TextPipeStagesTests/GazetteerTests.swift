import Testing
import TestSupport
@testable import TextPipeStages

@Suite("Gazetteer")
struct GazetteerTests {
    func found(_ g: Gazetteer, _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return g.hits(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test("overlapping terms are all found, in order of where they end")
    func overlaps() {
        let g = Gazetteer(entries: ["New York", "York", "New York City", "City"].map { .init(term: $0) })
        #expect(found(g, "in New York City today") == ["New York", "York", "New York City", "City"])
    }

    @Test("whole words only by default, Unicode-aware; off on request")
    func wholeWords() {
        let g = Gazetteer(entries: [.init(term: "cat"), .init(term: "Zürich")])
        #expect(found(g, "cat, category, bobcat, cat's, (cat)") == ["cat", "cat", "cat"])
        #expect(found(g, "Zürich and Zürichsee and éZürich") == ["Zürich"])
        let loose = Gazetteer(entries: [.init(term: "cat")], options: .init(wholeWord: false))
        #expect(found(loose, "category bobcat") == ["cat", "cat"])
    }

    @Test("case-insensitive matching folds ASCII and other scripts, and reports original offsets")
    func caseInsensitive() {
        let g = Gazetteer(entries: [.init(term: "nato"), .init(term: "école"), .init(term: "ΑΘΗΝΑ")],
                          options: .init(caseInsensitive: true))
        #expect(found(g, "NATO and Nato met at the ÉCOLE in Αθηνα") == ["NATO", "Nato", "ÉCOLE", "Αθηνα"])
        let exact = Gazetteer(entries: [.init(term: "nato")])
        #expect(found(exact, "NATO nato") == ["nato"])
    }

    @Test("case folding handles final sigma and dotted capital I, and never ends a span inside a character")
    func folding() {
        let g = Gazetteer(entries: [.init(term: "ΟΔΟΣ"), .init(term: "İstanbul"), .init(term: "abci")],
                          options: .init(caseInsensitive: true, wholeWord: false))
        // İ folds to i, so "ABCİ" is "abci"; "ABCİ" (I + combining dot) would end inside a character.
        #expect(found(g, "οδος istanbul ISTANBUL ABCİ x") == ["οδος", "istanbul", "ISTANBUL", "ABCİ"])
        let dotted = Gazetteer(entries: [.init(term: "abci")], options: .init(caseInsensitive: true, wholeWord: false))
        #expect(found(dotted, "ABCİ") == ["ABCİ"])
    }

    @Test("terms are matched as clean text: NFC, one space, across a line break")
    func termNormalization() {
        let g = Gazetteer(entries: [.init(term: "e\u{0301}cole"), .init(term: "New  York")])
        #expect(found(g, "\u{00E9}cole and New York and New\nYork") == ["\u{00E9}cole", "New York", "New\nYork"])
    }

    @Test("labels and ids travel with their entries; empty and duplicate terms are harmless")
    func entries() {
        let g = Gazetteer(entries: [.init(term: "Lyon", label: "CITY", id: "Q456"), .init(term: ""), .init(term: "Lyon", label: "OTHER")])
        let hits = g.hits(in: "Lyon")
        #expect(hits.count == 1)
        #expect(g.entries[hits[0].entry].id == "Q456")
    }

    @Test("matches agree with a naive search on random terms and texts")
    func agreesWithNaiveSearch() {
        var rng = SeededRandom(seed: 99)
        let alphabet = ["a", "b", "ab", "ba", " ", "é", "É", "ß", "x"]
        for _ in 0..<200 {
            // Terms as the gazetteer stores them: one space between words, none at the ends.
            let terms = Set((0..<Int.random(in: 1..<12, using: &rng)).map { _ in
                (0..<Int.random(in: 1..<4, using: &rng)).map { _ in rng.pick(alphabet) }.joined()
                    .split(separator: " ").joined(separator: " ")
            }).filter { !$0.isEmpty }
            let text = (0..<Int.random(in: 0..<40, using: &rng)).map { _ in rng.pick(alphabet) }.joined()
            let g = Gazetteer(entries: terms.map { .init(term: $0) }, options: .init(caseInsensitive: false, wholeWord: false))
            let bytes = Array(text.utf8)
            var expected: [Range<Int>] = []
            for end in 0...bytes.count {
                for term in terms {
                    let t = Array(term.utf8)
                    if end >= t.count && Array(bytes[(end - t.count)..<end]) == t { expected.append((end - t.count)..<end) }
                }
            }
            let got = g.hits(in: text).map(\.range)
            #expect(Set(got) == Set(expected), "terms \(terms) in '\(text)'")
            #expect(got.count == expected.count)
        }
    }
}

import Foundation
