/// A read-only view of a document's UTF-8 bytes with the character tests the segmenters
/// need. Segmentation runs on bytes, not `Character`s: most tests are one comparison on
/// an ASCII byte, and only the rare non-ASCII letter at a decision point is decoded.
struct TextBytes {
    let base: UnsafeBufferPointer<UInt8>

    init(_ base: UnsafeBufferPointer<UInt8>) { self.base = base }

    var count: Int { base.count }

    @inline(__always) subscript(i: Int) -> UInt8 { base[i] }

    /// The byte at `i`, or 0 past either end (0 never occurs in text that matters here).
    @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < base.count ? base[i] : 0 }

    // MARK: - Scalars

    /// The length of the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
    @inline(__always) static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// The scalar that starts at `i` and its length in bytes; invalid bytes decode as U+FFFD.
    func scalar(at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = base[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let n = Self.sequenceLength(lead)
        guard n > 1, i + n <= base.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
        for k in 1..<n {
            let b = base[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", n)
    }

    /// The start of the scalar that ends just before `i`.
    func scalarStart(before i: Int, floor: Int = 0) -> Int {
        var j = i - 1
        while j > floor && base[j] & 0xC0 == 0x80 && i - j < 4 { j -= 1 }
        return j
    }

    // MARK: - Whitespace and line breaks

    /// The byte length of the whitespace character at `i`, or 0. Covers ASCII white space,
    /// no-break and typographic spaces, line and paragraph separators, the ideographic
    /// space, and the invisible zero-width space and byte-order mark.
    @inline(__always) func whitespaceLength(at i: Int) -> Int {
        let b = base[i]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
        return wideWhitespaceLength(at: i)
    }

    func wideWhitespaceLength(at i: Int) -> Int {
        let b = base[i]
        let b1 = at(i + 1)
        switch b {
        case 0xC2: return b1 == 0xA0 || b1 == 0x85 ? 2 : 0
        case 0xE2:
            let b2 = at(i + 2)
            if b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return 3 }
            if b1 == 0x81 && b2 == 0x9F { return 3 }
            return 0
        case 0xE3: return b1 == 0x80 && at(i + 2) == 0x80 ? 3 : 0
        case 0xEF: return b1 == 0xBB && at(i + 2) == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// The length of the whitespace character that ends just before `i`, or 0.
    @inline(__always) func whitespaceLength(endingAt i: Int) -> Int {
        let b = base[i - 1]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
        let start = scalarStart(before: i)
        let n = wideWhitespaceLength(at: start)
        return start + n == i ? n : 0
    }

    /// The length of a line break at `i` (`\n`, `\r\n`, `\r`, NEL, U+2028), or 0.
    @inline(__always) func lineBreakLength(at i: Int) -> Int {
        let b = base[i]
        if b == 0x0A { return 1 }
        if b == 0x0D { return at(i + 1) == 0x0A ? 2 : 1 }
        if b == 0xC2 { return at(i + 1) == 0x85 ? 2 : 0 }
        if b == 0xE2 { return at(i + 1) == 0x80 && at(i + 2) == 0xA8 ? 3 : 0 }
        return 0
    }

    /// The range without leading and trailing whitespace (empty when it is all whitespace).
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let n = whitespaceLength(at: lo)
            if n == 0 { break }
            lo += n
        }
        while hi > lo {
            let n = whitespaceLength(endingAt: hi)
            if n == 0 { break }
            hi -= n
        }
        return lo..<max(lo, hi)
    }

    /// The first non-whitespace position at or after `i` (at most `limit`).
    func skipWhitespace(from i: Int, limit: Int) -> Int {
        var j = i
        while j < limit {
            let n = whitespaceLength(at: j)
            if n == 0 { break }
            j += n
        }
        return j
    }

    // MARK: - Letters

    /// The case class of the character at `i`.
    enum CharClass: Equatable {
        case upper, lower, otherLetter, digit, whitespace, other
    }

    func charClass(at i: Int) -> CharClass {
        guard i < base.count else { return .other }
        let b = base[i]
        if b < 0x80 {
            switch b {
            case 0x41...0x5A: return .upper
            case 0x61...0x7A: return .lower
            case 0x30...0x39: return .digit
            case 0x20, 0x09...0x0D: return .whitespace
            default: return .other
            }
        }
        if wideWhitespaceLength(at: i) > 0 { return .whitespace }
        let s = scalar(at: i).scalar
        let p = s.properties
        if p.isUppercase || p.generalCategory == .titlecaseLetter { return .upper }
        if p.isLowercase { return .lower }
        if p.isAlphabetic { return .otherLetter }
        if p.numericType == .decimal { return .digit }
        return .other
    }

    /// Whether the character at `i` is a letter, digit or combining mark: part of a word.
    @inline(__always) func isWordChar(at i: Int) -> Bool {
        let b = base[i]
        if b < 0x80 { return b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 }
        return isWideWordChar(at: i)
    }

    func isWideWordChar(at i: Int) -> Bool {
        let p = scalar(at: i).scalar.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The length of the character at `i` (1 for ASCII).
    @inline(__always) func charLength(at i: Int) -> Int { Self.sequenceLength(base[i]) }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
