/// A fixed set of short words, each packed into two integers, looked up with one
/// multiplication and a probe or two: no hashing of strings, no allocation. For the word
/// lists that are consulted once per word of every page (stop words, class-name hints).
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

        /// This word, then `separator`, then `other`: `most` + `-` + `read`.
        func joined(_ separator: UInt8, _ other: Word) -> Word {
            var joined = self
            joined.append(separator)
            for i in 0..<min(other.count, 16) { joined.append(other.byte(i)) }
            joined.count = count + 1 + other.count
            return joined
        }
    }

    private var slots: [Word?]
    private let shift: UInt64

    init(_ words: some Sequence<String>) {
        let list = Array(words)
        var bits = 4
        while (1 << bits) < list.count * 4 { bits += 1 }
        shift = UInt64(64 - bits)
        slots = Array(repeating: nil, count: 1 << bits)
        for word in list {
            let packed = Word(word)
            var i = index(packed)
            while let occupied = slots[i], occupied != packed { i = (i + 1) & (slots.count - 1) }
            slots[i] = packed
        }
    }

    @inline(__always)
    private func index(_ word: Word) -> Int {
        let mixed = (word.low &* 0x9E37_79B9_7F4A_7C15) ^ (word.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(word.count)
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    func contains(_ word: Word) -> Bool {
        guard word.count <= 16 else { return false }
        var i = index(word)
        while let occupied = slots[i] {
            if occupied == word { return true }
            i = (i + 1) & (slots.count - 1)
        }
        return false
    }
}
