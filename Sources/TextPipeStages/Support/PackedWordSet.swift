/// A fixed set of short words, each packed into two integers and tagged with a few bits,
/// looked up with one multiplication and a probe or two: no hashing of strings, no
/// allocation. For the word lists that are consulted once per word of every page (stop
/// words, class-name hints).
struct PackedWordSet: Sendable {
    /// Up to 16 bytes of a word, little-endian; longer words keep their first 16 bytes and
    /// their length, so they never equal a shorter one.
    struct Word: Hashable, Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0

        @inline(__always)
        mutating func append(_ b: UInt8) {
            if count < 8 { low |= UInt64(b) << (8 * count) } else if count < 16 { high |= UInt64(b) << (8 * (count - 8)) }
            count += 1
        }

        init() {}

        init(_ text: some StringProtocol) {
            for b in text.utf8 { append(b) }
        }

        /// The byte at `i` (below 16).
        func byte(_ i: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: i < 8 ? low >> (8 * i) : high >> (8 * (i - 8)))
        }

        /// The word's slot in a table of 2^(64 - shift) slots.
        @inline(__always)
        func slot(shift: UInt64) -> Int {
            let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: count)
            return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// This word, then `separator`, then `other`: `most` + `-` + `read`.
        func joined(_ separator: UInt8, _ other: Word) -> Word {
            var joined = self
            joined.append(separator)
            for i in 0..<min(other.count, 16) { joined.append(other.byte(i)) }
            joined.count = count + 1 + other.count
            return joined
        }
    }

    // Open addressing, one array per field; a count of 0 marks an empty slot.
    private var lows: [UInt64]
    private var highs: [UInt64]
    private var counts: [Int]
    private var tags: [UInt8]
    private let shift: UInt64

    init(_ words: some Sequence<String>) {
        self.init(words.map { ($0, UInt8(1)) })
    }

    /// Words with tags; a word listed twice gets the union of its tags.
    init(_ taggedWords: [(String, UInt8)]) {
        let list = taggedWords
        var bits = 4
        while (1 << bits) < list.count * 4 { bits += 1 }
        shift = UInt64(64 - bits)
        lows = Array(repeating: 0, count: 1 << bits)
        highs = lows
        counts = Array(repeating: 0, count: 1 << bits)
        tags = Array(repeating: 0, count: 1 << bits)
        for (word, tag) in list {
            let packed = Word(word)
            guard packed.count > 0 else { continue }
            var i = index(packed.low, packed.high, packed.count)
            while counts[i] != 0 && !(counts[i] == packed.count && lows[i] == packed.low && highs[i] == packed.high) {
                i = (i + 1) & (counts.count - 1)
            }
            (lows[i], highs[i], counts[i]) = (packed.low, packed.high, packed.count)
            tags[i] |= tag
        }
    }

    @inline(__always)
    private func index(_ low: UInt64, _ high: UInt64, _ count: Int) -> Int {
        var word = Word()
        (word.low, word.high, word.count) = (low, high, count)
        return word.slot(shift: shift)
    }

    func contains(_ word: Word) -> Bool { tag(low: word.low, high: word.high, count: word.count) != 0 }

    /// Whether the word packed as `low`, `high` (see `Word`) of `count` bytes is in the set.
    @inline(__always)
    func contains(low: UInt64, high: UInt64, count: Int) -> Bool { tag(low: low, high: high, count: count) != 0 }

    /// The tags of a word, 0 when it is not in the set.
    func tag(_ word: Word) -> UInt8 { tag(low: word.low, high: word.high, count: word.count) }

    @inline(__always)
    func tag(low: UInt64, high: UInt64, count: Int) -> UInt8 {
        guard count > 0 && count <= 16 else { return 0 }
        var i = index(low, high, count)
        while counts[i] != 0 {
            if counts[i] == count && lows[i] == low && highs[i] == high { return tags[i] }
            i = (i + 1) & (counts.count - 1)
        }
        return 0
    }
}
