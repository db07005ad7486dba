import TextPipe

/// RFC 4180 CSV: a header row, then one row per document or one row per span of the
/// chosen layers; fields quoted only when they must be, lines ending in CRLF.
public final class CSVFormat: ExportFormat {
    public static let name = "csv"
    public static let summary = "RFC 4180 rows, one per document or one per span, with chosen columns"
    public static let fileExtension = "csv"
    private let options: ExportOptions
    private let names: [String]
    private let columns: [CSVColumn]
    private var field: [UInt8] = []

    public init(options: ExportOptions) throws {
        self.options = options
        let requested = options.csvColumns ?? CSVColumn.defaults(for: options)
        var columns: [CSVColumn] = []
        for (i, name) in requested.enumerated() {
            do {
                columns.append(try CSVColumn.parse(name, rows: options.csvRows))
            } catch {
                throw ParameterError("columns[\(i + 1)]", error.message)
            }
        }
        if columns.isEmpty { throw ParameterError("columns", "'columns' must name at least one column") }
        if options.csvRows == .spans && !options.sourceOffsets
            && columns.contains(where: { $0 == .sourceStart || $0 == .sourceEnd })
        {
            throw ParameterError("columns", "the source_start and source_end columns need 'source_offsets: true'")
        }
        self.columns = columns
        self.names = requested
    }

    public func begin(into out: inout [UInt8]) {
        if options.byteOrderMark { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        for (i, name) in names.enumerated() {
            if i > 0 { out.append(0x2C) }
            Self.appendField(Array(name.utf8), to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    public func encode(_ document: Document, into out: inout [UInt8]) {
        switch options.csvRows {
        case .documents:
            let positions = columns.contains(.length)
                ? SpanPositions(document, unit: options.offsets, sourceOffsets: false) : nil
            for (i, column) in columns.enumerated() {
                if i > 0 { out.append(0x2C) }
                switch column {
                case .id: Self.appendText(document.id, to: &out)
                case .text: Self.appendText(document.text, to: &out)
                case .metadata: appendJSON(.object(document.metadata), to: &out)
                case .length: Self.appendInt(positions!.textLength, to: &out)
                case .meta(let key): appendCell(document.metadata[key], to: &out)
                case .spanCount(let layer): Self.appendInt(document.layers[layer]?.count ?? 0, to: &out)
                default: break  // span columns are refused for document rows at build time
                }
            }
            out.append(contentsOf: [0x0D, 0x0A])
        case .spans:
            let names = options.layerNames(of: document)
            guard !names.isEmpty else { return }
            let positions = SpanPositions(document, unit: options.offsets, sourceOffsets: options.sourceOffsets)
            for name in names {
                let spans = document.layers[name] ?? []
                for i in spans.indices {
                    encodeSpan(spans, i, layer: name, of: document, positions: positions, into: &out)
                }
            }
        }
    }

    /// Hot path (every span): cells go straight from the text's bytes to the output; only
    /// JSON cells are built first.
    private func encodeSpan(_ spans: [Span], _ index: Int, layer: String, of document: Document, positions: SpanPositions,
                            into out: inout [UInt8])
    {
        let start = positions.convert(spans[index].start), end = positions.convert(spans[index].end)
        let source = positions.hasSourceOffsets ? positions.sourceRange(of: spans[index]) : nil
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(0x2C) }
            switch column {
            case .id: Self.appendText(document.id, to: &out)
            case .layer: Self.appendText(layer, to: &out)
            case .label: if let label = spans[index].label { Self.appendText(label, to: &out) }
            case .start: Self.appendInt(start, to: &out)
            case .end: Self.appendInt(end, to: &out)
            case .sourceStart: Self.appendInt(source?.start ?? start, to: &out)
            case .sourceEnd: Self.appendInt(source?.end ?? end, to: &out)
            case .text: Self.appendText(document.text(in: spans[index].range), to: &out)
            case .attributes: if !spans[index].attributes.isEmpty { appendJSON(.object(spans[index].attributes), to: &out) }
            case .attribute(let key): appendCell(spans[index].attributes[key], to: &out)
            case .meta(let key): appendCell(document.metadata[key], to: &out)
            default: break  // document columns are refused for span rows at build time
            }
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// A metadata or attribute value as a cell: strings as they are, absent and null as an
    /// empty cell, numbers and booleans as JSON writes them, lists and mappings as JSON.
    private func appendCell(_ value: JSONValue?, to out: inout [UInt8]) {
        switch value {
        case nil, .null?: break
        case .string(let s)?: Self.appendText(s, to: &out)
        case let v?: appendJSON(v, to: &out)
        }
    }

    private func appendJSON(_ value: JSONValue, to out: inout [UInt8]) {
        field.removeAll(keepingCapacity: true)
        JSONWriter.appending(to: &field) { $0.value(value) }
        Self.appendField(field, to: &out)
    }

    /// Numbers never need quotes.
    private static func appendInt(_ value: Int, to out: inout [UInt8]) {
        JSONWriter.appending(to: &out) { $0.int(value) }
    }

    static func appendText(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendField($0, to: &out) }
    }

    static func appendText(_ text: Substring, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendField($0, to: &out) }
    }

    static func appendField(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendField($0, to: &out) }
    }

    /// Appends one field, quoted when it holds a comma, a quote or a line break (RFC 4180
    /// §2.6), with quotes doubled (§2.7).
    static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Hot path (every cell): one scan decides whether the bytes can go out as they are.
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }
}
