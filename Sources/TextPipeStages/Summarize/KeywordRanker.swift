/// A key phrase of a document: adjacent content words, scored.
struct KeyPhrase {
    var terms: [Int32]
    var score: Float
    /// The first occurrence, as a byte range of the text.
    var firstOccurrence: Range<Int>
    var occurrences: Int
    /// Written with capitals somewhere other than at the start of a sentence (a name).
    var isProperName: Bool
    /// Whether it occurred as a whole run of key words, not only inside a longer phrase.
    var standsAlone = true

    /// A phrase of several words must recur, or be a name: "reef lies" once is not one.
    var isRecurringOrName: Bool { terms.count == 1 || occurrences >= 2 || isProperName }
}

/// TextRank over words: content words that occur near each other are linked, and
/// PageRank over that graph ranks them. Runs of adjacent content words then form key
/// phrases. The word scores also weight the summarizer's centroid and keyword features.
enum KeywordRanker {
    /// Content words at most this many positions apart (within a sentence) are linked.
    static let cooccurrenceWindow = 3
    /// Phrases longer than this are split: long runs are usually lists, not phrases.
    static let maximumPhraseLength = 3

    /// Each local term's score from 0 to 1 (1 for the best; 0 for terms that may not be key words,
    /// by local term in `mayBeKeyword`).
    static func wordScores(_ terms: DocumentTerms, mayBeKeyword: [Bool]) -> [Float] {
        let v = terms.termCount
        guard v > 0 else { return [] }
        // Edges as packed (a, b) pairs, a < b, then counted: a sort beats a dictionary here.
        var pairs: [UInt64] = []
        pairs.reserveCapacity(terms.occurrences.count * (cooccurrenceWindow - 1))
        let occ = terms.occurrences
        var sentenceStart = 0
        for i in occ.indices {
            if i > 0 && occ[i].sentence != occ[i - 1].sentence { sentenceStart = i }
            let a = occ[i].term
            if !mayBeKeyword[Int(a)] { continue }
            var j = i - 1
            while j >= sentenceStart && j >= i - (cooccurrenceWindow - 1) {
                let b = occ[j].term
                if b != a && mayBeKeyword[Int(b)] {
                    pairs.append(UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b))))
                }
                j -= 1
            }
        }
        pairs.sort()
        // Symmetric weighted adjacency in compressed rows.
        var degree = [Float](repeating: 0, count: v)
        var edgeA: [Int32] = [], edgeB: [Int32] = [], edgeW: [Float] = []
        var k = 0
        while k < pairs.count {
            var e = k + 1
            while e < pairs.count && pairs[e] == pairs[k] { e += 1 }
            let a = Int32(truncatingIfNeeded: pairs[k] >> 32), b = Int32(truncatingIfNeeded: pairs[k] & 0xFFFF_FFFF)
            let w = Float(e - k)
            edgeA.append(a); edgeB.append(b); edgeW.append(w)
            degree[Int(a)] += w
            degree[Int(b)] += w
            k = e
        }
        var score = [Float](repeating: 1, count: v)
        var next = score
        let d = SentenceCentrality.damping
        for _ in 0..<40 {
            for i in 0..<v { next[i] = 1 - d }
            for e in edgeA.indices {
                let a = Int(edgeA[e]), b = Int(edgeB[e]), w = edgeW[e]
                next[b] += d * w * score[a] / degree[a]
                next[a] += d * w * score[b] / degree[b]
            }
            var change: Float = 0
            for i in 0..<v { change += abs(next[i] - score[i]) }
            swap(&score, &next)
            if change < 1e-4 * Float(v) { break }
        }
        // Isolated words keep the floor score.
        for i in 0..<v where degree[i] == 0 { score[i] = mayBeKeyword[i] ? 1 - d : 0 }
        let top = score.max() ?? 1
        return top > 0 ? score.map { $0 / top } : score
    }

    /// The best `limit` key phrases, best first. As in TextRank, the top third of the words
    /// (at least three per phrase asked for) are key words, and adjacent key words join into
    /// phrases of up to three. A phrase that shares a word with a better one is left out, so
    /// "rates" does not follow "interest rates".
    static func phrases(_ terms: DocumentTerms, wordScores: [Float], text: UnsafeBufferPointer<UInt8>,
                        limit: Int) -> [KeyPhrase]
    {
        guard limit > 0, !wordScores.isEmpty else { return [] }
        let eligible = wordScores.filter { $0 > 0 }.sorted(by: >)
        guard !eligible.isEmpty else { return [] }
        let cutoff = eligible[min(eligible.count - 1, max(limit * 3, eligible.count / 3) - 1)]
        let occ = terms.occurrences
        // A word is a name when it has a capital somewhere other than at a sentence's start.
        var isName = [Bool](repeating: false, count: wordScores.count)
        var lowerSomewhere = [Bool](repeating: false, count: wordScores.count)
        for o in occ {
            if !startsWithCapital(text, o.start) { lowerSomewhere[Int(o.term)] = true }
            else if !o.sentenceInitial { isName[Int(o.term)] = true }
        }
        for t in isName.indices where lowerSomewhere[t] { isName[t] = false }

        var byTerms: [[Int32]: Int] = [:]
        var found: [KeyPhrase] = []
        func add(_ run: ArraySlice<TermOccurrence>, alone: Bool = true) {
            let key = run.map(\.term)
            if let index = byTerms[key] {
                found[index].occurrences += 1
                if alone { found[index].standsAlone = true }
                return
            }
            let mean = key.reduce(Float(0)) { $0 + wordScores[Int($1)] } / Float(key.count)
            byTerms[key] = found.count
            found.append(KeyPhrase(
                terms: key, score: mean * Float(key.count).squareRoot(),
                firstOccurrence: run.first!.start..<run.last!.end,
                occurrences: 1, isProperName: key.allSatisfy { isName[Int($0)] }, standsAlone: alone))
        }
        var runStart = -1
        for i in 0...occ.count {
            let isKey = i < occ.count && wordScores[Int(occ[i].term)] >= cutoff && occ[i].mayBeKeyword
            let joins = isKey && runStart >= 0 && !occ[i].gapBefore && occ[i].sentence == occ[runStart].sentence
                && i - runStart < maximumPhraseLength
            if joins { continue }
            if runStart >= 0 {
                add(occ[runStart..<i])
                // Each word of a phrase is a candidate too, should the phrase not count.
                if i - runStart > 1 { for k in runStart..<i { add(occ[k..<k + 1], alone: false) } }
            }
            runStart = isKey ? i : -1
        }

        // Repetition counts a little: a phrase used three times is a topic, not an aside. A
        // lone word in -ed or -ly is most often a verb or an adverb ("issued", "nearly"),
        // which names no topic.
        for i in found.indices {
            found[i].score *= 1 + 0.15 * Float(min(found[i].occurrences, 5) - 1)
            let r = found[i].firstOccurrence
            if found[i].terms.count == 1 && r.count > 4 {
                let ending = (text[r.upperBound - 2] | 0x20, text[r.upperBound - 1] | 0x20)
                if ending == (UInt8(ascii: "e"), UInt8(ascii: "d")) || ending == (UInt8(ascii: "l"), UInt8(ascii: "y")) {
                    found[i].score *= 0.6
                }
            }
        }
        let ranked = found.indices.sorted {
            found[$0].score != found[$1].score ? found[$0].score > found[$1].score
                : found[$0].firstOccurrence.lowerBound < found[$1].firstOccurrence.lowerBound
        }
        // The words of a phrase that does not count may stand as key words on their own;
        // those of a phrase that does are covered by it.
        var released = Set<Int32>()
        for phrase in found where !phrase.isRecurringOrName { released.formUnion(phrase.terms) }
        var chosen: [KeyPhrase] = []
        var covered = Set<Int32>()
        for index in ranked where chosen.count < limit {
            let phrase = found[index]
            if !phrase.isRecurringOrName { continue }
            if !phrase.standsAlone && !released.contains(phrase.terms[0]) { continue }
            if phrase.terms.contains(where: covered.contains) { continue }
            chosen.append(phrase)
            covered.formUnion(phrase.terms)
        }
        return chosen
    }

    @inline(__always)
    private static func startsWithCapital(_ text: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        let b = text[at]
        return b &- 0x41 < 26 || (b >= 0xC3 && b < 0xC4 && at + 1 < text.count && text[at + 1] < 0x9F)
    }
}
