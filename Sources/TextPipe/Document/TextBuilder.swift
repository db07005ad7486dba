/// Builds a rewritten text and its `OffsetMap` together, so a stage that changes text
/// (HTML to text, whitespace, normalization) cannot forget to keep offsets.
///
/// Appends work on UTF-8 bytes; the result is valid UTF-8 as long as copies and
/// replacements start and end on character boundaries of valid UTF-8 text.
public struct TextBuilder {
    public private(set) var bytes: [UInt8] = []
    private var anchors: [OffsetMap.Anchor] = []
    /// The source offset just after the last copied byte, when the last append was a copy.
    private var copyEnd: Int?

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    /// Appends source bytes `range` (their offsets in `source`) unchanged.
    public mutating func copy(_ source: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if copyEnd != range.lowerBound {
            anchors.append(OffsetMap.Anchor(target: bytes.count, source: range.lowerBound))
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: source[range]))
        copyEnd = range.upperBound
    }

    /// Appends one source byte unchanged (a fast path for byte-at-a-time loops).
    @inline(__always) public mutating func copyByte(_ byte: UInt8, at sourceOffset: Int) {
        if copyEnd != sourceOffset {
            anchors.append(OffsetMap.Anchor(target: bytes.count, source: sourceOffset))
        }
        bytes.append(byte)
        copyEnd = sourceOffset + 1
    }

    /// Appends `text` standing for the source bytes `sourceRange` (empty for an insertion).
    public mutating func replace(_ sourceRange: Range<Int>, with text: String) {
        var text = text
        text.withUTF8 { replace(sourceRange, withBytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func replace(_ sourceRange: Range<Int>, withBytes replacement: UnsafeRawBufferPointer) {
        guard !replacement.isEmpty else {
            // A deletion: the next copy starts a new anchor because the source jumps.
            copyEnd = nil
            return
        }
        anchors.append(OffsetMap.Anchor(target: bytes.count, source: sourceRange.lowerBound, copied: false,
                                        sourceLength: sourceRange.count))
        bytes.append(contentsOf: replacement)
        copyEnd = nil
    }

    /// Appends an ASCII byte standing for `sourceRange` (a space for collapsed whitespace).
    public mutating func replace(_ sourceRange: Range<Int>, withByte byte: UInt8) {
        withUnsafeBytes(of: byte) { replace(sourceRange, withBytes: $0) }
    }

    /// The last byte written, if any.
    public var lastByte: UInt8? { bytes.last }

    /// Removes trailing bytes while `predicate` holds (trailing spaces before a newline).
    /// Anchors past the new end are dropped.
    public mutating func trimEnd(while predicate: (UInt8) -> Bool) {
        var n = bytes.count
        while n > 0 && predicate(bytes[n - 1]) { n -= 1 }
        guard n < bytes.count else { return }
        bytes.removeSubrange(n...)
        while let last = anchors.last, last.target >= n, anchors.count > 0 { anchors.removeLast() }
        copyEnd = nil
    }

    /// The text and the map from its offsets to the source's.
    public func finish() -> (text: String, map: OffsetMap) {
        (String(decoding: bytes, as: UTF8.self), OffsetMap(anchors: anchors))
    }
}
