import Foundation
import Testing
import TestSupport
import TextPipe
@testable import TextPipeStages

/// The layer invariants every segmentation must satisfy, on any input.
enum SegmentInvariants {
    /// Returns a description of each broken invariant (empty when all hold).
    static func problems(_ text: String, _ p: [Range<Int>], _ s: [Range<Int>], _ tokens: [(Range<Int>, TokenKind)]) -> [String] {
        let bytes = Array(text.utf8)
        var problems: [String] = []
        let t = bytes
        // The white space the segmenters trim: ASCII, no-break and typographic spaces, separators.
        var spaceTable = [Bool](repeating: false, count: t.count + 1)
        t.withUnsafeBufferPointer { buf in
            let tb = TextBytes(buf)
            var i = 0
            while i < buf.count {
                let n = tb.whitespaceLength(at: i)
                if n > 0 { for k in i..<i + n { spaceTable[k] = true }; i += n } else { i += 1 }
            }
        }
        func spaceAt(_ i: Int) -> Bool { spaceTable[i] }
        func isBoundary(_ i: Int) -> Bool { i == t.count || (i < t.count && t[i] & 0xC0 != 0x80) }
        func checkLayer(_ name: String, _ ranges: [Range<Int>]) {
            var last = 0
            for r in ranges {
                if r.isEmpty { problems.append("\(name): empty span \(r)") }
                if r.lowerBound < last { problems.append("\(name): \(r) overlaps or is out of order") }
                if r.upperBound > t.count { problems.append("\(name): \(r) is past the end") ; continue }
                if !isBoundary(r.lowerBound) || !isBoundary(r.upperBound) { problems.append("\(name): \(r) splits a character") }
                if !r.isEmpty && (spaceAt(r.lowerBound) || spaceAt(r.upperBound - 1)) { problems.append("\(name): \(r) is not trimmed") }
                last = r.upperBound
            }
        }
        checkLayer("paragraphs", p)
        checkLayer("sentences", s)
        checkLayer("tokens", tokens.map(\.0))
        // Every sentence lies inside one paragraph, and no text is left out of either.
        var pi = 0
        for r in s {
            while pi < p.count && p[pi].upperBound < r.upperBound { pi += 1 }
            if pi == p.count || !(p[pi].lowerBound <= r.lowerBound && r.upperBound <= p[pi].upperBound) {
                problems.append("sentence \(r) is not inside one paragraph")
            }
        }
        func uncovered(_ ranges: [Range<Int>]) -> Int? {
            var covered = [Bool](repeating: false, count: t.count)
            for r in ranges where r.upperBound <= t.count { for k in r { covered[k] = true } }
            return (0..<t.count).first { !covered[$0] && !spaceAt($0) }
        }
        if !p.isEmpty || !s.isEmpty {
            if let i = uncovered(p) { problems.append("byte \(i) is in no paragraph") }
            if let i = uncovered(s) { problems.append("byte \(i) is in no sentence") }
        }
        if !tokens.isEmpty, let i = uncovered(tokens.map(\.0)) { problems.append("byte \(i) is in no token") }
        return problems
    }
}

/// Helpers shared by the segment tests.
enum Segment {
    static let all = SegmentStage(units: [.paragraphs, .sentences, .tokens])

    static func strings(_ text: String, _ ranges: [Range<Int>]) -> [String] {
        let bytes = Array(text.utf8)
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    static func sentences(_ text: String, stage: SegmentStage = all) -> [String] {
        let (p, s, tokens) = stage.segment(text)
        let problems = SegmentInvariants.problems(text, p, s, tokens)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        return strings(text, s)
    }

    static func build(_ values: OrderedFields) throws -> SegmentStage {
        let built = try SegmentStage.descriptor.build(StageParameters(stageName: "segment", values: values),
                                                      StageBuildContext(pipelineName: "p", pipelineDirectory: "/", outputDirectory: "/"))
        guard case .transform(let stage) = built, let segment = stage as? SegmentStage else {
            throw ParameterError("", "segment is not a transform")
        }
        return segment
    }
}

@Suite("segment: sentences")
struct SentenceTests {
    @Test("sentence boundaries", arguments: SentenceCases.all)
    func sentenceCase(_ c: SentenceCase) {
        #expect(Segment.sentences(c.text) == c.expected)
    }

    @Test("the table has at least 220 cases, and each category shows where to split and where not to")
    func tableCoverage() {
        #expect(SentenceCases.all.count >= 220)
        let byCategory = Dictionary(grouping: SentenceCases.all, by: \.category)
        for (category, cases) in byCategory {
            #expect(cases.contains { $0.expected.count >= 2 }, "\(category) has no case that splits")
            #expect(cases.contains { $0.expected.count == 1 }, "\(category) has no case that keeps a sentence whole")
        }
        #expect(Set(SentenceCases.all.map(\.rule)).count == SentenceCases.all.count, "rule names are unique")
    }

    @Test("abbreviations added in the pipeline file, with or without the dot, stop a split")
    func extraAbbreviations() throws {
        let text = "The Terr. Team met today. The Assy. Hall was full."
        #expect(Segment.sentences(text).count == 4)
        let stage = try Segment.build(["abbreviations": ["Terr.", "assy"]])
        #expect(Segment.sentences(text, stage: stage) == ["The Terr. Team met today.", "The Assy. Hall was full."])
        // An added abbreviation can still end a sentence before a clear sentence starter.
        #expect(Segment.sentences("We went to the Terr. It was closed.", stage: stage).count == 2)
    }

    @Test("a bad abbreviation entry is a parameter error that names the entry", arguments: [
        (["ok", "two words"], "abbreviations[1]"),
        ([" ."], "abbreviations[0]"),
    ])
    func badAbbreviation(_ entries: [String], _ parameter: String) {
        do {
            _ = try Segment.build(["abbreviations": .array(entries.map { .string($0) })])
            Issue.record("no error for \(entries)")
        } catch let error as ParameterError {
            #expect(error.parameter == parameter)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("segment: paragraphs, tokens and the stage")
struct SegmentStageTests {
    @Test("paragraphs", arguments: [
        ("blank lines separate paragraphs", "One.\n\nTwo.", ["One.", "Two."]),
        ("a single line break does not", "One line\nand the next.", ["One line\nand the next."]),
        ("white-space-only lines count as blank", "A\n \t \nB", ["A", "B"]),
        ("paragraphs are trimmed", "\n\n  First.  \n\n\n  Second.  \n", ["First.", "Second."]),
        ("each list item on its own line is a paragraph", "Items:\n- one\n- two\n\nDone.", ["Items:", "- one", "- two", "Done."]),
        ("numbered items after a colon", "Do this:\n1. Wash\n2. Dry", ["Do this:", "1. Wash", "2. Dry"]),
        ("a wrapped list item stays one paragraph", "1. First item\n   continues\n2. Second", ["1. First item\n   continues", "2. Second"]),
        ("an initial at a line start is not a list item", "It was written by\nA. K. Moray in 1990.", ["It was written by\nA. K. Moray in 1990."]),
        ("a list ends at an unindented capitalised line", "- last item.\nThe text goes on.", ["- last item.", "The text goes on."]),
        ("a Markdown heading is its own paragraph", "# Title\nBody text.", ["# Title", "Body text."]),
        ("a form feed separates pages", "Page one.\u{0C}Page two.", ["Page one.", "Page two."]),
        ("Windows line endings", "One.\r\n\r\nTwo.\r\n", ["One.", "Two."]),
        ("empty text has no paragraphs", "", []),
    ] as [(String, String, [String])])
    func paragraphs(_ rule: String, _ text: String, _ expected: [String]) {
        let (p, s, tokens) = Segment.all.segment(text)
        #expect(SegmentInvariants.problems(text, p, s, tokens).isEmpty, "\(rule)")
        #expect(Segment.strings(text, p) == expected, "\(rule)")
    }

    @Test("tokens", arguments: [
        ("words with inner apostrophes and hyphens", "Don't use state-of-the-art tools.",
         ["Don't/word", "use/word", "state-of-the-art/word", "tools/word", "./punct"]),
        ("numbers with separators, decimals, percent and sign", "Pay 1,250.00 or 3.5% at -12 now",
         ["Pay/word", "1,250.00/number", "or/word", "3.5%/number", "at/word", "-12/number", "now/word"]),
        ("URLs and e-mail addresses stay whole", "See https://example.org/a?b=1, or mail press@example.com.",
         ["See/word", "https://example.org/a?b=1/url", ",/punct", "or/word", "mail/word", "press@example.com/email", "./punct"]),
        ("an e-mail address with a plus tag stays whole", "Write to jane+news@example.com today",
         ["Write/word", "to/word", "jane+news@example.com/email", "today/word"]),
        ("a plus sign between words is a symbol", "salt+pepper and 2+2", ["salt/word", "+/symbol", "pepper/word", "and/word", "2/number", "+/symbol", "2/number"]),
        ("a bare domain with a path is a URL", "Go to example.com/a.b today", ["Go/word", "to/word", "example.com/a.b/url", "today/word"]),
        ("hashtags and mentions stay whole", "#RoversWin by @Ashcombe_FC!", ["#RoversWin/word", "by/word", "@Ashcombe_FC/word", "!/punct"]),
        ("abbreviations keep their full stop", "Mr. Lee of the U.S. e.g. here.",
         ["Mr./word", "Lee/word", "of/word", "the/word", "U.S./word", "e.g./word", "here/word", "./punct"]),
        ("punctuation marks are single tokens, an ellipsis is one", "Wait... (no)!?",
         ["Wait/word", ".../punct", "(/punct", "no/word", ")/punct", "!/punct", "?/punct"]),
        ("currency and symbols", "$5 + €3 = 8", ["$/symbol", "5/number", "+/symbol", "€/symbol", "3/number", "=/symbol", "8/number"]),
        ("an emoji sequence is one symbol", "a 👩‍🔬 b", ["a/word", "👩‍🔬/symbol", "b/word"]),
        ("file names and versions are one word", "Open report_v2.pdf with v2.14.1", ["Open/word", "report_v2.pdf/word", "with/word", "v2.14.1/word"]),
        ("letters of other scripts", "Zürich 東京 Αθήνα", ["Zürich/word", "東京/word", "Αθήνα/word"]),
        ("a trailing URL full stop is punctuation", "at https://example.org/x.", ["at/word", "https://example.org/x/url", "./punct"]),
        ("times and dates are numbers", "at 10:42 on 2026-03-17", ["at/word", "10:42/number", "on/word", "2026-03-17/number"]),
    ] as [(String, String, [String])])
    func tokens(_ rule: String, _ text: String, _ expected: [String]) {
        let stage = SegmentStage(units: [.tokens])
        let (_, _, tokens) = stage.segment(text)
        #expect(SegmentInvariants.problems(text, [], [], tokens).isEmpty, "\(rule)")
        let bytes = Array(text.utf8)
        #expect(tokens.map { String(decoding: bytes[$0.0], as: UTF8.self) + "/" + $0.1.rawValue } == expected, "\(rule)")
    }

    @Test("layerUse reports exactly the layers made for the units", arguments: [
        (nil, ["paragraphs", "sentences"]),
        (["tokens"], ["tokens"]),
        (["tokens", "sentences", "paragraphs"], ["paragraphs", "sentences", "tokens"]),
        (["sentences"], ["sentences"]),
    ] as [([String]?, [String])])
    func layerUse(_ units: [String]?, _ provides: [String]) {
        var values = OrderedFields()
        if let units { values["units"] = .array(units.map { .string($0) }) }
        let use = SegmentStage.descriptor.layers(for: StageParameters(stageName: "segment", values: values))
        #expect(use == LayerUse(provides: provides))
    }

    @Test("process stores the requested layers only, tokens with labels")
    func process() throws {
        let stage = try Segment.build(["units": ["sentences", "tokens"]])
        var doc = Document(id: "d", text: "Hi there. Bye.")
        #expect(try stage.process(&doc, context: StageContext(worker: 0, scratch: WorkerScratch())) == .keep)
        #expect(doc.layers.names == ["sentences", "tokens"])
        #expect(doc.layers["sentences"]?.map(\.range) == [0..<9, 10..<14])
        #expect(doc.layers["tokens"]?.map(\.label) == ["word", "word", "punct", "word", "punct"])
        var defaults = Document(id: "d", text: "A.\n\nB.")
        _ = try Segment.build([:]).process(&defaults, context: StageContext(worker: 0, scratch: WorkerScratch()))
        #expect(defaults.layers.names == ["paragraphs", "sentences"])
    }
}

@Suite("segment: robustness")
struct SegmentRobustnessTests {
    static let fragments: [String] = [
        ".", "!", "?", "?!", "...", "…", ". . .", "\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "[1]",
        " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{00A0}", "\u{2028}", "\u{2029}", "\u{0C}", "\u{200B}",
        "a", "I", "i", "The", "the", "Mr", "Dr", "etc", "e.g", "U.S", "a.m", "p.m", "Inc", "in", "No", "St",
        "3", "14", "1,000", "3.14", "v2.1", "$", "€", "%", "#tag", "@who", "-", "--", "•", "⁃", "*", "1.", "2)", "a.",
        "iv.", "(b)", "http://x.example/a.b", "x@example.com", "file_v2.pdf", "é", "É", "東京", "。", "Ω", "🌍",
        "👩‍🔬", "\u{0301}", ":", ";", ",", "/", "_", "#", "## ", "J.", "R.", "iPhone", "www.",
    ]

    @Test("random mixes of punctuation, quotes, digits, line breaks and multi-byte text keep the invariants")
    func fuzzFragments() {
        var rng = SeededRandom(seed: 20_260_301)
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text += Self.fragments.randomElement(using: &rng)! }
            let (p, s, tokens) = Segment.all.segment(text)
            let problems = SegmentInvariants.problems(text, p, s, tokens)
            #expect(problems.isEmpty, "round \(round): \(problems.prefix(3)) in \(text.debugDescription)")
            if !problems.isEmpty { return }
        }
    }

    @Test("random bytes (repaired to valid UTF-8) keep the invariants")
    func fuzzBytes() {
        var rng = SeededRandom(seed: 7)
        let interesting: [UInt8] = [0x2E, 0x21, 0x3F, 0x0A, 0x0D, 0x20, 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x41, 0x61, 0x31,
                                    0xE2, 0x80, 0xA6, 0xA8, 0xC2, 0xA0, 0xE3, 0x82, 0xEF, 0xBC, 0x9F, 0xF0, 0x9F]
        for round in 0..<3000 {
            let n = Int.random(in: 0...64, using: &rng)
            let bytes: [UInt8] = (0..<n).map { _ in
                Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let (p, s, tokens) = Segment.all.segment(text)
            let problems = SegmentInvariants.problems(text, p, s, tokens)
            #expect(problems.isEmpty, "round \(round): \(problems.prefix(3)) in \(text.debugDescription)")
            if !problems.isEmpty { return }
        }
    }

    static let samples: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Pipelines/samples/news")

    @Test("the sample news keep the invariants, with known sentences found whole")
    func sampleNews() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        #expect(files.count >= 10)
        var all: [String] = []
        for file in files {
            let data = try Data(contentsOf: Self.samples.appendingPathComponent(file))
            let text = String(decoding: data, as: UTF8.self)
            let (p, s, tokens) = Segment.all.segment(text)
            let problems = SegmentInvariants.problems(text, p, s, tokens)
            #expect(problems.isEmpty, "\(file): \(problems.prefix(3))")
            all += Segment.strings(text, s)
        }
        for expected in [
            "Halcyon also confirmed that it had completed its $640 million acquisition of Brightline Home Co., a Texas-based installation business, ending months of speculation about the deal.",
            "The board approved a quarterly dividend of 42 cents, up from 38 cents.",
            "iPhone sales rose 11% year over year during the holiday quarter, the company said, while sales of laptops and tablets were roughly flat.",
            "Engineers rolled back to v2.13.9 at 10:42 a.m. GMT.",
            "She was 88.",
            "1. A 3.25% pay rise for municipal employees;",
            "Mr. Stefan Kowalczyk of Baltic Capital\nPartners Inc. said a pause was \"the only sensible choice vs. the\nalternatives,\" adding that energy prices, currency moves, tariffs, etc.\ncould all push inflation back up within months.",
        ] {
            #expect(all.contains(expected), "missing: \(expected)")
        }
    }
}
