/// A worker's map from words to terms: lower-cased, stop words removed, stemmed.
///
/// It lives as long as the worker, so each distinct word is stemmed once per run rather
/// than once per occurrence; it is emptied between documents when it grows past `limit`,
/// so memory stays bounded on any corpus. Term ids are stable within one document.
/// A struct, used in place: class properties would pay an exclusivity check per word.
struct TermVocabulary {
    /// The id of a word that is not a term (a stop word, or a single letter).
    static let notATerm: Int32 = -1

    private var shortWords = PackedWordMap()
    private var longWords: [String: Int32] = [:]
    private var stemIDs: [String: Int32] = [:]
    /// Each term's stem, by id.
    private(set) var stems: [String] = []
    /// Whether a term may be a key word: not digits, not a word of time or quantity
    /// (`KeywordStoplist`). Such terms still count for similarity.
    private(set) var mayBeKeyword: [Bool] = []
    private let stemmer = EnglishStemmer()
    private let limit: Int

    init(limit: Int = 200_000) {
        self.limit = limit
    }

    var count: Int { stems.count }

    /// Called before each document: the only point where ids may be renumbered.
    mutating func startDocument() {
        if shortWords.count + longWords.count > limit {
            shortWords.removeAll()
            longWords.removeAll(keepingCapacity: true)
            stemIDs.removeAll(keepingCapacity: true)
            stems.removeAll(keepingCapacity: true)
            mayBeKeyword.removeAll(keepingCapacity: true)
        }
    }

    /// The term id of a word as `WordScanner` finds it (any case, `’` or `'`), or `notATerm`.
    mutating func term(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        // Possessives: "council's" and "council’s" are the council.
        var end = word.count
        if end >= 3 && word[end - 1] | 0x20 == UInt8(ascii: "s") {
            if word[end - 2] == UInt8(ascii: "'") {
                end -= 2
            } else if end >= 5 && word[end - 4] == 0xE2 && word[end - 3] == 0x80 && word[end - 2] == 0x99 {
                end -= 4
            }
        }
        // Packed straight from the text, lower-cased, with ’ as ': most words never need a copy.
        var key = PackedWordSet.Word()
        var i = 0
        while i < end {
            let b = word[i]
            if b == 0xE2 && i + 2 < end && word[i + 1] == 0x80 && word[i + 2] == 0x99 {
                key.append(UInt8(ascii: "'"))
                i += 3
            } else {
                key.append(b &- 0x41 < 26 ? b | 0x20 : b)
                i += 1
            }
        }
        guard key.count > 1 else { return Self.notATerm }
        if key.count <= 16 {
            if let id = shortWords[key] { return id }
            let id = EnglishStopwords.packed.contains(key) ? Self.notATerm : intern(word[0..<end])
            shortWords[key] = id
            return id
        }
        let normalized = Self.normalized(word[0..<end])
        if let id = longWords[String(decoding: normalized, as: UTF8.self)] { return id }
        let id = intern(word[0..<end])
        longWords[String(decoding: normalized, as: UTF8.self)] = id
        return id
    }

    /// The word's bytes, ASCII lower-cased, with ’ as '.
    private static func normalized(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.count)
        var i = word.startIndex
        while i < word.endIndex {
            let b = word[i]
            if b == 0xE2 && i + 2 < word.endIndex && word[i + 1] == 0x80 && word[i + 2] == 0x99 {
                bytes.append(UInt8(ascii: "'"))
                i += 3
            } else {
                bytes.append(b &- 0x41 < 26 ? b | 0x20 : b)
                i += 1
            }
        }
        return bytes
    }

    private mutating func intern(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Int32 {
        var bytes = Self.normalized(word)
        stemmer.stem(into: &bytes)
        let stem = String(decoding: bytes, as: UTF8.self)
        if let id = stemIDs[stem] { return id }
        // Decided by the stem alone, so that it cannot depend on which word of the stem a
        // worker met first (output must not depend on the number of workers).
        let keywordable = !bytes.contains { $0 &- 0x30 < 10 } && !KeywordStoplist.stems.contains(stem)
        let id = Int32(stems.count)
        stemIDs[stem] = id
        stems.append(stem)
        mayBeKeyword.append(keywordable)
        return id
    }
}

/// An open-addressing map from short packed words to ids: one multiplication to hash,
/// no `Hasher`, since it is consulted for every word of every document.
struct PackedWordMap {
    private var lows: [UInt64] = Array(repeating: 0, count: 4096)
    private var highs: [UInt64] = Array(repeating: 0, count: 4096)
    private var counts: [Int] = Array(repeating: 0, count: 4096)  // 0 marks an empty slot
    private var ids: [Int32] = Array(repeating: 0, count: 4096)
    private var shift: UInt64 = 64 - 12
    private(set) var count = 0

    subscript(word: PackedWordSet.Word) -> Int32? {
        get {
            var i = word.slot(shift: shift)
            while counts[i] != 0 {
                if counts[i] == word.count && lows[i] == word.low && highs[i] == word.high { return ids[i] }
                i = (i + 1) & (counts.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else { return }  // entries are only ever added
            if (count + 1) * 2 > counts.count { grow() }
            var i = word.slot(shift: shift)
            while counts[i] != 0 && !(counts[i] == word.count && lows[i] == word.low && highs[i] == word.high) {
                i = (i + 1) & (counts.count - 1)
            }
            if counts[i] == 0 { count += 1 }
            (lows[i], highs[i], counts[i], ids[i]) = (word.low, word.high, word.count, newValue)
        }
    }

    mutating func removeAll() {
        for i in counts.indices { counts[i] = 0 }
        count = 0
    }

    private mutating func grow() {
        let old = (lows, highs, counts, ids)
        let size = counts.count * 2
        lows = Array(repeating: 0, count: size)
        highs = lows
        counts = Array(repeating: 0, count: size)
        ids = Array(repeating: 0, count: size)
        shift -= 1
        count = 0
        for k in old.2.indices where old.2[k] != 0 {
            var word = PackedWordSet.Word()
            (word.low, word.high, word.count) = (old.0[k], old.1[k], old.2[k])
            self[word] = old.3[k]
        }
    }
}

/// Words that are terms for similarity but never key words: counts, calendar words and
/// the generic nouns and verbs of reporting. A digest of key words made of "year",
/// "percent" and "said" tells a reader nothing.
enum KeywordStoplist {
    /// The stems of `words`: a term is compared by its stem, so "seconds" is out with "second".
    static let stems = Set(words.map { EnglishStemmer().stem($0) })

    static let words: [String] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions", "billion", "billions", "first", "second", "third", "half", "percent", "cent", "dozen",
        "year", "years", "month", "months", "week", "weeks", "day", "days", "today", "yesterday", "tomorrow",
        "tonight", "morning", "afternoon", "evening", "night", "hour", "hours", "minute", "minutes", "time",
        "times", "ago", "past", "next", "previous", "recent", "recently", "later", "earlier", "early", "late",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "say", "told", "tell", "added", "according", "new", "people", "thing", "things", "way", "lot", "part",
        "including", "include", "includes", "around", "number", "several", "whole", "long", "well", "get",
        "got", "make", "makes", "take", "takes", "took", "taken", "put", "set", "go", "going", "went", "come",
        "came", "see", "saw", "seen", "use", "used", "uses", "need", "needs", "needed", "appear", "appears",
        "appeared", "give", "gave", "given", "find", "found", "show", "showed", "shown", "want", "wanted",
        "keep", "kept", "left", "called", "began", "become", "asked", "expected", "likely", "able", "example",
        "examples", "know", "known", "comes", "roughly", "nearly", "almost", "approximately", "following",
        "we've", "i've", "you've", "they've", "we'll", "i'll", "you'll", "they'll", "let's", "i'd", "we'd",
    ]
}

/// Finds the words of a UTF-8 text for summarizing: runs of letters, digits and inner
/// apostrophes. Works on bytes because it runs over every word of every document;
/// non-ASCII letters are taken as letters, and the punctuation blocks that news text
/// uses (U+0080–U+00BF, U+2000–U+2FFF, U+3000–U+303F) and U+FFFD as separators.
enum WordScanner {
    /// Calls `body(range, gapBefore)` for each word in `range`; `gapBefore` is true when
    /// something other than spaces and hyphens separates it from the previous word (so the
    /// two cannot belong to one key phrase).
    @inline(__always)
    static func words(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>,
                      _ body: (Range<Int>, Bool) -> Void)
    {
        var i = range.lowerBound
        let end = range.upperBound
        var start = -1
        var gap = true
        while i < end {
            let b = bytes[i]
            var width = 1
            var isWordByte: Bool
            if b < 0x80 {
                isWordByte = b &- 0x61 < 26 || b &- 0x41 < 26 || b &- 0x30 < 10
                // An apostrophe belongs to a word only inside it (don't, council's).
                if b == UInt8(ascii: "'") && start >= 0 && i + 1 < end && isLetter(bytes[i + 1]) { isWordByte = true }
            } else if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 {
                width = 3
                isWordByte = start >= 0 && i + 3 < end && isLetter(bytes[i + 3])
            } else if b == 0xC2 || b == 0xE2 || (b == 0xE3 && i + 1 < end && bytes[i + 1] == 0x80)
                        || (b == 0xEF && i + 2 < end && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD)
            {
                // Punctuation blocks, and U+FFFD (a byte that could not be decoded).
                width = b == 0xC2 ? 2 : 3
                isWordByte = false
            } else {
                width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                isWordByte = true
            }
            if isWordByte {
                if start < 0 { start = i }
            } else {
                if start >= 0 {
                    body(start..<i, gap)
                    start = -1
                    gap = false
                }
                if !(b == 0x20 || b == UInt8(ascii: "-") || b == 0x0A || b == 0x09) { gap = true }
            }
            i += width
        }
        if start >= 0 { body(start..<min(i, end), gap) }
    }

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { b &- 0x61 < 26 || b &- 0x41 < 26 || b >= 0xC3 }
}
