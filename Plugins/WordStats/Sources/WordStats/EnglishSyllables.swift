/// Estimates the syllables of an English word from its spelling, as readability formulas
/// need: each group of vowels (a, e, i, o, u, y) is one, a silent final `e`, `es` or `ed`
/// is not, and every word has at least one. Right for most words, off by one for some
/// (`being`, `poem`), which averages out over a document.
enum EnglishSyllables {
    static func count(in word: UnsafeBufferPointer<UInt8>) -> Int {
        // ASCII letters only, lowercased: digits and other scripts add nothing but the minimum.
        var letters: [UInt8] = []
        letters.reserveCapacity(word.count)
        for byte in word where byte < 0x80 {
            let lower = byte | 0x20
            if lower >= 0x61 && lower <= 0x7A { letters.append(lower) }
        }
        var groups = 0
        var previousWasVowel = false
        for letter in letters {
            let vowel = isVowel(letter)
            if vowel && !previousWasVowel { groups += 1 }
            previousWasVowel = vowel
        }
        if groups > 1 && silentEnding(letters) { groups -= 1 }
        return max(1, groups)
    }

    static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true  // a e i o u y
        default: return false
        }
    }

    /// A final `e` (make), `es` (makes) or `ed` (walked) that adds no syllable; `le` after a
    /// consonant (table), `es` after a sibilant (boxes) and `ed` after t or d (wanted) do.
    static func silentEnding(_ w: [UInt8]) -> Bool {
        let n = w.count
        guard n >= 3 else { return false }
        let e: UInt8 = 0x65, l: UInt8 = 0x6C, s: UInt8 = 0x73, d: UInt8 = 0x64
        if w[n - 1] == e {
            return !(w[n - 2] == l && !isVowel(w[n - 3])) && !isVowel(w[n - 2])
        }
        if w[n - 2] == e && w[n - 1] == s {
            let before = w[n - 3]
            let sibilant = [s, 0x78, 0x7A].contains(before)  // s x z
                || (n >= 4 && [0x63, 0x73, 0x67].contains(w[n - 4]) && before == 0x68)  // ch sh gh
                || before == 0x63 || before == 0x67  // ces, ges
            return !sibilant && !isVowel(before)
        }
        if w[n - 2] == e && w[n - 1] == d {
            let before = w[n - 3]
            return before != 0x74 && before != d && !isVowel(before)
        }
        return false
    }
}
