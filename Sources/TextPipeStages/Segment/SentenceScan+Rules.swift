/// The shape of the word after a candidate boundary.
struct NextWord {
    enum Shape { case upper, lower, camel, digit, symbol, other }
    /// The first character after any opening quotes or brackets.
    var start: Int
    /// The end of the word (letters, digits, inner apostrophes and hyphens).
    var end: Int
    var shape: Shape
    var hasOpener: Bool
    /// One of the openers is a bracket, as in "Acme Inc. (NYSE: ACM)".
    var hasBracketOpener: Bool
    /// A single letter and a full stop, as in "J. A. Smith".
    var isInitial: Bool
    /// The pronoun "I", which is capitalised anywhere in a sentence.
    var isPronounI: Bool
}

/// What the word before a full stop is.
enum PreviousWord: Equatable {
    case none
    case word
    case number
    /// A URL, e-mail address or path.
    case address
    /// One letter: an initial ("J. Smith") or a capital naming a thing after a capitalised
    /// word ("Plan B.").
    case initial
    /// A capital letter naming a thing after a lower-case noun ("vitamin D.", "plan B."):
    /// before a capitalised word other than an initial the sentence ends.
    case letter
    /// Dotted letters: U.S., Ph.D., i.v.
    case dotted
    case abbreviation(AbbreviationKind)
}

extension SentenceScan {
    // MARK: - The decision

    /// Whether a sentence ends after cluster `c`, given the next word.
    func endsSentence(_ c: TerminalCluster, next: NextWord, crossedBreak: Bool) -> Bool {
        if c.hasQuestionOrExclamation && !c.stopAfterCloser && c.dots < 4 {
            // "Why?" she asked. / She works at Yahoo! in … — lower case continues.
            switch next.shape {
            case .lower, .other: return false
            case .upper, .camel, .digit, .symbol: return !isAttribution(c, next)
            }
        }
        if c.isEllipsis || (c.isBracketedEllipsis && !c.stopAfterCloser) {
            // An omission "…" continues unless a capitalised word other than "I" follows.
            if c.isBracketedEllipsis { return false }
            guard next.shape == .upper || next.shape == .camel, !next.isPronounI else { return false }
            return !isAttribution(c, next)
        }
        let previous: PreviousWord = c.dots >= 4 || c.stopAfterCloser ? .word : previousWord(before: c.start)
        switch next.shape {
        case .other:
            return false
        case .lower:
            if c.hasCloser || next.hasOpener { return false }
            switch previous {
            case .word, .number, .address:
                // A plain word's full stop at the end of a line ends the sentence; inline,
                // a word that typically opens one ("… rose. the board …") does, and so does
                // any word after a long word that is no abbreviation ("… started. smoke …").
                if crossedBreak || SentenceStarters.lowercase.contains(t.base, next.start..<next.end) { return true }
                return previous == .word && isFullWord(before: c.start)
            default:
                return false
            }
        case .digit, .symbol:
            switch previous {
            case .word, .number, .address, .none: return true
            default: return false
            }
        case .upper, .camel:
            switch previous {
            case .word, .number, .address, .none:
                return !isAttribution(c, next)
            case .initial, .dotted:
                return isStarter(next)
            case .letter:
                return !next.isInitial
            case .abbreviation(let kind):
                switch kind {
                case .neverFinal: return false
                case .finalBeforeStarter, .unitAfterNumber, .stateAfterComma, .state, .nameSuffix, .unit, .street, .numero:
                    return isStarter(next)
                case .finalBeforeCapital: return true
                case .endsName:
                    if isStarter(next) { return true }
                    return next.shape == .upper && !next.isInitial && !next.hasBracketOpener
                        && !SentenceStarters.nameContinuations.contains(t.base, next.start..<next.end)
                case .time: return timeEndsSentence(next, before: c.start)
                }
            }
        }
    }

    /// A capitalised word that is almost always the first of a sentence.
    func isStarter(_ next: NextWord) -> Bool {
        next.shape == .upper && !next.isInitial && SentenceStarters.capitalised.contains(t.base, next.start..<next.end)
    }

    /// `"Why?" Mayor Ruiz asked.` — after a question, exclamation or trailing-off quote,
    /// capitalised words and a speech verb are its attribution, not a new sentence. (After
    /// a full stop inside the quote they are: `"It is final." Mayor Ruiz said nothing.`)
    func isAttribution(_ c: TerminalCluster, _ next: NextWord) -> Bool {
        guard c.hasQuoteCloser, c.hasQuestionOrExclamation || c.isEllipsis, !next.hasOpener, next.shape == .upper, !isStarter(next),
              let verb = lowercaseWordAfterNames(from: next.start),
              SentenceStarters.speechVerbs.contains(t.base, verb)
        else { return false }
        // `"Who?" Mary said nothing.` is a new sentence: the verb has an object of its own.
        let after = t.skipWhitespace(from: verb.upperBound, limit: hi)
        if after > verb.upperBound && after < hi && t.charClass(at: after) == .lower
            && SentenceStarters.notAttribution.contains(t.base, after..<wordEnd(from: after))
        {
            return false
        }
        return true
    }

    /// The first lower-case word after one to five capitalised words (names, titles with
    /// their dots) starting at `start`, or nil when something else comes first.
    func lowercaseWordAfterNames(from start: Int) -> Range<Int>? {
        var pos = start
        for _ in 0..<6 {
            let w = wordEnd(from: pos)
            guard w > pos else { return nil }
            switch t.charClass(at: pos) {
            case .lower: return pos == start ? nil : pos..<w
            case .upper: break
            default: return nil
            }
            var q = w
            if q < hi && (t[q] == 0x2E || t[q] == 0x2C) { q += 1 }
            let r = t.skipWhitespace(from: q, limit: hi)
            guard r > q, r < hi else { return nil }
            pos = r
        }
        return nil
    }

    /// a.m./p.m. before a capitalised word: an end, unless a time zone or weekday follows,
    /// or the time opens the sentence ("At 5 a.m. Mr. Smith went …").
    func timeEndsSentence(_ next: NextWord, before dot: Int) -> Bool {
        if SentenceStarters.afterTime.contains(t.base, next.start..<next.end) { return false }
        // "9 a.m. Jan. 5", "10 a.m. March 3": a date goes on.
        if SentenceStarters.months.contains(t.base, next.start..<next.end) {
            var d = next.end
            if d < hi && t[d] == 0x2E { d += 1 }
            let n = t.skipWhitespace(from: d, limit: hi)
            if n > d && n < hi && TextBytes.isDigit(t[n]) { return false }
        }
        if isStarter(next) { return true }
        // "8:30 a.m. New York time"
        if let w = lowercaseWordAfterNames(from: next.start), SentenceStarters.timeNouns.contains(t.base, w) {
            return false
        }
        // Count the words before the time expression ("At 5").
        var words = 0
        var inWord = false
        var i = sentenceStart
        let stop = tokenStart(before: dot)
        while i < stop && words <= 2 {  // only "more than two" matters: keeps long sentences linear
            let ws = t.whitespaceLength(at: i) > 0
            if !ws && !inWord { words += 1 }
            inWord = !ws
            i += 1
        }
        return words > 2
    }

    // MARK: - The words around a boundary

    /// The end of a word that starts at `i`: letters and digits, with inner apostrophes
    /// and hyphens ("don't", "state-of-the-art").
    func wordEnd(from i: Int) -> Int {
        var j = i
        while j < hi && j - i < 48 {
            if t.isWordChar(at: j) {
                j += t.charLength(at: j)
                continue
            }
            let b = t[j]
            if (b == 0x27 || b == 0x2D) && j > i && j + 1 < hi && t.isWordChar(at: j + 1) {
                j += 1
                continue
            }
            if b == 0xE2 && t.at(j + 1) == 0x80 && t.at(j + 2) == 0x99 && j > i && j + 3 < hi && t.isWordChar(at: j + 3) {
                j += 3  // ’
                continue
            }
            break
        }
        return j
    }

    /// The length of an opening quote or bracket at `i`, or 0.
    func openerLength(at i: Int) -> Int {
        let b = t[i]
        switch b {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x2A, 0x5F, 0x60: return 1  // " ' ( [ { * _ `
        case 0xC2:
            let b1 = t.at(i + 1)
            return b1 == 0xAB || b1 == 0xBF || b1 == 0xA1 ? 2 : 0  // « ¿ ¡
        case 0xE2:
            let b1 = t.at(i + 1), b2 = t.at(i + 2)
            return b1 == 0x80 && (b2 == 0x9C || b2 == 0x98 || b2 == 0xB9) ? 3 : 0  // “ ‘ ‹
        default:
            return 0
        }
    }

    /// Describes the word at `i` (after white space).
    func nextWord(at i: Int) -> NextWord {
        var s = i
        var hasOpener = false
        var hasBracketOpener = false
        while s < hi && s - i < 8 {
            let n = openerLength(at: s)
            if n == 0 { break }
            if t[s] == 0x28 || t[s] == 0x5B || t[s] == 0x7B { hasBracketOpener = true }
            s += n
            hasOpener = true
        }
        var word = NextWord(start: s, end: s, shape: .other, hasOpener: hasOpener, hasBracketOpener: hasBracketOpener,
                            isInitial: false, isPronounI: false)
        guard s < hi else { return word }
        word.end = wordEnd(from: s)
        switch t.charClass(at: s) {
        case .upper:
            word.shape = .upper
            let len = word.end - s
            if len == 1 {
                word.isInitial = word.end < hi && t[word.end] == 0x2E
                word.isPronounI = t[s] == 0x49 && !word.isInitial
            }
        case .otherLetter:
            word.shape = .upper  // scripts without case: no lower-case continuation to look for
        case .lower:
            word.shape = .lower
            // iPhone, eBay, mRNA, p53: a name spelt in lower case, which still opens a sentence.
            var j = s + t.charLength(at: s)
            while j < word.end {
                let c = t.charClass(at: j)
                if c == .upper || c == .digit { word.shape = .camel; break }
                j += t.charLength(at: j)
            }
        case .digit:
            word.shape = .digit
        default:
            switch t[s] {
            case 0x24, 0x23, 0x40, 0x25, 0x26: word.shape = .symbol  // $ # @ % &
            case 0xC2:
                if t.at(s + 1) == 0xA3 || t.at(s + 1) == 0xA5 { word.shape = .symbol }  // £ ¥
            case 0xE2:
                if t.at(s + 1) == 0x82 && t.at(s + 2) == 0xAC { word.shape = .symbol }  // €
            default: break
            }
        }
        return word
    }

    /// The start of the white-space-delimited token that ends at `end`, no earlier than
    /// the sentence start.
    func tokenStart(before end: Int) -> Int {
        var s = end
        let floor = sentenceStart
        while s > floor && end - s < 96 {
            if t.whitespaceLength(endingAt: s) > 0 { break }
            s -= 1
        }
        return s
    }

    /// Classifies the word that ends at the full stop at `dot`.
    func previousWord(before dot: Int) -> PreviousWord {
        let ts = tokenStart(before: dot)
        if dot - ts >= 96 { return .word }
        var s = ts
        var e = dot
        while s < e {
            let n = openerLength(at: s)
            if n == 0 { break }
            s += n
        }
        while e > s {
            let p = t.scalarStart(before: e, floor: s)
            if closerLength(at: p).length == 0 { break }
            e = p
        }
        guard e > s else { return .none }
        if let kind = abbreviations.kind(t.base, s..<e) {
            return resolve(kind, s..<e, tokenStart: ts, inCompound: false)
        }
        // "then-Gov.", "Dallas-Ft.", "mid-Dec.": an abbreviation after a hyphen.
        var h = e - 1
        while h > s && t[h] != 0x2D && e - h <= 8 { h -= 1 }
        if h > s && t[h] == 0x2D && h + 1 < e, let kind = abbreviations.kind(t.base, h + 1..<e) {
            return resolve(kind, h + 1..<e, tokenStart: ts, inCompound: true)
        }
        if looksAbbreviated(s..<e) {
            // After a number, a unit ("2.5 mn.", "40 pcs."): a capital starts a sentence.
            return .abbreviation(previousTokenEndsWithDigit(before: ts) ? .finalBeforeCapital : .finalBeforeStarter)
        }
        var letters = 0, digits = 0, dots = 0, others = 0
        var hasAddressMark = false
        var longestSegment = 0, segment = 0
        var i = s
        while i < e {
            let b = t[i]
            if b < 0x80 {
                if TextBytes.isASCIILetter(b) {
                    letters += 1
                    segment += 1
                } else if TextBytes.isDigit(b) {
                    digits += 1
                    segment += 3  // digits make a segment long: 3.5 is no initialism
                } else if b == 0x2E {
                    dots += 1
                    longestSegment = max(longestSegment, segment)
                    segment = 0
                } else {
                    if b == 0x40 || b == 0x2F || b == 0x3A || b == 0x5C { hasAddressMark = true }
                    others += 1
                    segment += 3
                }
                i += 1
            } else {
                let n = t.charLength(at: i)
                if t.isWideWordChar(at: i) { letters += 1; segment += 1 } else { others += 1; segment += 3 }
                i += n
            }
        }
        longestSegment = max(longestSegment, segment)
        if hasAddressMark && letters > 0 { return .address }
        if letters == 0 && digits > 0 { return .number }
        if dots > 0 && letters > 0 && longestSegment <= 2 && digits == 0 && others == 0 { return .dotted }
        if dots > 0 && digits == 0 && others == 0 && longestSegment <= 4 && isTitleCaseDotted(s..<e) { return .dotted }
        if letters == 1 && digits == 0 && dots == 0 && others == 0 { return initialOrLetter(s, tokenStart: ts) }
        return .word
    }

    /// Whether the word before the full stop at `dot` is plainly a whole word, not a
    /// shortening: ASCII letters (after any hyphen) with a vowel, six or more of them, or
    /// four or more ending in "ed", "ly" or "ng" ("harbour", "started", "badly").
    func isFullWord(before dot: Int) -> Bool {
        var s = dot
        var vowel = false
        while s > sentenceStart && dot - s < 32 {
            let b = t[s - 1]
            guard TextBytes.isASCIILetter(b) else { break }
            switch b | 0x20 {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: vowel = true
            default: break
            }
            s -= 1
        }
        let n = dot - s
        guard vowel, n >= 4, s == sentenceStart || t.whitespaceLength(endingAt: s) > 0 || t[s - 1] == 0x2D else { return false }
        if n >= 6 { return true }
        let a = t[dot - 2] | 0x20, b = t[dot - 1] | 0x20
        return (a == 0x65 && b == 0x64) || (a == 0x6C && b == 0x79) || (a == 0x6E && b == 0x67)
    }

    /// An abbreviation's behaviour in its context.
    func resolve(_ kind: AbbreviationKind, _ word: Range<Int>, tokenStart ts: Int, inCompound: Bool) -> PreviousWord {
        switch kind {
        case .unitAfterNumber:
            return previousTokenEndsWithDigit(before: ts) ? .abbreviation(.finalBeforeCapital) : .word
        case .unit:
            return .abbreviation(previousTokenEndsWithDigit(before: ts) ? .finalBeforeCapital : .finalBeforeStarter)
        case .stateAfterComma, .state:
            // "Eugene, Ore." and "D-Calif." end a place; a state elsewhere may not.
            let party = word.lowerBound - 2
            let afterParty = party >= ts && t.charClass(at: party) == .upper && (party == ts || openerLength(at: party - 1) > 0)
            if inCompound ? afterParty : previousTokenIsCityAndComma(before: ts) {
                return .abbreviation(.endsName)
            }
            return kind == .state && !inCompound ? .abbreviation(.finalBeforeStarter) : .word
        case .nameSuffix:
            return .abbreviation(!inCompound && followsName(ts) ? .endsName : .finalBeforeStarter)
        case .street:
            let isSt = t[word.lowerBound] | 0x20 == 0x73 && word.count == 2
            let street = !inCompound && !(isSt && beforeSaintName(dot: word.upperBound)) && followsStreetName(ts, isSt: isSt)
            return .abbreviation(street ? .endsName : .finalBeforeStarter)
        case .numero:
            // "no." in lower case, or "No." alone at the start: the answer.
            let answer = t[word.lowerBound] == 0x6E || isFirstOfSentence(ts)
            return .abbreviation(answer ? .finalBeforeCapital : .finalBeforeStarter)
        default:
            return .abbreviation(kind)
        }
    }

    /// Whether nothing but white space and opening quotes stands between the sentence
    /// start and `ts`.
    func isFirstOfSentence(_ ts: Int) -> Bool {
        var i = sentenceStart
        while i < ts {
            let w = t.whitespaceLength(at: i)
            if w > 0 { i += w; continue }
            let n = openerLength(at: i)
            if n == 0 { return false }
            i += n
        }
        return true
    }

    /// The word of the white-space-delimited token before `ts` in the sentence, without
    /// opening quotes or brackets, or nil.
    func previousToken(before ts: Int) -> Range<Int>? {
        var e = ts
        while e > sentenceStart {
            let w = t.whitespaceLength(endingAt: e)
            if w == 0 { break }
            e -= w
        }
        guard e > sentenceStart, e < ts else { return nil }
        var s = tokenStart(before: e)
        while s < e {
            let n = openerLength(at: s)
            if n == 0 { break }
            s += n
        }
        return s < e ? s..<e : nil
    }

    /// "Acme Inc.", "Smith, Jr.", "Ash & Co.": a capitalised name (or "&") before a suffix.
    func followsName(_ ts: Int) -> Bool {
        guard let p = previousToken(before: ts) else { return false }
        if t[p.lowerBound] == 0x26 { return p.count == 1 }
        var i = p.lowerBound
        while i < p.upperBound {
            if t.charClass(at: i) == .upper { return true }
            if !t.isWordChar(at: i) { return false }
            i += t.charLength(at: i)
        }
        return false
    }

    /// "Elm St.", "5th Ave.": a street name or an ordinal before a street word. Not "The
    /// St.", "Mount St." (Saint) or a word that opens the sentence.
    func followsStreetName(_ ts: Int, isSt: Bool) -> Bool {
        guard let p = previousToken(before: ts) else { return false }
        let last = t[p.upperBound - 1]
        guard TextBytes.isASCIILetter(last) else { return false }
        if TextBytes.isDigit(t[p.lowerBound]) {
            // 5th, 42nd, 1st, 3rd
            var d = p.lowerBound
            while d < p.upperBound && TextBytes.isDigit(t[d]) { d += 1 }
            return p.upperBound - d == 2
        }
        guard t.charClass(at: p.lowerBound) == .upper, !isFirstOfSentence(p.lowerBound) else { return false }
        let word = p.lowerBound..<wordEnd(from: p.lowerBound)
        guard word.upperBound == p.upperBound else { return false }
        if SentenceStarters.capitalised.contains(t.base, word) { return false }
        if isSt && SentenceStarters.beforeSaint.contains(t.base, word) { return false }
        return true
    }

    /// Whether the word after the full stop at `dot` is a saint's name, which makes "St."
    /// Saint even after a name ("Yves St. Laurent", "Jill St. John").
    func beforeSaintName(dot: Int) -> Bool {
        let n = t.skipWhitespace(from: dot + 1, limit: hi)
        guard n > dot + 1, n < hi else { return false }
        return SentenceStarters.saintNames.contains(t.base, n..<wordEnd(from: n))
    }

    /// A single letter: the pronoun "I" after a lower-case word ends the sentence like a
    /// word; a capital after a lower-case noun names a thing ("vitamin D."); otherwise an
    /// initial.
    func initialOrLetter(_ s: Int, tokenStart ts: Int) -> PreviousWord {
        guard t.charClass(at: s) == .upper, let p = previousToken(before: ts),
              t.charClass(at: p.lowerBound) == .lower
        else { return .initial }
        let word = p.lowerBound..<wordEnd(from: p.lowerBound)
        guard word.upperBound == p.upperBound else { return .initial }  // "Smith, J." and the like
        if t[s] == 0x49 { return .word }  // "… Lola and I."
        if SentenceStarters.nameIntroducers.contains(t.base, word) { return .initial }
        // Past tenses introduce a name: "interviewed J. Smith".
        if word.count >= 4 && t[word.upperBound - 2] == 0x65 && t[word.upperBound - 1] == 0x64 { return .initial }
        return .letter
    }

    /// Dotted capitals with short parts: "M.Phil", "D.Phil", "Ed.D".
    func isTitleCaseDotted(_ r: Range<Int>) -> Bool {
        var atSegmentStart = true
        for i in r {
            let b = t[i]
            if b == 0x2E { atSegmentStart = true; continue }
            if atSegmentStart && !(b >= 0x41 && b <= 0x5A) { return false }
            atSegmentStart = false
        }
        return true
    }

    /// An unlisted word shaped like an abbreviation: two to six ASCII letters with no
    /// vowel (nor "y"), not all capitals ("Hdqtrs", "Mgmt", "pkg"; not "BBC", "hmm").
    func looksAbbreviated(_ r: Range<Int>) -> Bool {
        guard r.count >= 2 && r.count <= 6 else { return false }
        var lower = false
        for i in r {
            let b = t[i]
            guard TextBytes.isASCIILetter(b) else { return false }
            switch b | 0x20 {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return false  // a e i o u y
            default: break
            }
            if b >= 0x61 { lower = true }
        }
        return lower && !SentenceStarters.interjections.contains(t.base, r)
    }

    /// Whether the token before `ts` is a capitalised word and a comma ("Boston, Mass.").
    func previousTokenIsCityAndComma(before ts: Int) -> Bool {
        var e = ts
        while e > lo && t.whitespaceLength(endingAt: e) > 0 { e -= t.whitespaceLength(endingAt: e) }
        guard e > lo + 1, t[e - 1] == 0x2C else { return false }
        let s = tokenStart(before: e - 1)
        return t.charClass(at: s) == .upper
    }

    /// Whether the token before `ts` ends with a digit ("3 in.").
    func previousTokenEndsWithDigit(before ts: Int) -> Bool {
        var e = ts
        while e > lo && t.whitespaceLength(endingAt: e) > 0 { e -= t.whitespaceLength(endingAt: e) }
        return e > lo && TextBytes.isDigit(t[e - 1])
    }

    /// "the deal.The board", "Tuesday.Mr. Smith", "1,000.That": a full stop between a
    /// lower-case letter or digit and a capitalised word, with no space, ends a sentence
    /// — unless the tokens are a URL, an e-mail address, a file name or an abbreviation.
    func missingSpaceEnds(dot: Int) -> Bool {
        guard dot > sentenceStart, dot + 2 < hi else { return false }
        let before = t.scalarStart(before: dot, floor: sentenceStart)
        let cls = t.charClass(at: before)
        guard cls == .lower || cls == .digit else { return false }
        let ts = tokenStart(before: dot)
        var i = ts
        while i < dot {
            switch t[i] {
            case 0x2E, 0x40, 0x2F, 0x3A, 0x5F, 0x5C, 0x3D: return false  // . @ / : _ \ =
            default: i += 1
            }
        }
        if abbreviations.kind(t.base, ts..<dot) != nil { return false }
        let n = dot + 1
        guard t.charClass(at: n) == .upper else { return false }
        let second = n + t.charLength(at: n)
        if second < hi {
            let c2 = t.charClass(at: second)
            let singleWord = (t[n] == 0x49 || t[n] == 0x41) && c2 == .whitespace  // "I", "A"
            guard c2 == .lower || singleWord else { return false }
        }
        // The rest of the next token must not look like a domain, path or address.
        var j = n
        while j < hi && j - n < 64 {
            let b = t[j]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { break }
            if b == 0x40 || b == 0x2F || b == 0x5F || b == 0x5C { return false }
            if b == 0x3A && t.at(j + 1) == 0x2F { return false }
            if b == 0x2E && j + 1 < hi && t.isWordChar(at: j + 1) { return false }
            j += 1
        }
        return true
    }
}
