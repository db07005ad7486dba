/// What a run of terminal punctuation looks like.
struct TerminalCluster {
    /// The first terminal character.
    var start: Int
    /// Just after the last terminal character.
    var end: Int
    /// After the closing quotes, brackets and citation marks that follow.
    var closedEnd: Int
    /// Full stops, an ellipsis character counting as three.
    var dots = 0
    var hasQuestionOrExclamation = false
    var hasCJKStop = false
    var hasCloser = false
    var hasQuoteCloser = false
    /// A full stop after the closers, as in "(… Co.)." — the sentence certainly ends there.
    var stopAfterCloser = false
    /// "[...]": an omission inside a quotation, never an end.
    var isBracketedEllipsis = false

    var isEllipsis: Bool { dots >= 2 && dots <= 3 && !hasQuestionOrExclamation && !stopAfterCloser }
    /// Four dots: an ellipsis and a full stop.
    var isEllipsisWithStop: Bool { dots >= 4 && !hasQuestionOrExclamation }
}

/// The scan of one paragraph.
struct SentenceScan {
    let t: TextBytes
    let lo: Int
    let hi: Int
    let abbreviations: Abbreviations

    var sentenceStart: Int
    /// Positions where a list item starts inside the paragraph ("… item 2. The next …").
    var forcedCuts: [Int] = []
    var forcedIndex = 0
    /// Full stops that belong to list markers, in order.
    var markerDots: [Int] = []
    var markerDotIndex = 0
    /// The end of the last terminal cluster: a line that ends there was already decided.
    var lastClusterEnd = -1
    var lineStart: Int
    var lastItem: ListMarker?
    /// Per-paragraph line statistics, computed at the first line break.
    var lineStats: (isLineList: Bool, maxLength: Int)?

    init(t: TextBytes, paragraph: Range<Int>, abbreviations: Abbreviations) {
        self.t = t
        self.lo = paragraph.lowerBound
        self.hi = paragraph.upperBound
        self.abbreviations = abbreviations
        self.sentenceStart = paragraph.lowerBound
        self.lineStart = paragraph.lowerBound
    }

    mutating func run(into out: inout [Range<Int>]) {
        startOfParagraph()
        var i = lo
        let p = t.base
        while i < hi {
            // Hot loop: most bytes are letters and spaces, skipped with a few comparisons.
            let b = p[i]
            if b != 0x2E && b != 0x21 && b != 0x3F && b != 0x0A && b != 0x0D && b < 0xC2 {
                i += 1
                continue
            }
            if b == 0x0A || b == 0x0D {
                let n = t.lineBreakLength(at: i)
                lineBreak(at: i, length: n, into: &out)
                i += n
                continue
            }
            if b >= 0xC2 {
                if b == 0xE2 && i > lo && t.whitespaceLength(endingAt: i) > 0 {
                    inlineBullet(at: i, into: &out)
                }
                if terminalLength(at: i).length > 0 {
                    i = cluster(at: i, into: &out)
                } else {
                    let n = t.lineBreakLength(at: i)
                    if n > 0 {
                        lineBreak(at: i, length: n, into: &out)
                        i += n
                    } else {
                        i += TextBytes.sequenceLength(b)
                    }
                }
                continue
            }
            i = cluster(at: i, into: &out)
        }
        flushForcedCuts(before: hi, into: &out)
        emit(upTo: hi, into: &out)
    }

    // MARK: - Emitting

    /// Ends the current sentence at `position` (trimmed; nothing when it would be empty).
    mutating func cut(at position: Int, into out: inout [Range<Int>]) {
        guard position > sentenceStart else { return }
        emit(upTo: position, into: &out)
        sentenceStart = position
    }

    mutating func emit(upTo end: Int, into out: inout [Range<Int>]) {
        let r = t.trimmed(sentenceStart..<end)
        if !r.isEmpty { out.append(r) }
    }

    mutating func flushForcedCuts(before position: Int, into out: inout [Range<Int>]) {
        while forcedIndex < forcedCuts.count && forcedCuts[forcedIndex] <= position {
            cut(at: forcedCuts[forcedIndex], into: &out)
            forcedIndex += 1
        }
    }

    mutating func isMarkerDot(_ i: Int) -> Bool {
        while markerDotIndex < markerDots.count && markerDots[markerDotIndex] < i { markerDotIndex += 1 }
        return markerDotIndex < markerDots.count && markerDots[markerDotIndex] == i
    }

    // MARK: - Lists

    /// A list marker that opens the paragraph: its full stop is not an end, and later
    /// items of the same list on the same line start sentences of their own.
    mutating func startOfParagraph() {
        guard let first = ListMarker.parse(t, at: lo, limit: hi),
              ListMarker.startsItem(first, t, limit: hi, previousEnd: nil, previousItem: nil)
        else { return }
        lastItem = first
        if let dot = first.dot { markerDots.append(dot) }
        for m in laterItems(of: first) {
            forcedCuts.append(m.start)
            if let dot = m.dot { markerDots.append(dot) }
        }
    }

    /// The later items of the list that `first` opens, on the same line or further on in
    /// the paragraph ("1. Pack 2. Drive"), in order.
    func laterItems(of first: ListMarker) -> [ListMarker] {
        var items: [ListMarker] = []
        var previous = first
        var i = first.end
        while i < hi {
            let b = t[i]
            if b == 0x20 || b == 0x09 {
                let next = i + 1
                if next < hi, let m = ListMarker.parse(t, at: next, limit: hi), m.start == next {
                    let sameList: Bool
                    if let bullet = first.bullet {
                        sameList = m.bullet == bullet
                    } else {
                        sameList = m.bullet == nil && m.style == first.style && m.follows(previous)
                    }
                    if sameList {
                        items.append(m)
                        previous = m
                        i = m.end
                        continue
                    }
                }
            }
            i += 1
        }
        return items
    }

    /// "Steps: 1. Mix the flour 2. Add water": a numbered or lettered list written inline
    /// after a colon, with at least two items. Each item starts a sentence and the
    /// markers' full stops end none. Returns where the scan goes on, or nil when the full
    /// stop at `dot` is not such a marker's.
    mutating func inlineListAfterColon(dot: Int, into out: inout [Range<Int>]) -> Int? {
        var s = dot
        while s > sentenceStart && dot - s < 4 && (TextBytes.isDigit(t[s - 1]) || TextBytes.isASCIILetter(t[s - 1])) { s -= 1 }
        guard s < dot, s > lo, t.whitespaceLength(endingAt: s) > 0 else { return nil }
        var c = s
        while c > lo {
            let w = t.whitespaceLength(endingAt: c)
            if w == 0 { break }
            c -= w
        }
        guard c > lo, t[c - 1] == 0x3A,
              let first = ListMarker.parse(t, at: s, limit: hi), first.start == s, first.dot == dot, first.bullet == nil,
              first.number == 1 || first.letter == 0x61 || first.roman == 1
        else { return nil }
        let later = laterItems(of: first)
        guard !later.isEmpty else { return nil }
        flushForcedCuts(before: s, into: &out)
        cut(at: s, into: &out)
        lastItem = first
        for m in later {
            forcedCuts.append(m.start)
            if let d = m.dot { markerDots.append(d) }
        }
        if forcedCuts.count - forcedIndex > 1 { forcedCuts[forcedIndex...].sort() }
        if markerDots.count - markerDotIndex > 1 { markerDots[markerDotIndex...].sort() }
        return first.end
    }

    /// A bullet character after white space inside a paragraph ("Features: • fast • cheap")
    /// starts an item: such bullets do not occur inside running sentences.
    mutating func inlineBullet(at i: Int, into out: inout [Range<Int>]) {
        guard let m = ListMarker.parse(t, at: i, limit: hi), let bullet = m.bullet,
              bullet >= 0x2022 && bullet != 0x2219
        else { return }
        flushForcedCuts(before: i, into: &out)
        cut(at: i, into: &out)
        if let dot = m.dot {
            markerDots.append(dot)
            if markerDots.count - markerDotIndex > 1 { markerDots[markerDotIndex...].sort() }
        }
    }

    /// A list item that starts a line inside the paragraph.
    mutating func startOfLine(_ start: Int, previousLine: Range<Int>) {
        let k = t.skipWhitespace(from: start, limit: hi)
        guard k < hi, let m = ListMarker.parse(t, at: k, limit: hi),
              ListMarker.startsItem(m, t, limit: hi, previousEnd: previousLine.isEmpty ? nil : t[previousLine.upperBound - 1],
                                    previousItem: lastItem)
        else { return }
        if !previousLine.isEmpty && !(lastItem != nil && lastItem!.start == lo)
            && ListMarker.isWrappedDash(m, t, previousLine: previousLine, limit: hi)
        {
            return
        }
        lastItem = m
        forcedCuts.append(m.start)
        if let dot = m.dot { markerDots.append(dot) }
        // The cut lies ahead of the scan; keep the list sorted for flushing.
        if forcedCuts.count - forcedIndex > 1 { forcedCuts[forcedIndex...].sort() }
        if markerDots.count - markerDotIndex > 1 { markerDots[markerDotIndex...].sort() }
    }

    // MARK: - Terminal clusters

    enum TerminalKind { case stop, questionOrExclamation, ellipsis, cjk }

    /// The length and kind of a terminal character at `i` (length 0 when there is none).
    @inline(__always) func terminalLength(at i: Int) -> (length: Int, kind: TerminalKind) {
        let b = t[i]
        switch b {
        case 0x2E: return (1, .stop)
        case 0x21, 0x3F: return (1, .questionOrExclamation)
        case 0xE2:
            let b1 = t.at(i + 1), b2 = t.at(i + 2)
            if b1 == 0x80 {
                if b2 == 0xA6 { return (3, .ellipsis) }  // …
                if b2 == 0xBC || b2 == 0xBD { return (3, .questionOrExclamation) }  // ‼ ‽
            } else if b1 == 0x81 && b2 >= 0x87 && b2 <= 0x89 {
                return (3, .questionOrExclamation)  // ⁇ ⁈ ⁉
            }
            return (0, .stop)
        case 0xE3:
            return t.at(i + 1) == 0x80 && t.at(i + 2) == 0x82 ? (3, .cjk) : (0, .stop)  // 。
        case 0xEF:
            let b1 = t.at(i + 1), b2 = t.at(i + 2)
            return b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F || b2 == 0x8E) ? (3, .cjk) : (0, .stop)  // ！？．
        default:
            return (0, .stop)
        }
    }

    /// The length of a closing quote or bracket at `i`, and whether it is a quote.
    @inline(__always) func closerLength(at i: Int) -> (length: Int, isQuote: Bool) {
        let b = t[i]
        switch b {
        case 0x22, 0x27: return (1, true)  // " '
        case 0x29, 0x5D, 0x7D: return (1, false)  // ) ] }
        case 0x2A, 0x5F: return (1, false)  // Markdown emphasis: * _
        case 0xC2: return t.at(i + 1) == 0xBB ? (2, true) : (0, false)  // »
        case 0xE2:
            if t.at(i + 1) == 0x80 {
                let b2 = t.at(i + 2)
                if b2 == 0x99 || b2 == 0x9D || b2 == 0xBA { return (3, true) }  // ’ ” ›
            }
            return (0, false)
        case 0xE3:
            if t.at(i + 1) == 0x80 {
                let b2 = t.at(i + 2)
                if b2 == 0x8D || b2 == 0x8F { return (3, true) }  // 」 』
                if b2 == 0x89 || b2 == 0x8B || b2 == 0x91 { return (3, false) }  // 〉 》 】
            }
            return (0, false)
        case 0xEF:
            return t.at(i + 1) == 0xBC && t.at(i + 2) == 0x89 ? (3, false) : (0, false)  // ）
        default:
            return (0, false)
        }
    }

    /// The end of a citation mark such as "[12]" or "[a]" at `i`, or nil.
    func citationEnd(at i: Int) -> Int? {
        guard t[i] == 0x5B else { return nil }
        var j = i + 1
        while j < hi && j - i <= 5 && (TextBytes.isDigit(t[j]) || TextBytes.isASCIILetter(t[j])) { j += 1 }
        guard j > i + 1, j < hi, t[j] == 0x5D else { return nil }
        return j + 1
    }

    /// Reads the terminal cluster that starts at `i` and decides whether a sentence ends
    /// after it. Returns where the scan goes on.
    mutating func cluster(at i: Int, into out: inout [Range<Int>]) -> Int {
        flushForcedCuts(before: i, into: &out)
        if t[i] == 0x2E {
            if isMarkerDot(i) { return i + 1 }
            if i > lo && t[i - 1] != 0x2E, let end = inlineListAfterColon(dot: i, into: &out) { return end }
        }
        var c = TerminalCluster(start: i, end: i, closedEnd: i)
        var j = i
        while j < hi {
            let (n, kind) = terminalLength(at: j)
            if n > 0 {
                switch kind {
                case .stop: c.dots += 1
                case .ellipsis: c.dots += 3
                case .questionOrExclamation: c.hasQuestionOrExclamation = true
                case .cjk: c.hasCJKStop = true
                }
                j += n
                continue
            }
            // Spaced dots: ". . ." (only after a dot, and only when a dot follows).
            if t[j] == 0x20 && c.dots > 0 && !c.hasQuestionOrExclamation && j + 1 < hi && t[j + 1] == 0x2E
                && (j + 2 >= hi || t[j + 2] == 0x20 || t[j + 2] == 0x2E || closerLength(at: j + 2).length > 0
                    || t.lineBreakLength(at: j + 2) > 0)
            {
                j += 1
                continue
            }
            break
        }
        c.end = j
        // Closing quotes, brackets and citation marks.
        var k = j
        while k < hi {
            let (n, isQuote) = closerLength(at: k)
            if n > 0 {
                k += n
                c.hasCloser = true
                if isQuote { c.hasQuoteCloser = true }
                continue
            }
            if let e = citationEnd(at: k) {
                k = e
                c.hasCloser = true
                continue
            }
            if c.hasCloser && t[k] == 0x2E {
                c.stopAfterCloser = true
                k += 1
                continue
            }
            if c.hasCloser, case let (n, kind) = terminalLength(at: k), n > 0, kind != .stop {
                k += n
                continue
            }
            break
        }
        c.closedEnd = k
        c.isBracketedEllipsis = c.dots >= 3 && i > lo && t[i - 1] == 0x5B && j < hi && t[j] == 0x5D
        lastClusterEnd = k

        if c.hasCJKStop && !c.hasQuestionOrExclamation && c.dots == 0 {
            cut(at: k, into: &out)
            return k
        }
        guard k < hi else { return k }
        if t.whitespaceLength(at: k) == 0 {
            // No space after the cluster: a boundary only for a missing space after a full
            // stop ("the deal.The board").
            if c.dots == 1 && !c.hasCloser && !c.hasQuestionOrExclamation && j == i + 1 && missingSpaceEnds(dot: i) {
                cut(at: i + 1, into: &out)
            }
            if c.hasCJKStop { cut(at: k, into: &out) }
            return k
        }
        // The next word, across white space and possibly a line break.
        var n = k
        var crossedBreak = false
        while n < hi {
            if t.lineBreakLength(at: n) > 0 { crossedBreak = true }
            let w = t.whitespaceLength(at: n)
            if w == 0 { break }
            n += w
        }
        guard n < hi else { return k }
        let next = nextWord(at: n)
        if endsSentence(c, next: next, crossedBreak: crossedBreak) {
            cut(at: k, into: &out)
        }
        return k
    }

    // MARK: - Line breaks

    /// A line break inside the paragraph: a boundary when the line before was already
    /// decided by its final punctuation (nothing to do here), when the paragraph is a list
    /// of short lines, or when the line before is a short heading-like line.
    mutating func lineBreak(at i: Int, length: Int, into out: inout [Range<Int>]) {
        flushForcedCuts(before: i, into: &out)
        let line = t.trimmed(lineStart..<i)
        let nextLine = i + length
        defer {
            lineStart = nextLine
            startOfLine(nextLine, previousLine: line)
        }
        guard !line.isEmpty, line.upperBound != lastClusterEnd else { return }
        let nextStart = t.skipWhitespace(from: nextLine, limit: hi)
        guard nextStart < hi else { return }
        if lineStats == nil { lineStats = computeLineStats() }
        if lineStats!.isLineList {
            cut(at: i, into: &out)
            return
        }
        if isHeadingLike(line, maxLength: lineStats!.maxLength, nextStart: nextStart) {
            cut(at: i, into: &out)
        }
    }

    /// Whether every line of the paragraph is short and none ends a sentence ("features\n
    /// contact manager\nevents, activities"): such lines are items, not a wrapped sentence.
    func computeLineStats() -> (isLineList: Bool, maxLength: Int) {
        var lines = 0
        var maxLength = 0
        var anyTerminal = false
        // "Rates on hold\nas growth stalls" is one wrapped title, not two items.
        var firstIsUpper = false
        var laterIsLower = false
        var s = lo
        var i = lo
        while i <= hi {
            let n = i < hi ? t.lineBreakLength(at: i) : 1
            if n > 0 {
                let line = t.trimmed(s..<i)
                if !line.isEmpty {
                    lines += 1
                    maxLength = max(maxLength, line.count)
                    if endsWithTerminal(line) { anyTerminal = true }
                    let c = t.charClass(at: line.lowerBound)
                    if lines == 1 { firstIsUpper = c == .upper } else if c == .lower { laterIsLower = true }
                }
                i += n
                s = i
            } else {
                i += 1
            }
        }
        // A list item's wrapped lines belong to the item.
        let isItem = lastItem != nil && lastItem!.start == lo
        return (lines >= 2 && !anyTerminal && maxLength <= 60 && !isItem && !(firstIsUpper && laterIsLower), maxLength)
    }

    /// Whether a line ends with terminal punctuation, possibly inside closing quotes.
    func endsWithTerminal(_ line: Range<Int>) -> Bool {
        var e = line.upperBound
        while e > line.lowerBound {
            let s = t.scalarStart(before: e, floor: line.lowerBound)
            if closerLength(at: s).length > 0 && s > line.lowerBound { e = s; continue }
            return terminalLength(at: s).length > 0
        }
        return false
    }

    /// A short line without final punctuation, followed by a capitalised line: a title,
    /// a dateline or a signature rather than a wrapped line of a sentence.
    func isHeadingLike(_ line: Range<Int>, maxLength: Int, nextStart: Int) -> Bool {
        guard line.count * 10 <= maxLength * 6, line.count <= 80 else { return false }
        // A heading is a line of its own: it starts a sentence, and does not stop on a
        // word that needs more ("… was published by\nMinistry officials …").
        guard t.skipWhitespace(from: sentenceStart, limit: hi) >= line.lowerBound else { return false }
        var w = line.upperBound
        while w > line.lowerBound && TextBytes.isASCIILetter(t[w - 1]) { w -= 1 }
        if w < line.upperBound && (w == line.lowerBound || t.whitespaceLength(endingAt: w) > 0)
            && SentenceStarters.neverLast.contains(t.base, w..<line.upperBound)
        {
            return false
        }
        // A clause after a comma ("The plan, which the council approved\nTuesday, …") is
        // running text; a title's comma comes before a capital ("LONDON, May 16"). So is a
        // line with three or more function words ("The mayor said that the road\n…"):
        // headlines leave them out.
        var k = line.lowerBound
        var functionWords = 0
        while k < line.upperBound {
            let b = t[k]
            if b == 0x2C && k + 2 < line.upperBound && t[k + 1] == 0x20 && t[k + 2] >= 0x61 && t[k + 2] <= 0x7A {
                return false
            }
            if TextBytes.isASCIILetter(b) && (k == line.lowerBound || t[k - 1] == 0x20) {
                var e = k + 1
                while e < line.upperBound && TextBytes.isASCIILetter(t[e]) { e += 1 }
                if (e == line.upperBound || t[e] == 0x20) && SentenceStarters.neverLast.contains(t.base, k..<e) {
                    functionWords += 1
                    if functionWords >= 3 { return false }
                }
                k = e
                continue
            }
            k += 1
        }
        let last = t[line.upperBound - 1]
        switch last {
        case 0x2C, 0x3B, 0x3A, 0x2D, 0x28, 0x26, 0x2F, 0x2B, 0x3D: return false  // , ; : - ( & / + =
        default: break
        }
        if last >= 0x80 {
            let s = t.scalarStart(before: line.upperBound, floor: line.lowerBound)
            let v = t.scalar(at: s).scalar.value
            if v == 0x2013 || v == 0x2014 { return false }  // – —
        }
        let next = nextWord(at: nextStart)
        return next.shape == .upper || next.shape == .digit
    }
}
