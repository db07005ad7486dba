import Foundation
import Testing
import TextPipe
@testable import TextPipeStages

@Suite("export and filter")
struct ExportTests {
    func options(_ offsets: OffsetUnit, text: Bool = true, metadata: Bool = true, layers: [String]? = nil, spanText: Bool = false,
                 sourceOffsets: Bool = false) -> ExportOptions {
        ExportOptions(path: "/dev/null", offsets: offsets, includeText: text, includeMetadata: metadata, layers: layers,
                      spanText: spanText, sourceOffsets: sourceOffsets)
    }

    func sampleDocument() -> Document {
        var doc = Document(id: "a/b.txt", text: "Zoë met 東京 🌍 friends.", metadata: ["source": "a/b.txt", "n": 2])
        let text = doc.text
        func bytes(of word: String) -> Span {
            let r = text.range(of: word)!
            return Span(start: text.utf8.distance(from: text.startIndex, to: r.lowerBound),
                        end: text.utf8.distance(from: text.startIndex, to: r.upperBound), label: "W",
                        attributes: ["len": .int(word.count)])
        }
        doc.layers["words"] = [bytes(of: "Zoë"), bytes(of: "東京"), bytes(of: "friends")]
        return doc
    }

    func encode(_ doc: Document, _ opts: ExportOptions) throws -> OrderedFields {
        var out: [UInt8] = []
        JSONLFormat(options: opts).encode(doc, into: &out)
        #expect(out.last == 0x0A)
        #expect(out.dropLast().contains(0x0A) == false, "one line per document")
        return try #require(JSONParser.parse(String(decoding: out, as: UTF8.self)).objectValue)
    }

    func starts(_ record: OrderedFields) -> [[Int]] {
        (record["layers"]?.objectValue?["words"]?.arrayValue ?? []).map {
            [$0.objectValue!["start"]!.intValue!, $0.objectValue!["end"]!.intValue!]
        }
    }

    @Test("Markdown text keeps its lines but starts no block: lists, rules, headings, code, HTML")
    func markdownTextStartsNoBlock() {
        let text = "Total\n===\n- item\n+ more\n    indented code\n12. twelve\n<script>x</script>\n2026 was fine"
        #expect(MarkdownFormat.textBlock(text).split(separator: "\n", omittingEmptySubsequences: false) == [
            "Total", "\\===", "\\- item", "\\+ more", "indented code", "12\\. twelve", "\\<script\\>x\\</script\\>", "2026 was fine",
        ])
    }

    @Test("span offsets in code points, UTF-16 units and UTF-8 bytes")
    func offsetUnits() throws {
        let doc = sampleDocument()
        #expect(starts(try encode(doc, options(.codepoint))) == [[0, 3], [8, 10], [13, 20]])
        #expect(starts(try encode(doc, options(.utf16))) == [[0, 3], [8, 10], [14, 21]])
        #expect(starts(try encode(doc, options(.utf8))) == [[0, 4], [9, 15], [21, 28]])
    }

    @Test("records carry id, text, metadata in order, labels, attributes and optional span text")
    func recordShape() throws {
        let record = try encode(sampleDocument(), options(.codepoint, spanText: true))
        #expect(record.keys == ["id", "text", "metadata", "layers"])
        #expect(record["metadata"]?.objectValue?.keys == ["source", "n"])
        let first = record["layers"]?.objectValue?["words"]?.arrayValue?.first?.objectValue
        #expect(first?["label"] == .string("W"))
        #expect(first?["text"] == .string("Zoë"))
        #expect(first?["attributes"] == .object(["len": 3]))
    }

    @Test("source offsets go back through clean's rewrite to the text as read, in the chosen unit")
    func sourceOffsets() throws {
        var doc = try cleaned("Zoë  said:\u{00A0}\u{00A0}“fine”   thanks")  // clean collapses spaces
        #expect(doc.text == "Zoë said: “fine” thanks")
        let start = doc.text.utf8.count - "thanks".utf8.count
        doc.layers["words"] = [Span(start: start, end: doc.text.utf8.count)]
        // In the source "Zoë  said:  “fine”   thanks", "thanks" is code points 21..<27, UTF-8 bytes 28..<34.
        #expect(Array(doc.sourceText!.unicodeScalars)[21..<27].map(String.init).joined() == "thanks")
        for (unit, expected) in [(OffsetUnit.codepoint, [21, 27]), (.utf8, [28, 34]), (.utf16, [21, 27])] {
            let record = try encode(doc, options(unit, sourceOffsets: true))
            let span = record["layers"]?.objectValue?["words"]?.arrayValue?.first?.objectValue
            #expect([span?["source_start"]?.intValue, span?["source_end"]?.intValue] == expected, "\(unit)")
        }
    }

    @Test("text, metadata and layers can be left out")
    func omissions() throws {
        let record = try encode(sampleDocument(), options(.codepoint, text: false, metadata: false, layers: []))
        #expect(record.keys == ["id"])
    }

    @Test("filter drops empty, short and long documents with reasons", arguments: [
        ("", [String: JSONValue](), "empty"),
        ("tiny", ["min_chars": 10], "shorter than 10 characters"),
        ("a very long text indeed", ["max_chars": 5], "longer than 5 characters"),
        ("two words", ["min_words": 3], "fewer than 3 words"),
        ("fine text", ["require_metadata": ["lang"]], "no 'lang' metadata"),
    ] as [(String, [String: JSONValue], String)])
    func filterDrops(_ text: String, _ params: [String: JSONValue], _ reason: String) throws {
        var values = OrderedFields()
        for (k, v) in params { values[k] = v }
        let built = try FilterStage.descriptor.build(StageParameters(stageName: "filter", values: values),
                                                     StageBuildContext(pipelineName: "p", pipelineDirectory: "/", outputDirectory: "/"))
        guard case .transform(let stage) = built else { Issue.record("filter is not a transform"); return }
        var doc = Document(id: "d", text: text)
        #expect(try stage.process(&doc, context: StageContext(worker: 0, scratch: WorkerScratch())) == .drop(reason: reason))
    }
}
