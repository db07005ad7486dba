import TextPipe

/// The `filter` stage: drops documents by size or missing metadata, with the reason recorded.
public struct FilterStage: DocumentStage {
    let minCharacters: Int
    let maxCharacters: Int?
    let minWords: Int
    let requiredMetadata: [String]

    public static let descriptor = StageDescriptor(
        name: "filter",
        summary: "Drop documents that are too short, too long or lack required metadata.",
        parameters: [
            ParameterSpec("min_chars", .integer(min: 0), default: 1,
                          "Drop documents with fewer characters (Unicode code points); the default drops empty ones."),
            ParameterSpec("max_chars", .integer(min: 1), "Drop documents with more characters than this."),
            ParameterSpec("min_words", .integer(min: 0), default: 0,
                          "Drop documents with fewer words (runs of letters or digits)."),
            ParameterSpec("require_metadata", .list(.string), default: [],
                          "Drop documents that lack any of these metadata keys."),
        ],
        build: { params, _ in
            if let lo = params.int("min_chars"), let hi = params.int("max_chars"), hi < lo {
                throw ParameterError("max_chars", "'max_chars' (\(hi)) is below 'min_chars' (\(lo))")
            }
            return .transform(FilterStage(
                minCharacters: params.int("min_chars") ?? 1,
                maxCharacters: params.int("max_chars"),
                minWords: params.int("min_words") ?? 0,
                requiredMetadata: params.strings("require_metadata") ?? []))
        })

    public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
        for key in requiredMetadata where document.metadata[key] == nil {
            return .drop(reason: "no '\(key)' metadata")
        }
        // Counting code points is O(n); skip it when the byte count already decides.
        let bytes = document.byteCount
        if minCharacters > 0 && bytes < minCharacters || maxCharacters != nil {
            let chars = document.text.unicodeScalars.count
            if chars < minCharacters { return .drop(reason: chars == 0 ? "empty" : "shorter than \(minCharacters) characters") }
            if let maxCharacters, chars > maxCharacters { return .drop(reason: "longer than \(maxCharacters) characters") }
        }
        if minWords > 0 {
            var words = 0
            var inWord = false
            for scalar in document.text.unicodeScalars {
                let wordChar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                if wordChar && !inWord { words += 1; if words >= minWords { break } }
                inWord = wordChar
            }
            if words < minWords { return .drop(reason: "fewer than \(minWords) words") }
        }
        return .keep
    }
}
