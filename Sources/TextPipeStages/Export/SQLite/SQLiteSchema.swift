import GRDB
import TextPipe

/// The tables of a TextPipe database, and how to recognise one: Docs/Exports.md shows
/// them with queries.
enum SQLiteSchema {
    /// `PRAGMA application_id`: "TXTP", so a database another program wrote is never
    /// mistaken for ours and changed.
    static let applicationID: Int32 = 0x5458_5450
    /// `PRAGMA user_version`: the layout below.
    static let version = 1

    static let tableStatements = [
        """
        CREATE TABLE export_info (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE documents (
            doc_id INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            text TEXT,
            length INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE metadata (
            doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key TEXT NOT NULL,
            value,
            json TEXT NOT NULL,
            PRIMARY KEY (doc_id, position)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE layers (
            doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            span_count INTEGER NOT NULL,
            PRIMARY KEY (doc_id, position)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE spans (
            span_id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            label TEXT,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            source_start INTEGER,
            source_end INTEGER,
            text TEXT,
            attributes TEXT
        )
        """,
        // External content: the index keeps no second copy of the text.
        "CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='doc_id')",
    ]

    /// The index a repeated document id needs: deleting its earlier rows cascades to its
    /// spans, which without it is a scan of the whole table per repeat.
    static let spansByDocument = "CREATE INDEX IF NOT EXISTS spans_by_document ON spans(doc_id, layer, start)"

    /// What a new database gets after its first load: building indexes and the full-text
    /// index once from all rows is faster than keeping them up to date row by row.
    static let indexStatements = [
        "CREATE INDEX metadata_by_key ON metadata(key, value)",
        spansByDocument,
        "CREATE INDEX spans_by_label ON spans(label, doc_id)",
        "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
        // From here on the full-text index follows every change, as a re-run replaces documents.
        """
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, text) VALUES (new.doc_id, new.text);
        END
        """,
        """
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.doc_id, old.text);
        END
        """,
    ]

    /// Creates the tables in an empty database and returns true (without `indexStatements`: the
    /// caller adds them after the load), or checks that an existing one is a
    /// TextPipe database of this layout whose offsets are in `unit`.
    static func prepare(_ db: Database, unit: OffsetUnit, displayPath: String) throws -> Bool {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if application == 0 && tables == 0 {
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = \(version)")
            for statement in tableStatements { try db.execute(sql: statement) }
            try db.execute(sql: "INSERT INTO export_info(key, value) VALUES ('offsets', ?), ('schema_version', ?)",
                           arguments: [unit.rawValue, String(version)])
            return true
        }
        guard application == applicationID else {
            throw SQLiteExportError("\(displayPath) is an SQLite database that TextPipe did not write; "
                + "give the export another 'path' (TextPipe replaces rows only in its own databases)")
        }
        let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard found == version else {
            throw SQLiteExportError("\(displayPath) has TextPipe's database layout \(found), this textpipe writes layout \(version); "
                + "write to a new file or delete it")
        }
        let stored = try String.fetchOne(db, sql: "SELECT value FROM export_info WHERE key = 'offsets'")
        guard stored == unit.rawValue else {
            throw SQLiteExportError("\(displayPath) holds offsets in \(stored ?? "an unknown unit"), this export writes \(unit.rawValue); "
                + "use 'offsets: \(stored ?? unit.rawValue)' or write to a new file, so one database never mixes units")
        }
        return false
    }
}

struct SQLiteExportError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
