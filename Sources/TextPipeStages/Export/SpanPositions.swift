import TextPipe

/// A document's span offsets in the unit an export writes, and optionally in source
/// coordinates (the text as read, through `clean`'s offset map): the one conversion every
/// format shares, so JSON, CSV, Markdown and SQLite agree on every number.
public struct SpanPositions {
    private let document: Document
    private let index: OffsetIndex
    /// Source offsets are converted in the source text, which only exists once a stage
    /// rewrote the text; before that the two coincide.
    private let sourceIndex: OffsetIndex?
    public let unit: OffsetUnit

    public init(_ document: Document, unit: OffsetUnit, sourceOffsets: Bool) {
        var document = document
        index = document.offsetIndex()
        sourceIndex = sourceOffsets ? document.sourceText.map(OffsetIndex.init) ?? index : nil
        self.document = document
        self.unit = unit
    }

    public var hasSourceOffsets: Bool { sourceIndex != nil }

    /// An offset (UTF-8 bytes of the current text) in the export's unit.
    @inline(__always) public func convert(_ byteOffset: Int) -> Int { index.convert(byteOffset, to: unit) }

    /// The span's start and end in the export's unit.
    @inline(__always) public func range(of span: Span) -> (start: Int, end: Int) {
        (index.convert(span.start, to: unit), index.convert(span.end, to: unit))
    }

    /// The span's start and end in the text as read, in the export's unit; `nil` unless
    /// source offsets were asked for.
    public func sourceRange(of span: Span) -> (start: Int, end: Int)? {
        guard let sourceIndex else { return nil }
        let r = document.sourceRange(of: span)
        return (sourceIndex.convert(r.lowerBound, to: unit), sourceIndex.convert(r.upperBound, to: unit))
    }

    /// The length of the whole text in the export's unit.
    public var textLength: Int { index.convert(Int.max, to: unit) }
}
