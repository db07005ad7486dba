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
            let spanText = options.spanText
            w.key("layers")
            w.byte(0x7B)
            for (layerIndex, name) in names.enumerated() {
                if layerIndex > 0 { w.byte(0x2C) }
                w.string(name)
                w.byte(0x3A)
                w.byte(0x5B)
                let spans = document.layers[name] ?? []
                for i in spans.indices {
                    if i > 0 { w.byte(0x2C) }
                    writeSpan(spans, i, of: document, positions: positions, spanText: spanText, to: &w)
                }
                w.byte(0x5D)
            }
            w.byte(0x7D)
        }
        w.byte(0x7D)
    }

    /// Hot path (every span): the span is read in place from its array rather than
    /// copied, and the options come in as the one flag it needs, so writing it costs no
    /// reference counting.
    @inline(__always)
    private static func writeSpan(_ spans: [Span], _ i: Int, of document: Document, positions: SpanPositions,
                                  spanText: Bool, to w: inout JSONWriter)
    {
        w.byte(0x7B)
        w.key("start", first: true)
        w.int(positions.convert(spans[i].start))
        w.key("end")
        w.int(positions.convert(spans[i].end))
        if positions.hasSourceOffsets, let source = positions.sourceRange(of: spans[i]) {
            w.key("source_start")
            w.int(source.start)
            w.key("source_end")
            w.int(source.end)
        }
        if let label = spans[i].label {
            w.key("label")
            w.string(label)
        }
        if spanText {
            w.key("text")
            var text = document.text(in: spans[i].range)
            text.withUTF8 { w.string(utf8: UnsafeRawBufferPointer($0)) }
        }
        if !spans[i].attributes.isEmpty {
            w.key("attributes")
            w.object(spans[i].attributes)
        }
        w.byte(0x7D)
    }
}
