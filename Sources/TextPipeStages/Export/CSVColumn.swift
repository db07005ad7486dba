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

    /// The plain column names of each kind of row, in the order messages list them.
    static let documentColumns: KeyValuePairs<String, CSVColumn> = ["id": .id, "text": .text, "metadata": .metadata, "length": .length]
    static let spanColumns: KeyValuePairs<String, CSVColumn> = [
        "id": .id, "layer": .layer, "label": .label, "start": .start, "end": .end, "source_start": .sourceStart,
        "source_end": .sourceEnd, "text": .text, "attributes": .attributes,
    ]
    /// Columns named by a prefix and a key (`meta.title`, `spans.tags`, `attr.score`).
    static let documentPrefixes: KeyValuePairs<String, @Sendable (String) -> CSVColumn> = [
        "meta.": { .meta($0) }, "spans.": { .spanCount(layer: $0) },
    ]
    static let spanPrefixes: KeyValuePairs<String, @Sendable (String) -> CSVColumn> = ["attr.": { .attribute($0) }, "meta.": { .meta($0) }]

    /// Parses a column name for the given kind of row; the error says what the kind offers.
    static func parse(_ name: String, rows: CSVRows) throws(UnknownColumn) -> CSVColumn {
        let plain = rows == .documents ? documentColumns : spanColumns
        let prefixed = rows == .documents ? documentPrefixes : spanPrefixes
        if let column = plain.first(where: { $0.key == name })?.value { return column }
        for (prefix, make) in prefixed where name.hasPrefix(prefix) && name.count > prefix.count {
            return make(String(name.dropFirst(prefix.count)))
        }
        let offered = plain.map(\.key) + prefixed.map { $0.key + ($0.key == "spans." ? "LAYER" : "KEY") }
        throw UnknownColumn(message: "unknown column '\(name)' for rows: \(rows.rawValue)\(Suggestion.didYouMean(name, in: plain.map(\.key))); "
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
