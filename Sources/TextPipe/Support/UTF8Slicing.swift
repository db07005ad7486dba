extension String {
    /// The text between two UTF-8 byte offsets (the unit of every span), clamped to the
    /// string. Offsets inside a multi-byte character round down to its start.
    public func slice(utf8 range: Range<Int>) -> Substring {
        let view = utf8
        let n = view.count
        let lower = Swift.min(Swift.max(range.lowerBound, 0), n)
        let upper = Swift.min(Swift.max(range.upperBound, lower), n)
        let lo = view.index(view.startIndex, offsetBy: lower)
        return self[lo..<view.index(lo, offsetBy: upper - lower)]
    }
}
