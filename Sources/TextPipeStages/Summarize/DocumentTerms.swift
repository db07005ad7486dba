/// One occurrence of a term in the text, kept for key phrases.
struct TermOccurrence {
    var term: Int32
    /// The candidate sentence it is in.
    var sentence: Int32
    var start: Int
    var end: Int
    /// Whether a stop word or punctuation separates it from the previous term occurrence.
    var gapBefore: Bool
    /// Whether it is the first word of its sentence (its capital says nothing).
    var sentenceInitial: Bool
    /// False for pieces of addresses and abbreviations ("example" in example.com, "Gen."),
    /// which are never key words.
    var mayBeKeyword: Bool
}

/// The terms of a document's candidate sentences and title, numbered locally from 0 so
/// that per-term arrays stay as small as the document.
struct DocumentTerms {
    /// Sentence `i`'s terms, in text order, are `terms[termStart[i]..<termStart[i + 1]]`.
    var termStart: [Int] = [0]
    var terms: [Int32] = []
    /// Every word of each sentence, stop words included (the length feature and budgets).
    var wordCounts: [Int] = []
    /// The title's distinct terms.
    var titleTerms: [Int32] = []
    /// Every term occurrence, title first, in text order (for keywords).
    var occurrences: [TermOccurrence] = []
    /// Each local term's id in the worker's vocabulary.
    var vocabularyID: [Int32] = []

    var sentenceCount: Int { wordCounts.count }
    var termCount: Int { vocabularyID.count }

    func terms(of sentence: Int) -> ArraySlice<Int32> { terms[termStart[sentence]..<termStart[sentence + 1]] }
}

/// Builds `DocumentTerms`, reusing a worker's vocabulary and its local-numbering table.
/// A struct, mutated in place, so its hot loops pay no exclusivity checks.
struct DocumentTermsBuilder {
    private(set) var vocabulary = TermVocabulary()
    // Vocabulary id -> local id, valid where `stamp` equals `currentStamp`: no clearing per document.
    private var localID: [Int32] = []
    private var stamp: [UInt32] = []
    private var currentStamp: UInt32 = 0

    /// The terms of `sentences` (byte ranges into `bytes`) and of `title`.
    mutating func build(_ bytes: UnsafeBufferPointer<UInt8>, sentences: [Range<Int>], title: String?,
               keepOccurrences: Bool) -> DocumentTerms
    {
        vocabulary.startDocument()
        currentStamp &+= 1
        if currentStamp == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            currentStamp = 1
        }
        var result = DocumentTerms()
        result.terms.reserveCapacity(bytes.count / 10)
        if var title {
            title.withUTF8 { titleBytes in
                var seen = Set<Int32>()
                WordScanner.words(titleBytes, in: 0..<titleBytes.count) { range, _ in
                    let id = vocabulary.term(UnsafeBufferPointer(rebasing: titleBytes[range]))
                    if id != TermVocabulary.notATerm, seen.insert(id).inserted {
                        result.titleTerms.append(local(id, in: &result))
                    }
                }
            }
        }
        for (index, sentence) in sentences.enumerated() {
            var words = 0
            var first = true
            var afterGap = true
            WordScanner.words(bytes, in: sentence) { range, gapBefore in
                words += 1
                let id = vocabulary.term(UnsafeBufferPointer(rebasing: bytes[range]))
                if id == TermVocabulary.notATerm {
                    afterGap = true
                } else {
                    let term = local(id, in: &result)
                    result.terms.append(term)
                    if keepOccurrences {
                        result.occurrences.append(TermOccurrence(
                            term: term, sentence: Int32(truncatingIfNeeded: index),
                            start: range.lowerBound, end: range.upperBound,
                            gapBefore: afterGap || gapBefore, sentenceInitial: first,
                            mayBeKeyword: !Self.isPartOfAddressOrAbbreviation(bytes, range)))
                    }
                    afterGap = false
                }
                first = false
            }
            result.wordCounts.append(words)
            result.termStart.append(result.terms.count)
        }
        return result
    }

    private static let abbreviations = Abbreviations()

    /// Whether the word touches `.`, `@`, `/` or `:` with more letters beyond (a domain, an
    /// e-mail address, a path), or is a known abbreviation with its dot.
    static func isPartOfAddressOrAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        @inline(__always) func joiner(_ b: UInt8) -> Bool {
            b == UInt8(ascii: ".") || b == UInt8(ascii: "@") || b == UInt8(ascii: "/") || b == UInt8(ascii: ":")
        }
        @inline(__always) func wordByte(_ b: UInt8) -> Bool { b &- 0x61 < 26 || b &- 0x41 < 26 || b &- 0x30 < 10 }
        let lo = range.lowerBound, hi = range.upperBound
        if lo >= 2 && joiner(bytes[lo - 1]) && wordByte(bytes[lo - 2]) { return true }
        guard hi < bytes.count && joiner(bytes[hi]) else { return false }
        if hi + 1 < bytes.count && wordByte(bytes[hi + 1]) { return true }
        return bytes[hi] == UInt8(ascii: ".") && abbreviations.kind(bytes, range) != nil
    }

    @inline(__always)
    private mutating func local(_ id: Int32, in result: inout DocumentTerms) -> Int32 {
        let v = Int(id)
        if v >= stamp.count {
            let grown = max(v + 1, stamp.count * 2, 1024)
            stamp.append(contentsOf: repeatElement(0, count: grown - stamp.count))
            localID.append(contentsOf: repeatElement(0, count: grown - localID.count))
        }
        if stamp[v] == currentStamp { return localID[v] }
        stamp[v] = currentStamp
        let l = Int32(result.vocabularyID.count)
        localID[v] = l
        result.vocabularyID.append(id)
        return l
    }
}
