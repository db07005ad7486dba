import Foundation
import TextPipe

/// The `summarize` stage: picks a document's most informative sentences as a `summary`
/// layer (and text), and optionally its key phrases as a `keywords` layer.
public struct SummarizeStage: DocumentStage {
    /// Where a document's title comes from.
    enum TitleSource: String, CaseIterable, Sendable {
        /// The `title` metadata if there is one, else a headline line at the top of the text.
        case auto
        case metadata
        /// The first line of the text, whatever it looks like.
        case firstLine = "first-line"
        case none
    }

    let summarizer: Summarizer
    let titleSource: TitleSource
    let layer: String
    let summaryField: String?
    let scratchKey = ScratchKey()

    final class ScratchKey: Sendable {}

    public static let descriptor = StageDescriptor(
        name: "summarize",
        summary: "Pick each document's most informative sentences (extractive summary) and its key phrases.",
        parameters: [
            ParameterSpec("method", .choice(SummaryMethod.allCases.map(\.rawValue)), default: "combined",
                          "`combined` (centrality, position, length, title overlap and key words), `lead`, `textrank`, `lexrank` or `centroid`."),
            ParameterSpec("sentences", .integer(min: 1),
                          "Budget: at most this many sentences. With no budget given, 3 sentences."),
            ParameterSpec("ratio", .number(min: 0, max: 1),
                          "Budget: this share of the document's sentences, rounded to the nearest whole sentence (at least 1)."),
            ParameterSpec("words", .integer(min: 1), "Budget: at most this many words in all."),
            ParameterSpec("chars", .integer(min: 1), "Budget: at most this many characters (code points) in all."),
            ParameterSpec("diversity", .number(min: 0, max: 1), default: 0.3,
                          "How strongly a sentence similar to one already picked is passed over (maximal marginal relevance); 0 turns it off. `lead` ignores it."),
            ParameterSpec("similarity", .choice(TermWeighting.allCases.map(\.rawValue)), default: "tfidf",
                          "How terms are weighted for sentence similarity: `tfidf` or `bm25` (cosine of the weighted, stemmed content words)."),
            ParameterSpec("keywords", .integer(min: 0, max: 100), default: 0,
                          "How many key phrases to find (a `keywords` layer and a `keywords` metadata list); 0 finds none."),
            ParameterSpec("title", .choice(TitleSource.allCases.map(\.rawValue)), default: "auto",
                          "Where the title comes from: `auto` (the `title` metadata, else a headline: a first line without end punctuation, followed by a blank line), `metadata`, `first-line` or `none`. A title is never a summary sentence."),
            ParameterSpec("window", .integer(min: 10, max: 2000), default: 200,
                          "Documents with more sentences than this are scored in overlapping windows of this many sentences, so time grows linearly with length."),
            ParameterSpec("layer", .string, default: "summary", "The layer that receives the summary sentences."),
            ParameterSpec("summary_field", .string, default: "summary",
                          "The metadata field that receives the summary text (the sentences joined by a space, line breaks inside them made spaces); empty to write none."),
        ],
        requires: ["sentences"], provides: ["summary", "keywords"],
        layerUse: { params in
            LayerUse(requires: ["sentences"],
                     provides: [params.string("layer") ?? "summary"] + ((params.int("keywords") ?? 0) > 0 ? ["keywords"] : []))
        },
        details: """
            Candidates are the spans of the `sentences` layer, minus the title. Sentences are \
            compared as vectors of stemmed content words (English Porter2 stemmer, stop words \
            removed). The summary comes back in document order; each span carries its `score` \
            (0 to 1 within the document) and `rank` (1 for the best). Documents with no \
            sentences get an empty summary, and documents with fewer sentences than the budget \
            get all of them. See [Summarizing.md](Summarizing.md).
            """,
        build: { params, _ in
            .transform(try SummarizeStage(params))
        })

    init(_ params: StageParameters) throws {
        let budgets: [(String, SummaryBudget)] = [
            params.int("sentences").map { ("sentences", .sentences($0)) },
            params.double("ratio").map { ("ratio", .ratio($0)) },
            params.int("words").map { ("words", .words($0)) },
            params.int("chars").map { ("chars", .characters($0)) },
        ].compactMap { $0 }
        if budgets.count > 1 {
            throw ParameterError(budgets[1].0, "give one budget, not both '\(budgets[0].0)' and '\(budgets[1].0)'")
        }
        if case .ratio(let r)? = budgets.first?.1, r <= 0 {
            throw ParameterError("ratio", "'ratio' must be above 0, found \(r)")
        }
        var summarizer = Summarizer()
        summarizer.method = SummaryMethod(rawValue: params.string("method") ?? "combined") ?? .combined
        summarizer.weighting = TermWeighting(rawValue: params.string("similarity") ?? "tfidf") ?? .tfidf
        summarizer.budget = budgets.first?.1 ?? .sentences(3)
        summarizer.diversity = Float(params.double("diversity") ?? 0.3)
        summarizer.window = params.int("window") ?? 200
        summarizer.keyPhraseCount = params.int("keywords") ?? 0
        self.summarizer = summarizer
        titleSource = TitleSource(rawValue: params.string("title") ?? "auto") ?? .auto
        layer = params.string("layer") ?? "summary"
        let field = params.string("summary_field") ?? "summary"
        summaryField = field.isEmpty ? nil : field
    }

    public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
        let scratch = context.scratch.object(for: scratchKey) { Summarizer.Scratch() }
        var candidates = Self.candidates(document.layers["sentences"] ?? [], byteCount: document.byteCount)
        var title: String?
        if titleSource == .auto || titleSource == .metadata, let t = document.metadata["title"]?.stringValue,
           t.contains(where: { !$0.isWhitespace })
        {
            title = t
        }
        var foundHeadline = false
        var text = document.text
        let result = text.withUTF8 { bytes in
            if title == nil, titleSource == .auto || titleSource == .firstLine,
               let line = Self.headline(bytes, anyFirstLine: titleSource == .firstLine)
            {
                title = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
                foundHeadline = true
                candidates = Self.removing(line, from: candidates, bytes)
            } else if let title {
                candidates = Self.removingRepeats(of: title, from: candidates, bytes)
            }
            return summarizer.summarize(bytes, sentences: candidates, title: title, scratch: scratch)
        }
        if foundHeadline, let title, !(document.metadata["title"]?.stringValue?.contains { !$0.isWhitespace } ?? false) {
            document.metadata["title"] = .string(title)
        }
        let ranks = Dictionary(uniqueKeysWithValues: result.picked
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.sentence < $1.sentence }
            .enumerated().map { ($1.sentence, $0 + 1) })
        document.layers[layer] = result.picked.map { pick in
            Span(candidates[pick.sentence], attributes: OrderedFields([
                ("score", .double(Self.rounded(pick.score))),
                ("rank", .int(ranks[pick.sentence] ?? 0)),
            ]))
        }
        if let summaryField {
            // Hard-wrapped sentences keep their line breaks in the layer, not in the digest.
            let text = result.picked.map { document.text(in: candidates[$0.sentence]) }.joined(separator: " ")
            document.metadata[summaryField] = .string(collapseWhitespace(text, isSpace: Summarizer.isSpace))
        }
        if summarizer.keyPhraseCount > 0 {
            let phrases = result.keyPhrases.map { found in
                var phrase = found
                // The possessive is the sentence's, not the key word's: "Halberg's" is Halberg.
                var surface = document.text(in: phrase.firstOccurrence)
                for suffix in ["'s", "\u{2019}s"] where surface.hasSuffix(suffix) && surface.utf8.count > suffix.utf8.count {
                    phrase.firstOccurrence = phrase.firstOccurrence.lowerBound..<(phrase.firstOccurrence.upperBound - suffix.utf8.count)
                    surface = document.text(in: phrase.firstOccurrence)
                }
                let text = collapseWhitespace(surface, isSpace: Summarizer.isSpace)
                return (phrase, phrase.isProperName ? text : text.lowercased())
            }
            document.layers["keywords"] = phrases.enumerated().map { rank, entry in
                Span(entry.0.firstOccurrence, label: "KEYWORD", attributes: OrderedFields([
                    ("text", .string(entry.1)),
                    ("score", .double(Self.rounded(entry.0.score))),
                    ("rank", .int(rank + 1)),
                    ("occurrences", .int(entry.0.occurrences)),
                ]))
            }.sorted { $0.start < $1.start }
            document.metadata["keywords"] = .array(phrases.map { .string($0.1) })
        }
        return .keep
    }

    /// The candidate sentences: the `sentences` spans clamped to the text, without empty
    /// ones or repeats, in text order (a user's stage may make any spans at all).
    static func candidates(_ spans: [Span], byteCount: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = spans.compactMap { span in
            let lower = min(max(span.start, 0), byteCount)
            let upper = min(max(span.end, lower), byteCount)
            return upper > lower ? lower..<upper : nil
        }
        let ordered = zip(ranges, ranges.dropFirst()).allSatisfy {
            $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.upperBound < $1.upperBound)
        }
        if !ordered {
            ranges.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound < $1.upperBound }
            ranges = ranges.enumerated().filter { $0.offset == 0 || ranges[$0.offset - 1] != $0.element }.map(\.element)
        }
        return ranges
    }

    /// The candidates without the title line: sentences inside it go, and one that runs on
    /// past it keeps its rest.
    static func removing(_ line: Range<Int>, from candidates: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        candidates.compactMap { sentence in
            guard sentence.lowerBound < line.upperBound else { return sentence }
            guard sentence.upperBound > line.upperBound else { return nil }
            var start = line.upperBound
            while start < sentence.upperBound && Summarizer.isSpace(bytes[start]) { start += 1 }
            return start < sentence.upperBound ? start..<sentence.upperBound : nil
        }
    }

    /// The candidates without those that repeat the title (a page whose heading is its
    /// title). Only sentences of about the title's length are compared, so the cost stays
    /// small on long documents.
    static func removingRepeats(of title: String, from candidates: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let key = comparable(title[...])
        guard !key.isEmpty else { return candidates }
        let longest = title.utf8.count * 2 + 16
        return candidates.filter { sentence in
            guard sentence.count <= longest else { return true }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[sentence]), as: UTF8.self)
            return comparable(text[...]) != key
        }
    }

    /// The first line of `text` if it is a headline: at most 200 bytes, no end punctuation,
    /// and a blank line after it. With `anyFirstLine`, any first line that has text after it.
    /// A byte-order mark and no-break spaces before it are skipped.
    static func headline(_ b: UnsafeBufferPointer<UInt8>, anyFirstLine: Bool) -> Range<Int>? {
        // White space within a line: the headline is one line.
        @inline(__always) func isBlank(_ x: UInt8) -> Bool { Summarizer.isSpace(x) && x != 0x0A }
        let n = b.count
        var start = 0
        while start < n {
            if Summarizer.isSpace(b[start]) {
                start += 1
            } else if start + 2 < n && b[start] == 0xEF && b[start + 1] == 0xBB && b[start + 2] == 0xBF {
                start += 3
            } else if start + 1 < n && b[start] == 0xC2 && b[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        var newline = start
        while newline < n && b[newline] != 0x0A { newline += 1 }
        var end = newline
        while end > start && isBlank(b[end - 1]) { end -= 1 }
        var rest = newline
        while rest < n && Summarizer.isSpace(b[rest]) { rest += 1 }
        guard end > start, rest < n else { return nil }  // a single line is not a title
        if anyFirstLine { return start..<end }
        guard end - start <= 200, !".!?:;,".utf8.contains(b[end - 1]) else { return nil }
        // A blank line must follow: a hard-wrapped first sentence goes on at the next line.
        var next = newline + 1
        while next < n && isBlank(b[next]) { next += 1 }
        return next < n && b[next] == 0x0A ? start..<end : nil
    }

    /// `headline(_:anyFirstLine:)` for a string.
    static func headline(_ text: String, anyFirstLine: Bool) -> Range<Int>? {
        var text = text
        return text.withUTF8 { headline($0, anyFirstLine: anyFirstLine) }
    }

    /// Text compared for equality with a title: letters and digits, lower-cased.
    private static func comparable(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    private static func rounded(_ x: Float) -> Double { (Double(x) * 10_000).rounded() / 10_000 }
}
