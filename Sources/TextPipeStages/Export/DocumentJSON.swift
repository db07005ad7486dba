import TextPipe

/// The JSON shape of a document, shared by the JSON-based formats (`jsonl`, `json`):
/// `id`, `text`, `metadata`, and `layers` with each span's offsets in the chosen unit.
public enum DocumentJSON {
    public static func write(_ document: Document, options: ExportOptions, to w: inout JSONWriter) {
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
        let names = options.layerNames(of: document)
        if !names.isEmpty {
            let positions = SpanPositions(document, unit: options.offsets, sourceOffsets: options.sourceOffsets)
            w.key("layers")
            w.byte(0x7B)
            for (layerIndex, name) in names.enumerated() {
                if layerIndex > 0 { w.byte(0x2C) }
                w.string(name)
                w.byte(0x3A)
                w.byte(0x5B)
                for (i, span) in (document.layers[name] ?? []).enumerated() {
                    if i > 0 { w.byte(0x2C) }
                    writeSpan(span, of: document, positions: positions, options: options, to: &w)
                }
                w.byte(0x5D)
            }
            w.byte(0x7D)
        }
        w.byte(0x7D)
    }

    private static func writeSpan(_ span: Span, of document: Document, positions: SpanPositions,
                                  options: ExportOptions, to w: inout JSONWriter)
    {
        let range = positions.range(of: span)
        w.byte(0x7B)
        w.key("start", first: true)
        w.int(range.start)
        w.key("end")
        w.int(range.end)
        if let source = positions.sourceRange(of: span) {
            w.key("source_start")
            w.int(source.start)
            w.key("source_end")
            w.int(source.end)
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
}
