/// A fixed set of words mapped to values, looked up straight from a slice of a
/// document's bytes. Lookups ignore ASCII case and allocate nothing: the segmenter asks
/// it about the word before every full stop, so it must not build a `String` each time.
struct ByteWordTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var keyStart: Int
        var keyLength: Int
        var value: Value
    }

    private var slots: [Int32]
    private var entries: [Entry] = []
    private var keys: [UInt8] = []
    private var mask: Int

    /// The longest key, so that longer slices are rejected without hashing.
    private(set) var maxKeyLength = 0

    /// Builds the table; a later pair for the same key replaces the earlier one.
    init(_ pairs: [(String, Value)]) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, value) in pairs { insert(key, value) }
    }

    private mutating func insert(_ key: String, _ value: Value) {
        let bytes = Array(key.utf8).map(Self.lower)
        guard !bytes.isEmpty else { return }
        let h = bytes.withUnsafeBufferPointer { Self.hash($0, 0..<$0.count) }
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let e = entries[Int(slots[slot])]
            if e.hash == h && keys[e.keyStart..<e.keyStart + e.keyLength].elementsEqual(bytes) {
                entries[Int(slots[slot])].value = value
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count)
        entries.append(Entry(hash: h, keyStart: keys.count, keyLength: bytes.count, value: value))
        keys.append(contentsOf: bytes)
        maxKeyLength = max(maxKeyLength, bytes.count)
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// FNV-1a over the ASCII-lowercased bytes.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            h ^= UInt64(lower(bytes[i]))
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// The value for the word in `range` of `bytes`, ignoring ASCII case.
    func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        guard !range.isEmpty, range.count <= maxKeyLength else { return nil }
        let h = Self.hash(bytes, range)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            let e = entries[Int(index)]
            if e.hash == h && e.keyLength == range.count {
                var same = true
                for k in 0..<e.keyLength where keys[e.keyStart + k] != Self.lower(bytes[range.lowerBound + k]) {
                    same = false
                    break
                }
                if same { return e.value }
            }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool { value(bytes, range) != nil }
}
