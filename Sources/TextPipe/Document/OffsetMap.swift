/// Maps byte offsets in a rewritten text back to byte offsets in the text it came from.
///
/// A rewrite is described as a sorted list of anchors: each says that the new text from
/// `target` on corresponds to the old text from `source` on, byte for byte (a copied run),
/// or that it replaces the `sourceLength` bytes at `source` (an entity decoded, a tag
/// turned into a line break, whitespace collapsed), until the next anchor.
public struct OffsetMap: Sendable, Hashable {
    public struct Anchor: Sendable, Hashable {
        public var target: Int
        public var source: Int
        /// Whether bytes after this anchor correspond one-to-one to source bytes.
        public var copied: Bool
        /// For a replacement: how many source bytes it stands for (0 for a pure insertion).
        public var sourceLength: Int

        public init(target: Int, source: Int, copied: Bool = true, sourceLength: Int = 0) {
            self.target = target
            self.source = source
            self.copied = copied
            self.sourceLength = copied ? 0 : sourceLength
        }
    }

    public private(set) var anchors: [Anchor]

    /// The identity map.
    public init() { anchors = [Anchor(target: 0, source: 0)] }

    /// A map from anchors sorted by `target`.
    public init(anchors: [Anchor]) {
        self.anchors = anchors.isEmpty ? [Anchor(target: 0, source: 0)] : anchors
    }

    /// The source offset of a target offset (binary search, O(log anchors)): where a span
    /// starting here starts in the source.
    public func sourceOffset(of target: Int) -> Int {
        let a = anchors[lastAnchorIndex(atOrBefore: target)]
        return a.copied ? a.source + max(0, target - a.target) : a.source
    }

    /// Where a span ending at `target` (exclusive) ends in the source: just after the
    /// source of its last byte, so a span ending in a decoded `&amp;` covers all of it.
    public func sourceEnd(of target: Int) -> Int {
        guard target > 0 else { return sourceOffset(of: 0) }
        let a = anchors[lastAnchorIndex(atOrBefore: target - 1)]
        return a.copied ? a.source + (target - a.target) : a.source + a.sourceLength
    }

    /// The source range of a target range.
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        let start = sourceOffset(of: range.lowerBound)
        if range.isEmpty { return start..<start }
        return start..<max(start, sourceEnd(of: range.upperBound))
    }

    /// The map from `next`'s targets through `self` to the original source: `next`
    /// rewrote the text that `self` maps, so copied runs of `next` are split wherever
    /// `self` has an anchor inside them.
    public func composed(with next: OffsetMap) -> OffsetMap {
        var out: [Anchor] = []
        out.reserveCapacity(next.anchors.count + anchors.count)
        for (k, a) in next.anchors.enumerated() {
            guard a.copied else {
                let range = sourceRange(of: a.source..<(a.source + a.sourceLength))
                out.append(Anchor(target: a.target, source: range.lowerBound, copied: false, sourceLength: range.count))
                continue
            }
            let runLength = k + 1 < next.anchors.count ? next.anchors[k + 1].target - a.target : Int.max / 2
            let midStart = a.source
            let midEnd = midStart + runLength
            var j = lastAnchorIndex(atOrBefore: midStart)
            let inner = anchors[j]
            if inner.copied {
                out.append(Anchor(target: a.target, source: sourceOffset(of: midStart)))
            } else {
                out.append(Anchor(target: a.target, source: inner.source, copied: false, sourceLength: inner.sourceLength))
            }
            j += 1
            while j < anchors.count && anchors[j].target < midEnd {
                var moved = anchors[j]
                moved.target = a.target + (anchors[j].target - midStart)
                out.append(moved)
                j += 1
            }
        }
        return OffsetMap(anchors: out)
    }

    private func lastAnchorIndex(atOrBefore target: Int) -> Int {
        var lo = 0
        var hi = anchors.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if anchors[mid].target <= target { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
