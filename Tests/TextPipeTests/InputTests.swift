import Foundation
import Testing
import TestSupport
@testable import TextPipe

@Suite("Readers and the folder walker")
struct InputTests {
    @Test("UTF-8, UTF-8 with BOM and UTF-16 with either BOM decode to the same text")
    func encodings() throws {
        let text = "Zürich — 東京 🌍"
        let utf16le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let cases: [([UInt8], String)] = [
            (Array(text.utf8), "utf-8"), ([0xEF, 0xBB, 0xBF] + Array(text.utf8), "utf-8-bom"),
            (utf16le, "utf-16le"), (utf16be, "utf-16be"),
        ]
        for (bytes, encoding) in cases {
            let decoded = try TextDecoding.decode(bytes).get()
            #expect(decoded.text == text)
            #expect(decoded.encoding == encoding)
            #expect(decoded.repairs == 0)
        }
    }

    @Test("UTF-16 without a byte-order mark is recognised by its zero bytes")
    func utf16WithoutBOM() throws {
        let text = "Plain report: 21 °C, café."
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try TextDecoding.decode(le).get().text == text)
        #expect(try TextDecoding.decode(le).get().encoding == "utf-16le")
        #expect(try TextDecoding.decode(be).get().encoding == "utf-16be")
    }

    @Test("a JSONL field named like reader metadata keeps its value; the reader's moves to input_NAME")
    func jsonlProvenanceClash() throws {
        let decoder = DocumentDecoder(spec: InputSpec(path: "/"))
        let line = #"{"source":"Wire service","line":99,"text":"a"}"#
        let item = InputItem(sequence: 0, id: "w.jsonl#1", source: "w.jsonl", payload: .jsonlRecord(bytes: Array(line.utf8), line: 7), byteCount: 0)
        let doc = try decoder.decode(item).get()
        #expect(doc.metadata["source"] == .string("Wire service"))
        #expect(doc.metadata["input_source"] == .string("w.jsonl"))
        #expect(doc.metadata["line"] == .int(99))
        #expect(doc.metadata["input_line"] == .int(7))
        #expect(doc.metadata["format"] == .string("jsonl"))
    }

    @Test("invalid UTF-8 is repaired with U+FFFD and every bad sequence is counted")
    func repair() throws {
        let bytes: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" at 20".utf8) + [0xB0, 0xC3] + Array("C".utf8)
        let decoded = try TextDecoding.decode(bytes).get()
        #expect(decoded.text == "caf\u{FFFD} at 20\u{FFFD}\u{FFFD}C")
        #expect(decoded.repairs == 3)
    }

    @Test("binary files are recognised and named", arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "PNG image"),
        (Array("%PDF-1.7\n".utf8), "PDF document"),
        ([0x41, 0x42, 0x00, 0x43], "contains NUL bytes"),
    ] as [([UInt8], String)])
    func binary(_ bytes: [UInt8], _ kind: String) {
        guard case .failure(let skip) = TextDecoding.decode(bytes) else {
            Issue.record("decoded binary data as text")
            return
        }
        #expect(skip.reason == "binary file (\(kind))")
    }

    @Test("an empty file is a document with empty text")
    func emptyFile() throws {
        #expect(try TextDecoding.decode([]).get().text == "")
    }

    @Test("JSONL records take text, id and title fields; other fields become metadata")
    func jsonlRecord() throws {
        let spec = InputSpec(path: "/", idField: "key", titleField: "headline")
        let decoder = DocumentDecoder(spec: spec)
        let line = #"{"key":"n-1","headline":"Hi","text":"Body é","tags":["a"]}"#
        let item = InputItem(sequence: 0, id: "w.jsonl#1", source: "w.jsonl", payload: .jsonlRecord(bytes: Array(line.utf8), line: 3), byteCount: 0)
        let doc = try decoder.decode(item).get()
        #expect(doc.id == "n-1")
        #expect(doc.text == "Body é")
        #expect(doc.metadata["line"] == .int(3))
        #expect(doc.metadata["tags"] == .array(["a"]))
        #expect(doc.metadata["title"] == .string("Hi"))
    }

    @Test("bad JSONL records are skipped with a reason that names the line", arguments: [
        (#"{"text": 5}"#, "line 2: 'text' is an integer, not a string"),
        (#"{"body": "x"}"#, "line 2 has no 'text' field (input.text_field)"),
        (#"[1,2]"#, "line 2 is a list, not a JSON object"),
        (#"{"text": "x""#, "line 2 is not valid JSON: unexpected end of input in an object at byte 12"),
    ])
    func badRecords(_ line: String, _ reason: String) {
        let decoder = DocumentDecoder(spec: InputSpec(path: "/"))
        let item = InputItem(sequence: 0, id: "w#1", source: "w", payload: .jsonlRecord(bytes: Array(line.utf8), line: 2), byteCount: 0)
        guard case .failure(let skip) = decoder.decode(item) else {
            Issue.record("accepted \(line)")
            return
        }
        #expect(skip.reason == reason)
    }

    @Test("the walk is sorted by bytes, skips hidden names and honours include and exclude")
    func walkOrder() {
        let dir = TemporaryFolder()
        defer { dir.cleanup() }
        for name in ["b.txt", "a.txt", "B.txt", "sub/z.txt", "sub/a.md", ".hidden.txt", ".git/x.txt", "drafts/d.txt", "img.png"] {
            dir.write(name, "x")
        }
        var spec = InputSpec(path: dir.path, include: ["*.txt", "*.md"], exclude: ["drafts/**"])
        var found = FolderWalker(spec: spec).compactMap { event -> String? in
            if case .file(let rel, _, _) = event { return rel } else { return nil }
        }
        #expect(found == ["B.txt", "a.txt", "b.txt", "sub/a.md", "sub/z.txt"])
        spec.hidden = true
        found = FolderWalker(spec: spec).compactMap { event -> String? in
            if case .file(let rel, _, _) = event { return rel } else { return nil }
        }
        #expect(found == [".git/x.txt", ".hidden.txt", "B.txt", "a.txt", "b.txt", "sub/a.md", "sub/z.txt"])
    }

    @Test("a symlink loop is reported once and does not hang the walk; broken links are skipped documents")
    func symlinks() throws {
        let dir = TemporaryFolder()
        defer { dir.cleanup() }
        dir.write("a/file.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/a/loop", withDestinationPath: dir.path + "/a")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/a/broken.txt", withDestinationPath: dir.path + "/nowhere")
        let events = Array(FolderWalker(spec: InputSpec(path: dir.path)))
        #expect(events.contains(.file(relativePath: "a/file.txt", absolutePath: dir.path + "/a/file.txt", size: 1)))
        #expect(events.contains(.unreadableFile(relativePath: "a/broken.txt", reason: "broken symbolic link")))
        #expect(events.filter { if case .skippedFolder = $0 { return true } else { return false } }.count == 1)
    }

    @Test("a file whose name is not UTF-8 is accounted for with a reason, not lost")
    func nonUTF8Name() {
        let dir = TemporaryFolder()
        defer { dir.cleanup() }
        dir.write("ok.txt", "x")
        let raw: [UInt8] = Array((dir.path + "/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        close(fd)
        let events = Array(FolderWalker(spec: InputSpec(path: dir.path)))
        #expect(events.count == 2)
        #expect(events.contains(.unreadableFile(relativePath: "caf\u{FFFD}.txt", reason: "the file name is not valid UTF-8; rename the file")))
    }

    @Test("the output folder is never walked, even when reached through a symbolic link")
    func outputFolderExcluded() throws {
        let dir = TemporaryFolder()
        defer { dir.cleanup() }
        dir.write("in/a.txt", "x")
        dir.write("in/out/old.jsonl", "{}")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/in/link", withDestinationPath: dir.path + "/in/out")
        var spec = InputSpec(path: dir.path + "/in")
        spec.excludedFolders = [dir.path + "/in/out"]
        let files = FolderWalker(spec: spec).compactMap { e -> String? in if case .file(let r, _, _) = e { return r } else { return nil } }
        #expect(files == ["a.txt"])
    }

    @Test("JSONL: a UTF-8 BOM is skipped; a UTF-16 file is refused with a reason")
    func jsonlEncodings() {
        let dir = TemporaryFolder()
        defer { dir.cleanup() }
        dir.write("bom.jsonl", bytes: [0xEF, 0xBB, 0xBF] + Array("{\"text\":\"a\"}\n".utf8))
        dir.write("wide.jsonl", bytes: [0xFF, 0xFE] + "{\"text\":\"a\"}\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var items: [InputItem] = []
        InputSource(spec: InputSpec(path: dir.path)).produce(emit: { items.append($0); return true }, warn: { _ in })
        #expect(items.count == 2)
        if case .jsonlRecord(let bytes, _) = items[0].payload {
            #expect(bytes.first == UInt8(ascii: "{"))
        } else { Issue.record("BOM file not read") }
        if case .skipped(let reason) = items[1].payload {
            #expect(reason.hasPrefix("JSONL must be UTF-8, and this file is UTF-16"))
        } else { Issue.record("UTF-16 JSONL not refused") }
    }

    @Test("a path that cannot be read gives the system's reason (works as root too)")
    func unreadable() {
        let dir = TemporaryFolder()
        defer { dir.cleanup() }
        // Reading a folder as a file fails with EISDIR whoever the user is.
        guard case .failure(let failure) = InputSource.readFile(dir.path, expectedSize: 10) else {
            Issue.record("read a folder as a file")
            return
        }
        #expect(failure.text == "cannot read: is a directory")
        guard case .failure(let missing) = InputSource.readFile(dir.path + "/gone.txt", expectedSize: 10) else {
            Issue.record("read a missing file")
            return
        }
        #expect(missing.text == "cannot open: no such file or directory")
    }

    @Test("JSONL files stream one item per non-blank line; oversized records are skipped, not truncated")
    func jsonlStreaming() {
        let dir = TemporaryFolder()
        defer { dir.cleanup() }
        let long = String(repeating: "x", count: 300)
        dir.write("w.jsonl", "{\"text\":\"one\"}\r\n\n{\"text\":\"\(long)\"}\n{\"text\":\"three\"}")
        var spec = InputSpec(path: dir.path)
        spec.maxFileSize = 100
        var items: [InputItem] = []
        InputSource(spec: spec).produce(emit: { items.append($0); return true }, warn: { _ in })
        #expect(items.map(\.id) == ["w.jsonl#1", "w.jsonl#2", "w.jsonl#3"])
        #expect(items.map(\.sequence) == [0, 1, 2])
        if case .jsonlRecord(let bytes, let line) = items[0].payload {
            #expect(String(decoding: bytes, as: UTF8.self) == "{\"text\":\"one\"}")
            #expect(line == 1)
        } else { Issue.record("first record not read") }
        if case .skipped(let reason) = items[1].payload {
            #expect(reason.contains("line 3 is over the 100 bytes limit"))
        } else { Issue.record("oversized record not skipped") }
        if case .jsonlRecord(_, let line) = items[2].payload { #expect(line == 4) } else { Issue.record("last record not read") }
    }
}
