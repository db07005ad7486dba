import Foundation
import Testing
import TestSupport
import TextPipe
@testable import TextPipeStages

/// Builds the `export` stage from parameters as a pipeline file would and runs documents
/// through its sink, the way the runner does.
enum ExportHarness {
    static func sink(_ values: OrderedFields, output: String) throws -> any DocumentSink {
        let params = try ExportStage.descriptor.parameters(values, outputDirectory: output)
        let built = try ExportStage.descriptor.build(params, StageBuildContext(pipelineName: "p", pipelineDirectory: output,
                                                                               outputDirectory: output))
        guard case .sink(let sink) = built else { throw ParameterError("format", "export is not a sink") }
        return sink
    }

    @discardableResult
    static func run(_ values: OrderedFields, _ documents: [Document], output: String) throws -> SinkSummary {
        let sink = try sink(values, output: output)
        try sink.start()
        for d in documents { try sink.write(d) }
        let summary = try sink.finish()
        try sink.commit()
        return summary
    }

    /// A document with text that every format must escape: quotes, commas, line breaks,
    /// Markdown and HTML characters, accents, CJK and an emoji (two UTF-16 units).
    static func tricky(id: String = "news/a \"b\", c.txt") -> Document {
        let text = "Zoë said: \"Go, *now*\" <b>|</b>\nline two 東京 🌍 end"
        var doc = Document(id: id, text: text, metadata: ["title": "A \"quoted\", title", "n": 7, "ok": true, "x": 1.5,
                                                          "tags": ["a", "b"]])
        func span(_ word: String, _ label: String?) -> Span {
            let r = text.range(of: word)!
            return Span(start: text.utf8.distance(from: text.startIndex, to: r.lowerBound),
                        end: text.utf8.distance(from: text.startIndex, to: r.upperBound), label: label,
                        attributes: label == nil ? [:] : ["kind": "w,\"q\""])
        }
        doc.layers["sentences"] = [Span(start: 0, end: text.utf8.count)]
        doc.layers["tags"] = [span("Zoë", "PERSON"), span("東京", "PLACE"), span("🌍", "EMOJI"), span("end", "WORD")]
        return doc
    }
}

@Suite("export formats")
struct ExportFormatTests {
    let folder = TemporaryFolder()

    /// The file's bytes as text, a byte-order mark included (Foundation's decoding drops it).
    func output(_ values: OrderedFields, _ docs: [Document], file: String) throws -> String {
        try ExportHarness.run(values, docs, output: folder.path)
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + file)), as: UTF8.self)
    }

    @Test("span positions counted forward from a cursor agree with the offset index, in any order", arguments: OffsetUnit.allCases)
    func cursorAgreesWithIndex(_ unit: OffsetUnit) {
        var random = SeededRandom(seed: 11)
        let pieces = ["a", "é", "東", "🌍", " ", "\n", "ß", "z"]
        var text = ""
        for _ in 0..<3000 { text += random.pick(pieces) }
        var document = Document(id: "d", text: text)
        let index = document.offsetIndex()
        let positions = SpanPositions(document, unit: unit, sourceOffsets: false)
        // Mostly forward, as spans of a layer come, with jumps back and offsets inside characters.
        var offset = 0
        for _ in 0..<5000 {
            offset = random.chance(10) ? Int(random.next() % UInt64(text.utf8.count + 1))
                : min(text.utf8.count, offset + Int(random.next() % 9))
            #expect(positions.convert(offset) == index.convert(offset, to: unit), "offset \(offset)")
        }
        #expect(positions.textLength == index.convert(text.utf8.count, to: unit))
    }

    @Test("json writes one streamed array whose elements are the JSONL records")
    func jsonArrayMatchesJSONL() throws {
        defer { folder.cleanup() }
        let docs = [ExportHarness.tricky(id: "a"), ExportHarness.tricky(id: "b")]
        let json = try output(["format": "json", "path": "all.json"], docs, file: "all.json")
        let jsonl = try output(["format": "jsonl", "path": "all.jsonl"], docs, file: "all.jsonl")
        let array = try #require(JSONParser.parse(json).arrayValue)
        let lines = try jsonl.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(array == lines)
        #expect(json.hasPrefix("[\n{\"id\":\"a\""))
        #expect(try output(["format": "json", "path": "none.json"], [], file: "none.json") == "[]\n")
    }

    @Test("CSV fields are quoted only when RFC 4180 needs it, with quotes doubled", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\r", "\"cr\r\""), ("", ""), ("Zoë 東京", "Zoë 東京"), ("-12.5", "-12.5"),
    ])
    func csvField(_ value: String, _ expected: String) {
        var out: [UInt8] = []
        CSVFormat.appendField(Array(value.utf8), to: &out)
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    @Test("CSV document rows: chosen columns, metadata values and counts, CRLF lines, optional BOM")
    func csvDocumentRows() throws {
        defer { folder.cleanup() }
        let csv = try output(["format": "csv", "path": "d.csv", "bom": true,
                              "columns": ["id", "meta.title", "meta.n", "meta.ok", "meta.tags", "meta.missing", "length", "spans.tags"]],
                             [ExportHarness.tricky()], file: "d.csv")
        #expect(csv == "\u{FEFF}id,meta.title,meta.n,meta.ok,meta.tags,meta.missing,length,spans.tags\r\n"
            + "\"news/a \"\"b\"\", c.txt\",\"A \"\"quoted\"\", title\",7,true,\"[\"\"a\"\",\"\"b\"\"]\",,48,4\r\n")
    }

    @Test("CSV span rows: one per span of the chosen layer, offsets in the chosen unit")
    func csvSpanRows() throws {
        defer { folder.cleanup() }
        let csv = try output(["format": "csv", "path": "s.csv", "rows": "spans", "layers": ["tags"], "offsets": "utf16"],
                             [ExportHarness.tricky(id: "d")], file: "s.csv")
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,layer,label,start,end,text,attributes")
        #expect(lines[1] == "d,tags,PERSON,0,3,Zoë,\"{\"\"kind\"\":\"\"w,\\\"\"q\\\"\"\"\"}\"")
        #expect(lines[3] == "d,tags,EMOJI,43,45,🌍,\"{\"\"kind\"\":\"\"w,\\\"\"q\\\"\"\"\"}\"")
        #expect(lines.count == 6 && lines[5].isEmpty)
    }

    @Test("an unknown CSV column is refused at build time with the columns on offer", arguments: [
        (["id", "lenght"], CSVRows.documents, "unknown column 'lenght' for rows: documents; did you mean 'length'?"),
        (["id", "stat"], CSVRows.spans, "unknown column 'stat' for rows: spans; did you mean 'start'?"),
    ])
    func csvUnknownColumn(_ columns: [String], _ rows: CSVRows, _ message: String) {
        let values: OrderedFields = ["format": "csv", "rows": .string(rows.rawValue), "columns": .array(columns.map(JSONValue.string))]
        #expect {
            _ = try ExportHarness.sink(values, output: "/tmp")
        } throws: { error in
            guard let e = error as? ParameterError else { return false }
            return e.parameter == "columns[2]" && e.message.hasPrefix(message)
        }
    }

    @Test("a parameter of another format is refused, not ignored")
    func formatOnlyParameters() {
        #expect {
            _ = try ExportHarness.sink(["format": "jsonl", "columns": ["id"]], output: "/tmp")
        } throws: { ($0 as? ParameterError)?.message == "'columns' applies only to format 'csv', not to 'jsonl'" }
    }

    @Test("Markdown digest: title, summary and keywords layers, a tag table, literal text")
    func markdownDigest() throws {
        defer { folder.cleanup() }
        var doc = ExportHarness.tricky(id: "d")
        let text = doc.text
        doc.layers["summary"] = [Span(start: 0, end: text.utf8.count - " line two 東京 🌍 end".utf8.count, attributes: ["score": 0.9])]
        doc.layers["keywords"] = [Span(start: 0, end: 4), Span(start: 0, end: 4)]
        let md = try output(["format": "markdown", "path": "d.md", "metadata": false], [doc], file: "d.md")
        #expect(md.hasPrefix("# A \"quoted\", title\n\n`d`\n"))
        #expect(md.contains("\n## Summary\n\n- Zoë said: \"Go, \\*now\\*\" \\<b\\>\\|\\</b\\>\n"))
        #expect(md.contains("\n**Keywords:** Zoë\n"))
        #expect(md.contains("| label | tag | mentions | first at (character) |\n|---|---|---:|---:|\n| PERSON | Zoë | 1 | 0 |\n| PLACE | 東京 | 1 | 40 |\n"))
        #expect(md.hasSuffix("## Text\n\nZoë said: \"Go, \\*now\\*\" \\<b\\>\\|\\</b\\>\nline two 東京 🌍 end\n"))
    }

    @Test("Markdown digest of a summarized document: summarize's title, summary and key phrases in their sections, not on the metadata line")
    func markdownAfterSummarize() throws {
        defer { folder.cleanup() }
        let registry = StageRegistry()
        BuiltinStages.register(into: registry)
        let context = StageContext(worker: 0, scratch: WorkerScratch())
        var doc = Document(id: "harbour.txt", text: """
            Harbour bridge reopens after repairs

            The Calder harbour bridge reopened on Monday after six months of repairs. Engineers replaced the cables of the bridge. \
            The council said the repairs cost four million pounds. Traffic on the bridge was light in the morning. \
            Ferries will keep their extra crossings until Friday.
            """)
        for (name, values) in [("segment", [:]), ("summarize", ["sentences": 2, "keywords": 3])] as [(String, OrderedFields)] {
            let descriptor = try #require(registry.descriptor(named: name))
            _ = try descriptor.makeTransform(values).process(&doc, context: context)
        }
        let md = try output(["format": "markdown", "path": "d.md", "text": false], [doc], file: "d.md")
        #expect(md.hasPrefix("# Harbour bridge reopens after repairs\n\n`harbour.txt`\n\n## Summary\n\n- "))
        #expect(md.components(separatedBy: "\n- ").count - 1 == 2, "two summary sentences")
        #expect(md.contains("\n**Keywords:** "))
        #expect(!md.contains("summary:") && !md.contains("keywords:"), "no repeat on the metadata line")
    }

    @Test("text: the texts joined by the separator, nothing added")
    func plainTextJoined() throws {
        defer { folder.cleanup() }
        let docs = [Document(id: "a", text: "one"), Document(id: "b", text: "two\n")]
        #expect(try output(["format": "text", "path": "t.txt", "separator": "\n\u{1E}\n"], docs, file: "t.txt") == "one\n\u{1E}\ntwo\n")
    }
}
