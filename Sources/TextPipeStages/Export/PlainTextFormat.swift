import TextPipe

/// The documents' text as it is after the stages before the export (the cleaned text):
/// exactly one text per file, or all of them joined by a separator.
public final class PlainTextFormat: ExportFormat {
    public static let name = "text"
    public static let summary = "the text alone, one file per document or joined with a separator"
    public static let fileExtension = "txt"
    private let options: ExportOptions
    private let separator: [UInt8]
    private var documentsInFile = 0

    public init(options: ExportOptions) {
        self.options = options
        separator = Array(options.separator.utf8)
    }

    public func begin(into out: inout [UInt8]) {
        documentsInFile = 0
        if options.byteOrderMark { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    public func encode(_ document: Document, into out: inout [UInt8]) {
        if documentsInFile > 0 { out.append(contentsOf: separator) }
        documentsInFile += 1
        out.append(contentsOf: document.text.utf8)
    }
}
