import TextPipe

/// One JSON array of document objects, written as the documents arrive (never built in
/// memory); a per-document file holds the bare object.
public final class JSONFormat: ExportFormat {
    public static let name = "json"
    public static let summary = "one JSON array of document objects, streamed"
    public static let fileExtension = "json"
    private let options: ExportOptions
    private var documentsInFile = 0

    public init(options: ExportOptions) { self.options = options }

    public func begin(into out: inout [UInt8]) {
        documentsInFile = 0
        if !options.perDocumentFiles { out.append(0x5B) }
    }

    public func encode(_ document: Document, into out: inout [UInt8]) {
        if !options.perDocumentFiles {
            // One element per line keeps the file greppable and diffable.
            out.append(contentsOf: documentsInFile == 0 ? [0x0A] : [0x2C, 0x0A])
        }
        documentsInFile += 1
        JSONWriter.appending(to: &out) { DocumentJSON.write(document, options: options, to: &$0) }
    }

    public func end(into out: inout [UInt8]) {
        if !options.perDocumentFiles {
            if documentsInFile > 0 { out.append(0x0A) }
            out.append(0x5D)
        }
        out.append(0x0A)
    }
}
