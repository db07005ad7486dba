import Foundation
import Testing
import TestSupport
import TextPipe
@testable import TextPipeStages

@Suite("summarize")
struct SummarizeTests {
    /// Runs `segment` then `summarize` configured by `yaml` (a flow mapping) on `text`.
    static func summarize(_ yaml: String, _ text: String, title: String? = nil) throws -> Document {
        let registry = StageRegistry()
        BuiltinStages.register(into: registry)
        let pipeline = "textpipe: 1\ninput: {path: .}\nstages:\n  - segment: {}\n  - summarize: \(yaml)\n"
        let loaded = try PipelineLoader(registry: registry).load(yaml: pipeline, file: "/tmp/p.yaml")
        var doc = Document(id: "t", text: text)
        if let title { doc.metadata["title"] = .string(title) }
        let context = StageContext(worker: 0, scratch: WorkerScratch())
        for stage in loaded.stages {
            if case .transform(let t) = stage { _ = try t.process(&doc, context: context) }
        }
        return doc
    }

    static func summary(_ doc: Document, layer: String = "summary") -> [String] {
        (doc.layers[layer] ?? []).map { String(doc.text(of: $0)) }
    }

    /// An original story: the event is in the second paragraph, after a scene-setting
    /// opening, and the closing sentences are colour.
    static let ferryStory = """
        The gulls were louder than usual on the quay at Tarnby on Friday morning. A few \
        commuters stood by the ticket office, reading the notice taped to its window.

        The ferry operator Northsound has suspended its Tarnby to Hollin crossing for at least \
        six weeks after an inspection found corrosion in the hull of its only vessel. \
        About 1,400 passengers use the crossing each day, most of them commuters travelling \
        to jobs in Hollin. Northsound said the vessel, the Maren, would be repaired in a dry \
        dock at Lessing and that a replacement bus service would run during the repairs. \
        The bus journey takes 70 minutes, compared with 25 minutes by ferry.

        Commuters said the suspension would cost them more than two hours a day. "I will have \
        to leave home before six," said one nurse who works at the hospital in Hollin. \
        The regional transport authority said it would ask Northsound to lease a second \
        vessel so that the crossing is never left without a ferry again.

        The quay café said it would stay open.
        """

    @Test("every method returns the budget's number of sentences, in document order",
          arguments: ["combined", "lead", "textrank", "lexrank", "centroid"])
    func methodsKeepBudgetAndOrder(method: String) throws {
        let doc = try Self.summarize("{ method: \(method), sentences: 3 }", Self.ferryStory)
        let spans = doc.layers["summary"] ?? []
        #expect(spans.count == 3)
        #expect(spans.map(\.start) == spans.map(\.start).sorted())
        let sentences = (doc.layers["sentences"] ?? []).map(\.range)
        for span in spans {
            #expect(sentences.contains(span.range), "a summary span is a whole sentence")
            let score = span.attributes["score"]?.doubleValue ?? -1
            #expect(score >= 0 && score <= 1)
        }
        #expect(Set(spans.compactMap { $0.attributes["rank"]?.intValue }) == [1, 2, 3])
        #expect(doc.metadata["summary"]?.stringValue == Self.summary(doc).joined(separator: " "))
    }

    @Test("lead takes the first sentences; the default finds the event after an anecdotal opening")
    func leadAndCombined() throws {
        let lead = try Self.summarize("{ method: lead, sentences: 2 }", Self.ferryStory)
        #expect(Self.summary(lead).first?.hasPrefix("The gulls were louder") == true)
        let combined = try Self.summarize("{ sentences: 2 }", Self.ferryStory)
        #expect(Self.summary(combined).contains { $0.hasPrefix("The ferry operator Northsound has suspended") })
        #expect(!Self.summary(combined).contains { $0.hasPrefix("The gulls") || $0.hasPrefix("The quay café") })
    }

    @Test("documents with no sentences, one sentence, or fewer than the budget")
    func shortDocuments() throws {
        let empty = try Self.summarize("{ sentences: 3, keywords: 5 }", "")
        #expect(empty.layers["summary"] == [])
        #expect(empty.layers["keywords"] == [])
        #expect(empty.metadata["summary"]?.stringValue == "")
        let blank = try Self.summarize("{ ratio: 0.5 }", "  \n\n  ")
        #expect(blank.layers["summary"] == [])
        for method in ["combined", "lead", "textrank", "lexrank", "centroid"] {
            let one = try Self.summarize("{ method: \(method), sentences: 3 }", "The bridge reopens on Monday.")
            #expect(Self.summary(one) == ["The bridge reopens on Monday."])
            let two = try Self.summarize("{ method: \(method), sentences: 5 }", "The bridge reopens on Monday. Tolls stay the same.")
            #expect(Self.summary(two) == ["The bridge reopens on Monday.", "Tolls stay the same."])
            let ratio = try Self.summarize("{ method: \(method), ratio: 0.1 }", "The bridge reopens on Monday. Tolls stay the same.")
            #expect(Self.summary(ratio).count == 1, "a ratio gives at least one sentence")
        }
    }

    @Test("a title from metadata is used but never picked, even when the text repeats it")
    func metadataTitle() throws {
        let text = "Ferry crossing suspended for six weeks\n\n" + Self.ferryStory
        let doc = try Self.summarize("{ sentences: 20 }", text, title: "Ferry crossing suspended for six weeks")
        #expect(Self.summary(doc).count == 10, "every sentence but the repeated title")
        #expect(!Self.summary(doc).contains("Ferry crossing suspended for six weeks"))
        // A blank title is no title: the headline is found instead.
        let blank = try Self.summarize("{ sentences: 20 }", text, title: "  ")
        #expect(blank.metadata["title"]?.stringValue == "Ferry crossing suspended for six weeks")
        #expect(Self.summary(blank).count == 10)
    }

    @Test("a headline line is found as the title; first-line and none say otherwise")
    func headlineTitle() throws {
        let text = "Ferry crossing suspended\n\n" + Self.ferryStory
        let auto = try Self.summarize("{ sentences: 20 }", text)
        #expect(auto.metadata["title"]?.stringValue == "Ferry crossing suspended")
        #expect(!Self.summary(auto).contains("Ferry crossing suspended"))
        let none = try Self.summarize("{ sentences: 20, title: none }", text)
        #expect(Self.summary(none).contains("Ferry crossing suspended"))
        #expect(none.metadata["title"] == nil)
        // A first line that ends a sentence is not a headline; with first-line it is the title.
        let plain = "The bridge is closed.\n\nTolls stay the same. Buses run every hour."
        #expect(try Self.summarize("{ sentences: 5 }", plain).metadata["title"] == nil)
        let forced = try Self.summarize("{ sentences: 5, title: first-line }", plain)
        #expect(forced.metadata["title"]?.stringValue == "The bridge is closed.")
        #expect(Self.summary(forced) == ["Tolls stay the same.", "Buses run every hour."])
        // A hard-wrapped first sentence is not a headline: no blank line follows it.
        let wrapped = "The bridge over the river will be closed\nfor repairs until May. Tolls stay the same."
        #expect(try Self.summarize("{ sentences: 5 }", wrapped).metadata["title"] == nil)
    }

    @Test("SummarizeStage.headline", arguments: [
        ("Storm closes ports\n\nBody text.", "Storm closes ports"),
        ("  \n Storm closes ports  \r\n\r\nBody.", "Storm closes ports"),
        ("Storm closes ports?\n\nBody.", nil),
        ("Storm closes ports\nBody on the next line.", nil),
        ("Only a single line", nil),
        ("Headline\n\n   \n", nil),
        ("\u{FEFF}Storm closes ports\n\nBody.", "Storm closes ports"),
        ("\u{00A0} Storm closes ports\r\n\r\nBody.", "Storm closes ports"),
    ] as [(String, String?)])
    func headline(text: String, expected: String?) {
        let found = SummarizeStage.headline(text, anyFirstLine: false).map { String(text.slice(utf8: $0)) }
        #expect(found == expected)
    }

    @Test("word and character budgets are maxima; sentences that do not fit are skipped")
    func wordAndCharacterBudgets() throws {
        for words in [8, 30, 60] {
            let doc = try Self.summarize("{ words: \(words) }", Self.ferryStory)
            let total = Self.summary(doc).map { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).count }.reduce(0, +)
            #expect(total <= words)
            #expect(words < 20 || !Self.summary(doc).isEmpty)
        }
        for chars in [40, 200, 400] {
            let doc = try Self.summarize("{ chars: \(chars), method: textrank }", Self.ferryStory)
            #expect(Self.summary(doc).map(\.count).reduce(0, +) <= chars)
        }
        let tiny = try Self.summarize("{ words: 2 }", Self.ferryStory)
        #expect(Self.summary(tiny).isEmpty, "no sentence is short enough")
        // lead skips a first sentence that does not fit and takes a later one that does.
        let lead = try Self.summarize("{ method: lead, words: 6 }", "The regional council voted on a long list of changes to the harbour. Tolls stay the same.")
        #expect(Self.summary(lead) == ["Tolls stay the same."])
        // Characters are counted as the summary text shows them, joining spaces included.
        let wrapped = "The bridge reopens\n   on Monday.  Tolls stay the same. Buses run hourly."
        for chars in [20, 29, 40, 49, 60] {
            let doc = try Self.summarize("{ chars: \(chars), method: lead }", wrapped)
            let text = doc.metadata["summary"]?.stringValue ?? ""
            #expect(text.count <= chars)
            #expect(chars < 29 || text.hasPrefix("The bridge reopens on Monday."))
        }
    }

    @Test("a ratio rounds to the nearest whole sentence")
    func ratioBudget() {
        #expect(SummaryBudget.ratio(0.4).sentenceLimit(candidates: 12) == 5)
        #expect(SummaryBudget.ratio(0.4).sentenceLimit(candidates: 11) == 4)
        #expect(SummaryBudget.ratio(0.25).sentenceLimit(candidates: 2) == 1)
        #expect(SummaryBudget.ratio(1).sentenceLimit(candidates: 7) == 7)
        #expect(SummaryBudget.ratio(0.4).sentenceLimit(candidates: 0) == 0)
    }

    @Test("two budgets, or a ratio of 0, are refused with the parameter named")
    func conflictingBudgets() {
        for (yaml, message) in [("{ sentences: 3, words: 50 }", "give one budget, not both 'sentences' and 'words'"),
                                ("{ ratio: 0 }", "'ratio' must be above 0")]
        {
            #expect {
                _ = try Self.summarize(yaml, "One. Two.")
            } throws: { error in
                "\(error)".contains(message) && "\(error)".contains("p.yaml:5:")
            }
        }
    }

    @Test("redundancy control leaves out a sentence that repeats one already picked")
    func diversity() throws {
        let repeated = """
            The council approved the new harbour wall on Tuesday after a long debate. \
            The new harbour wall was approved by the council on Tuesday after a long debate. \
            Work on the harbour wall starts in March and costs 12 million. \
            Fishermen said the wall would protect their boats from winter storms. \
            The council also renamed a street.
            """
        let plain = try Self.summarize("{ sentences: 2, method: centroid, diversity: 0 }", repeated)
        #expect(Self.summary(plain).filter { $0.contains("approved") }.count == 2, "without MMR both copies score highest")
        let diverse = try Self.summarize("{ sentences: 2, method: centroid, diversity: 0.5 }", repeated)
        #expect(Self.summary(diverse).filter { $0.contains("approved") }.count == 1)
    }

    @Test("key phrases: scored, ranked, names keep their capitals, numbers and stop words are not keywords")
    func keywords() throws {
        let doc = try Self.summarize("{ sentences: 2, keywords: 5 }", Self.ferryStory)
        let spans = doc.layers["keywords"] ?? []
        #expect(spans.count == 5)
        let texts = spans.compactMap { $0.attributes["text"]?.stringValue }
        #expect(Set(texts).count == 5)
        #expect(Set(spans.compactMap { $0.attributes["rank"]?.intValue }) == [1, 2, 3, 4, 5])
        #expect(doc.metadata["keywords"]?.arrayValue?.compactMap(\.stringValue).count == 5)
        #expect(texts.contains("Northsound"))
        #expect(texts.contains { $0.contains("ferry") || $0.contains("crossing") })
        for span in spans {
            let text = span.attributes["text"]?.stringValue ?? ""
            #expect(!text.contains { $0.isNumber })
            #expect(!EnglishStopwords.words.contains(text))
            // The span is an occurrence of the phrase.
            #expect(doc.text(of: span).lowercased() == text.lowercased())
        }
        let none = try Self.summarize("{ sentences: 2 }", Self.ferryStory)
        #expect(none.layers["keywords"] == nil)
        #expect(none.metadata["keywords"] == nil)
    }

    @Test("a document of 12,000 sentences is summarized in windows, every method")
    func longDocument() throws {
        var random = SeededRandom(seed: 7)
        let sentences = (0..<12_000).map { _ in random.sentence() }
        let text = sentences.joined(separator: " ")
        for method in ["combined", "textrank", "lexrank", "centroid"] {
            let doc = try Self.summarize("{ method: \(method), sentences: 5, keywords: 3 }", text)
            #expect(Self.summary(doc).count == 5)
            #expect((doc.layers["keywords"] ?? []).count == 3)
        }
        let windowed = try Self.summarize("{ method: textrank, sentences: 5, window: 50 }", text)
        #expect(Self.summary(windowed).count == 5)
        let ratio = try Self.summarize("{ ratio: 0.4, window: 50 }", text)
        let candidates = (ratio.layers["sentences"] ?? []).count
        #expect(candidates > 10_000)
        #expect((ratio.layers["summary"] ?? []).count == Int((0.4 * Double(candidates)).rounded()))
    }

    /// Runs only `summarize` (no `segment`) on a document whose layers are given.
    static func summarizeOnly(_ values: OrderedFields, _ doc: Document, scratch: WorkerScratch = WorkerScratch()) throws -> Document {
        let stage = try SummarizeStage.descriptor.makeTransform(values)
        var doc = doc
        _ = try stage.process(&doc, context: StageContext(worker: 0, scratch: scratch))
        return doc
    }

    @Test("sentence spans out of order, repeated, empty or past the end are cleaned, not trusted")
    func hostileSentenceSpans() throws {
        var doc = Document(id: "t", text: "The bridge reopens on Monday. Tolls stay the same.")
        doc.layers["sentences"] = [Span(30..<50), Span(0..<29), Span(30..<50), Span(5..<5), Span(40..<5_000_000)]
        for method in ["combined", "lead", "textrank"] {
            for budget in ["sentences": 5, "words": 100, "chars": 200] as [String: JSONValue] {
                let out = try Self.summarizeOnly(OrderedFields([("method", .string(method)), (budget.key, budget.value)]).merging(keywords: 3), doc)
                let spans = out.layers["summary"] ?? []
                #expect(spans.map(\.start) == spans.map(\.start).sorted())
                #expect(spans.allSatisfy { $0.end <= doc.byteCount && $0.start < $0.end })
                #expect(Set(spans.map(\.range)).count == spans.count)
            }
        }
    }

    @Test("a worker's results do not depend on the documents it summarized before")
    func sameResultWhateverCameBefore() throws {
        let texts = [Self.ferryStory, "The race was won by three seconds. The seconds ticked away.",
                     "The second vote on the harbour levy failed. A second count confirmed it. Campaigners want a second ballot."]
        func run(_ text: String, _ scratch: WorkerScratch) throws -> Document {
            var doc = Document(id: "t", text: text)
            _ = try SegmentStage.descriptor.makeTransform().process(&doc, context: StageContext(worker: 0, scratch: scratch))
            return try Self.summarizeOnly(OrderedFields([("sentences", 2), ("keywords", 4)]), doc, scratch: scratch)
        }
        let fresh = try texts.map { try run($0, WorkerScratch()) }
        let shared = WorkerScratch()
        let forward = try texts.map { try run($0, shared) }
        let backward = try texts.reversed().map { try run($0, shared) }.reversed()
        for (i, expected) in fresh.enumerated() {
            #expect(forward[i].layers["summary"] == expected.layers["summary"])
            #expect(forward[i].layers["keywords"] == expected.layers["keywords"])
            #expect(Array(backward)[i].layers["summary"] == expected.layers["summary"])
            #expect(Array(backward)[i].layers["keywords"] == expected.layers["keywords"])
        }
    }

    @Test("the best key words stay when the phrase around them is left out")
    func keyWordsOutsidePhrases() throws {
        let text = "Halberg's plan was rejected. Critics said Halberg's budget failed. Then Halberg resigned. " +
            "Voters liked Halberg's rival Ostrow. Ostrow won. Ostrow's team cheered."
        let doc = try Self.summarize("{ sentences: 1, keywords: 5 }", text)
        let words = doc.metadata["keywords"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(words.contains("Halberg"))
        #expect(words.contains("Ostrow"))
        #expect(words.count == 5)
    }

    @Test("key words are linked within a sentence only, whatever word opens the next")
    func keyWordLinksStayInTheSentence() throws {
        func scores(_ text: String) -> [String: Float] {
            var builder = DocumentTermsBuilder()
            var text = text
            return text.withUTF8 { bytes in
                let sentences = [0..<28, 29..<bytes.count]
                let terms = builder.build(bytes, sentences: sentences, title: nil, keepOccurrences: true)
                let keywordable = terms.vocabularyID.map { builder.vocabulary.mayBeKeyword[Int($0)] }
                let scores = KeywordRanker.wordScores(terms, mayBeKeyword: keywordable)
                return Dictionary(uniqueKeysWithValues: terms.vocabularyID.enumerated().map {
                    (builder.vocabulary.stems[Int($1)], scores[$0])
                })
            }
        }
        let plain = scores("Harbour walls crumble badly. Ferries sail daily.")
        let opened = scores("Harbour walls crumble badly. The ferries sail daily.")
        #expect(plain == opened)
    }
}

extension OrderedFields {
    /// These fields plus `keywords: count`.
    func merging(keywords count: Int) -> OrderedFields {
        var fields = self
        fields["keywords"] = .int(count)
        return fields
    }
}

extension SeededRandom {
    static let summaryWords = ["harbour", "council", "ferry", "storm", "budget", "school", "river", "bridge",
                               "market", "hospital", "train", "museum", "library", "tenants", "farmers", "the",
                               "of", "and", "new", "old", "opened", "closed", "voted", "repaired", "in", "on"]

    /// A made-up sentence of 5 to 16 words.
    mutating func sentence() -> String {
        var words = (0..<(5 + Int(next() % 12))).map { _ in pick(Self.summaryWords) }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        return words.joined(separator: " ") + "."
    }
}
