import TextPipe

/// One column of a CSV export, parsed from the `columns` parameter.
enum CSVColumn: Equatable {
    // Both row kinds: the document id, and one metadata value of the document.
    case id
    case meta(String)
    // Document rows.
    case text, metadata, length
    case spanCount(layer: String)
    // Span rows (`text` is the span's text there).
    case layer, label, start, end, sourceStart, sourceEnd, attributes
    case attribute(String)

    static let documentNames = ["id", "text", "metadata", "length", "meta.KEY", "spans.LAYER"]
    static let spanNames = ["id", "layer", "label", "start", "end", "source_start", "source_end", "text",
                            "attributes", "attr.KEY", "meta.KEY"]

    /// Parses a column name for the given kind of row; the error says what the kind offers.
    static func parse(_ name: String, rows: CSVRows) throws(UnknownColumn) -> CSVColumn {
        func prefixed(_ prefix: String, _ make: (String) -> CSVColumn) -> CSVColumn? {
            guard name.hasPrefix(prefix), name.count > prefix.count else { return nil }
            return make(String(name.dropFirst(prefix.count)))
        }
        let column: CSVColumn?
        switch rows {
        case .documents:
            switch name {
            case "id": column = .id
            case "text": column = .text
            case "metadata": column = .metadata
            case "length": column = .length
            default: column = prefixed("meta.", CSVColumn.meta) ?? prefixed("spans.") { .spanCount(layer: $0) }
            }
        case .spans:
            switch name {
            case "id": column = .id
            case "layer": column = .layer
            case "label": column = .label
            case "start": column = .start
            case "end": column = .end
            case "source_start": column = .sourceStart
            case "source_end": column = .sourceEnd
            case "text": column = .text
            case "attributes": column = .attributes
            default: column = prefixed("attr.", CSVColumn.attribute) ?? prefixed("meta.", CSVColumn.meta)
            }
        }
        if let column { return column }
        let offered = rows == .documents ? documentNames : spanNames
        let plain = offered.filter { !$0.contains(".") }
        throw UnknownColumn(message: "unknown column '\(name)' for rows: \(rows.rawValue)\(Suggestion.didYouMean(name, in: plain)); "
            + "the columns are " + offered.joined(separator: ", "))
    }

    struct UnknownColumn: Error { let message: String }

    /// The default columns for the options: what the issue of each row kind needs.
    static func defaults(for options: ExportOptions) -> [String] {
        switch options.csvRows {
        case .documents:
            return ["id"] + (options.includeText ? ["text"] : []) + (options.includeMetadata ? ["metadata"] : [])
        case .spans:
            return ["id", "layer", "label", "start", "end"]
                + (options.sourceOffsets ? ["source_start", "source_end"] : []) + ["text", "attributes"]
        }
    }
}
