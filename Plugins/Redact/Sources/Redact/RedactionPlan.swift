import TextPipe

/// Which byte ranges of a text are replaced, by what, and where any other offset of the
/// text lands in the redacted text.
struct RedactionPlan {
    struct Redaction {
        var range: Range<Int>
        var label: String
        var replacement: String
        /// Where the replacement starts in the redacted text.
        var newStart: Int = 0
        var newEnd: Int { newStart + replacement.utf8.count }
    }

    /// Sorted, without overlaps.
    private(set) var redactions: [Redaction] = []

    /// Redactions for `spans` (any order, overlaps allowed); `replacement` makes the text
    /// for a label.
    init(spans: [Span], replacement: (String) -> String) {
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where !span.range.isEmpty {
            if let last = redactions.last, span.start < last.range.upperBound {
                // Overlapping spans become one redaction, under the first one's label.
                redactions[redactions.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, span.end)
                continue
            }
            let label = span.label ?? ""
            redactions.append(Redaction(range: span.range, label: label, replacement: replacement(label)))
        }
        var shift = 0
        for i in redactions.indices {
            redactions[i].newStart = redactions[i].range.lowerBound + shift
            shift += redactions[i].replacement.utf8.count - redactions[i].range.count
        }
    }

    /// Where `offset` of the old text is in the new one. An offset inside a redaction
    /// goes to the replacement's start (`isEnd == false`) or end (`isEnd == true`).
    func newOffset(_ offset: Int, isEnd: Bool) -> Int {
        guard let r = redaction(startingAtOrBefore: offset) else { return offset }
        if offset >= r.range.upperBound { return r.newEnd + (offset - r.range.upperBound) }
        if offset == r.range.lowerBound { return r.newStart }
        return isEnd ? r.newEnd : r.newStart
    }

    /// A span of the old text moved to the new one. A span inside a redaction covers the
    /// replacement and loses its attributes, which may quote what was redacted.
    func moved(_ span: Span) -> Span {
        var out = span
        out.start = newOffset(span.start, isEnd: false)
        out.end = max(out.start, newOffset(span.end, isEnd: true))
        if let r = redaction(startingAtOrBefore: span.start), span.start < r.range.upperBound, span.end <= r.range.upperBound {
            out.attributes = ["redacted": true]
        }
        return out
    }

    /// The last redaction that starts at or before `offset` (binary search).
    private func redaction(startingAtOrBefore offset: Int) -> Redaction? {
        var lo = 0
        var hi = redactions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if redactions[mid].range.lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? redactions[lo - 1] : nil
    }
}
