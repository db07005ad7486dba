import TextPipe

/// A document's span offsets in the unit an export writes, and optionally in source
/// coordinates (the text as read, through `clean`'s offset map): the one conversion every
/// format shares, so JSON, CSV, Markdown and SQLite agree on every number.
///
/// Hot path (every span of every export): spans of a layer mostly come in text order, so
/// a cursor remembers the last converted offset and counts forward from it, eight bytes
/// at a time. Only a jump far back goes through an `OffsetIndex`, built on first need.
/// UTF-8 offsets and ASCII text need no counting at all.
public final class SpanPositions {
    private let document: Document
    /// Source offsets are converted in the source text, which only exists once a stage
    /// rewrote the text; before that the two coincide.
    private let sourceIndex: OffsetIndex?
    public let unit: OffsetUnit
    private let bytes: ContiguousArray<UInt8>
    /// Whether offsets differ from byte offsets (non-ASCII text, in code points or UTF-16).
    private let counting: Bool
    private var cursorByte = 0
    private var cursorValue = 0
    private var index: OffsetIndex?
    /// A jump back by less than this counts again from the start instead of building an index.
    private static let recountLimit = 4096

    public init(_ document: Document, unit: OffsetUnit, sourceOffsets: Bool) {
        self.document = document
        self.unit = unit
        bytes = ContiguousArray(document.text.utf8)
        counting = unit != .utf8 && Self.hasNonASCII(bytes)
        sourceIndex = sourceOffsets ? OffsetIndex(document.sourceText ?? document.text) : nil
    }

    public var hasSourceOffsets: Bool { sourceIndex != nil }

    /// An offset (UTF-8 bytes of the current text) in the export's unit. An offset inside
    /// a character maps to that character's start, as `OffsetIndex` does.
    public func convert(_ byteOffset: Int) -> Int {
        var target = min(max(byteOffset, 0), bytes.count)
        guard counting else { return target }
        // The cursor always sits on a character start, so its value counts exactly the
        // characters before its byte.
        while target < bytes.count && target > 0 && bytes[target] & 0xC0 == 0x80 { target -= 1 }
        if target < cursorByte {
            if target >= Self.recountLimit {
                if index == nil { index = OffsetIndex(document.text) }
                cursorByte = target
                cursorValue = index!.convert(target, to: unit)
                return cursorValue
            }
            cursorByte = 0
            cursorValue = 0
        }
        cursorValue += units(from: cursorByte, to: target)
        cursorByte = target
        return cursorValue
    }

    /// Code points (or UTF-16 units) that start in `bytes[from..<to]`: the bytes minus the
    /// continuation bytes (10xxxxxx), plus one more unit per 4-byte lead (11110xxx) for
    /// UTF-16. Eight bytes at a time: per byte, `b & ~(b << 1)` has its top bit set only
    /// for 10xxxxxx, and `b & b<<1 & b<<2 & b<<3` only for 1111xxxx; bits shifted in from
    /// the neighbouring byte land below the top bit and are masked off.
    private func units(from: Int, to: Int) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let utf16 = unit == .utf16
        var continuation = 0, fourByteLeads = 0
        bytes.withUnsafeBytes { raw in
            var i = from
            while i + 8 <= to {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                continuation += (w & ~(w << 1) & high).nonzeroBitCount
                if utf16 { fourByteLeads += (w & (w << 1) & (w << 2) & (w << 3) & high).nonzeroBitCount }
                i += 8
            }
            while i < to {
                let b = raw[i]
                if b & 0xC0 == 0x80 { continuation += 1 } else if utf16 && b >= 0xF0 { fourByteLeads += 1 }
                i += 1
            }
        }
        return (to - from) - continuation + fourByteLeads
    }

    private static func hasNonASCII(_ bytes: ContiguousArray<UInt8>) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            var any: UInt64 = 0
            while i + 8 <= raw.count {
                any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < raw.count {
                any |= UInt64(raw[i])
                i += 1
            }
            return any & 0x8080_8080_8080_8080 != 0
        }
    }

    /// The span's start and end in the text as read, in the export's unit; `nil` unless
    /// source offsets were asked for.
    public func sourceRange(of span: Span) -> (start: Int, end: Int)? {
        guard let sourceIndex else { return nil }
        let r = document.sourceRange(of: span)
        return (sourceIndex.convert(r.lowerBound, to: unit), sourceIndex.convert(r.upperBound, to: unit))
    }

    /// The length of the whole text in the export's unit.
    public var textLength: Int { counting ? units(from: 0, to: bytes.count) : bytes.count }
}
