import TextPipe

/// The `word-stats` stage: counts a document's words, sentences and distinct words (types)
/// and adds readability scores, all into one metadata entry.
///
/// A template for a per-document stage that reads a layer another stage made: it declares
/// that it requires `sentences`, so a pipeline without `segment` before it is refused when
/// it is loaded, not when the first document arrives.
public struct WordStatsStage: DocumentStage, DeclaredStage {
    let metadataKey: String
    let readability: Bool
    /// Names this instance's per-worker set of types (see `TypeSet`).
    let scratchKey = WorkerScratchKey()

    public static let descriptor = StageDescriptor(
        name: "word-stats",
        summary: "Add word, sentence and type counts and readability scores to each document's metadata.",
        parameters: [
            ParameterSpec("key", .string, default: "word_stats",
                          "The metadata key that receives the counts, as a mapping."),
            ParameterSpec("readability", .boolean, default: true,
                          "Add the Flesch reading ease and Flesch–Kincaid grade (English syllable rules)."),
        ],
        requires: ["sentences"],
        details: """
            The entry holds `words`, `sentences` (the spans of the `sentences` layer), `types` \
            (distinct words, ignoring case), `type_token_ratio`, and with `readability: true` \
            `syllables`, `flesch_reading_ease` and `flesch_kincaid_grade`. A word is a run of \
            letters and digits, joined across an inner apostrophe or hyphen (`don't`, \
            `well-known`). Scores are left out of documents without words or sentences.
            """,
        build: { parameters, _ in
            let key = parameters.string("key") ?? "word_stats"
            if key.isEmpty { throw ParameterError("key", "'key' must not be empty") }
            return .transform(WordStatsStage(metadataKey: key, readability: parameters.bool("readability") ?? true))
        })

    /// A worker's reusable set of the document's types: kept between documents so that its
    /// storage is allocated once per worker, never shared between threads.
    final class TypeSet {
        var types = Set<[UInt8]>()
    }

    public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
        let typeSet = context.scratch.object(for: scratchKey) { TypeSet() }
        typeSet.types.removeAll(keepingCapacity: true)
        var words = 0
        var syllables = 0
        var text = document.text
        text.withUTF8 { bytes in
            WordScanner.forEachWord(in: bytes) { word in
                words += 1
                typeSet.types.insert(WordScanner.lowercased(word))
                if readability { syllables += EnglishSyllables.count(in: word) }
            }
        }
        let sentences = document.layers["sentences"]?.count ?? 0
        var stats: OrderedFields = [
            "words": .int(words),
            "sentences": .int(sentences),
            "types": .int(typeSet.types.count),
        ]
        if words > 0 { stats["type_token_ratio"] = .double(Self.rounded(Double(typeSet.types.count) / Double(words), places: 3)) }
        if readability {
            stats["syllables"] = .int(syllables)
            if words > 0 && sentences > 0 {
                let wordsPerSentence = Double(words) / Double(sentences)
                let syllablesPerWord = Double(syllables) / Double(words)
                stats["flesch_reading_ease"] = .double(Self.rounded(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord, places: 1))
                stats["flesch_kincaid_grade"] = .double(Self.rounded(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59, places: 1))
            }
        }
        document.metadata[metadataKey] = .object(stats)
        return .keep
    }

    static func rounded(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
