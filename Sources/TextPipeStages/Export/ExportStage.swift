import TextPipe

/// The `export` stage: writes documents to a file, to one file per document, or to an
/// SQLite database. Several `export` stages may sit in one pipeline.
public enum ExportStage {
    /// The formats that write bytes to files. Adding one is a new file plus one entry here.
    // An immutable list of metatypes; nothing mutates it after launch.
    nonisolated(unsafe) public static let fileFormats: [any ExportFormat.Type] = [
        JSONLFormat.self, JSONFormat.self, CSVFormat.self, MarkdownFormat.self, PlainTextFormat.self,
    ]
    /// The database format, written by `SQLiteExportSink` rather than an `ExportFormat`.
    public static let sqliteName = "sqlite"
    static let sqliteSummary = "an SQLite database with documents, metadata, layers, spans and a full-text index"
    static let formatNames = fileFormats.map { $0.name } + [sqliteName]

    /// Parameters that only some formats read, so that setting one for another format is
    /// reported instead of silently ignored.
    static let formatOnlyParameters: [(name: String, formats: [String])] = [
        ("rows", ["csv"]), ("columns", ["csv"]), ("bom", ["csv", "text"]), ("separator", ["text"]),
        ("batch_size", [sqliteName]),
    ]

    public static let descriptor = StageDescriptor(
        name: "export",
        summary: "Write documents to a file (JSONL, JSON, CSV, Markdown, text), one file per document, or an SQLite database, atomically.",
        kind: .sink,
        parameters: [
            ParameterSpec("format", .choice(formatNames), default: "jsonl",
                          "The output format: " + fileFormats.map { "`\($0.name)` (\($0.summary))" }.joined(separator: ", ")
                          + ", `\(sqliteName)` (\(sqliteSummary))."),
            ParameterSpec("path", .path(relativeTo: .outputDirectory),
                          "The output file, relative to the output folder; defaults to PIPELINE-NAME.EXTENSION. A path with placeholders writes one file per document: `{id}` (the document id; its `/` make folders), `{n}` (the position, from 1) and `{meta.KEY}` or `{meta.KEY|DEFAULT}` (a metadata value), as in `docs/{id}.md` or `{meta.category|other}/{id}.json`. Every name is made safe: it stays inside the folder and is valid on Linux, macOS and Windows; two documents that would share a file get `~2`, `~3`, … added. Not for `sqlite`."),
            ParameterSpec("text", .boolean, default: true, "Write each document's text."),
            ParameterSpec("metadata", .boolean, default: true, "Write each document's metadata."),
            ParameterSpec("layers", .list(.string),
                          "The span layers to write; all layers when not given. Naming a layer makes the stage require it."),
            ParameterSpec("offsets", .choice(OffsetUnit.allCases.map(\.rawValue)), default: "codepoint",
                          "The unit of span offsets in every format: `codepoint` (as Python's `str` indexes), `utf8` bytes or `utf16` units."),
            ParameterSpec("span_text", .boolean, default: false, "Write each span's text beside its offsets (`jsonl`, `json`, `sqlite`; CSV span rows have a `text` column)."),
            ParameterSpec("source_offsets", .boolean, default: false,
                          "Also write `source_start` and `source_end`: each span's range in the text as read, before `clean` rewrote it (same unit as `offsets`)."),
            ParameterSpec("rows", .choice(CSVRows.allCases.map(\.rawValue)),
                          "`csv` only: one row per `documents` (the default) or one row per span of the written layers (`spans`)."),
            ParameterSpec("columns", .list(.string, nonEmpty: true),
                          "`csv` only: the columns in order. Document rows: `id`, `text`, `metadata` (JSON), `length` (in `offsets` units), `meta.KEY`, `spans.LAYER` (a count); default `[id, text, metadata]`. Span rows: `id`, `layer`, `label`, `start`, `end`, `source_start`, `source_end`, `text`, `attributes` (JSON), `attr.KEY`, `meta.KEY`; default `[id, layer, label, start, end, text, attributes]`, with the source columns when `source_offsets` is true."),
            ParameterSpec("bom", .boolean,
                          "`csv` and `text` only: start the file with a UTF-8 byte-order mark, which spreadsheet programs need to read UTF-8 (default false)."),
            ParameterSpec("separator", .string,
                          "`text` only: what goes between two documents in one joined file (default a blank line, `\"\\n\\n\"`)."),
            ParameterSpec("batch_size", .integer(min: 1),
                          "`sqlite` only: documents per transaction (default 1000)."),
        ],
        layerUse: { params in LayerUse(requires: params.strings("layers") ?? []) },
        details: "[Exports.md](Exports.md) describes each format, the safe names of per-document files, the SQLite tables and ready queries.",
        build: { params, context in try build(params, context) })

    static func build(_ params: StageParameters, _ context: StageBuildContext) throws -> BuiltStage {
        let formatName = params.string("format") ?? "jsonl"
        for (name, formats) in formatOnlyParameters where params[name] != nil && !formats.contains(formatName) {
            throw ParameterError(name, "'\(name)' applies only to format " + formats.map { "'\($0)'" }.joined(separator: " and ")
                + ", not to '\(formatName)'")
        }
        let requestedPath = params.string("path")
        let isTemplate = requestedPath.map(OutputPathTemplate.isTemplate) ?? false
        var options = ExportOptions(
            path: "",
            offsets: OffsetUnit(rawValue: params.string("offsets") ?? "codepoint") ?? .codepoint,
            includeText: params.bool("text") ?? true,
            includeMetadata: params.bool("metadata") ?? true,
            layers: params.strings("layers"),
            spanText: params.bool("span_text") ?? false,
            sourceOffsets: params.bool("source_offsets") ?? false)
        options.perDocumentFiles = isTemplate
        options.csvRows = params.string("rows").flatMap(CSVRows.init(rawValue:)) ?? .documents
        options.csvColumns = params.strings("columns")
        options.byteOrderMark = params.bool("bom") ?? false
        options.separator = params.string("separator") ?? "\n\n"

        if formatName == sqliteName {
            if isTemplate {
                throw ParameterError("path", "an SQLite database is one file; the path cannot have placeholders")
            }
            let path = params.path("path") ?? Paths.join(context.outputDirectory, "\(context.pipelineName).sqlite")
            return .sink(SQLiteExportSink(path: path, options: options, batchSize: params.int("batch_size") ?? 1000))
        }
        guard let format = fileFormats.first(where: { $0.name == formatName }) else {
            throw ParameterError("format", "unknown format '\(formatName)'")
        }
        if isTemplate, let requestedPath {
            let template: OutputPathTemplate
            do {
                template = try templateFor(requestedPath, outputDirectory: context.outputDirectory)
            } catch {
                throw ParameterError("path", error.message)
            }
            return .sink(PerDocumentExportSink(format: try format.init(options: options), template: template))
        }
        let path = params.path("path") ?? Paths.join(context.outputDirectory, "\(context.pipelineName).\(format.fileExtension)")
        return .sink(FileExportSink(format: try format.init(options: options), path: path))
    }

    /// Splits a template path into the folder before its first placeholder (the root,
    /// resolved against the output folder) and the template below it.
    static func templateFor(_ path: String, outputDirectory: String) throws(OutputPathTemplate.TemplateError) -> OutputPathTemplate {
        if path.hasPrefix("/") || path.hasPrefix("~") {
            throw OutputPathTemplate.TemplateError("a path with placeholders must be relative to the output folder")
        }
        let firstPlaceholder = path.firstIndex(of: "{")!
        let fixed = path[..<firstPlaceholder]
        let cut = fixed.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let folder = String(path[..<cut])
        if folder.split(separator: "/").contains("..") {
            throw OutputPathTemplate.TemplateError("a path with placeholders must not go up with '..'")
        }
        return try OutputPathTemplate(root: Paths.absolute(folder, base: outputDirectory), template: String(path[cut...]))
    }
}
