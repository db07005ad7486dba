/// Splits a text into paragraphs: blocks separated by blank lines (lines of white space
/// count as blank), with each list item, Markdown heading and form-feed page on its own.
/// Works line by line on UTF-8 bytes.
struct ParagraphSegmenter: Sendable {
    /// Appends the paragraphs of `range` (trimmed byte ranges, in order) to `out`.
    func segment(_ t: TextBytes, range: Range<Int>, into out: inout [Range<Int>]) {
        var paragraph: Range<Int>?  // the open paragraph, trimmed so far
        var previousEnd: UInt8?  // last byte of the previous non-blank line in this paragraph
        var previousLine: Range<Int>?  // that line, trimmed
        var previousWasHeading = false
        var inItem = false
        var lastItem: ListMarker?

        func close() {
            if let p = paragraph, !p.isEmpty { out.append(p) }
            paragraph = nil
            previousEnd = nil
            previousLine = nil
            previousWasHeading = false
            inItem = false
        }

        var i = range.lowerBound
        while i < range.upperBound {
            // Find the end of this line and the kind of break that ends it.
            var e = i
            var breakLength = 0
            var hardBreak = false
            while e < range.upperBound {
                let b = t[e]
                if b == 0x0A || b == 0x0D || b == 0x0C || b == 0xC2 || b == 0xE2 {
                    if b == 0x0C { breakLength = 1; hardBreak = true; break }
                    if b == 0xE2 && t.at(e + 1) == 0x80 && t.at(e + 2) == 0xA9 { breakLength = 3; hardBreak = true; break }
                    let n = t.lineBreakLength(at: e)
                    if n > 0 { breakLength = n; break }
                }
                e += 1
            }
            let line = t.trimmed(i..<e)
            if line.isEmpty {
                close()
            } else {
                let indented = line.lowerBound > i
                let marker = ListMarker.parse(t, at: line.lowerBound, limit: line.upperBound)
                let isItem = marker.map {
                    guard ListMarker.startsItem($0, t, limit: line.upperBound, previousEnd: paragraph == nil ? nil : previousEnd,
                                                previousItem: lastItem)
                    else { return false }
                    if paragraph != nil && !inItem, let previousLine,
                       ListMarker.isWrappedDash($0, t, previousLine: previousLine, limit: range.upperBound)
                    {
                        return false
                    }
                    return true
                } ?? false
                let isHeading = Self.isHeading(t, line)
                if paragraph != nil {
                    var split = isItem || isHeading || previousWasHeading
                    // A list without a blank line after it: an unindented capitalised line
                    // after an item that ended its sentence starts a new paragraph.
                    if !split && inItem && !indented, let end = previousEnd, end == 0x2E || end == 0x21 || end == 0x3F,
                       t.charClass(at: line.lowerBound) == .upper
                    {
                        split = true
                    }
                    if split { close() }
                }
                if paragraph == nil {
                    paragraph = line
                    inItem = isItem
                } else {
                    paragraph = paragraph!.lowerBound..<line.upperBound
                }
                if isItem { lastItem = marker }
                previousEnd = t[line.upperBound - 1]
                previousLine = line
                previousWasHeading = isHeading
            }
            if hardBreak { close() }
            i = e + breakLength
        }
        close()
    }

    /// A Markdown heading line: one to six `#` and a space.
    static func isHeading(_ t: TextBytes, _ line: Range<Int>) -> Bool {
        var j = line.lowerBound
        while j < line.upperBound && t[j] == 0x23 && j - line.lowerBound < 7 { j += 1 }
        let hashes = j - line.lowerBound
        return hashes >= 1 && hashes <= 6 && j < line.upperBound && t[j] == 0x20
    }
}
