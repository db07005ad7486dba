import Testing
import TextPipe
@testable import Redact

@Suite("redact stage")
struct RedactStageTests {
    /// A document whose `tags` layer marks each (text, label) pair at its first occurrence.
    func tagged(_ text: String, _ tags: [(String, String)], attributes: OrderedFields = [:]) -> Document {
        var document = Document(id: "t", text: text)
        document.layers["tags"] = tags.map { tag in
            let start = text.utf8.count - text[text.range(of: tag.0)!.lowerBound...].utf8.count
            return Span(start: start, end: start + tag.0.utf8.count, label: tag.1, attributes: attributes)
        }
        return document
    }

    func redact(_ document: inout Document, _ parameters: OrderedFields) throws {
        let stage = try RedactStage.descriptor.makeTransform(parameters)
        let result = try stage.run(&document)
        #expect(result == .keep)
    }

    @Test("replaces the chosen labels with placeholders, counts them, and moves the other tags")
    func replaces() throws {
        var doc = tagged("Mail ann@example.org or call +44 20 7946 0958 about NATO.",
                         [("ann@example.org", "EMAIL"), ("+44 20 7946 0958", "PHONE"), ("NATO", "ORG")],
                         attributes: ["id": "x"])
        try redact(&doc, ["labels": ["EMAIL", "PHONE"]])
        #expect(doc.text == "Mail [EMAIL] or call [PHONE] about NATO.")
        #expect(doc.metadata["redacted"] == .object(["EMAIL": 1, "PHONE": 1]))
        let tags = doc.layers["tags"] ?? []
        #expect(tags.map { String(doc.text(of: $0)) } == ["[EMAIL]", "[PHONE]", "NATO"])
        #expect(tags.map(\.attributes) == [["redacted": true], ["redacted": true], ["id": "x"]])
    }

    @Test("string metadata that repeats a redacted text is redacted too")
    func metadata() throws {
        var doc = tagged("Laura Chen (laura.chen@example.org) joins the board.",
                         [("laura.chen@example.org", "EMAIL"), ("Laura Chen", "PERSON")])
        doc.metadata["title"] = "Laura Chen (laura.chen@example.org) joins board"
        doc.metadata["authors"] = ["Laura Chen", "Staff"]
        try redact(&doc, ["labels": ["EMAIL", "PERSON"]])
        #expect(doc.text == "[PERSON] ([EMAIL]) joins the board.")
        #expect(doc.metadata["title"] == "[PERSON] ([EMAIL]) joins board")
        #expect(doc.metadata["authors"] == ["[PERSON]", "Staff"])
    }

    @Test("spans keep pointing into the source text, through this and an earlier rewrite")
    func sourceOffsets() throws {
        let source = "Call  ann@example.org  now,  Ann."
        // An earlier rewrite (as `clean` would do) collapses the double spaces.
        var doc = Document(id: "t", text: source)
        var builder = TextBuilder()
        var text = source
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var i = 0
            while i < raw.count {
                if raw[i] == 0x20, i + 1 < raw.count, raw[i + 1] == 0x20 {
                    builder.replace(i..<(i + 2), withByte: 0x20)
                    i += 2
                } else {
                    builder.copyByte(raw[i], at: i)
                    i += 1
                }
            }
        }
        let (collapsed, map) = builder.finish()
        doc.replaceText(collapsed, mapping: map)
        #expect(doc.text == "Call ann@example.org now, Ann.")
        let email = doc.text.utf8.count - doc.text[doc.text.range(of: "ann@")!.lowerBound...].utf8.count
        doc.layers["tags"] = [Span(start: email, end: email + 15, label: "EMAIL")]

        try redact(&doc, ["labels": ["EMAIL"], "placeholder": "<{label}>"])
        #expect(doc.text == "Call <EMAIL> now, Ann.")
        // The placeholder stands for the address in the source, and a span found after the
        // redaction ("Ann", as a later stage would tag it) maps to its place in the source.
        let placeholder = doc.layers["tags"]![0]
        #expect(source.slice(utf8: doc.sourceRange(of: placeholder)) == "ann@example.org")
        let ann = Span(start: doc.byteCount - 4, end: doc.byteCount - 1)
        #expect(doc.text(of: ann) == "Ann")
        #expect(source.slice(utf8: doc.sourceRange(of: ann)) == "Ann")
    }

    @Test("overlapping spans are redacted once; a span around a redaction keeps its attributes")
    func overlaps() throws {
        var doc = tagged("Write to Ann Lee at ann.lee@example.org today.",
                         [("ann.lee@example.org", "EMAIL"), ("ann.lee", "PERSON")])
        doc.layers["sentences"] = [Span(start: 0, end: doc.byteCount, attributes: ["n": 1])]
        try redact(&doc, ["labels": ["EMAIL", "PERSON"], "placeholder": "***", "count_key": ""])
        #expect(doc.text == "Write to Ann Lee at *** today.")
        #expect(doc.metadata["redacted"] == nil)
        #expect(doc.layers["tags"]?.map { String(doc.text(of: $0)) } == ["***", "***"])
        #expect(doc.layers["sentences"] == [Span(start: 0, end: doc.byteCount, attributes: ["n": 1])])
    }

    @Test("a document without the chosen labels is kept unchanged, with zero counts")
    func nothingToRedact() throws {
        var doc = tagged("Nothing secret about NATO.", [("NATO", "ORG")])
        try redact(&doc, ["labels": ["EMAIL"]])
        #expect(doc.text == "Nothing secret about NATO.")
        #expect(doc.offsetMap == nil)
        #expect(doc.metadata["redacted"] == .object(["EMAIL": 0]))
    }

    @Test("the layer it requires follows its 'layer' parameter")
    func requiredLayer() throws {
        let parameters = try RedactStage.descriptor.parameters(["labels": ["NAME"], "layer": "names"])
        #expect(RedactStage.descriptor.layers(for: parameters).requires == ["names"])
        #expect(throws: PipelineErrors.self) { try RedactStage.descriptor.makeTransform(["labels": []]) }
    }
}
