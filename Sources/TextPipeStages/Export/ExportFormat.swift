import TextPipe

/// What every export format is given: the validated options of the `export` stage.
public struct ExportOptions: Sendable {
    /// The output file (absolute).
    public let path: String
    public let offsets: OffsetUnit
    public let includeText: Bool
    public let includeMetadata: Bool
    /// Layers to write; `nil` writes all.
    public let layers: [String]?
    public let spanText: Bool
    /// Also write each span's range in the source text (through `clean`'s offset map).
    public let sourceOffsets: Bool

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
}

/// An export format: one type per file in `Export/`, listed in `ExportStage.formats`.
public protocol ExportFormat: AnyObject {
    /// The `format:` value that selects it.
    static var name: String { get }
    static var summary: String { get }
    static var fileExtension: String { get }
    init(options: ExportOptions)
    /// Appends the bytes for one document.
    func encode(_ document: Document, into out: inout [UInt8])
    /// Bytes written before the first document and after the last (a JSON array's brackets).
    func header() -> [UInt8]
    func footer() -> [UInt8]
}

extension ExportFormat {
    public func header() -> [UInt8] { [] }
    public func footer() -> [UInt8] { [] }
}
