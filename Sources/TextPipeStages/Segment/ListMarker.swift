/// A list marker at the start of a line or of an inline item: a bullet ("•", "-", "⁃"),
/// an enumerator ("1.", "2)", "(b)", "iv.") or a bullet followed by an enumerator ("• 9.").
/// Its full stop ("1.") never ends a sentence.
struct ListMarker: Equatable {
    enum Style: Equatable {
        /// "1." — ambiguous with a sentence that ends in a number, so only trusted in context.
        case dot
        /// "1)" or "(1)".
        case paren
        /// "1.)".
        case dotParen
    }

    var start: Int
    /// The end of the marker (the following space is not part of it).
    var end: Int
    /// The bullet character, if the marker has one.
    var bullet: UInt32?
    /// The enumerator's value, if it has one: 1, 2, 3 … for numbers, letters and roman numerals.
    var number: Int?
    /// For a single letter: its lower-case ASCII byte ("i" and "v" may also be roman numerals).
    var letter: UInt8?
    /// For a roman numeral (including the single letters i, v, x): its value.
    var roman: Int?
    var style: Style?
    /// The position of the marker's full stop, if it has one.
    var dot: Int?

    var isEnumerated: Bool { number != nil || letter != nil || roman != nil }

    /// Whether `self` can be the item after `previous` in the same list.
    func follows(_ previous: ListMarker) -> Bool {
        if isEnumerated != previous.isEnumerated { return false }
        if !isEnumerated { return bullet == previous.bullet }
        if let n = number, let p = previous.number { return n == p + 1 }
        if let l = letter, let p = previous.letter, l == p + 1 { return true }
        if let r = roman, let p = previous.roman, r == p + 1 { return true }
        return false
    }

    /// Parses a marker at `i`; it must be followed by white space (or end the range).
    static func parse(_ t: TextBytes, at i: Int, limit: Int) -> ListMarker? {
        guard i < limit else { return nil }
        var j = i
        var bullet: UInt32?
        let b = t[i]
        if b == 0x2D || b == 0x2A || b == 0x2B {  // - * +
            guard i + 1 < limit, t[i + 1] == 0x20 || t[i + 1] == 0x09 else { return nil }
            bullet = UInt32(b)
            j = i + 1
        } else if b >= 0xC2 {
            let (s, n) = t.scalar(at: i)
            switch s.value {
            case 0x2022, 0x2023, 0x2043, 0x25E6, 0x25AA, 0x25AB, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x25BA,
                 0x25B6, 0x2219, 0x27A2, 0x2713, 0x2714, 0x2756:
                bullet = s.value
                j = i + n
            case 0x2013, 0x00B7:  // en dash and middle dot: only with a space after
                guard i + n < limit, t[i + n] == 0x20 || t[i + n] == 0x09 else { return nil }
                bullet = s.value
                j = i + n
            default:
                return nil
            }
        }
        if let bullet {
            var k = j
            while k < limit && (t[k] == 0x20 || t[k] == 0x09) { k += 1 }
            if var inner = enumerator(t, at: k, limit: limit) {
                inner.start = i
                inner.bullet = bullet
                return inner
            }
            return ListMarker(start: i, end: j, bullet: bullet)
        }
        return enumerator(t, at: i, limit: limit)
    }

    /// "12.", "3)", "(c)", "iv.", "B.)" followed by white space or the end.
    private static func enumerator(_ t: TextBytes, at i: Int, limit: Int) -> ListMarker? {
        var j = i
        let open = j < limit && t[j] == 0x28  // (
        if open { j += 1 }
        let bodyStart = j
        var marker = ListMarker(start: i, end: i)
        if j < limit && TextBytes.isDigit(t[j]) {
            var value = 0
            while j < limit && TextBytes.isDigit(t[j]) && j - bodyStart < 3 {
                value = value * 10 + Int(t[j] - 0x30)
                j += 1
            }
            if j < limit && TextBytes.isDigit(t[j]) { return nil }
            marker.number = value
        } else {
            while j < limit && TextBytes.isASCIILetter(t[j]) && j - bodyStart < 6 { j += 1 }
            let length = j - bodyStart
            guard length >= 1 else { return nil }
            if j < limit && TextBytes.isASCIILetter(t[j]) { return nil }
            if length == 1 { marker.letter = t[bodyStart] | 0x20 }
            marker.roman = romanValue(t, bodyStart..<j)
            if length > 1 && marker.roman == nil { return nil }
        }
        guard j < limit else { return nil }
        if open {
            guard t[j] == 0x29 else { return nil }
            j += 1
            marker.style = .paren
        } else if t[j] == 0x29 {
            j += 1
            marker.style = .paren
        } else if t[j] == 0x2E {
            marker.dot = j
            j += 1
            if j < limit && t[j] == 0x29 {
                j += 1
                marker.style = .dotParen
            } else {
                marker.style = .dot
            }
        } else {
            return nil
        }
        guard j == limit || t[j] == 0x20 || t[j] == 0x09 || t.lineBreakLength(at: j) > 0 else { return nil }
        marker.end = j
        return marker
    }

    /// The value of a lower- or upper-case roman numeral from 1 to 39, or nil.
    static func romanValue(_ t: TextBytes, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 6 else { return nil }
        let upper = t[range.lowerBound] < 0x60
        var total = 0
        var previous = 0
        for i in range.reversed() {
            let b = t[i]
            if (b < 0x60) != upper { return nil }
            let v: Int
            switch b | 0x20 {
            case 0x69: v = 1  // i
            case 0x76: v = 5  // v
            case 0x78: v = 10  // x
            default: return nil
            }
            if v < previous { total -= v } else { total += v; previous = v }
        }
        // Reject non-canonical spellings such as "iiii" or "vx".
        guard total >= 1 && total < 40, canonicalRoman(total) == String(decoding: t.base[range], as: UTF8.self).lowercased()
        else { return nil }
        return total
    }

    private static func canonicalRoman(_ n: Int) -> String {
        let tens = ["", "x", "xx", "xxx"]
        let ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        return tens[n / 10] + ones[n % 10]
    }

    /// A hyphen or en dash that starts a line after a long line of running text ("… said it
    /// would\n- if prices rise - act …") is a dash of the sentence, not a bullet, unless
    /// the next line starts with the same bullet (a list after an introduction without a
    /// colon). `previousLine` is the trimmed line before; `limit` the end of the text.
    static func isWrappedDash(_ marker: ListMarker, _ t: TextBytes, previousLine: Range<Int>, limit: Int) -> Bool {
        guard let bullet = marker.bullet, bullet == 0x2D || bullet == 0x2013, !marker.isEnumerated,
              previousLine.count >= 40
        else { return false }
        let last = t[previousLine.upperBound - 1]
        guard (last >= 0x61 && last <= 0x7A) || TextBytes.isDigit(last) || last == 0x2C else { return false }
        var i = marker.end
        while i < limit && t.lineBreakLength(at: i) == 0 { i += 1 }
        guard i < limit else { return true }
        i += t.lineBreakLength(at: i)
        while i < limit && (t[i] == 0x20 || t[i] == 0x09) { i += 1 }
        guard let next = parse(t, at: i, limit: limit) else { return true }
        return next.bullet != bullet
    }

    /// Whether a marker found at the start of a line really starts a list item there,
    /// given how the line before ends (`previousEnd`: its last byte, nil at a paragraph
    /// start) and the last item seen. Bullets and parenthesised enumerators always do;
    /// "1." and "a." only where a new item is plausible, since a wrapped line can start
    /// with "12." and an initial ("A. K. Smith") looks like "A.".
    static func startsItem(_ marker: ListMarker, _ t: TextBytes, limit: Int, previousEnd: UInt8?,
                           previousItem: ListMarker?) -> Bool
    {
        if marker.style != .dot { return true }
        if let previousItem, marker.follows(previousItem) { return true }
        if marker.letter != nil || (marker.roman != nil && marker.number == nil) {
            // "A. K. Lindqvist": another initial follows, so this is a name.
            let k = t.skipWhitespace(from: marker.end, limit: limit)
            if k + 1 < limit && TextBytes.isASCIILetter(t[k]) && t[k + 1] == 0x2E { return false }
            if previousEnd == nil { return marker.letter == 0x61 || marker.roman == 1 || marker.bullet != nil }
            let first = marker.letter == 0x61 || marker.roman == 1
            return first && (previousEnd == 0x3A)  // "… as follows:\na. …"
        }
        guard let previousEnd else { return true }
        switch previousEnd {
        case 0x3A, 0x3B, 0x2E, 0x21, 0x3F: return true  // : ; . ! ?
        default: return false
        }
    }
}
