/// One document flowing through a pipeline: a value type, so a stage that changes it
/// works on its own copy and documents can move freely between workers.
public struct Document: Sendable {
    /// Stable identity: the path relative to the input root, plus `#n` for the n-th
    /// document of a multi-document file (or the id field of a JSONL record).
    public var id: String
    /// The current text. Stages that rewrite it keep `offsetMap` up to date.
    public var text: String {
        didSet { offsetIndexCache = nil }
    }
    public var metadata: OrderedFields
    /// Named span layers (`paragraphs`, `sentences`, `tags`, …), in the order they were added.
    public var layers: OrderedLayers
    /// Maps offsets in the current text back to the bytes of the source text; `nil`
    /// while the text is still the source text.
    public var offsetMap: OffsetMap?
    /// The text as the reader produced it, kept from the first rewrite on so that spans
    /// can be reported in source coordinates (and converted to other units there).
    public private(set) var sourceText: String?

    private var offsetIndexCache: OffsetIndex?

    public init(id: String, text: String, metadata: OrderedFields = OrderedFields()) {
        self.id = id
        self.text = text
        self.metadata = metadata
        self.layers = OrderedLayers()
    }

    /// The text's length in UTF-8 bytes, the unit of every span.
    public var byteCount: Int { text.utf8.count }

    /// The text of a span (byte offsets, clamped to the text).
    public func text(of span: Span) -> Substring { text(in: span.range) }

    public func text(in range: Range<Int>) -> Substring { text.slice(utf8: range) }

    /// An index for converting byte offsets to other units; built once per text.
    public mutating func offsetIndex() -> OffsetIndex {
        if let cached = offsetIndexCache { return cached }
        let index = OffsetIndex(text)
        offsetIndexCache = index
        return index
    }

    /// Replaces the text and records how new offsets map to old ones. Spans of the old
    /// text are dropped: a rewrite invalidates them.
    public mutating func replaceText(_ newText: String, mapping: OffsetMap) {
        if sourceText == nil { sourceText = text }
        offsetMap = offsetMap.map { $0.composed(with: mapping) } ?? mapping
        text = newText
        layers = OrderedLayers()
    }

    /// A span's range in the source text (UTF-8 bytes): itself while the text has not
    /// been rewritten.
    public func sourceRange(of span: Span) -> Range<Int> {
        offsetMap?.sourceRange(of: span.range) ?? span.range
    }
}

/// Span layers by name, kept in insertion order so exports are deterministic.
public struct OrderedLayers: Sendable, Sequence {
    private var fields: [(name: String, spans: [Span])] = []

    public init() {}

    public var names: [String] { fields.map(\.name) }
    public var isEmpty: Bool { fields.isEmpty }
    public var count: Int { fields.count }

    public subscript(name: String) -> [Span]? {
        get { fields.first(where: { $0.name == name })?.spans }
        set {
            if let i = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[i].spans = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append((name, newValue))
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, spans: [Span])]> {
        fields.makeIterator()
    }
}
