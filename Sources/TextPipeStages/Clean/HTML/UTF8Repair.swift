import TextPipe

/// Finds and replaces ill-formed UTF-8 so that a rewritten text stays byte-for-byte what
/// its offset map describes (`String(decoding:)` would repair it silently and shift
/// every offset after the first bad byte).
enum UTF8Repair {
    /// The offset of the first ill-formed sequence in `bytes`, or nil when all is well.
    /// Hot path: eight ASCII bytes at a time.
    static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n && bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let (length, valid) = sequence(bytes, at: i)
            if !valid { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed sequence at `i` (valid), or of its maximal ill-formed
    /// subpart, at least one byte (not valid), by the Unicode standard's table 3-7.
    static func sequence(_ bytes: UnsafeRawBufferPointer, at i: Int) -> (length: Int, valid: Bool) {
        let lead = bytes[i]
        let count: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return (1, true)
        case 0xC2...0xDF: count = 2
        case 0xE0: count = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 3
        case 0xED: count = 3; high = 0x9F
        case 0xF0: count = 4; low = 0x90
        case 0xF1...0xF3: count = 4
        case 0xF4: count = 4; high = 0x8F
        default: return (1, false)
        }
        for k in 1..<count {
            guard i + k < bytes.count else { return (k, false) }
            let b = bytes[i + k]
            let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
            if b < lo || b > hi { return (k, false) }
        }
        return (count, true)
    }

    /// `bytes` with every ill-formed subpart replaced by U+FFFD, the map from the repaired
    /// bytes back to `bytes`, and a function that moves an offset of `bytes` that is not
    /// inside a replaced subpart to the repaired bytes.
    static func repair(_ bytes: UnsafeRawBufferPointer) -> (text: String, map: OffsetMap, move: (Int) -> Int) {
        var builder = TextBuilder(capacity: bytes.count + 16)
        // (first offset after a replacement, how far offsets from there move)
        var shifts: [(from: Int, by: Int)] = []
        var runStart = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let (length, valid) = sequence(bytes, at: i)
            if !valid {
                builder.copy(bytes, runStart..<i)
                builder.replace(i..<(i + length), with: "\u{FFFD}")
                shifts.append((i + length, (shifts.last?.by ?? 0) + 3 - length))
                runStart = i + length
            }
            i += length
        }
        builder.copy(bytes, runStart..<bytes.count)
        let (text, map) = builder.finish()
        let move: (Int) -> Int = { offset in
            var lo = 0
            var hi = shifts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if shifts[mid].from <= offset { lo = mid + 1 } else { hi = mid }
            }
            return offset + (lo > 0 ? shifts[lo - 1].by : 0)
        }
        return (text, map, move)
    }
}
