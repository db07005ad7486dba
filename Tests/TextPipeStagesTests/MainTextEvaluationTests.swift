import Foundation
import Testing
import TextPipe
@testable import TextPipeStages

/// How much of a page's expected main text `clean` with `boilerplate: remove` finds, and how
/// much else it lets through, over the original pages in `Tests/Fixtures/maintext`.
///
/// The measure is word 4-gram precision, recall and F1, as article-extraction benchmarks
/// report it: both texts are lower-cased and split on whitespace (punctuation stays on its
/// word), and each becomes the multiset of its runs of four consecutive words. Precision is
/// the share of the extracted text's 4-grams that are also in the expected text (counting
/// repeats at most as often as they are expected), recall the share of the expected text's
/// 4-grams that were extracted, and F1 their harmonic mean. A text of fewer than four words
/// has one n-gram: all its words.
///
/// `tuned/` holds the pages the classifier was developed on; `heldout/` pages were written
/// after that work was done and never tuned on, so their score is the honest estimate.
/// Run `swift test --filter MainTextEvaluation` to see every page's score.
@Suite("Main-text extraction: evaluation set")
struct MainTextEvaluationTests {
    struct Score {
        var precision: Double
        var recall: Double
        var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    struct Page {
        let name: String
        let html: String
        let expected: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/maintext")

    static func pages(_ set: String) throws -> [Page] {
        let folder = root.appendingPathComponent(set)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
        return try names.map { name in
            Page(name: name,
                 html: try String(contentsOf: folder.appendingPathComponent(name + ".html"), encoding: .utf8),
                 expected: try String(contentsOf: folder.appendingPathComponent(name + ".txt"), encoding: .utf8))
        }
    }

    static func fourGrams(_ text: String) -> [String: Int] {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace })
        var grams: [String: Int] = [:]
        guard !words.isEmpty else { return grams }
        let n = min(4, words.count)
        for i in 0...(words.count - n) { grams[words[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
        return grams
    }

    static func score(extracted: String, expected: String) -> Score {
        let got = fourGrams(extracted), want = fourGrams(expected)
        let gotCount = got.values.reduce(0, +), wantCount = want.values.reduce(0, +)
        if gotCount == 0 && wantCount == 0 { return Score(precision: 1, recall: 1) }
        let overlap = got.reduce(0) { sum, gram in sum + min(gram.value, want[gram.key] ?? 0) }
        return Score(precision: gotCount > 0 ? Double(overlap) / Double(gotCount) : 0,
                     recall: wantCount > 0 ? Double(overlap) / Double(wantCount) : 0)
    }

    static func mainText(_ html: String) throws -> String {
        try cleanedDocument(Document(id: "page.html", text: html, metadata: ["format": "html"]), ["boilerplate": "remove"]).text
    }

    /// Scores every page of a set, prints a table, and returns the scores.
    static func evaluate(_ set: String) throws -> [(name: String, score: Score)] {
        let results = try pages(set).map { page in (name: page.name, score: score(extracted: try mainText(page.html), expected: page.expected)) }
        var report = "main-text evaluation, \(set) (\(results.count) pages): word 4-gram precision, recall, F1\n"
        for (name, s) in results {
            report += "  " + name.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(format: " P %.3f  R %.3f  F1 %.3f\n", s.precision, s.recall, s.f1)
        }
        let mean = results.map(\.score.f1).reduce(0, +) / Double(max(1, results.count))
        report += String(format: "  mean F1 (%@): %.3f\n", set, mean)
        print(report, terminator: "")
        return results
    }

    @Test("tuned pages: mean word 4-gram F1 stays high and no page fails badly")
    func tunedPages() throws {
        let results = try Self.evaluate("tuned")
        #expect(results.count >= 30)
        let mean = results.map(\.score.f1).reduce(0, +) / Double(results.count)
        // 0.994 when these floors were set; the worst page was 0.94.
        #expect(mean >= 0.97)
        for (name, s) in results { #expect(s.f1 >= 0.8, "\(name): F1 \(s.f1)") }
    }

    @Test("held-out pages, never tuned on: the honest estimate")
    func heldOutPages() throws {
        let results = try Self.evaluate("heldout")
        #expect(results.count >= 8)
        let mean = results.map(\.score.f1).reduce(0, +) / Double(results.count)
        // 0.985 on first run (the classifier before this work scored 0.874); the worst page
        // was 0.91. Floors guard against regressions; the pages must not be tuned on.
        #expect(mean >= 0.95)
        for (name, s) in results { #expect(s.f1 >= 0.75, "\(name): F1 \(s.f1)") }
    }

    @Test("every expected paragraph is visible text of its page, so a miss is the extractor's")
    func expectedTextIsOnThePage() throws {
        for set in ["tuned", "heldout"] {
            for page in try Self.pages(set) {
                let full = try cleanedDocument(Document(id: "page.html", text: page.html, metadata: ["format": "html"]), [:]).text
                let visible = full.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                for paragraph in page.expected.split(separator: "\n") where !paragraph.allSatisfy(\.isWhitespace) {
                    let words = paragraph.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                    #expect(visible.contains(words), "\(set)/\(page.name): not on the page: \(words.prefix(80))")
                }
            }
        }
    }
}
