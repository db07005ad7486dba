import Foundation
import Testing
import TextPipe
@testable import WordStats

@Suite("word-stats stage")
struct WordStatsStageTests {
    /// A document with one `sentences` span per sentence given.
    func document(_ sentences: [String]) -> Document {
        var document = Document(id: "t", text: sentences.joined(separator: " "))
        var spans: [Span] = []
        var offset = 0
        for sentence in sentences {
            spans.append(Span(start: offset, end: offset + sentence.utf8.count))
            offset += sentence.utf8.count + 1
        }
        document.layers["sentences"] = spans
        return document
    }

    func stats(_ sentences: [String], _ parameters: OrderedFields = [:]) throws -> OrderedFields? {
        let stage = try WordStatsStage.descriptor.makeTransform(parameters)
        var doc = document(sentences)
        let result = try stage.run(&doc)
        #expect(result == .keep)
        return doc.metadata[parameters["key"]?.stringValue ?? "word_stats"]?.objectValue
    }

    @Test("counts words, sentences and types, and scores readability by the Flesch formulas")
    func counts() throws {
        // 6 words, 2 sentences, 6 one-syllable words, 5 types (the, cat, sat, dog, ran):
        // reading ease 206.835 - 1.015 * 3 - 84.6 * 1 = 119.19, grade 0.39 * 3 + 11.8 - 15.59 = -2.62.
        let found = try stats(["The cat sat.", "The dog ran."])
        #expect(found == [
            "words": 6, "sentences": 2, "types": 5, "type_token_ratio": 0.833,
            "syllables": 6, "flesch_reading_ease": 119.2, "flesch_kincaid_grade": -2.6,
        ])
    }

    @Test("a word joins across an inner apostrophe or hyphen, and types ignore case in any script")
    func words() throws {
        let found = try stats(["Don’t stop: well-known ÉTÉ été, rock'n'roll -- 42 times."], ["readability": false])
        // Don’t, stop, well-known, ÉTÉ, été, rock'n'roll, 42, times
        #expect(found?["words"] == 8)
        #expect(found?["types"] == 7)
        #expect(found?["syllables"] == nil)
    }

    @Test("without words or sentences the scores are left out, not divided by zero")
    func empty() throws {
        let found = try stats([])
        #expect(found == ["words": 0, "sentences": 0, "types": 0, "syllables": 0])
    }

    @Test("syllables follow English spelling rules", arguments: [
        ("cat", 1), ("make", 1), ("table", 2), ("free", 1), ("makes", 1), ("boxes", 2), ("churches", 2),
        ("walked", 1), ("wanted", 2), ("played", 1), ("readability", 5), ("rhythm", 1), ("42", 1),
    ])
    func syllables(word: String, expected: Int) {
        var text = word
        let counted = text.withUTF8 { EnglishSyllables.count(in: $0) }
        #expect(counted == expected, "\(word)")
    }

    @Test("the declaration requires sentences: a pipeline without a stage that provides them is refused at load")
    func requiresSentences() throws {
        let registry = StageRegistry()
        try registry.register(WordStatsStage.self, origin: "test")
        let errors = #expect(throws: PipelineErrors.self) {
            try PipelineLoader(registry: registry).load(
                yaml: "textpipe: 1\ninput: {path: .}\nstages:\n  - word-stats\n", file: NSTemporaryDirectory() + "/p.yaml")
        }
        #expect(errors?.diagnostics.map(\.message) == [
            "stage 'word-stats' requires the 'sentences' layer, which no stage before it provides",
        ])
    }

    @Test("an empty metadata key is refused, naming the parameter")
    func emptyKey() {
        #expect(throws: ParameterError.self) { try WordStatsStage.descriptor.makeTransform(["key": ""]) }
    }
}
