import TextPipe

/// What every export format is given: the validated options of the `export` stage.
public struct ExportOptions: Sendable {
    /// The output file (absolute), or for per-document files the path template.
    public let path: String
    public let offsets: OffsetUnit
    public let includeText: Bool
    public let includeMetadata: Bool
    /// Layers to write; `nil` writes all.
    public let layers: [String]?
    public let spanText: Bool
    /// Also write each span's range in the source text (through `clean`'s offset map).
    public let sourceOffsets: Bool
    /// Each file holds one document (a path template), rather than the whole stream.
    public var perDocumentFiles = false
    /// CSV: one row per document or one row per span.
    public var csvRows: CSVRows = .documents
    /// CSV: the columns, in order; `nil` chooses them from the other options.
    public var csvColumns: [String]? = nil
    /// CSV and text: start the file with a UTF-8 byte-order mark (spreadsheet programs
    /// read UTF-8 only with it).
    public var byteOrderMark = false
    /// Text: what goes between two documents in one joined file.
    public var separator = "\n\n"

    public init(path: String, offsets: OffsetUnit, includeText: Bool, includeMetadata: Bool, layers: [String]?,
                spanText: Bool, sourceOffsets: Bool = false)
    {
        self.path = path
        self.offsets = offsets
        self.includeText = includeText
        self.includeMetadata = includeMetadata
        self.layers = layers
        self.spanText = spanText
        self.sourceOffsets = sourceOffsets
    }

    /// The layers of `document` to write, in order: the chosen ones it has, or all.
    public func layerNames(of document: Document) -> [String] {
        guard let layers else { return document.layers.names }
        return layers.filter { document.layers[$0] != nil }
    }
}

/// How CSV export lays out rows.
public enum CSVRows: String, Sendable, CaseIterable {
    case documents, spans
}

/// A format that turns documents into bytes: one type per file in `Export/`, listed in
/// `ExportStage.fileFormats`. The same format writes one file for the whole stream or one
/// file per document; `begin` and `end` frame each file.
public protocol ExportFormat: AnyObject {
    /// The `format:` value that selects it.
    static var name: String { get }
    static var summary: String { get }
    static var fileExtension: String { get }
    /// Builds the format; throws a `ParameterError` for options it cannot honour.
    init(options: ExportOptions) throws
    /// Bytes that open a file (a JSON array's bracket, a CSV header); resets per-file state.
    func begin(into out: inout [UInt8])
    /// Appends the bytes for one document.
    func encode(_ document: Document, into out: inout [UInt8])
    /// Bytes that close a file.
    func end(into out: inout [UInt8])
}

extension ExportFormat {
    public func begin(into out: inout [UInt8]) {}
    public func end(into out: inout [UInt8]) {}
}
