import TextPipe

/// The `segment` stage: finds paragraphs, sentences and (on request) tokens, and stores
/// them as span layers in UTF-8 byte offsets.
public struct SegmentStage: DocumentStage {
    /// The layers the stage can make, in the order it adds them.
    public enum Unit: String, CaseIterable, Sendable {
        case paragraphs, sentences, tokens
    }

    let units: Set<Unit>
    let paragraphs = ParagraphSegmenter()
    let sentences: SentenceSegmenter
    let tokenizer: Tokenizer

    init(units: Set<Unit>, extraAbbreviations: [String] = []) {
        self.units = units
        let abbreviations = Abbreviations(extra: extraAbbreviations)
        sentences = SentenceSegmenter(abbreviations: abbreviations)
        tokenizer = Tokenizer(abbreviations: abbreviations)
    }

    /// The units named in a configuration, in layer order.
    static func units(_ params: StageParameters) -> [Unit] {
        let named = Set((params.strings("units") ?? ["paragraphs", "sentences"]).compactMap(Unit.init(rawValue:)))
        return Unit.allCases.filter(named.contains)
    }

    public static let descriptor = StageDescriptor(
        name: "segment",
        summary: "Find paragraphs, sentences and tokens (rule-based English), as span layers.",
        parameters: [
            ParameterSpec("units", .list(.choice(Unit.allCases.map(\.rawValue)), nonEmpty: true),
                          default: ["paragraphs", "sentences"],
                          "The layers to make: `paragraphs`, `sentences` and `tokens`. Each span is trimmed of white space; every sentence lies inside one paragraph."),
            ParameterSpec("abbreviations", .list(.string), default: [],
                          "Extra abbreviations, with or without their final dot (`Univ.`, `approx`), on top of the built-in English list. A listed abbreviation ends a sentence only before a clear sentence starter such as `The` or `It`."),
        ],
        provides: ["paragraphs", "sentences", "tokens"],
        layerUse: { params in LayerUse(provides: units(params).map(\.rawValue)) },
        details: """
            Sentences are found by rules for English: abbreviations (titles, Latin, months, units, \
            company suffixes, U.S.-style initialisms), initials, decimal and version numbers, \
            ellipses, closing quotes and brackets, `?`/`!` inside quotations, list markers and \
            bullets, URLs, e-mail addresses and file names, a.m./p.m., a missing space after a full \
            stop, and hard-wrapped lines. Token spans carry a label: `word`, `number`, `punct`, \
            `url`, `email` or `symbol`. See [Segmenting.md](Segmenting.md).
            """,
        build: { params, _ in
            let extra = params.strings("abbreviations") ?? []
            for (index, entry) in extra.enumerated() {
                if let problem = Abbreviations.problem(with: entry) {
                    throw ParameterError("abbreviations[\(index)]", problem)
                }
            }
            return .transform(SegmentStage(units: Set(units(params)), extraAbbreviations: extra))
        })

    /// The paragraph and sentence ranges of a text (UTF-8 bytes).
    func paragraphsAndSentences(_ t: TextBytes) -> (paragraphs: [Range<Int>], sentences: [Range<Int>]) {
        var paragraphRanges: [Range<Int>] = []
        var sentenceRanges: [Range<Int>] = []
        guard units.contains(.paragraphs) || units.contains(.sentences) else { return ([], []) }
        paragraphs.segment(t, range: 0..<t.count, into: &paragraphRanges)
        if units.contains(.sentences) {
            sentenceRanges.reserveCapacity(t.count / 100)
            for p in paragraphRanges { sentences.segment(t, paragraph: p, into: &sentenceRanges) }
        }
        return (paragraphRanges, sentenceRanges)
    }

    /// The layers for `text`, by unit, as byte ranges (for tests).
    func segment(_ text: String) -> (paragraphs: [Range<Int>], sentences: [Range<Int>], tokens: [(Range<Int>, TokenKind)]) {
        var text = text
        return text.withUTF8 { buffer in
            let t = TextBytes(buffer)
            let (p, s) = paragraphsAndSentences(t)
            var tokens: [(Range<Int>, TokenKind)] = []
            if units.contains(.tokens) { tokenizer.tokenize(t, range: 0..<t.count) { tokens.append(($0, $1)) } }
            return (p, s, tokens)
        }
    }

    public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
        var text = document.text
        let (p, s, tokens) = text.withUTF8 { buffer -> ([Range<Int>], [Range<Int>], [Span]) in
            let t = TextBytes(buffer)
            let (p, s) = paragraphsAndSentences(t)
            var tokens: [Span] = []
            if units.contains(.tokens) {
                tokens.reserveCapacity(t.count / 5)
                tokenizer.tokenize(t, range: 0..<t.count) { tokens.append(Span($0, label: $1.rawValue)) }
            }
            return (p, s, tokens)
        }
        if units.contains(.paragraphs) { document.layers["paragraphs"] = p.map { Span($0) } }
        if units.contains(.sentences) { document.layers["sentences"] = s.map { Span($0) } }
        if units.contains(.tokens) { document.layers["tokens"] = tokens }
        return .keep
    }
}
