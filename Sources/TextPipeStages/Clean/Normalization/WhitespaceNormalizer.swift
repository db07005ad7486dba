import TextPipe

/// Line endings to `\n`, runs of spaces and tabs to one space, lines trimmed, at most
/// `maxBlankLines` blank lines in a row, no blank lines at either end; optionally joins
/// words hyphenated across a line break ("exam-\nple" → "example").
struct WhitespaceNormalizer: TextPass {
    let collapse: Bool
    let maxBlankLines: Int
    let dehyphenate: Bool

    /// First parts of compounds whose hyphen is real, so "well-\nknown" stays "well-known".
    static let compoundHeads: Set<String> = [
        "self", "well", "non", "ex", "all", "half", "cross", "long", "short", "high", "low", "full", "part",
        "semi", "multi", "anti", "pro", "post", "pre", "co", "mid", "one", "two", "three", "four", "five",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "so", "far", "ill",
        "state", "long", "year", "man", "world", "top", "end", "open", "hard", "low", "old", "new",
    ]

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    func rewrite(_ s: UnsafeRawBufferPointer) -> TextBuilder? {
        guard needsWork(s) else { return nil }
        let n = s.count
        var out = TextBuilder(capacity: n)
        var pendingNewlines = 0        // line breaks seen since the last text
        var pendingBreakRange = 0..<0  // the source bytes they stand for
        var lineHasText = false
        var i = 0
        while i < n {
            let b = s[i]
            if b == 0x0A || b == 0x0D {
                let start = i
                i += (b == 0x0D && i + 1 < n && s[i + 1] == 0x0A) ? 2 : 1
                if dehyphenate, pendingNewlines == 0, lineHasText, let join = hyphenJoin(s, lineEnd: start, next: i, out: out) {
                    // Drop "-" + line break + indentation: the word continues.
                    out.trimEnd(while: { $0 == UInt8(ascii: "-") })
                    i = join
                    continue
                }
                if !collapse {  // whitespace kept as it is: only the join above applies
                    out.copy(s, start..<i)
                    lineHasText = false
                    continue
                }
                if pendingNewlines == 0 { pendingBreakRange = start..<i } else { pendingBreakRange = pendingBreakRange.lowerBound..<i }
                pendingNewlines += 1
                lineHasText = false
                continue
            }
            if Self.isBlank(b) && collapse {
                let start = i
                while i < n && Self.isBlank(s[i]) { i += 1 }
                // Leading or trailing blanks of a line vanish; inner runs become one space.
                let atLineEnd = i == n || s[i] == 0x0A || s[i] == 0x0D
                if lineHasText && !atLineEnd {
                    if i - start == 1 && b == 0x20 { out.copyByte(0x20, at: start) } else { out.replace(start..<i, withByte: 0x20) }
                } else {
                    out.replace(start..<i, withBytes: UnsafeRawBufferPointer(start: nil, count: 0))
                }
                continue
            }
            if pendingNewlines > 0 {
                if out.count > 0 {
                    let breaks = min(pendingNewlines, maxBlankLines + 1)
                    if breaks == pendingNewlines && pendingBreakRange.count == breaks
                        && !s[pendingBreakRange].contains(0x0D)
                    {
                        out.copy(s, pendingBreakRange)
                    } else {
                        out.replace(pendingBreakRange, with: String(repeating: "\n", count: breaks))
                    }
                }
                pendingNewlines = 0
            }
            lineHasText = true
            out.copyByte(b, at: i)
            i += 1
        }
        return out
    }

    /// Where the next line's text starts when the line ending at `lineEnd` ends in a
    /// hyphenated word fragment that continues there in lower case; otherwise nil.
    private func hyphenJoin(_ s: UnsafeRawBufferPointer, lineEnd: Int, next: Int, out: TextBuilder) -> Int? {
        let written = out.bytes
        guard written.count >= 3, written[written.count - 1] == UInt8(ascii: "-"),
              Self.isLower(written[written.count - 2]) else { return nil }
        // The fragment before the hyphen: letters back to a non-letter, looking at most 32
        // bytes back (compound heads are short; a long run of joins must not rescan).
        var k = written.count - 2
        let limit = max(0, written.count - 34)
        while k > limit && Self.isLower(written[k - 1]) { k -= 1 }
        if k > 0 && (written[k - 1] >= 0x41 && written[k - 1] <= 0x5A) { k -= 1 }  // "Data-" keeps its capital
        let fragment = String(decoding: written[k..<(written.count - 1)], as: UTF8.self).lowercased()
        guard fragment.count >= 2, !Self.compoundHeads.contains(fragment) else { return nil }
        if k > 0 && written[k - 1] == UInt8(ascii: "-") { return nil }  // "state-of-the-\nart"
        var j = next
        while j < s.count && Self.isBlank(s[j]) { j += 1 }
        guard j < s.count, Self.isLower(s[j]) else { return nil }
        return j
    }

    /// A quick scan: most clean text has nothing to change.
    private func needsWork(_ s: UnsafeRawBufferPointer) -> Bool {
        let n = s.count
        if n == 0 { return false }
        if !collapse {
            return dehyphenate && (1..<max(1, n)).contains { (s[$0] == 0x0A || s[$0] == 0x0D) && s[$0 - 1] == UInt8(ascii: "-") }
        }
        if Self.isBlank(s[0]) || s[0] == 0x0A || Self.isBlank(s[n - 1]) || s[n - 1] == 0x0A { return true }
        var newlines = 0
        var i = 0
        while i < n {
            let b = s[i]
            if b == 0x0D { return true }
            if b == 0x0A {
                newlines += 1
                if newlines > maxBlankLines + 1 { return true }
                if i > 0 && (Self.isBlank(s[i - 1]) || (dehyphenate && s[i - 1] == UInt8(ascii: "-"))) { return true }
                if i + 1 < n && Self.isBlank(s[i + 1]) { return true }
            } else {
                newlines = 0
                if collapse && b == 0x09 { return true }
                if collapse && b == 0x20 && i + 1 < n && s[i + 1] == 0x20 { return true }
            }
            i += 1
        }
        return false
    }
}
