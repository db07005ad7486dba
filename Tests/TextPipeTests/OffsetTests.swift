import Testing
import TestSupport
@testable import TextPipe

@Suite("Offsets")
struct OffsetTests {
    /// The slow, obviously right conversion the index must agree with.
    static func naive(_ text: String, _ byteOffset: Int, _ unit: OffsetUnit) -> Int {
        var bytes = 0, scalars = 0, units = 0
        for s in text.unicodeScalars {
            let len = String(s).utf8.count
            if bytes + len > byteOffset { break }
            bytes += len
            scalars += 1
            units += s.value > 0xFFFF ? 2 : 1
        }
        switch unit {
        case .utf8: return byteOffset
        case .codepoint: return scalars
        case .utf16: return units
        }
    }

    @Test("code-point and UTF-16 offsets agree with a naive count at every byte offset")
    func matchesNaiveCount() {
        var rng = SeededRandom(seed: 42)
        let pieces = ["a", "b ", "é", "ü", "—", "東京", "🌍", "👩‍🔬", "\n", "x"]
        for _ in 0..<30 {
            var text = ""
            for _ in 0..<Int(rng.next() % 200) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let index = OffsetIndex(text)
            for offset in 0...text.utf8.count {
                for unit in OffsetUnit.allCases {
                    #expect(index.convert(offset, to: unit) == Self.naive(text, offset, unit),
                            "offset \(offset) of \(text.debugDescription) in \(unit)")
                }
            }
        }
    }

    @Test("ASCII text needs no table and maps offsets to themselves")
    func asciiIdentity() {
        let index = OffsetIndex("plain ASCII text")
        #expect(index.isASCII)
        #expect(index.convert(5, to: .utf16) == 5)
        #expect(index.convert(99, to: .codepoint) == 16)  // clamped to the end
    }

    @Test("an offset inside a multi-byte character maps to the character's start")
    func insideCharacter() {
        let index = OffsetIndex("a🌍b")  // 🌍 is bytes 1..<5, UTF-16 units 1..<3
        #expect(index.convert(3, to: .codepoint) == 1)
        #expect(index.convert(3, to: .utf16) == 1)
        #expect(index.convert(5, to: .utf16) == 3)
    }

    @Test("an offset map sends copied runs and insertions back to the source")
    func offsetMapLookup() {
        // Source "a&amp;b" became "a&b": target 0 ← 0, target 1 (the &) ← 1..6, target 2 ← 6.
        let map = OffsetMap(anchors: [.init(target: 0, source: 0), .init(target: 1, source: 1, copied: false),
                                      .init(target: 2, source: 6)])
        #expect(map.sourceOffset(of: 0) == 0)
        #expect(map.sourceOffset(of: 1) == 1)
        #expect(map.sourceOffset(of: 2) == 6)
        #expect(map.sourceOffset(of: 3) == 7)
    }

    @Test("composing two rewrites maps through both, splitting runs at inner anchors")
    func composition() {
        // First rewrite deletes source bytes 2..<4; second deletes intermediate bytes 0..<1.
        let first = OffsetMap(anchors: [.init(target: 0, source: 0), .init(target: 2, source: 4)])
        let second = OffsetMap(anchors: [.init(target: 0, source: 1)])
        let both = first.composed(with: second)
        #expect(both.sourceOffset(of: 0) == 1)
        #expect(both.sourceOffset(of: 1) == 4)  // intermediate 2 → source 4
        #expect(both.sourceOffset(of: 2) == 5)
    }

    @Test("a text builder maps copies, replacements and insertions back to source ranges")
    func textBuilder() {
        // "<p>Fish &amp; chips</p>" → "Fish & chips\n\n"
        var source = "<p>Fish &amp; chips</p>"
        let (text, map) = source.withUTF8 { buf -> (String, OffsetMap) in
            let raw = UnsafeRawBufferPointer(buf)
            var b = TextBuilder()
            b.copy(raw, 3..<8)                 // "Fish "
            b.replace(8..<13, with: "&")       // "&amp;"
            b.copy(raw, 13..<19)               // " chips"
            b.replace(19..<23, with: "\n\n")   // "</p>"
            return b.finish()
        }
        #expect(text == "Fish & chips\n\n")
        #expect(map.sourceRange(of: 0..<4) == 3..<7)       // "Fish"
        #expect(map.sourceRange(of: 5..<6) == 8..<13)      // "&" covers the whole entity
        #expect(map.sourceRange(of: 0..<12) == 3..<19)     // the whole sentence
        #expect(map.sourceRange(of: 7..<12) == 14..<19)    // "chips"
        #expect(map.sourceRange(of: 12..<12) == 19..<19)
    }

    @Test("composed replacements keep whole source ranges")
    func composedReplacements() {
        // First: "a&amp;b" → "a&b"; second: "a&b" → "a and b" (the & replaced again).
        let first = OffsetMap(anchors: [.init(target: 0, source: 0), .init(target: 1, source: 1, copied: false, sourceLength: 5),
                                        .init(target: 2, source: 6)])
        let second = OffsetMap(anchors: [.init(target: 0, source: 0), .init(target: 1, source: 1, copied: false, sourceLength: 1),
                                         .init(target: 6, source: 2)])
        let both = first.composed(with: second)
        #expect(both.sourceRange(of: 1..<6) == 1..<6)   // " and " ← "&amp;"
        #expect(both.sourceRange(of: 6..<7) == 6..<7)   // "b"
        #expect(both.sourceRange(of: 0..<7) == 0..<7)
    }

    @Test("replacing the text records the map and clears stale layers")
    func replaceText() {
        var doc = Document(id: "d", text: "a  b")
        doc.layers["tokens"] = [Span(start: 0, end: 1)]
        doc.replaceText("a b", mapping: OffsetMap(anchors: [.init(target: 0, source: 0), .init(target: 2, source: 3)]))
        #expect(doc.layers.isEmpty)
        #expect(doc.offsetMap?.sourceOffset(of: 2) == 3)
        #expect(doc.text(in: 2..<3) == "b")
        #expect(doc.sourceText == "a  b")
        #expect(doc.sourceRange(of: Span(start: 2, end: 3)) == 3..<4)
    }
}
