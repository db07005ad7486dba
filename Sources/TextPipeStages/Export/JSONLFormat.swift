import TextPipe

/// One JSON object per line: `id`, `text`, `metadata`, and `layers` with each span's
/// offsets in the chosen unit.
public final class JSONLFormat: ExportFormat {
    public static let name = "jsonl"
    public static let summary = "one JSON object per document per line"
    public static let fileExtension = "jsonl"
    private let options: ExportOptions

    public init(options: ExportOptions) { self.options = options }

    public func encode(_ document: Document, into out: inout [UInt8]) {
        var w = JSONWriter(capacity: 0)
        swap(&w.bytes, &out)
        defer { swap(&w.bytes, &out) }
        DocumentJSON.write(document, options: options, to: &w)
        w.byte(0x0A)
    }
}

/// The JSON shape of a document, shared by the JSON-based formats.
public enum DocumentJSON {
    public static func write(_ document: Document, options: ExportOptions, to w: inout JSONWriter) {
        var document = document
        w.byte(0x7B)
        w.key("id", first: true)
        w.string(document.id)
        if options.includeText {
            w.key("text")
            w.string(document.text)
        }
        if options.includeMetadata {
            w.key("metadata")
            w.object(document.metadata)
        }
        let names = options.layers ?? document.layers.names
        if !names.isEmpty {
            let index = document.offsetIndex()
            // Source offsets are converted in the source text, which only exists once a
            // stage rewrote the text; before that the two coincide.
            let sourceIndex = options.sourceOffsets ? document.sourceText.map(OffsetIndex.init) ?? index : nil
            w.key("layers")
            w.byte(0x7B)
            var firstLayer = true
            for name in names {
                guard let spans = document.layers[name] else { continue }
                if !firstLayer { w.byte(0x2C) }
                firstLayer = false
                w.string(name)
                w.byte(0x3A)
                w.byte(0x5B)
                for (i, span) in spans.enumerated() {
                    if i > 0 { w.byte(0x2C) }
                    w.byte(0x7B)
                    w.key("start", first: true)
                    w.int(index.convert(span.start, to: options.offsets))
                    w.key("end")
                    w.int(index.convert(span.end, to: options.offsets))
                    if let sourceIndex {
                        let r = document.sourceRange(of: span)
                        w.key("source_start")
                        w.int(sourceIndex.convert(r.lowerBound, to: options.offsets))
                        w.key("source_end")
                        w.int(sourceIndex.convert(r.upperBound, to: options.offsets))
                    }
                    if let label = span.label {
                        w.key("label")
                        w.string(label)
                    }
                    if options.spanText {
                        w.key("text")
                        w.string(String(document.text(of: span)))
                    }
                    if !span.attributes.isEmpty {
                        w.key("attributes")
                        w.object(span.attributes)
                    }
                    w.byte(0x7D)
                }
                w.byte(0x5D)
            }
            w.byte(0x7D)
        }
        w.byte(0x7D)
    }
}
