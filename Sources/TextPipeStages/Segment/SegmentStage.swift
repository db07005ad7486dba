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
        provides: ["paragraphs", "sentences"],
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

    /// The layers for `text`, by unit; also used by tests and benchmarks.
    func segment(_ text: String) -> (paragraphs: [Range<Int>], sentences: [Range<Int>], tokens: [(Range<Int>, TokenKind)]) {
        var text = text
        return text.withUTF8 { buffer in
            let t = TextBytes(buffer)
            var paragraphRanges: [Range<Int>] = []
            var sentenceRanges: [Range<Int>] = []
            var tokenRanges: [(Range<Int>, TokenKind)] = []
            if units.contains(.paragraphs) || units.contains(.sentences) {
                paragraphs.segment(t, range: 0..<t.count, into: &paragraphRanges)
            }
            if units.contains(.sentences) {
                for p in paragraphRanges { sentences.segment(t, paragraph: p, into: &sentenceRanges) }
            }
            if units.contains(.tokens) {
                tokenizer.tokenize(t, range: 0..<t.count, into: &tokenRanges)
            }
            return (paragraphRanges, sentenceRanges, tokenRanges)
        }
    }

    public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
        let (p, s, tokens) = segment(document.text)
        if units.contains(.paragraphs) { document.layers["paragraphs"] = p.map { Span($0) } }
        if units.contains(.sentences) { document.layers["sentences"] = s.map { Span($0) } }
        if units.contains(.tokens) { document.layers["tokens"] = tokens.map { Span($0.0, label: $0.1.rawValue) } }
        return .keep
    }
}
