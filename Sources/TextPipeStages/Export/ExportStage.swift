import TextPipe

/// The `export` stage: writes documents to a file in one of the registered formats.
public enum ExportStage {
    /// Every export format. Adding a format is a new file plus one entry here.
    // An immutable list of metatypes; nothing mutates it after launch.
    nonisolated(unsafe) public static let formats: [any ExportFormat.Type] = [JSONLFormat.self]

    public static let descriptor = StageDescriptor(
        name: "export",
        summary: "Write documents to a file (JSONL), atomically.",
        kind: .sink,
        parameters: [
            ParameterSpec("format", .choice(formats.map { $0.name }), default: "jsonl",
                          "The output format: " + formats.map { "`\($0.name)` (\($0.summary))" }.joined(separator: ", ") + "."),
            ParameterSpec("path", .path(relativeTo: .outputDirectory),
                          "The output file, relative to the output folder. Defaults to PIPELINE-NAME.FORMAT."),
            ParameterSpec("text", .boolean, default: true, "Write each document's text."),
            ParameterSpec("metadata", .boolean, default: true, "Write each document's metadata."),
            ParameterSpec("layers", .list(.string),
                          "The span layers to write; all layers when not given. Naming a layer makes the stage require it."),
            ParameterSpec("offsets", .choice(OffsetUnit.allCases.map(\.rawValue)), default: "codepoint",
                          "The unit of span offsets: `codepoint` (as Python's `str` indexes), `utf8` bytes or `utf16` units."),
            ParameterSpec("span_text", .boolean, default: false, "Write each span's text beside its offsets."),
            ParameterSpec("source_offsets", .boolean, default: false,
                          "Also write `source_start` and `source_end`: each span's range in the text as read, before `clean` rewrote it (same unit as `offsets`)."),
        ],
        layerUse: { params in LayerUse(requires: params.strings("layers") ?? []) },
        build: { params, context in
            let formatName = params.string("format") ?? "jsonl"
            guard let format = formats.first(where: { $0.name == formatName }) else {
                throw ParameterError("format", "unknown format '\(formatName)'")
            }
            let path = params.path("path")
                ?? Paths.join(context.outputDirectory, "\(context.pipelineName).\(format.fileExtension)")
            let options = ExportOptions(
                path: path,
                offsets: OffsetUnit(rawValue: params.string("offsets") ?? "codepoint") ?? .codepoint,
                includeText: params.bool("text") ?? true,
                includeMetadata: params.bool("metadata") ?? true,
                layers: params.strings("layers"),
                spanText: params.bool("span_text") ?? false,
                sourceOffsets: params.bool("source_offsets") ?? false)
            return .sink(FileExportSink(format: format.init(options: options), path: path))
        })
}

/// Writes one file through an `ExportFormat`.
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
        try writer!.write(format.header())
    }

    func write(_ document: Document) throws {
        buffer.removeAll(keepingCapacity: true)
        format.encode(document, into: &buffer)
        try writer!.write(buffer)
        records += 1
    }

    func finish() throws -> SinkSummary {
        guard let writer else { return SinkSummary() }
        try writer.write(format.footer())
        try writer.prepare()
        return SinkSummary(outputs: [writer.path], recordsWritten: records, bytesWritten: writer.bytesWritten)
    }

    func commit() throws { try writer?.commit() }

    func abort() { writer?.abort() }
}
