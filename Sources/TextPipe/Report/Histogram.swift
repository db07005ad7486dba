/// Counts of values in fixed bins: memory stays the same however many values go in.
public struct Histogram: Sendable, Equatable {
    /// How values map to bins.
    public enum Scale: Sendable, Equatable {
        /// Bin 0 holds 0; bin k ≥ 1 holds [2^(k-1), 2^k): for lengths spread over orders of magnitude.
        case powersOfTwo
        /// Bin k holds [k·width, (k+1)·width); the last bin also holds everything above.
        case linear(width: Int)
    }

    public let scale: Scale
    public private(set) var counts: [Int]
    public private(set) var total = 0
    public private(set) var sum = 0
    public private(set) var minimum = Int.max
    public private(set) var maximum = 0

    public init(scale: Scale, bins: Int) {
        self.scale = scale
        counts = [Int](repeating: 0, count: max(1, bins))
    }

    public mutating func add(_ value: Int) {
        let v = max(0, value)
        let bin: Int
        switch scale {
        case .powersOfTwo: bin = v == 0 ? 0 : Int.bitWidth - v.leadingZeroBitCount
        case .linear(let width): bin = v / max(1, width)
        }
        counts[min(bin, counts.count - 1)] += 1
        total += 1
        sum += v
        minimum = min(minimum, v)
        maximum = max(maximum, v)
    }

    public mutating func merge(_ other: Histogram) {
        for (i, c) in other.counts.enumerated() where i < counts.count { counts[i] += c }
        total += other.total
        sum += other.sum
        if other.total > 0 {
            minimum = min(minimum, other.minimum)
            maximum = max(maximum, other.maximum)
        }
    }

    public var mean: Double { total > 0 ? Double(sum) / Double(total) : 0 }

    /// The range of values bin `i` holds; the upper bound is `nil` for the open last bin.
    public func range(ofBin i: Int) -> (lower: Int, upper: Int?) {
        let last = i == counts.count - 1
        switch scale {
        case .powersOfTwo:
            if i == 0 { return (0, 0) }
            return (1 << (i - 1), last ? nil : (1 << i) - 1)
        case .linear(let width):
            return (i * width, last ? nil : (i + 1) * width - 1)
        }
    }

    /// The bins from the first to the last that hold anything (all of them when empty).
    public var usedBins: Range<Int> {
        guard let first = counts.firstIndex(where: { $0 > 0 }), let last = counts.lastIndex(where: { $0 > 0 }) else {
            return 0..<0
        }
        return first..<(last + 1)
    }
}
