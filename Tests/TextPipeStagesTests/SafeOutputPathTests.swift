import Foundation
import Testing
import TestSupport
import TextPipe
@testable import TextPipeStages

@Suite("per-document output paths")
struct SafeOutputPathTests {
    @Test("a hostile or awkward id makes a safe name inside the folder", arguments: [
        ("../../etc/passwd", "__/__/etc/passwd.json"),
        ("CON", "_CON.json"),
        ("con.txt", "_con.txt.json"),
        ("LPT9", "_LPT9.json"),
        ("/abs/path", "abs/path.json"),
        ("a:b*c?d\"e<f>g|h\\i", "a_b_c_d_e_f_g_h_i.json"),
        (".hidden", "_hidden.json"),
        ("dots...", "dots....json"),
        ("tab\there", "tab_here.json"),
        ("news/2026/a.txt", "news/2026/a.txt.json"),
        ("a//b", "a/b.json"),
        ("wire.jsonl#3", "wire.jsonl#3.json"),
    ])
    func safeNames(_ id: String, _ expected: String) throws {
        let template = try OutputPathTemplate(root: "/out", template: "{id}.json")
        let path = template.relativePath(for: Document(id: id, text: ""), number: 1)
        #expect(path == expected)
        #expect(!path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }))
    }

    @Test("a trailing dot or space, which Windows drops, is replaced", arguments: [("name.", "name_"), ("name ", "name_"), ("..", "__")])
    func trailingCharacters(_ component: String, _ expected: String) {
        #expect(SafeFileName.make(component) == expected)
    }

    @Test("an over-long name is cut at a character boundary, keeps its extension and stays unique")
    func longNames() {
        let a = SafeFileName.make(String(repeating: "é", count: 300) + "a.json")
        let b = SafeFileName.make(String(repeating: "é", count: 300) + "b.json")
        #expect(a.utf8.count <= SafeFileName.maxBytes && b.utf8.count <= SafeFileName.maxBytes)
        #expect(a.hasSuffix(".json") && a != b)
    }

    @Test("metadata placeholders with defaults and numbers fill the template")
    func metadataPlaceholders() throws {
        let template = try OutputPathTemplate(root: "/out", template: "{meta.category|other}/{n}-{meta.lang}.md")
        let doc = Document(id: "x", text: "", metadata: ["category": "../sport"])
        #expect(template.relativePath(for: doc, number: 12) == "__/sport/12-unknown.md")
        #expect(template.relativePath(for: Document(id: "y", text: ""), number: 1) == "other/1-unknown.md")
    }

    @Test("a template that could never be safe or is mistyped is refused", arguments: [
        ("{id", "unbalanced '{'"), ("{ids}.json", "unknown placeholder '{ids}'"), ("{meta.|x}.json", "names no metadata key"),
        ("../{id}.json", "must not go up"), ("/tmp/{id}.json", "must be relative"), ("a/{id}/../x", "must not go up with '..'"),
    ])
    func badTemplates(_ path: String, _ message: String) {
        #expect {
            _ = try ExportHarness.sink(["format": "json", "path": .string(path)], output: "/tmp")
        } throws: { error in
            guard let e = error as? ParameterError else { return false }
            return e.parameter == "path" && e.message.contains(message)
        }
    }

    @Test("one file per document; a clashing name gets a number; nothing escapes the folder")
    func perDocumentFiles() throws {
        let folder = TemporaryFolder()
        defer { folder.cleanup() }
        let docs = ["../../etc/passwd", "CON", "a:b", "a_b", "a?b"].map { Document(id: $0, text: "text of \($0)") }
        let summary = try ExportHarness.run(["format": "text", "path": "docs/{id}.txt"], docs, output: folder.path + "/out")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            !Paths.kind(of: folder.path + "/" + $0).isDirectory
        }.sorted()
        #expect(files == ["out/docs/_CON.txt", "out/docs/__/__/etc/passwd.txt", "out/docs/a_b.txt", "out/docs/a_b~2.txt", "out/docs/a_b~3.txt"])
        #expect(folder.read("out/docs/a_b~2.txt") == "text of a_b")
        #expect(summary.warnings.count == 1 && summary.warnings[0].hasPrefix("2 document(s) would have had a file name already used"))
    }

    @Test("an aborted per-document export leaves earlier files and no staging folder")
    func abortLeavesEarlierFiles() throws {
        let folder = TemporaryFolder()
        defer { folder.cleanup() }
        try ExportHarness.run(["format": "text", "path": "{id}"], [Document(id: "a", text: "old")], output: folder.path)
        let sink = try ExportHarness.sink(["format": "text", "path": "{id}"], output: folder.path)
        try sink.start()
        try sink.write(Document(id: "a", text: "new"))
        sink.abort()
        #expect(folder.read("a") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a"])
    }
}
