/// Maps byte offsets in a rewritten text back to byte offsets in the text it came from.
///
/// A rewrite is described as a sorted list of anchors: each says that the new text from
/// `target` on corresponds to the old text from `source` on, byte for byte, until the
/// next anchor. Inserted text (no source) maps to the source position where it was inserted.
public struct OffsetMap: Sendable, Hashable {
    public struct Anchor: Sendable, Hashable {
        public var target: Int
        public var source: Int
        /// Whether bytes after this anchor correspond one-to-one to source bytes.
        public var copied: Bool
        public init(target: Int, source: Int, copied: Bool = true) {
            self.target = target
            self.source = source
            self.copied = copied
        }
    }

    public private(set) var anchors: [Anchor]

    /// The identity map.
    public init() { anchors = [Anchor(target: 0, source: 0)] }

    /// A map from anchors sorted by `target`.
    public init(anchors: [Anchor]) {
        self.anchors = anchors.isEmpty ? [Anchor(target: 0, source: 0)] : anchors
    }

    /// The source offset of a target offset (binary search, O(log anchors)).
    public func sourceOffset(of target: Int) -> Int {
        let a = anchors[lastAnchorIndex(atOrBefore: target)]
        return a.copied ? a.source + (target - a.target) : a.source
    }

    /// The map from `next`'s targets through `self` to the original source: `next`
    /// rewrote the text that `self` maps, so copied runs of `next` are split wherever
    /// `self` has an anchor inside them.
    public func composed(with next: OffsetMap) -> OffsetMap {
        var out: [Anchor] = []
        out.reserveCapacity(next.anchors.count + anchors.count)
        for (k, a) in next.anchors.enumerated() {
            guard a.copied else {
                out.append(Anchor(target: a.target, source: sourceOffset(of: a.source), copied: false))
                continue
            }
            let runLength = k + 1 < next.anchors.count ? next.anchors[k + 1].target - a.target : Int.max / 2
            let midStart = a.source
            let midEnd = midStart + runLength
            var j = lastAnchorIndex(atOrBefore: midStart)
            out.append(Anchor(target: a.target, source: sourceOffset(of: midStart), copied: anchors[j].copied))
            j += 1
            while j < anchors.count && anchors[j].target < midEnd {
                out.append(Anchor(target: a.target + (anchors[j].target - midStart), source: anchors[j].source,
                                  copied: anchors[j].copied))
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
