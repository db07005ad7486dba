import TextPipe

/// One JSON object per document per line (the shape of `DocumentJSON`).
public final class JSONLFormat: ExportFormat {
    public static let name = "jsonl"
    public static let summary = "one JSON object per document per line"
    public static let fileExtension = "jsonl"
    private let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func encode(_ document: Document, into out: inout [UInt8]) {
        JSONWriter.appending(to: &out) { w in
            DocumentJSON.write(document, options: options, to: &w)
            w.byte(0x0A)
        }
    }
}

extension JSONWriter {
    /// Runs `body` with a writer whose bytes are `out`'s, without copying them.
    static func appending(to out: inout [UInt8], _ body: (inout JSONWriter) -> Void) {
        var w = JSONWriter(capacity: 0)
        swap(&w.bytes, &out)
        body(&w)
        swap(&w.bytes, &out)
    }
}
