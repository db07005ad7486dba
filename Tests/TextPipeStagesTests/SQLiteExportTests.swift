import Foundation
import GRDB
import Testing
import TestSupport
import TextPipe
@testable import TextPipeStages

@Suite("SQLite export")
struct SQLiteExportTests {
    let folder = TemporaryFolder()
    var path: String { folder.path + "/db.sqlite" }

    func docs(_ version: String) -> [Document] {
        (1...3).map { i in
            var d = ExportHarness.tricky(id: "doc-\(i)")
            d.metadata["version"] = .string(version)
            return d
        }
    }

    @Test("documents, metadata, layers and spans go to their tables, with code-point offsets and a full-text index")
    func tables() throws {
        defer { folder.cleanup() }
        try ExportHarness.run(["format": "sqlite", "path": "db.sqlite", "span_text": true], docs("1"), output: folder.path)
        let db = try DatabaseQueue(path: path)
        try db.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 3)
            #expect(try String.fetchOne(db, sql: "SELECT value FROM export_info WHERE key = 'offsets'") == "codepoint")
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT d.id, s.start, s.end, s.text, substr(d.text, s.start + 1, s.end - s.start) AS sliced, s.attributes
                FROM spans s JOIN documents d USING (doc_id) WHERE s.label = 'PLACE' AND d.id = 'doc-2'
                """))
            #expect(row["start"] as Int == 40 && row["end"] as Int == 42)
            #expect(row["text"] as String == "東京" && row["sliced"] as String == "東京")
            #expect(row["attributes"] as String == #"{"kind":"w,\"q\""}"#)
            let meta = try Row.fetchAll(db, sql: "SELECT key, value, json FROM metadata WHERE doc_id = 1 ORDER BY position")
            #expect(meta.map { $0["key"] as String } == ["title", "n", "ok", "x", "tags", "version"])
            #expect(meta[1]["value"] as Int == 7 && meta[3]["value"] as Double == 1.5 && meta[4]["json"] as String == #"["a","b"]"#)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM layers WHERE name = 'tags' AND span_count = 4") == 3)
            let hits = try String.fetchAll(db, sql: """
                SELECT d.id FROM documents_fts JOIN documents d ON d.doc_id = documents_fts.rowid
                WHERE documents_fts MATCH 'zoë AND two' ORDER BY d.id
                """)
            #expect(hits == ["doc-1", "doc-2", "doc-3"])
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spans' ORDER BY name")
            #expect(indexes == ["spans_by_document", "spans_by_label"])
        }
    }

    @Test("running again into the same database replaces each document's rows instead of duplicating them", arguments: [1, 2])
    func rerunReplaces(batchSize: Int) throws {
        defer { folder.cleanup() }
        let params: OrderedFields = ["format": "sqlite", "path": "db.sqlite", "batch_size": .int(batchSize)]
        try ExportHarness.run(params, docs("1"), output: folder.path)
        try ExportHarness.run(params, Array(docs("2").prefix(2)), output: folder.path)
        let db = try DatabaseQueue(path: path)
        try db.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM spans") == 15)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM metadata") == 18)
            #expect(try String.fetchAll(db, sql: "SELECT value FROM metadata WHERE key = 'version' ORDER BY doc_id") == ["1", "2", "2"])
            // The full-text index follows: one hit per document, none left from replaced rows.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'zoë'") == 3)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        try db.write { try $0.execute(sql: "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')") }
    }

    @Test("a new database loaded without indexes ends with all of them, and a repeated id keeps its last document")
    func newDatabaseIndexedAtTheEnd() throws {
        defer { folder.cleanup() }
        let twice = docs("1") + [docs("2")[0]]
        try ExportHarness.run(["format": "sqlite", "path": "db.sqlite", "batch_size": 2], twice, output: folder.path)
        let db = try DatabaseQueue(path: path)
        try db.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 3)
            #expect(try String.fetchAll(db, sql: "SELECT value FROM metadata WHERE key = 'version' ORDER BY doc_id") == ["1", "1", "2"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM spans") == 15)
            let objects = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_%' ORDER BY name")
            #expect(objects == ["documents_fts_delete", "documents_fts_insert", "metadata_by_key", "spans_by_document", "spans_by_label"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'zoë'") == 3)
        }
        try db.write { try $0.execute(sql: "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')") }
    }

    @Test("an aborted run leaves the database as it was and no temporary file")
    func abortKeepsDatabase() throws {
        defer { folder.cleanup() }
        try ExportHarness.run(["format": "sqlite", "path": "db.sqlite"], Array(docs("1").prefix(1)), output: folder.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let sink = try ExportHarness.sink(["format": "sqlite", "path": "db.sqlite", "batch_size": 1], output: folder.path)
        try sink.start()
        for d in docs("2") { try sink.write(d) }
        sink.abort()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["db.sqlite"])
    }

    @Test("a database TextPipe did not write, or one with other offsets, is refused before any document")
    func foreignDatabaseRefused() throws {
        defer { folder.cleanup() }
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE people(name TEXT)") }
        let sink = try ExportHarness.sink(["format": "sqlite", "path": "db.sqlite"], output: folder.path)
        #expect { try sink.start() } throws: { "\($0)".contains("is an SQLite database that TextPipe did not write") }
        sink.abort()
        try FileManager.default.removeItem(atPath: path)
        try ExportHarness.run(["format": "sqlite", "path": "db.sqlite"], [], output: folder.path)
        let other = try ExportHarness.sink(["format": "sqlite", "path": "db.sqlite", "offsets": "utf8"], output: folder.path)
        #expect { try other.start() } throws: { "\($0)".contains("holds offsets in codepoint, this export writes utf8") }
        other.abort()
    }
}
