/// A half-open range of UTF-8 byte offsets into a document's current text, with an
/// optional label and attributes.
public struct Span: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var label: String?
    public var attributes: OrderedFields

    public init(start: Int, end: Int, label: String? = nil, attributes: OrderedFields = OrderedFields()) {
        precondition(start <= end, "a span's start must not be after its end")
        self.start = start
        self.end = end
        self.label = label
        self.attributes = attributes
    }

    public init(_ range: Range<Int>, label: String? = nil, attributes: OrderedFields = OrderedFields()) {
        self.init(start: range.lowerBound, end: range.upperBound, label: label, attributes: attributes)
    }

    public var range: Range<Int> { start..<end }
    public var length: Int { end - start }
}
