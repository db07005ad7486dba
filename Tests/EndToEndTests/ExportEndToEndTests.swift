import Foundation
import Testing
import TestSupport
import TextPipe

@Suite("export end to end")
struct ExportEndToEndTests {
    static let fixtures = TextPipeProcess.repositoryRoot + "/Tests/Fixtures/roundtrip"

    @Test("Python's json, csv and sqlite3 modules read every output back exactly",
          .enabled(if: ExternalProgram.python != nil, "python3 is not installed, so the round trip through Python's json, csv and sqlite3 is skipped"))
    func pythonReadsEveryFormatBack() throws {
        let out = TextPipeProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try TextPipeProcess.run(["run", Self.fixtures + "/roundtrip.yaml", "--output", out, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try ExternalProgram.run(ExternalProgram.python!, [Self.fixtures + "/check_exports.py", Self.fixtures + "/input.jsonl", out])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("round trip OK: 6 documents, 21 spans"), "\(check.stdout)")
    }

    @Test("document ids like ../../etc/passwd and CON make safe files inside the output folder")
    func hostileIdsStayInside() throws {
        let dir = TextPipeProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        TextPipeProcess.write(dir + "/in/ids.jsonl", """
            {"id": "../../etc/passwd", "text": "one"}
            {"id": "CON", "text": "two"}
            {"id": "/abs/x", "text": "three"}

            """)
        TextPipeProcess.write(dir + "/p.yaml", """
            textpipe: 1
            input: { path: in, id_field: id }
            output: out
            stages:
              - export: { format: json, path: "docs/{id}.json" }

            """)
        let run = try TextPipeProcess.run(["run", dir + "/p.yaml", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { !Paths.kind(of: dir + "/" + $0).isDirectory }.sorted()
        #expect(files == ["in/ids.jsonl", "out/docs/_CON.json", "out/docs/__/__/etc/passwd.json", "out/docs/abs/x.json", "out/p.stats.json", "p.yaml"])
        let record = try TextPipeProcess.json(dir + "/out/docs/__/__/etc/passwd.json")
        #expect(record.objectValue?["id"] == .string("../../etc/passwd"))
    }

    @Test("a document's file never takes the name of another output, a side file or a folder; too long ids are shortened")
    func perDocumentNamesAvoidOtherFiles() throws {
        let dir = TextPipeProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let long = String(repeating: "a/", count: 2100) + "end"
        TextPipeProcess.write(dir + "/in/ids.jsonl", """
            {"id": "all.jsonl", "text": "HOSTILE"}
            {"id": "p.stats.json", "text": "two"}
            {"id": "a", "text": "three"}
            {"id": "a/b", "text": "four"}
            {"id": "\(long)", "text": "five"}

            """)
        TextPipeProcess.write(dir + "/p.yaml", """
            textpipe: 1
            name: p
            input: { path: in, id_field: id }
            output: out
            stages:
              - export: { format: jsonl, path: all.jsonl }
              - export: { format: text, path: "{id}" }

            """)
        let run = try TextPipeProcess.run(["run", dir + "/p.yaml", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        // The run's own files are intact.
        let records = try TextPipeProcess.jsonLines(dir + "/out/all.jsonl")
        #expect(records.count == 5)
        #expect(try TextPipeProcess.json(dir + "/out/p.stats.json").objectValue?["documents"] != nil)
        // Every document has a file of its own, with its text.
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir + "/out")
            .filter { !Paths.kind(of: dir + "/out/" + $0).isDirectory && $0 != "all.jsonl" && $0 != "p.stats.json" }
        let texts = try files.map { try String(contentsOfFile: dir + "/out/" + $0, encoding: .utf8) }.sorted()
        #expect(texts == ["HOSTILE", "five", "four", "three", "two"], "\(files)")
        #expect(files.allSatisfy { $0.utf8.count <= 1100 })
    }

    @Test("Pipelines/news-to-database.yaml writes JSONL, CSV and SQLite from one run")
    func newsToDatabase() throws {
        let out = TextPipeProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try TextPipeProcess.run(["run", "Pipelines/news-to-database.yaml", "--output", out, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let stats = try TextPipeProcess.json(out + "/news-to-database.stats.json").objectValue
        let outputs = (stats?["outputs"]?.arrayValue ?? []).compactMap(\.stringValue).map(Paths.fileName)
        #expect(outputs == ["news.jsonl", "news-tags.csv", "news.sqlite"])
        let header = try Data(contentsOf: URL(fileURLWithPath: out + "/news.sqlite")).prefix(16)
        #expect(header == Data("SQLite format 3\u{0}".utf8))
        let csv = try String(contentsOfFile: out + "/news-tags.csv", encoding: .utf8)
        #expect(csv.hasPrefix("id,layer,label,start,end,source_start,source_end,text\r\n"))
    }
}
