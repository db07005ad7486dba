import Foundation
import Testing
import TextPipe
@testable import TextPipeStages

/// ROUGE F1 with stemming, as the usual scorers compute it: lower-cased runs of letters
/// and digits, words longer than three letters stemmed, summaries compared as one text.
/// It stems with our Porter2 where `rouge-score` uses the original Porter, so its figures
/// differ a little from those of Benchmarks/summary_quality.py; the comparisons hold in both.
enum Rouge {
    static func tokens(_ text: String) -> [String] {
        let stemmer = EnglishStemmer()
        return text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            .map { $0.count > 3 ? stemmer.stem($0) : String($0) }
    }

    static func f1(overlap: Int, candidate: Int, reference: Int) -> Double {
        guard overlap > 0 else { return 0 }
        let p = Double(overlap) / Double(candidate), r = Double(overlap) / Double(reference)
        return 2 * p * r / (p + r)
    }

    /// ROUGE-N F1.
    static func n(_ n: Int, _ candidate: [String], _ reference: [String]) -> Double {
        func grams(_ t: [String]) -> [String: Int] {
            guard t.count >= n else { return [:] }
            return (0...(t.count - n)).reduce(into: [:]) { $0[t[$1..<$1 + n].joined(separator: " "), default: 0] += 1 }
        }
        let c = grams(candidate), r = grams(reference)
        let overlap = c.reduce(0) { $0 + min($1.value, r[$1.key] ?? 0) }
        return f1(overlap: overlap, candidate: c.values.reduce(0, +), reference: r.values.reduce(0, +))
    }

    /// ROUGE-L F1: the longest common subsequence of the two token lists.
    static func l(_ candidate: [String], _ reference: [String]) -> Double {
        guard !candidate.isEmpty, !reference.isEmpty else { return 0 }
        var row = [Int](repeating: 0, count: reference.count + 1)
        for c in candidate {
            var diagonal = 0
            for j in 1...reference.count {
                let above = row[j]
                row[j] = c == reference[j - 1] ? diagonal + 1 : max(row[j], row[j - 1])
                diagonal = above
            }
        }
        return f1(overlap: row[reference.count], candidate: candidate.count, reference: reference.count)
    }
}

/// The summarizer against the hand-made reference summaries in Tests/Fixtures/summaries
/// (tuned on) and Tests/Fixtures/summaries-heldout (never tuned on).
@Suite("summary evaluation")
struct SummaryEvaluationTests {
    struct Reference: Decodable {
        let title: String
        let sentences_3: [String]
        let sentences_40pct: [String]

        /// The reference for a budget: `sentences_3` for "sentences: 3", else `sentences_40pct`.
        func sentences(for budget: String) -> [String] { budget == "sentences: 3" ? sentences_3 : sentences_40pct }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Mean ROUGE-1, ROUGE-2 and ROUGE-L F1 (in %) of `method` over a fixture folder.
    static func scores(method: String, budget: String, folder: String) throws -> [Double] {
        let directory = fixtures.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 10)
        var totals = [0.0, 0.0, 0.0]
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let base = String(name.dropLast(4))
            let reference = try JSONDecoder().decode(
                Reference.self, from: Data(contentsOf: directory.appendingPathComponent(base + ".summary.json")))
            let doc = try SummarizeTests.summarize("{ method: \(method), \(budget) }", text)
            #expect(doc.metadata["title"]?.stringValue == reference.title, "the headline is the title")
            let candidate = Rouge.tokens(SummarizeTests.summary(doc).joined(separator: " "))
            let wanted = Rouge.tokens(reference.sentences(for: budget).joined(separator: " "))
            totals[0] += Rouge.n(1, candidate, wanted)
            totals[1] += Rouge.n(2, candidate, wanted)
            totals[2] += Rouge.l(candidate, wanted)
        }
        return totals.map { 100 * $0 / Double(names.count) }
    }

    @Test("ROUGE on the tuning set: the default method beats lead, textrank, lexrank and centroid",
          arguments: ["sentences: 3", "ratio: 0.4"])
    func defaultBeatsClassicMethods(budget: String) throws {
        try expectDefaultBeats(["lead", "textrank", "lexrank", "centroid"], folder: "summaries", budget: budget)
    }

    /// The held-out split was written apart and never tuned on. There the default also beats
    /// lead and the graph methods; centroid comes within a point of it at 40% (see
    /// Docs/Summarizing.md), so it is not claimed here.
    @Test("ROUGE on the held-out set: the default method beats lead, textrank and lexrank",
          arguments: ["sentences: 3", "ratio: 0.4"])
    func defaultBeatsClassicMethodsHeldOut(budget: String) throws {
        try expectDefaultBeats(["lead", "textrank", "lexrank"], folder: "summaries-heldout", budget: budget)
    }

    func expectDefaultBeats(_ methods: [String], folder: String, budget: String) throws {
        let combined = try Self.scores(method: "combined", budget: budget, folder: folder)
        for method in methods {
            let other = try Self.scores(method: method, budget: budget, folder: folder)
            #expect(combined[0] > other[0], "ROUGE-1 \(budget): combined \(combined) vs \(method) \(other)")
            #expect(combined.reduce(0, +) > other.reduce(0, +), "mean ROUGE \(budget): combined \(combined) vs \(method) \(other)")
        }
    }

    @Test("ROUGE on the tuning set stays at the level reached when tuning")
    func tunedLevel() throws {
        let three = try Self.scores(method: "combined", budget: "sentences: 3", folder: "summaries")
        let share = try Self.scores(method: "combined", budget: "ratio: 0.4", folder: "summaries")
        #expect(three[0] >= 70, "ROUGE-1 at 3 sentences: \(three)")
        #expect(share[0] >= 77, "ROUGE-1 at 40%: \(share)")
    }

    @Test("our ROUGE agrees with hand-counted cases")
    func rougeByHand() {
        let ref = Rouge.tokens("The council closed the bridge.")
        let cand = Rouge.tokens("The bridge was closed by the council.")
        #expect(ref == ["the", "council", "close", "the", "bridg"])
        // Unigrams: all 5 of the reference's are among the candidate's 7.
        #expect(abs(Rouge.n(1, cand, ref) - 2 * (5.0 / 7) * 1 / (5.0 / 7 + 1)) < 1e-9)
        // Bigrams: "the bridg" and "the council" are shared; 6 in the candidate, 4 in the reference.
        #expect(abs(Rouge.n(2, cand, ref) - 2 * (2.0 / 6) * (2.0 / 4) / (2.0 / 6 + 2.0 / 4)) < 1e-9)
        // Longest common subsequence: a, c, d.
        #expect(Rouge.l(["a", "b", "c", "d"], ["a", "c", "d", "e"]) == 0.75)
        #expect(Rouge.tokens("Councils’ closing") == ["council", "close"])
        #expect(Rouge.n(1, [], ref) == 0)
    }
}
