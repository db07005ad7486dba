import GRDB
import TextPipe

/// Writes documents, metadata, layers and spans to an SQLite database (through GRDB), with
/// a full-text index on the text.
///
/// The database is written as a copy: an existing database is first copied to a hidden
/// temporary file with SQLite's backup API, the run's documents go into the copy, and the
/// copy replaces the file on `commit`, like every other output. So a failed or interrupted
/// run leaves the database as it was, and because nobody else sees the copy it is written
/// without a journal and without syncs until the one sync in `finish`. Documents already
/// in the database (by id) are replaced, never duplicated. Transactions hold `batchSize`
/// documents, which bounds the memory SQLite needs for uncommitted pages. A new database
/// is loaded without its indexes, which are built once at the end: faster than keeping
/// them up to date row by row.
final class SQLiteExportSink: DocumentSink {
    private let path: String
    private let options: ExportOptions
    private let batchSize: Int
    private var file: AtomicFileWriter?
    private var database: DatabaseQueue?
    private var inBatch = 0
    /// A new database gets its indexes after the load (`SQLiteSchema.indexStatements`).
    private var indexAfterLoad = false
    private var hasSpansByDocument = false
    private var documents = 0

    init(path: String, options: ExportOptions, batchSize: Int) {
        self.path = path
        self.options = options
        self.batchSize = batchSize
    }

    var outputPaths: [String] { [path] }

    func start() throws {
        let file = try AtomicFileWriter(path: path)
        self.file = file
        var configuration = Configuration()
        configuration.label = "export"
        // A transaction spans many `write` calls (one per document) up to `batchSize`.
        configuration.allowsUnsafeTransactions = true
        let database = try DatabaseQueue(path: file.temporaryPath, configuration: configuration)
        self.database = database
        if Paths.kind(of: file.path).exists {
            var readOnly = Configuration()
            readOnly.readonly = true
            do {
                try DatabaseQueue(path: file.path, configuration: readOnly).backup(to: database)
            } catch {
                throw SQLiteExportError("cannot read the existing database \(file.path): \(Self.describe(error))")
            }
        }
        try database.writeWithoutTransaction { db in
            // The copy is private until it is renamed into place (see the type's comment).
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -32768")  // 32 MiB
            indexAfterLoad = try SQLiteSchema.prepare(db, unit: options.offsets, displayPath: file.path)
        }
    }

    func write(_ document: Document) throws {
        guard let database else { return }
        do {
            try database.writeWithoutTransaction { db in
                if inBatch == 0 { try db.execute(sql: "BEGIN") }
                try insert(document, db)
                inBatch += 1
                if inBatch >= batchSize {
                    try db.execute(sql: "COMMIT")
                    inBatch = 0
                }
            }
        } catch {
            throw SQLiteExportError(Self.describe(error))
        }
        documents += 1
    }

    private func insert(_ document: Document, _ db: Database) throws {
        // A new database loads without its indexes; the first repeated id builds the one its
        // delete needs, so repeats cost a lookup each instead of a scan of all spans.
        if indexAfterLoad && !hasSpansByDocument,
           try Int.fetchOne(db, sql: "SELECT doc_id FROM documents WHERE id = ?", arguments: [document.id]) != nil
        {
            try db.execute(sql: SQLiteSchema.spansByDocument)
            hasSpansByDocument = true
        }
        try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?").execute(arguments: [document.id])
        let positions = SpanPositions(document, unit: options.offsets, sourceOffsets: options.sourceOffsets)
        let insertDocument = try SQLiteInsert(db, sql: "INSERT INTO documents(id, text, length) VALUES (?, ?, ?)")
        insertDocument.bind(1, document.id)
        insertDocument.bind(2, options.includeText ? document.text : nil)
        insertDocument.bind(3, positions.textLength)
        try insertDocument.run()
        let docID = Int(db.lastInsertedRowID)
        if options.includeMetadata {
            let insertMetadata = try SQLiteInsert(db, sql: "INSERT INTO metadata(doc_id, position, key, value, json) VALUES (?, ?, ?, ?, ?)")
            for (position, (key, value)) in document.metadata.enumerated() {
                insertMetadata.bind(1, docID)
                insertMetadata.bind(2, position)
                insertMetadata.bind(3, key)
                Self.bindValue(value, at: 4, of: insertMetadata)
                insertMetadata.bind(5, value.jsonText)
                try insertMetadata.run()
            }
        }
        let insertLayer = try SQLiteInsert(db, sql: "INSERT INTO layers(doc_id, position, name, span_count) VALUES (?, ?, ?, ?)")
        let insertSpan = try SQLiteInsert(db, sql: """
            INSERT INTO spans(doc_id, layer, label, start, end, source_start, source_end, text, attributes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let spanText = options.spanText
        for (position, name) in options.layerNames(of: document).enumerated() {
            let layer = document.layers[name] ?? []
            insertLayer.bind(1, docID)
            insertLayer.bind(2, position)
            insertLayer.bind(3, name)
            insertLayer.bind(4, layer.count)
            try insertLayer.run()
            for i in layer.indices {
                insertSpan.bind(1, docID)
                insertSpan.bind(2, name)
                insertSpan.bind(3, layer[i].label)
                insertSpan.bind(4, positions.convert(layer[i].start))
                insertSpan.bind(5, positions.convert(layer[i].end))
                let source = positions.hasSourceOffsets ? positions.sourceRange(of: layer[i]) : nil
                insertSpan.bind(6, source?.start)
                insertSpan.bind(7, source?.end)
                if spanText { insertSpan.bind(8, document.text(in: layer[i].range)) } else { insertSpan.bindNull(8) }
                insertSpan.bind(9, layer[i].attributes.isEmpty ? nil : JSONValue.object(layer[i].attributes).jsonText)
                try insertSpan.run()
            }
        }
    }

    /// A metadata value as the SQL value a query compares with: strings, integers and
    /// reals as themselves, booleans as 1 and 0, lists and mappings as JSON text (the `json`
    /// column keeps every value exactly).
    static func bindValue(_ value: JSONValue, at position: Int32, of insert: SQLiteInsert) {
        switch value {
        case .null: insert.bindNull(position)
        case .bool(let b): insert.bind(position, b ? 1 : 0)
        case .int(let i): insert.bind(position, i)
        case .double(let d): insert.bind(position, d)
        case .number(let text): insert.bind(position, text)
        case .string(let s): insert.bind(position, s)
        case .array, .object: insert.bind(position, value.jsonText)
        }
    }

    func finish() throws -> SinkSummary {
        guard let database, let file else { return SinkSummary() }
        do {
            try database.writeWithoutTransaction { db in
                if inBatch > 0 { try db.execute(sql: "COMMIT") }
                inBatch = 0
                if indexAfterLoad {
                    try db.execute(sql: "BEGIN")
                    for statement in SQLiteSchema.indexStatements { try db.execute(sql: statement) }
                    try db.execute(sql: "COMMIT")
                }
            }
            try database.close()
            self.database = nil
        } catch {
            throw SQLiteExportError("cannot finish \(file.path): \(Self.describe(error))")
        }
        try file.prepare()  // syncs the database file SQLite wrote
        let size = Self.fileSize(file.temporaryPath)
        return SinkSummary(outputs: [file.path], recordsWritten: documents, bytesWritten: size)
    }

    func commit() throws { try file?.commit() }

    func abort() {
        try? database?.close()
        database = nil
        file?.abort()
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e)" }
        return "\(error)"
    }

    static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}

import Foundation
