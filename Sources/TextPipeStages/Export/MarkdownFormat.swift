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
        md += "`" + document.id.replacingOccurrences(of: "`", with: "'") + "`"
        if options.includeMetadata {
            for (key, value) in document.metadata where key != "title" {
                let text = value.stringValue ?? value.jsonText
                md += " · \(Self.inline(key)): \(Self.inline(text))"
            }
        }
        md += "\n"
        let layers = options.layerNames(of: document)
        if layers.contains(Self.summaryLayer), let spans = document.layers[Self.summaryLayer], !spans.isEmpty {
            md += "\n## Summary\n\n"
            for span in spans.sorted(by: { $0.start < $1.start }) {
                md += "- " + Self.inline(String(document.text(of: span))) + "\n"
            }
        }
        if layers.contains(Self.keywordsLayer), let spans = document.layers[Self.keywordsLayer], !spans.isEmpty {
            var seen = Set<String>()
            let words = spans.map { String(document.text(of: $0)) }.filter { seen.insert($0).inserted }
            md += "\n**Keywords:** " + words.map { Self.inline($0) }.joined(separator: ", ") + "\n"
        }
        md += tagTable(document, layers: layers.filter { $0 != Self.summaryLayer && $0 != Self.keywordsLayer })
        if options.includeText && !document.text.isEmpty {
            md += "\n## Text\n\n" + Self.inline(document.text, keepLineBreaks: true) + "\n"
        }
        out.append(contentsOf: md.utf8)
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
                    let first = positions.sourceRange(of: span)?.start ?? positions.range(of: span).start
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
    static func inline(_ text: String, keepLineBreaks: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "#", "~":
                out.append("\\")
                out.append(scalar)
            case "\n" where keepLineBreaks:
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
