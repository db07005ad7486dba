/// The most frequent strings of a stream in bounded memory (the Space-Saving algorithm of
/// Metwally, Agrawal and El Abbadi): at most `capacity` strings are tracked, and when a new
/// one arrives at a full table it takes the place of the least counted one, inheriting its
/// count as a possible overcount. Every string that occurs more often than
/// total / capacity is guaranteed to be in the table, and its count is exact whenever its
/// `overcount` is 0 — which it is for every string while fewer than `capacity` distinct
/// strings have been seen.
public struct FrequentItems: Sendable {
    public struct Item: Sendable, Equatable {
        public let text: String
        public var count: Int
        /// How much of `count` may come from strings this one replaced.
        public var overcount: Int
    }

    public let capacity: Int
    private var items: [Item] = []
    private var index: [String: Int] = [:]
    public private(set) var total = 0

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    public mutating func add(_ text: String) {
        total += 1
        if let i = index[text] {
            items[i].count += 1
            return
        }
        if items.count < capacity {
            index[text] = items.count
            items.append(Item(text: text, count: 1, overcount: 0))
            return
        }
        // A linear scan for the minimum: the table is small, and this runs only for a
        // string not already tracked.
        var least = 0
        for i in 1..<items.count where items[i].count < items[least].count { least = i }
        index[items[least].text] = nil
        let floor = items[least].count
        items[least] = Item(text: text, count: floor + 1, overcount: floor)
        index[text] = least
    }

    /// The `n` most counted strings, most first (ties in order of text).
    public func top(_ n: Int) -> [Item] {
        Array(items.sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }.prefix(n))
    }

    public var distinctTracked: Int { items.count }
}
