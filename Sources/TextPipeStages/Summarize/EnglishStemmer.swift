/// The Porter2 ("English Snowball") stemmer for lower-cased English words.
///
/// Words made of ASCII letters and apostrophes are stemmed; any other word (digits,
/// hyphens, non-ASCII letters) comes back lower-cased and otherwise unchanged.
///
/// It follows Porter2 as first published: R1 exceptions are only gener-, commun- and arsen-,
/// and step 1b always undoubles (added: ad). Later Snowball revisions add R1 prefixes
/// (inter-, organ-, univers-, ...) and keep a double consonant right after the first letter.
public struct EnglishStemmer: Sendable {
    /// Creates a stemmer; it holds no state, so one instance can be shared freely.
    public init() {}

    /// Returns the stem of `word`, lower-cased.
    public func stem(_ word: Substring) -> String {
        guard word.utf8.count > 0, word.utf8.allSatisfy({ Self.isStemmable($0) }) else {
            return word.lowercased()
        }
        // Built in the result's own storage: the stem is never longer than the word.
        return String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
            var n = 0
            for byte in word.utf8 { buffer[n] = byte | Self.lowerBit(byte); n += 1 }
            return Self.stemASCII(buffer.baseAddress!, n)
        }
    }

    /// Returns the stem of `word`, lower-cased.
    public func stem(_ word: String) -> String { stem(word[...]) }

    /// Stems the UTF-8 word in `word` in place, without allocating.
    ///
    /// ASCII letters are lower-cased first; a word with bytes other than ASCII letters and
    /// apostrophes is left otherwise unchanged (its non-ASCII letters keep their case).
    public func stem(into word: inout [UInt8]) {
        let n = word.withUnsafeMutableBufferPointer { stemLength(inPlace: $0) }
        word.removeLast(word.count - n)
    }

    /// Stems the UTF-8 word in `word` in place and returns the stem's length in bytes.
    ///
    /// The stem is the first bytes of the buffer; see ``stem(into:)`` for the cases it leaves alone.
    public func stemLength(inPlace word: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let base = word.baseAddress else { return 0 }
        var stemmable = true
        for i in 0..<word.count {
            let byte = word[i]
            if !Self.isStemmable(byte) { stemmable = false }
            if byte >= 0x41 && byte <= 0x5A { word[i] = byte | 0x20 }
        }
        return stemmable ? Self.stemASCII(base, word.count) : word.count
    }

    // MARK: Bytes

    // The hot path works on raw ASCII bytes: every rule is a suffix test or a vowel test on
    // one letter, and the stem is never longer than the word, so it is rewritten in place.

    private static let apostrophe = UInt8(ascii: "'")
    private static let bigY = UInt8(ascii: "Y")

    @inline(__always) private static func lowerBit(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? 0x20 : 0 }

    @inline(__always) private static func isStemmable(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return (l >= 0x61 && l <= 0x7A) || b == apostrophe
    }

    /// a e i o u y: the letters Porter2 counts as vowels (a `Y` marks a consonant y).
    @inline(__always) private static func isVowel(_ b: UInt8) -> Bool {
        let k = b &- 0x61
        return k < 26 && (0x0110_4111 as UInt32) >> UInt32(k) & 1 == 1
    }

    /// Stems the lower-case word of `count` bytes at `w` and returns the stem's length.
    static func stemASCII(_ w: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        var word = Word(w: w, n: count)
        return word.stem()
    }

    private struct Word {
        let w: UnsafeMutablePointer<UInt8>
        var n: Int
        var p1 = 0
        var p2 = 0

        init(w: UnsafeMutablePointer<UInt8>, n: Int) { self.w = w; self.n = n }

        @inline(__always) func ends(_ s: StaticString) -> Bool {
            let k = s.utf8CodeUnitCount
            guard k <= n else { return false }
            let p = s.utf8Start
            var i = 0
            while i < k { if w[n - k + i] != p[i] { return false }; i += 1 }
            return true
        }

        @inline(__always) func `is`(_ s: StaticString) -> Bool { s.utf8CodeUnitCount == n && ends(s) }

        /// Replaces the last `drop` bytes by `s`.
        @inline(__always) mutating func replace(_ drop: Int, with s: StaticString) {
            n -= drop
            let p = s.utf8Start
            for i in 0..<s.utf8CodeUnitCount { w[n + i] = p[i] }
            n += s.utf8CodeUnitCount
        }

        @inline(__always) func vowel(before end: Int) -> Bool {
            var i = 0
            while i < end { if isVowel(w[i]) { return true }; i += 1 }
            return false
        }

        /// Whether the first `end` letters end in a short syllable.
        func endsInShortSyllable(_ end: Int) -> Bool {
            if end == 2 { return isVowel(w[0]) && !isVowel(w[1]) }
            guard end >= 3 else { return false }
            let last = w[end - 1]
            return !isVowel(last) && last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != bigY
                && isVowel(w[end - 2]) && !isVowel(w[end - 3])
        }

        mutating func stem() -> Int {
            if let exception = exceptionalWord() { return exception }
            if n < 3 { return n }
            prelude()
            markRegions()
            step1a()
            if !isInvariantAfterStep1a() {
                step1b()
                step1c()
                step2()
                step3()
                step4()
                step5()
            }
            for i in 0..<n where w[i] == bigY { w[i] = UInt8(ascii: "y") }
            return n
        }

        /// The words Porter2 stems by a list rather than by its rules.
        mutating func exceptionalWord() -> Int? {
            switch n {
            case 3: if `is`("sky") { return n }
            case 4:
                if `is`("skis") { replace(4, with: "ski"); return n }
                if `is`("idly") { replace(4, with: "idl"); return n }
                if `is`("ugly") { replace(4, with: "ugli"); return n }
                if `is`("only") { replace(4, with: "onli"); return n }
                if `is`("news") || `is`("howe") || `is`("bias") { return n }
            case 5:
                if `is`("skies") { replace(5, with: "sky"); return n }
                if `is`("dying") { replace(5, with: "die"); return n }
                if `is`("lying") { replace(5, with: "lie"); return n }
                if `is`("tying") { replace(5, with: "tie"); return n }
                if `is`("early") { replace(5, with: "earli"); return n }
                if `is`("atlas") || `is`("andes") { return n }
            case 6:
                if `is`("gently") { replace(6, with: "gentl"); return n }
                if `is`("singly") { replace(6, with: "singl"); return n }
                if `is`("cosmos") { return n }
            default: break
            }
            return nil
        }

        /// After step 1a these words are left as they are.
        func isInvariantAfterStep1a() -> Bool {
            switch n {
            case 6: return `is`("inning") || `is`("outing") || `is`("exceed")
            case 7: return `is`("canning") || `is`("herring") || `is`("earring") || `is`("proceed") || `is`("succeed")
            default: return false
            }
        }

        /// Drops a leading apostrophe and marks consonant y's as `Y`.
        mutating func prelude() {
            if w[0] == apostrophe {
                for i in 1..<n { w[i - 1] = w[i] }
                n -= 1
            }
            if n > 0 && w[0] == UInt8(ascii: "y") { w[0] = bigY }
            var i = 1
            while i < n {
                if w[i] == UInt8(ascii: "y") && isVowel(w[i - 1]) { w[i] = bigY }
                i += 1
            }
        }

        /// R1 starts after the first non-vowel that follows a vowel; R2 is the same within R1.
        mutating func markRegions() {
            func regionStart(from start: Int) -> Int {
                var i = start
                while i < n && !isVowel(w[i]) { i += 1 }
                while i < n && isVowel(w[i]) { i += 1 }
                return Swift.min(i + 1, n)
            }
            // A few stems whose R1 would otherwise start too early (generous, community, arsenal).
            if ends5Prefix("gener") || ends5Prefix("arsen") {
                p1 = 5
            } else if n >= 6 && w[0] == UInt8(ascii: "c") && w[1] == UInt8(ascii: "o") && w[2] == UInt8(ascii: "m")
                && w[3] == UInt8(ascii: "m") && w[4] == UInt8(ascii: "u") && w[5] == UInt8(ascii: "n") {
                p1 = 6
            } else {
                p1 = regionStart(from: 0)
            }
            p2 = regionStart(from: p1)
        }

        func ends5Prefix(_ s: StaticString) -> Bool {
            guard n >= 5 else { return false }
            let p = s.utf8Start
            for i in 0..<5 where w[i] != p[i] { return false }
            return true
        }

        mutating func step1a() {
            // Step 0: apostrophe endings.
            if ends("'s'") { n -= 3 } else if ends("'s") { n -= 2 } else if ends("'") { n -= 1 }
            if ends("sses") {
                n -= 2
            } else if ends("ied") || ends("ies") {
                // "i" after two or more letters (cries: cri), else "ie" (ties: tie).
                n -= n - 3 > 1 ? 2 : 1
            } else if ends("us") || ends("ss") {
                return
            } else if ends("s") && vowel(before: n - 2) {
                n -= 1
            }
        }

        mutating func step1b() {
            if ends("eedly") {
                if n - 5 >= p1 { n -= 3 }
                return
            }
            if ends("eed") {
                if n - 3 >= p1 { n -= 1 }
                return
            }
            let k: Int
            if ends("ingly") { k = 5 } else if ends("edly") { k = 4 } else if ends("ing") { k = 3 } else if ends("ed") { k = 2 } else { return }
            guard vowel(before: n - k) else { return }
            n -= k
            if ends("at") || ends("bl") || ends("iz") {
                w[n] = UInt8(ascii: "e"); n += 1
            } else if n >= 2 && w[n - 1] == w[n - 2] && isDoubleLetter(w[n - 1]) {
                n -= 1
            } else if p1 == n && endsInShortSyllable(n) {
                w[n] = UInt8(ascii: "e"); n += 1
            }
        }

        func isDoubleLetter(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
                UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                return true
            default: return false
            }
        }

        mutating func step1c() {
            guard n > 2, w[n - 1] == UInt8(ascii: "y") || w[n - 1] == bigY, !isVowel(w[n - 2]) else { return }
            w[n - 1] = UInt8(ascii: "i")
        }

        /// Replaces suffix `s` (already matched) by `r` when it starts in R1.
        @inline(__always) mutating func inR1(_ s: StaticString, _ r: StaticString) {
            if n - s.utf8CodeUnitCount >= p1 { replace(s.utf8CodeUnitCount, with: r) }
        }

        mutating func step2() {
            guard n > 0 else { return }
            switch w[n - 1] {
            case UInt8(ascii: "l"):
                if ends("ational") { inR1("ational", "ate") } else if ends("tional") { inR1("tional", "tion") }
            case UInt8(ascii: "n"):
                if ends("ization") { inR1("ization", "ize") } else if ends("ation") { inR1("ation", "ate") }
            case UInt8(ascii: "r"):
                if ends("izer") { inR1("izer", "ize") } else if ends("ator") { inR1("ator", "ate") }
            case UInt8(ascii: "m"):
                if ends("alism") { inR1("alism", "al") }
            case UInt8(ascii: "s"):
                if ends("iveness") { inR1("iveness", "ive") }
                else if ends("fulness") { inR1("fulness", "ful") }
                else if ends("ousness") { inR1("ousness", "ous") }
            case UInt8(ascii: "i"):
                if ends("biliti") { inR1("biliti", "ble") }
                else if ends("lessli") { inR1("lessli", "less") }
                else if ends("aliti") { inR1("aliti", "al") }
                else if ends("iviti") { inR1("iviti", "ive") }
                else if ends("entli") { inR1("entli", "ent") }
                else if ends("ousli") { inR1("ousli", "ous") }
                else if ends("fulli") { inR1("fulli", "ful") }
                else if ends("abli") { inR1("abli", "able") }
                else if ends("alli") { inR1("alli", "al") }
                else if ends("anci") { inR1("anci", "ance") }
                else if ends("enci") { inR1("enci", "ence") }
                else if ends("bli") { inR1("bli", "ble") }
                else if ends("ogi") {
                    if n - 3 >= p1 && n >= 4 && w[n - 4] == UInt8(ascii: "l") { replace(3, with: "og") }
                } else if ends("li") {
                    if n - 2 >= p1 && n >= 3 && isLiEnding(w[n - 3]) { n -= 2 }
                }
            default: break
            }
        }

        func isLiEnding(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
                UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                return true
            default: return false
            }
        }

        mutating func step3() {
            guard n > 0 else { return }
            switch w[n - 1] {
            case UInt8(ascii: "l"):
                if ends("ational") { inR1("ational", "ate") }
                else if ends("tional") { inR1("tional", "tion") }
                else if ends("ical") { inR1("ical", "ic") }
                else if ends("ful") { inR1("ful", "") }
            case UInt8(ascii: "e"):
                if ends("alize") { inR1("alize", "al") }
                else if ends("icate") { inR1("icate", "ic") }
                else if ends("ative") { if n - 5 >= p2 { n -= 5 } }
            case UInt8(ascii: "i"):
                if ends("iciti") { inR1("iciti", "ic") }
            case UInt8(ascii: "s"):
                if ends("ness") { inR1("ness", "") }
            default: break
            }
        }

        mutating func step4() {
            guard n > 0 else { return }
            var k = 0
            switch w[n - 1] {
            case UInt8(ascii: "l"): if ends("al") { k = 2 }
            case UInt8(ascii: "e"):
                if ends("ance") || ends("ence") || ends("able") || ends("ible") { k = 4 }
                else if ends("ate") || ends("ive") || ends("ize") { k = 3 }
            case UInt8(ascii: "r"): if ends("er") { k = 2 }
            case UInt8(ascii: "c"): if ends("ic") { k = 2 }
            case UInt8(ascii: "t"):
                if ends("ement") { k = 5 } else if ends("ment") { k = 4 } else if ends("ant") || ends("ent") { k = 3 }
            case UInt8(ascii: "m"): if ends("ism") { k = 3 }
            case UInt8(ascii: "i"): if ends("iti") { k = 3 }
            case UInt8(ascii: "s"): if ends("ous") { k = 3 }
            case UInt8(ascii: "n"):
                if ends("ion"), n - 3 >= p2, n >= 4, w[n - 4] == UInt8(ascii: "s") || w[n - 4] == UInt8(ascii: "t") { n -= 3 }
                return
            default: break
            }
            if k > 0 && n - k >= p2 { n -= k }
        }

        mutating func step5() {
            guard n > 0 else { return }
            if w[n - 1] == UInt8(ascii: "e") {
                if n - 1 >= p2 || (n - 1 >= p1 && !endsInShortSyllable(n - 1)) { n -= 1 }
            } else if w[n - 1] == UInt8(ascii: "l") {
                if n - 1 >= p2 && n >= 2 && w[n - 2] == UInt8(ascii: "l") { n -= 1 }
            }
        }
    }
}
