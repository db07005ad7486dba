import Foundation

/// How sentences are scored.
enum SummaryMethod: String, CaseIterable, Sendable {
    /// Centrality (to the centroid), position, length, title overlap and key-word coverage.
    case combined
    /// The first sentences.
    case lead
    /// PageRank over the cosine-similarity graph of the sentences.
    case textrank
    /// Eigenvector centrality of the thresholded (0.1) cosine graph.
    case lexrank
    /// Cosine similarity to the document's tf-idf centroid.
    case centroid
}

/// The weights of the `combined` method's features. Each feature runs from 0 to 1 within a
/// document, so a weight says how much that feature can move a sentence. Tuned on the
/// evaluation set in Tests/Fixtures/summaries (see Docs/Summarizing.md); graph centrality
/// and a penalty for quotations were tried there as features and left out: neither helped.
struct FeatureWeights: Sendable, Equatable {
    /// Cosine similarity to the document's tf-idf centroid: how central the sentence is.
    var centroid: Float = 1
    /// 1/√(i+1) for the i-th sentence: news puts the point early, but not always first.
    var position: Float = 0.1
    /// Words, up to `fullLength`: a short sentence carries little of a story.
    var length: Float = 0.8
    var fullLength: Float = 30
    /// The share of the title's terms the sentence repeats (key words weigh more).
    var title: Float = 0.8
    /// The summed scores of the key words the sentence holds.
    var keywords: Float = 0.5
}

/// What a summary is made of: the picked sentences, in document order, with their scores.
struct SummaryResult {
    var picked: [(sentence: Int, score: Float)]
    var keyPhrases: [KeyPhrase]
}

/// Scores a document's candidate sentences and picks the summary.
struct Summarizer: Sendable {
    var method: SummaryMethod = .combined
    var weighting: TermWeighting = .tfidf
    var budget: SummaryBudget = .sentences(3)
    var diversity: Float = 0.3
    /// Graph methods score documents longer than this many sentences in windows.
    var window: Int = 200
    var keyPhraseCount: Int = 0
    var weights = FeatureWeights()

    /// The similarity LexRank needs for an edge (Erkan and Radev's usual threshold).
    static let lexRankThreshold: Float = 0.1

    /// A worker's reusable state.
    final class Scratch {
        var terms = DocumentTermsBuilder()
        var dense: [Float] = []
    }

    /// Summarizes the sentences at `sentences` (byte ranges of `bytes`, in order).
    func summarize(_ bytes: UnsafeBufferPointer<UInt8>, sentences: [Range<Int>], title: String?,
                   scratch: Scratch) -> SummaryResult
    {
        let n = sentences.count
        guard n > 0 else { return SummaryResult(picked: [], keyPhrases: []) }
        let needsWords = method == .combined || keyPhraseCount > 0
        let terms = scratch.terms.build(bytes, sentences: sentences, title: title, keepOccurrences: needsWords)
        let wordScores: [Float]
        if needsWords {
            let known = scratch.terms.vocabulary.mayBeKeyword
            wordScores = KeywordRanker.wordScores(terms, mayBeKeyword: terms.vocabularyID.map { known[Int($0)] })
        } else {
            wordScores = []
        }
        let vectors = SentenceVectors(terms, weighting: weighting)
        if scratch.dense.count < terms.termCount {
            scratch.dense = [Float](repeating: 0, count: max(terms.termCount, scratch.dense.count * 2))
        }

        var scores: [Float]
        switch method {
        case .lead:
            scores = (0..<n).map { 1 - Float($0) / Float(n) }
        case .textrank:
            scores = SentenceCentrality.scores(vectors, window: window, threshold: nil, dense: &scratch.dense)
        case .lexrank:
            scores = SentenceCentrality.scores(vectors, window: window, threshold: Self.lexRankThreshold,
                                               dense: &scratch.dense)
        case .centroid:
            scores = centroidSimilarity(terms, vectors, dense: &scratch.dense)
        case .combined:
            scores = combinedScores(terms, vectors, wordScores, dense: &scratch.dense)
        }
        normalize(&scores)

        let picked: [Int]
        if method == .lead {
            picked = leadSentences(budget: budget, count: n) { cost(of: $0, terms, bytes, sentences) }
        } else {
            let selector = SentenceSelector(diversity: diversity, window: window)
            picked = selector.select(scores: scores, vectors: vectors, budget: budget,
                                     cost: { cost(of: $0, terms, bytes, sentences) }, dense: &scratch.dense)
        }
        let phrases = keyPhraseCount > 0
            ? KeywordRanker.phrases(terms, wordScores: wordScores, text: bytes, limit: keyPhraseCount) : []
        return SummaryResult(picked: picked.map { ($0, scores[$0]) }, keyPhrases: phrases)
    }

    /// What a sentence spends of a word or character budget.
    private func cost(of i: Int, _ terms: DocumentTerms, _ bytes: UnsafeBufferPointer<UInt8>,
                      _ sentences: [Range<Int>]) -> Int
    {
        switch budget {
        case .words: return terms.wordCounts[i]
        case .characters: return Self.collapsedLength(bytes, sentences[i]) + 1  // + the joining space
        case .sentences, .ratio: return 1
        }
    }

    private func leadSentences(budget: SummaryBudget, count n: Int, cost: (Int) -> Int) -> [Int] {
        let limit = budget.sentenceLimit(candidates: n)
        switch budget {
        case .sentences, .ratio: return Array(0..<limit)
        case .words, .characters:
            var left = budget.allowance
            var picked: [Int] = []
            for i in 0..<n {
                let c = cost(i)
                if c > left { continue }  // a shorter sentence further on may still fit
                left -= c
                picked.append(i)
            }
            return picked
        }
    }

    /// Cosine similarity of each sentence to the centroid: the document's tf-idf vector
    /// cut to its strongest terms.
    private func centroidSimilarity(_ terms: DocumentTerms, _ vectors: SentenceVectors, dense: inout [Float]) -> [Float]
    {
        let n = terms.sentenceCount
        var centroid = [Float](repeating: 0, count: terms.termCount)
        for t in terms.terms { centroid[Int(t)] += 1 }
        for t in centroid.indices { centroid[t] *= vectors.idf[t] }
        // Keep the strongest terms (Radev's centroid): the rest are noise for long texts.
        let keep = max(10, terms.termCount / 4)
        if terms.termCount > keep {
            var sorted = centroid
            sorted.sort(by: >)
            let floor = sorted[keep - 1]
            for t in centroid.indices where centroid[t] < floor { centroid[t] = 0 }
        }
        let norm = centroid.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [Float](repeating: 0, count: n) }
        for t in centroid.indices { dense[t] = centroid[t] / norm }
        let scores = (0..<n).map { vectors.dot($0, with: dense) }
        for t in centroid.indices { dense[t] = 0 }
        return scores
    }

    private func combinedScores(_ terms: DocumentTerms, _ vectors: SentenceVectors, _ wordScores: [Float],
                                dense: inout [Float]) -> [Float]
    {
        let n = terms.sentenceCount
        var centroid = centroidSimilarity(terms, vectors, dense: &dense)
        normalize(&centroid)
        // Key-word coverage: the summed scores of the distinct key words a sentence holds.
        var coverage = [Float](repeating: 0, count: n)
        var counted = [Int32](repeating: -1, count: terms.termCount)
        for s in 0..<n {
            for t in terms.terms(of: s) where counted[Int(t)] != Int32(s) {
                counted[Int(t)] = Int32(s)
                coverage[s] += wordScores[Int(t)]
            }
        }
        normalize(&coverage)
        // Title overlap: the share of the title's terms a sentence repeats, key words counting more.
        var titleOverlap = [Float](repeating: 0, count: n)
        if !terms.titleTerms.isEmpty {
            var titleWeight = [Float](repeating: 0, count: terms.termCount)
            var total: Float = 0
            for t in terms.titleTerms {
                titleWeight[Int(t)] = 1 + wordScores[Int(t)]
                total += titleWeight[Int(t)]
            }
            for i in counted.indices { counted[i] = -1 }
            for s in 0..<n {
                for t in terms.terms(of: s) where counted[Int(t)] != Int32(s) {
                    counted[Int(t)] = Int32(s)
                    titleOverlap[s] += titleWeight[Int(t)] / total
                }
            }
        }
        let w = weights
        return (0..<n).map { s in
            let position = 1 / Float(s + 1).squareRoot()
            let length = min(Float(terms.wordCounts[s]), w.fullLength) / w.fullLength
            return w.centroid * centroid[s] + w.position * position + w.length * length
                + w.title * titleOverlap[s] + w.keywords * coverage[s]
        }
    }

    /// ASCII white space: space, tab, CR and LF, what the summary text collapses.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Code points in the sentence as the summary text shows it: each run of white space
    /// counts as one space, and none at the ends.
    static func collapsedLength(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var pendingSpace = false
        for i in range {
            let b = bytes[i]
            if isSpace(b) {
                pendingSpace = count > 0
            } else if b & 0xC0 != 0x80 {
                count += pendingSpace ? 2 : 1
                pendingSpace = false
            }
        }
        return count
    }

    /// Scales scores to run from 0 to 1 (all 1 when they are equal).
    private func normalize(_ scores: inout [Float]) {
        guard let lo = scores.min(), let hi = scores.max() else { return }
        let span = hi - lo
        for i in scores.indices { scores[i] = span > 0 ? (scores[i] - lo) / span : 1 }
    }
}
