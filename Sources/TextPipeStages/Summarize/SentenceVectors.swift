import Foundation

/// How sentence vectors weight their terms.
enum TermWeighting: String, CaseIterable, Sendable {
    /// tf × smoothed inverse sentence frequency.
    case tfidf
    /// Okapi BM25 term weights (k1 = 1.2, b = 0.75), sentences as the documents.
    case bm25
}

/// Each sentence as a unit-length sparse vector of weighted terms, so that a dot product
/// is a cosine similarity.
struct SentenceVectors {
    /// Sentence `i`'s entries are `term[start[i]..<start[i + 1]]`, sorted by term.
    private(set) var start: [Int] = [0]
    private(set) var term: [Int32] = []
    private(set) var weight: [Float] = []
    /// Each term's inverse sentence frequency (the tf-idf flavour, also for the centroid).
    private(set) var idf: [Float] = []

    var count: Int { start.count - 1 }

    init(_ terms: DocumentTerms, weighting: TermWeighting) {
        let n = terms.sentenceCount
        var df = [Int32](repeating: 0, count: terms.termCount)
        var lastSentence = [Int32](repeating: -1, count: terms.termCount)
        var totalTerms = 0
        for s in 0..<n {
            for t in terms.terms(of: s) where lastSentence[Int(t)] != Int32(s) {
                lastSentence[Int(t)] = Int32(s)
                df[Int(t)] += 1
            }
            totalTerms += terms.termStart[s + 1] - terms.termStart[s]
        }
        let sentences = Float(max(n, 1))
        idf = df.map { Float(log((1 + Double(sentences)) / (1 + Double($0)))) + 1 }
        let bm25IDF = weighting == .bm25
            ? df.map { Float(log(1 + (Double(sentences) - Double($0) + 0.5) / (Double($0) + 0.5))) } : []
        let averageLength = Float(max(totalTerms, 1)) / sentences

        term.reserveCapacity(totalTerms)
        weight.reserveCapacity(totalTerms)
        var sorted: [Int32] = []
        for s in 0..<n {
            sorted.removeAll(keepingCapacity: true)
            sorted.append(contentsOf: terms.terms(of: s))
            sorted.sort()
            let length = Float(sorted.count)
            let first = weight.count
            var norm: Float = 0
            var i = 0
            while i < sorted.count {
                var j = i + 1
                while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
                let t = Int(sorted[i])
                let tf = Float(j - i)
                let w: Float
                switch weighting {
                case .tfidf: w = tf * idf[t]
                case .bm25:
                    let k1: Float = 1.2, b: Float = 0.75
                    w = bm25IDF[t] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / averageLength))
                }
                term.append(sorted[i])
                weight.append(w)
                norm += w * w
                i = j
            }
            if norm > 0 {
                let scale = 1 / norm.squareRoot()
                for k in first..<weight.count { weight[k] *= scale }
            }
            start.append(term.count)
        }
    }

    /// The cosine similarity of every pair of sentences in `window`, as a dense row-major
    /// matrix (the diagonal is 0). `dense` is scratch space of at least the term count.
    func similarities(in window: Range<Int>, dense: inout [Float]) -> [Float] {
        let m = window.count
        var matrix = [Float](repeating: 0, count: m * m)
        for (a, i) in window.enumerated() {
            // Scatter sentence i, then dot every later sentence against it: one pass over
            // their terms instead of a sorted merge per pair.
            for k in start[i]..<start[i + 1] { dense[Int(term[k])] = weight[k] }
            for b in (a + 1)..<m {
                let j = window.lowerBound + b
                var dot: Float = 0
                for k in start[j]..<start[j + 1] { dot += dense[Int(term[k])] * weight[k] }
                matrix[a * m + b] = dot
                matrix[b * m + a] = dot
            }
            for k in start[i]..<start[i + 1] { dense[Int(term[k])] = 0 }
        }
        return matrix
    }

    /// The cosine similarity of sentence `i` to the vector scattered in `dense`.
    @inline(__always)
    func dot(_ i: Int, with dense: [Float]) -> Float {
        var dot: Float = 0
        for k in start[i]..<start[i + 1] { dot += dense[Int(term[k])] * weight[k] }
        return dot
    }

    /// Adds sentence `i` (times `scale`) into `dense`.
    @inline(__always)
    func scatter(_ i: Int, into dense: inout [Float], scale: Float = 1) {
        for k in start[i]..<start[i + 1] { dense[Int(term[k])] += weight[k] * scale }
    }

    /// Sets the entries of sentence `i` in `dense` back to 0.
    @inline(__always)
    func clear(_ i: Int, in dense: inout [Float]) {
        for k in start[i]..<start[i + 1] { dense[Int(term[k])] = 0 }
    }

    /// Whether sentence `i` has no terms at all.
    func isEmpty(_ i: Int) -> Bool { start[i] == start[i + 1] }
}

/// Eigenvector centrality of the sentences, by PageRank over the similarity graph.
enum SentenceCentrality {
    /// The damping factor of PageRank and LexRank.
    static let damping: Float = 0.85

    /// Centrality of the sentences in `window` (mean 1). With `threshold`, the graph is
    /// LexRank's: an unweighted edge wherever the similarity reaches it; without, edges
    /// are weighted by similarity (TextRank).
    static func scores(_ similarities: [Float], count m: Int, threshold: Float?) -> [Float] {
        guard m > 1 else { return [Float](repeating: 1, count: m) }
        var edges = similarities
        if let threshold {
            for k in edges.indices { edges[k] = edges[k] >= threshold ? 1 : 0 }
        }
        // Row-normalize: a sentence shares its score among its neighbours.
        var dangling: [Int] = []
        for i in 0..<m {
            var sum: Float = 0
            for j in 0..<m { sum += edges[i * m + j] }
            if sum > 0 {
                let inv = 1 / sum
                for j in 0..<m { edges[i * m + j] *= inv }
            } else {
                dangling.append(i)
            }
        }
        var score = [Float](repeating: 1 / Float(m), count: m)
        var next = score
        for _ in 0..<50 {
            var danglingMass: Float = 0
            for i in dangling { danglingMass += score[i] }
            let base = (1 - damping) / Float(m) + damping * danglingMass / Float(m)
            for j in 0..<m { next[j] = base }
            for i in 0..<m {
                let share = damping * score[i]
                if share == 0 { continue }
                let row = i * m
                for j in 0..<m { next[j] += share * edges[row + j] }
            }
            var change: Float = 0
            for j in 0..<m { change += abs(next[j] - score[j]) }
            swap(&score, &next)
            if change < 1e-6 { break }
        }
        let mean = score.reduce(0, +) / Float(m)
        return mean > 0 ? score.map { $0 / mean } : score
    }

    /// Centrality of every sentence; documents longer than `window` sentences are scored in
    /// half-overlapping windows (each sentence gets the mean of its windows), so the cost
    /// grows linearly with the document instead of with its square.
    static func scores(_ vectors: SentenceVectors, window: Int, threshold: Float?, dense: inout [Float]) -> [Float] {
        let n = vectors.count
        if n <= window {
            return scores(vectors.similarities(in: 0..<n, dense: &dense), count: n, threshold: threshold)
        }
        var total = [Float](repeating: 0, count: n)
        var covered = [Float](repeating: 0, count: n)
        let step = max(window / 2, 1)
        var lo = 0
        while true {
            let hi = min(lo + window, n)
            let w = scores(vectors.similarities(in: lo..<hi, dense: &dense), count: hi - lo, threshold: threshold)
            for k in 0..<w.count {
                total[lo + k] += w[k]
                covered[lo + k] += 1
            }
            if hi == n { break }
            lo += step
        }
        return zip(total, covered).map { $0 / $1 }
    }
}
