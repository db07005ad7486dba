import TextPipe

/// A digest for people: per document a title, its metadata, the summary and keywords when
/// a stage made them, a table of tags, and the text.
public final class MarkdownFormat: ExportFormat {
    public static let name = "markdown"
    public static let summary = "a readable digest per document: title, summary, tags, text"
    public static let fileExtension = "md"
    /// Layers with their own section rather than rows in the tag table.
    static let summaryLayer = "summary"
    static let keywordsLayer = "keywords"
    private let options: ExportOptions
    private var documentsInFile = 0

    public init(options: ExportOptions) { self.options = options }

    public func begin(into out: inout [UInt8]) { documentsInFile = 0 }

    public func encode(_ document: Document, into out: inout [UInt8]) {
        var md = ""
        if documentsInFile > 0 { md += "\n---\n\n" }
        documentsInFile += 1
        let title = document.metadata["title"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? document.id
        md += "# \(Self.inline(title))\n\n"
        let layers = options.layerNames(of: document)
        let summary = summaryLines(document, layers: layers)
        let keywords = keywordList(document, layers: layers)
        // Metadata with a section of its own is not repeated on the metadata line.
        var shownElsewhere: Set<String> = ["title"]
        if !summary.isEmpty { shownElsewhere.insert(Self.summaryLayer) }
        if !keywords.isEmpty { shownElsewhere.insert(Self.keywordsLayer) }
        // An id is one line of code: a line break in it must not start a block of its own.
        md += "`" + document.id.map { $0 == "`" ? "'" : $0.isNewline || $0 == "\t" ? " " : $0 }.reduce(into: "") { $0.append($1) } + "`"
        if options.includeMetadata {
            for (key, value) in document.metadata where !shownElsewhere.contains(key) {
                let text = value.stringValue ?? value.jsonText
                md += " · \(Self.inline(key)): \(Self.inline(text))"
            }
        }
        md += "\n"
        if !summary.isEmpty {
            md += "\n## Summary\n\n" + summary.map { "- " + Self.inline($0) + "\n" }.joined()
        }
        if !keywords.isEmpty {
            md += "\n**Keywords:** " + keywords.map { Self.inline($0) }.joined(separator: ", ") + "\n"
        }
        md += tagTable(document, layers: layers.filter { $0 != Self.summaryLayer && $0 != Self.keywordsLayer })
        if options.includeText && !document.text.isEmpty {
            md += "\n## Text\n\n" + Self.textBlock(document.text) + "\n"
        }
        out.append(contentsOf: md.utf8)
    }

    /// The summary's sentences in text order: the `summary` layer (what `summarize` makes),
    /// or else a `summary` metadata text (as a JSONL record may carry).
    private func summaryLines(_ document: Document, layers: [String]) -> [String] {
        if layers.contains(Self.summaryLayer), let spans = document.layers[Self.summaryLayer], !spans.isEmpty {
            return spans.sorted { $0.start < $1.start }.map { String(document.text(of: $0)) }
        }
        if let text = document.metadata[Self.summaryLayer]?.stringValue, !text.isEmpty { return [text] }
        return []
    }

    /// Key phrases: the `keywords` metadata list in rank order (`summarize` writes it, in
    /// the phrases' clean form), or else the distinct texts of the `keywords` layer.
    private func keywordList(_ document: Document, layers: [String]) -> [String] {
        if let listed = document.metadata[Self.keywordsLayer]?.arrayValue?.compactMap(\.stringValue), !listed.isEmpty {
            return listed
        }
        guard layers.contains(Self.keywordsLayer), let spans = document.layers[Self.keywordsLayer] else { return [] }
        var seen = Set<String>()
        return spans.map { String(document.text(of: $0)) }.filter { seen.insert($0).inserted }
    }

    /// Every labelled span is a tag: one row per label and text, with how often it occurs
    /// and where it first does (in the export's unit; in the text as read with
    /// `source_offsets`).
    private func tagTable(_ document: Document, layers: [String]) -> String {
        struct Row { let label: String; let text: String; var count: Int; let first: Int }
        var rows: [Row] = []
        var rowIndex: [String: Int] = [:]
        let positions = SpanPositions(document, unit: options.offsets, sourceOffsets: options.sourceOffsets)
        for layer in layers {
            for span in document.layers[layer] ?? [] {
                guard let label = span.label else { continue }
                let text = String(document.text(of: span))
                let key = label + "\u{0}" + text
                if let i = rowIndex[key] {
                    rows[i].count += 1
                } else {
                    rowIndex[key] = rows.count
                    let first = positions.sourceRange(of: span)?.start ?? positions.convert(span.start)
                    rows.append(Row(label: label, text: text, count: 1, first: first))
                }
            }
        }
        guard !rows.isEmpty else { return "" }
        // Labels in order of first appearance, then the most frequent tags first.
        var labelOrder: [String: Int] = [:]
        for row in rows where labelOrder[row.label] == nil { labelOrder[row.label] = labelOrder.count }
        rows.sort { a, b in
            if a.label != b.label { return labelOrder[a.label]! < labelOrder[b.label]! }
            if a.count != b.count { return a.count > b.count }
            return a.first < b.first
        }
        let unit = options.offsets == .codepoint ? "character" : options.offsets.rawValue
        var md = "\n## Tags\n\n| label | tag | mentions | first at (\(unit)) |\n|---|---|---:|---:|\n"
        for row in rows {
            md += "| \(Self.inline(row.label)) | \(Self.inline(row.text)) | \(row.count) | \(row.first) |\n"
        }
        return md
    }

    /// Text as literal Markdown: the characters that would start emphasis, code, links,
    /// HTML or a table cell are backslash-escaped, so a tag like `<script>` or `a|b` shows
    /// as written. Line breaks become spaces unless kept (the text section keeps its
    /// paragraphs).
    /// Text whose lines stay lines but never start a Markdown block: indentation is dropped
    /// (it would make code) and a leading `-`, `+`, `=` or `1.` is escaped (a list, a rule,
    /// a heading underline).
    static func textBlock(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var escaped = inline(String(line.drop { $0 == " " || $0 == "\t" }))
            guard let first = escaped.first else { return escaped }
            if first == "-" || first == "+" || first == "=" {
                escaped.insert("\\", at: escaped.startIndex)
            } else if first.isASCII && first.isNumber, let mark = escaped.firstIndex(where: { !($0.isASCII && $0.isNumber) }),
                      escaped[mark] == "." || escaped[mark] == ")"
            {
                escaped.insert("\\", at: mark)
            }
            return escaped
        }.joined(separator: "\n")
    }

    static func inline(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "#", "~":
                out.append("\\")
                out.append(scalar)
            case "\n", "\r", "\t":
                out.append(" ")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }
}
