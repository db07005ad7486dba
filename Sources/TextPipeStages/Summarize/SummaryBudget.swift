/// How long a summary may be.
enum SummaryBudget: Equatable, Sendable {
    case sentences(Int)
    /// A share of the candidate sentences, rounded to the nearest whole sentence (at least 1).
    case ratio(Double)
    /// At most this many words in all.
    case words(Int)
    /// At most this many characters (Unicode code points) in the summary text: white space
    /// runs count as one space, and the spaces that join the sentences count too.
    case characters(Int)

    /// What the sentences may spend in all. A character budget gets one more, since every
    /// sentence's cost includes the space that joins it and the first needs none.
    var allowance: Int {
        switch self {
        case .words(let w): return w
        case .characters(let c): return c + 1
        case .sentences, .ratio: return .max
        }
    }

    /// The most sentences the budget allows out of `candidates`.
    func sentenceLimit(candidates n: Int) -> Int {
        switch self {
        case .sentences(let k): return min(k, n)
        case .ratio(let r): return n == 0 ? 0 : min(n, max(1, Int((r * Double(n)).rounded(.toNearestOrAwayFromZero))))
        case .words, .characters: return n
        }
    }
}

/// Picks the summary: the best-scored sentences that fit the budget, each one's score
/// lowered by its similarity to those already picked (maximal marginal relevance), so
/// that the summary does not say the same thing twice.
struct SentenceSelector {
    /// 0 ignores redundancy; 1 picks by redundancy alone.
    var diversity: Float
    /// Redundancy is checked against picked sentences at most this far away (all of them in
    /// documents shorter than this), which keeps long documents linear.
    var window: Int

    /// The indices picked, in document order. `scores` are from 0 to 1; `cost(i)` is what a
    /// sentence spends of a word or character budget.
    func select(scores: [Float], vectors: SentenceVectors, budget: SummaryBudget,
                cost: (Int) -> Int, dense: inout [Float]) -> [Int]
    {
        let n = scores.count
        let limit = budget.sentenceLimit(candidates: n)
        var allowance = budget.allowance
        guard limit > 0 else { return [] }
        if limit == n && allowance == .max { return Array(0..<n) }

        // Lazy greedy: a candidate's value only falls as sentences are picked, so a value
        // that is still the best after being brought up to date is the true best.
        var penalty = [Float](repeating: 0, count: n)
        var heap = MaxHeap(capacity: n)
        for i in 0..<n { heap.push(value: (1 - diversity) * scores[i], index: i) }
        var picked: [Int] = []
        var isPicked = [Bool](repeating: false, count: n)
        while picked.count < limit, allowance > 0, let top = heap.pop() {
            let current = (1 - diversity) * scores[top.index] - diversity * penalty[top.index]
            if current < top.value - 1e-7 {
                heap.push(value: current, index: top.index)
                continue
            }
            let spend = cost(top.index)
            if allowance != .max {
                if spend > allowance { continue }
                allowance -= spend
            }
            picked.append(top.index)
            isPicked[top.index] = true
            if diversity > 0 {
                vectors.scatter(top.index, into: &dense)
                for j in max(0, top.index - window)..<min(n, top.index + window + 1) where !isPicked[j] {
                    penalty[j] = max(penalty[j], vectors.dot(j, with: dense))
                }
                vectors.clear(top.index, in: &dense)
            }
        }
        return picked.sorted()
    }
}

/// A binary max-heap of (value, index), ties broken towards the lower index so that
/// equal scores pick the earlier sentence.
struct MaxHeap {
    private var items: [(value: Float, index: Int)] = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    private func above(_ a: Int, _ b: Int) -> Bool {
        items[a].value != items[b].value ? items[a].value > items[b].value : items[a].index < items[b].index
    }

    mutating func push(value: Float, index: Int) {
        items.append((value, index))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if !above(child, parent) { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (value: Float, index: Int)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < items.count && above(left, best) { best = left }
            if right < items.count && above(right, best) { best = right }
            if best == parent { break }
            items.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
