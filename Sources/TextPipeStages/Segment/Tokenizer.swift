/// What a token is; the label of each span in the `tokens` layer.
enum TokenKind: String, Sendable {
    case word, number, punct, url, email, symbol
}

/// Splits text into tokens: words (with inner apostrophes and hyphens), numbers
/// ("1,250.00", "3.5%", "-12"), single punctuation marks, URLs, e-mail addresses,
/// hashtags and @mentions kept whole, and symbols. Known abbreviations keep their full
/// stop ("Mr.", "e.g.", "U.S."). Works on UTF-8 bytes like the segmenters.
struct Tokenizer: Sendable {
    let abbreviations: Abbreviations

    /// Calls `emit` with each token of `range`, in order.
    @inline(__always)
    func tokenize(_ t: TextBytes, range: Range<Int>, _ emit: (Range<Int>, TokenKind) -> Void) {
        var i = range.lowerBound
        let hi = range.upperBound
        while i < hi {
            let w = t.whitespaceLength(at: i)
            if w > 0 { i += w; continue }
            let (end, kind) = token(t, at: i, lowerBound: range.lowerBound, hi: hi)
            emit(i..<end, kind)
            i = end
        }
    }

    private func token(_ t: TextBytes, at i: Int, lowerBound: Int, hi: Int) -> (Int, TokenKind) {
        let b = t[i]
        // Hashtags and mentions: "#RoversWin", "@NorthwindHelp".
        if (b == 0x23 || b == 0x40) && i + 1 < hi && t.isWordChar(at: i + 1)
            && (i == lowerBound || !t.isWordChar(at: t.scalarStart(before: i, floor: lowerBound)))
        {
            var j = i + 1
            while j < hi && (t.isWordChar(at: j) || t[j] == 0x5F) { j += t.charLength(at: j) }
            return (j, .word)
        }
        // A signed number: "-12", "+44", only where a word could start.
        if (b == 0x2D || b == 0x2B) && i + 1 < hi && TextBytes.isDigit(t[i + 1])
            && (i == lowerBound || t.whitespaceLength(endingAt: i) > 0 || t[i - 1] == 0x28)
        {
            return word(t, at: i + 1, start: i, hi: hi)
        }
        if t.isWordChar(at: i) { return word(t, at: i, start: i, hi: hi) }
        return punctuation(t, at: i, hi: hi)
    }

    /// A word or number from `i` (the token itself starts at `start`).
    private func word(_ t: TextBytes, at i: Int, start: Int, hi: Int) -> (Int, TokenKind) {
        var j = i
        var letters = 0
        var dots = 0
        while j < hi {
            if t.isWordChar(at: j) {
                if t[j] >= 0x80 || TextBytes.isASCIILetter(t[j]) { letters += 1 }
                j += t.charLength(at: j)
                continue
            }
            let c = t[j]
            let nextIsWord = j + 1 < hi && t.isWordChar(at: j + 1)
            let prevIsDigit = TextBytes.isDigit(t[j - 1])
            let nextIsDigit = j + 1 < hi && TextBytes.isDigit(t[j + 1])
            switch c {
            case 0x27, 0x2D, 0x5F:  // ' - _ inside a word
                if nextIsWord { j += 1; continue }
            case 0x2E:  // . inside a number, a file name, a domain or an initialism
                if nextIsWord { dots += 1; j += 1; continue }
            case 0x2C, 0x3A:  // , : between digits ("1,250", "10:42")
                if prevIsDigit && nextIsDigit { j += 1; continue }
            case 0xE2:  // ’ inside a word
                if t.at(j + 1) == 0x80 && t.at(j + 2) == 0x99 && j + 3 < hi && t.isWordChar(at: j + 3) {
                    j += 3
                    continue
                }
            default:
                break
            }
            break
        }
        // Only a word that stops at "@" (or at the "+" of a tagged address, "jane+news@…")
        // or "://" can be an e-mail address or a URL, so the common word is scanned once.
        if j < hi && (t[j] == 0x40 || t[j] == 0x2B), let e = emailEnd(t, at: start, hi: hi) { return (e, .email) }
        if j + 2 < hi && t[j] == 0x3A && t[j + 1] == 0x2F && t[j + 2] == 0x2F, let e = urlEnd(t, at: start, hi: hi) {
            return (e, .url)
        }
        if letters == 0 {
            if j < hi && t[j] == 0x25 { j += 1 }  // 3.5%
            return (j, .number)
        }
        // A domain with a path ("example.com/a.b") is a URL.
        if dots > 0, j < hi, t[j] == 0x2F, looksLikeDomain(t, start..<j) {
            return (trimURL(t, start, pathEnd(t, from: j, hi: hi)), .url)
        }
        if dots > 0 && looksLikeDomain(t, start..<j) && !hasUnderscore(t, start..<j) { return (j, .url) }
        // Keep the full stop of an abbreviation, an initialism or an initial.
        if j < hi && t[j] == 0x2E && keepsStop(t, start..<j) { j += 1 }
        return (j, .word)
    }

    private func keepsStop(_ t: TextBytes, _ r: Range<Int>) -> Bool {
        if abbreviations.kind(t.base, r) != nil { return true }
        if r.count == 1 && TextBytes.isASCIILetter(t[r.lowerBound]) { return true }
        // Dotted letters: U.S, e.g, Ph.D
        var segment = 0
        var sawDot = false
        for i in r {
            if t[i] == 0x2E { sawDot = true; segment = 0; continue }
            guard TextBytes.isASCIILetter(t[i]) else { return false }
            segment += 1
            if segment > 2 { return false }
        }
        return sawDot
    }

    private func hasUnderscore(_ t: TextBytes, _ r: Range<Int>) -> Bool { r.contains { t[$0] == 0x5F } }

    /// Whether the token ends with a top-level domain that is not also a file extension.
    private func looksLikeDomain(_ t: TextBytes, _ r: Range<Int>) -> Bool {
        var s = r.upperBound
        while s > r.lowerBound && t[s - 1] != 0x2E { s -= 1 }
        guard s > r.lowerBound + 1 else { return false }
        return Self.topLevelDomains.contains(t.base, s..<r.upperBound)
    }

    static let topLevelDomains = ByteWordTable<Bool>([
        "com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "de", "fr", "eu", "info", "biz",
        "us", "ca", "au", "jp", "ai", "app", "dev", "me", "tv", "nl", "ch", "se", "no", "es", "it", "ru",
        "cn", "in", "br", "nz", "ie", "be", "at", "dk", "fi", "pl", "example", "test", "local",
    ].map { ($0, true) })

    /// "http://", "https://", "ftp://" — up to white space, without trailing punctuation.
    /// ("www.example.com" is read as a word and recognised by its domain.)
    private func urlEnd(_ t: TextBytes, at i: Int, hi: Int) -> Int? {
        guard TextBytes.isASCIILetter(t[i]) else { return nil }
        var k = i
        while k < hi && k - i < 6 && TextBytes.isASCIILetter(t[k]) { k += 1 }
        let scheme = k - i
        let isScheme = k + 2 < hi && t[k] == 0x3A && t[k + 1] == 0x2F && t[k + 2] == 0x2F && scheme >= 3
            && matches(t, i, ["http", "https", "ftp", "ftps", "file"])
        guard isScheme else { return nil }
        return trimURL(t, i, pathEnd(t, from: k, hi: hi))
    }

    private func pathEnd(_ t: TextBytes, from i: Int, hi: Int) -> Int {
        var j = i
        while j < hi {
            let b = t[j]
            if t.whitespaceLength(at: j) > 0 || b == 0x22 || b == 0x3C || b == 0x3E || b == 0x60 { break }
            if b >= 0x80 {
                // Typographic quotes end a URL.
                if b == 0xE2 && t.at(j + 1) == 0x80 && (t.at(j + 2) >= 0x98 && t.at(j + 2) <= 0x9D) { break }
                j += t.charLength(at: j)
                continue
            }
            j += 1
        }
        return j
    }

    /// Drops trailing punctuation from a URL, and a closing bracket it does not open.
    private func trimURL(_ t: TextBytes, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start + 1 {
            let b = t[e - 1]
            if b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x27 || b == 0x2A {
                e -= 1
                continue
            }
            if b == 0x29 || b == 0x5D {
                let open: UInt8 = b == 0x29 ? 0x28 : 0x5B
                var depth = 0
                for k in start..<e { if t[k] == open { depth += 1 } else if t[k] == b { depth -= 1 } }
                if depth < 0 { e -= 1; continue }
            }
            break
        }
        return e
    }

    private func matches(_ t: TextBytes, _ i: Int, _ words: [StaticString]) -> Bool {
        for w in words {
            let n = w.utf8CodeUnitCount
            guard i + n <= t.count else { continue }
            var same = true
            w.withUTF8Buffer { wb in
                for k in 0..<n where t[i + k] | 0x20 != wb[k] { same = false; break }
            }
            if same && (i + n == t.count || !TextBytes.isASCIILetter(t[i + n])) { return true }
        }
        return false
    }

    /// "press@example.com": a local part, "@", and a domain with a dot.
    private func emailEnd(_ t: TextBytes, at i: Int, hi: Int) -> Int? {
        var j = i
        func isLocal(_ b: UInt8) -> Bool {
            TextBytes.isASCIILetter(b) || TextBytes.isDigit(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
        }
        guard TextBytes.isASCIILetter(t[i]) || TextBytes.isDigit(t[i]) else { return nil }
        while j < hi && j - i < 64 && isLocal(t[j]) { j += 1 }
        guard j < hi, t[j] == 0x40, j > i else { return nil }
        var k = j + 1
        var lastDot = -1
        while k < hi && (TextBytes.isASCIILetter(t[k]) || TextBytes.isDigit(t[k]) || t[k] == 0x2D
            || (t[k] == 0x2E && k + 1 < hi && (TextBytes.isASCIILetter(t[k + 1]) || TextBytes.isDigit(t[k + 1]))))
        {
            if t[k] == 0x2E { lastDot = k }
            k += 1
        }
        guard lastDot > j + 1, k - lastDot > 2 else { return nil }
        return k
    }

    /// Punctuation marks one by one (a run of dots is one ellipsis), symbols and emoji
    /// sequences whole.
    private func punctuation(_ t: TextBytes, at i: Int, hi: Int) -> (Int, TokenKind) {
        let b = t[i]
        if b < 0x80 {
            if b == 0x2E {
                var j = i + 1
                while j < hi && t[j] == 0x2E { j += 1 }
                return (j, .punct)
            }
            switch b {
            case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E, 0x25, 0x23, 0x40, 0x26:
                return (i + 1, .symbol)
            default:
                return (i + 1, .punct)
            }
        }
        let (s, n) = t.scalar(at: i)
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return (i + n, .punct)
        default:
            // A symbol, with the modifiers and joined parts of an emoji sequence.
            var j = i + n
            while j < hi {
                let (m, len) = t.scalar(at: j)
                let v = m.value
                if v == 0xFE0F || v == 0xFE0E || (v >= 0x1F3FB && v <= 0x1F3FF) || v == 0x20E3 || (v >= 0xE0020 && v <= 0xE007F) {
                    j += len
                } else if v == 0x200D && j + len < hi {
                    j += len
                    j += t.scalar(at: j).length
                } else {
                    break
                }
            }
            return (j, .symbol)
        }
    }
}
