import TextPipe

/// Writes the whole stream of documents to one file through an `ExportFormat`, atomically.
final class FileExportSink: DocumentSink {
    private let format: any ExportFormat
    private let path: String
    private var writer: AtomicFileWriter?
    private var buffer: [UInt8] = []
    private var records = 0

    init(format: any ExportFormat, path: String) {
        self.format = format
        self.path = path
        buffer.reserveCapacity(1 << 16)
    }

    var outputPaths: [String] { [path] }

    func start() throws {
        writer = try AtomicFileWriter(path: path)
        buffer.removeAll(keepingCapacity: true)
        format.begin(into: &buffer)
        try writer!.write(buffer)
    }

    func write(_ document: Document) throws {
        buffer.removeAll(keepingCapacity: true)
        format.encode(document, into: &buffer)
        try writer!.write(buffer)
        records += 1
    }

    func finish() throws -> SinkSummary {
        guard let writer else { return SinkSummary() }
        buffer.removeAll(keepingCapacity: true)
        format.end(into: &buffer)
        try writer.write(buffer)
        try writer.prepare()
        return SinkSummary(outputs: [writer.path], recordsWritten: records, bytesWritten: writer.bytesWritten)
    }

    func commit() throws { try writer?.commit() }

    func abort() { writer?.abort() }
}
