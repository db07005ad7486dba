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
                field.removeAll(keepingCapacity: true)
                switch column {
                case .id: field.append(contentsOf: document.id.utf8)
                case .text: field.append(contentsOf: document.text.utf8)
                case .metadata: appendJSON(.object(document.metadata))
                case .length: appendInt(positions!.textLength)
                case .meta(let key): appendCell(document.metadata[key])
                case .spanCount(let layer): appendInt(document.layers[layer]?.count ?? 0)
                default: break  // span columns are refused for document rows at build time
                }
                Self.appendField(field, to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        case .spans:
            let names = options.layerNames(of: document)
            guard !names.isEmpty else { return }
            let positions = SpanPositions(document, unit: options.offsets, sourceOffsets: options.sourceOffsets)
            for name in names {
                for span in document.layers[name] ?? [] {
                    encodeSpan(span, layer: name, of: document, positions: positions, into: &out)
                }
            }
        }
    }

    private func encodeSpan(_ span: Span, layer: String, of document: Document, positions: SpanPositions,
                            into out: inout [UInt8])
    {
        let range = positions.range(of: span)
        let source = positions.sourceRange(of: span)
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(0x2C) }
            field.removeAll(keepingCapacity: true)
            switch column {
            case .id: field.append(contentsOf: document.id.utf8)
            case .layer: field.append(contentsOf: layer.utf8)
            case .label: if let label = span.label { field.append(contentsOf: label.utf8) }
            case .start: appendInt(range.start)
            case .end: appendInt(range.end)
            case .sourceStart: appendInt(source?.start ?? range.start)
            case .sourceEnd: appendInt(source?.end ?? range.end)
            case .text: field.append(contentsOf: document.text(of: span).utf8)
            case .attributes: if !span.attributes.isEmpty { appendJSON(.object(span.attributes)) }
            case .attribute(let key): appendCell(span.attributes[key])
            case .meta(let key): appendCell(document.metadata[key])
            default: break  // document columns are refused for span rows at build time
            }
            Self.appendField(field, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// A metadata or attribute value as a cell: strings as they are, absent and null as an
    /// empty cell, numbers and booleans as JSON writes them, lists and mappings as JSON.
    private func appendCell(_ value: JSONValue?) {
        switch value {
        case nil, .null?: break
        case .string(let s)?: field.append(contentsOf: s.utf8)
        case let v?: appendJSON(v)
        }
    }

    private func appendJSON(_ value: JSONValue) {
        JSONWriter.appending(to: &field) { $0.value(value) }
    }

    private func appendInt(_ value: Int) {
        JSONWriter.appending(to: &field) { $0.int(value) }
    }

    /// Appends one field, quoted when it holds a comma, a quote or a line break (RFC 4180
    /// §2.6), with quotes doubled (§2.7).
    static func appendField(_ bytes: [UInt8], to out: inout [UInt8]) {
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
