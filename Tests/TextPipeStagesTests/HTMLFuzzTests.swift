import Testing
import TestSupport
import TextPipe
@testable import TextPipeStages

@Suite("HTML fuzzing")
struct HTMLFuzzTests {
    /// What must hold for any input: ranges inside the source, blocks that rebuild the
    /// text, offsets that never go backwards.
    func checkInvariants(_ result: HTMLText, sourceLength: Int, _ context: @autoclosure () -> String) {
        let length = result.text.utf8.count
        #expect(length == (result.blocks.last?.range.upperBound ?? 0), "text and blocks disagree: \(context())")
        var joined = ""
        for block in result.blocks {
            joined += String(repeating: "\n", count: block.newlinesBefore) + result.text(of: block)
        }
        #expect(joined == result.text, "blocks do not rebuild the text: \(context())")
        var last = 0
        for offset in stride(from: 0, through: length, by: max(1, length / 64)) {
            let source = result.map.sourceRange(of: offset..<min(length, offset + 3))
            #expect(source.lowerBound >= last && source.upperBound <= sourceLength, "bad range at \(offset): \(context())")
            last = source.lowerBound
        }
        #expect(!result.text.hasPrefix("\n") && !result.text.hasSuffix("\n") && !result.text.hasSuffix(" "), "ends: \(context())")
    }

    @Test("random bytes never crash the tokenizer or the extractor")
    func randomBytes() {
        var rng = SeededRandom(seed: 1)
        let alphabet: [UInt8] = Array("<<<>>>/!-?&#;=\"' \n\tabcxyzpliSCRIPTstyle0123[]".utf8) + [0, 0x80, 0xC3, 0xA9, 0xE2, 0xFF]
        for _ in 0..<3000 {
            let count = Int(rng.next() % 120)
            let bytes = (0..<count).map { _ in rng.pick(alphabet) }
            let result = bytes.withUnsafeBytes { HTMLTextExtractor(options: .init(imageAltText: rng.chance(50))).extract($0) }
            checkInvariants(result, sourceLength: bytes.count, "\(bytes)")
            bytes.withUnsafeBytes { raw in
                var tokenizer = HTMLTokenizer(raw)
                var end = 0
                while let token = tokenizer.next() {
                    #expect(token.range.lowerBound >= end && token.range.upperBound <= raw.count && !token.range.isEmpty)
                    end = token.range.upperBound
                }
            }
        }
    }

    @Test("random valid UTF-8 gives valid UTF-8 text: nothing is repaired on the way out")
    func validUTF8() {
        var rng = SeededRandom(seed: 2)
        let pieces = ["<", ">", "</", "<p>", "<b>", "&", "&amp;", "&#", "x", " ", "é", "東", "🌍", "\u{A0}", "&nbsp;",
                      "<pre>", "</pre>", "\r\n", "<br>", "<li>", "<!--", "-->", "=\"", "'", "&#xD800;", "<td>"]
        for _ in 0..<2000 {
            var html = ""
            for _ in 0..<Int(rng.next() % 40) { html += rng.pick(pieces) }
            let result = HTMLTextExtractor().extract(html)
            checkInvariants(result, sourceLength: html.utf8.count, html.debugDescription)
            // A repaired byte would show as U+FFFD; only &#xD800; may produce one.
            if !html.contains("&#xD800;") {
                #expect(!result.text.unicodeScalars.contains("\u{FFFD}"), "\(html.debugDescription)")
            }
        }
    }

    @Test("random tag soup keeps every word of its text, in order")
    func tagSoupKeepsText() {
        var rng = SeededRandom(seed: 3)
        let words = ["harbour", "bridge", "Café", "東京", "naïve", "🌍", "x", "42", "re-open", "A.B.", "end."]
        let open = ["<p>", "<div class=a>", "<span>", "<b>", "<i>", "<a href=\"/x\">", "<li>", "<ul>", "<ol>", "<table>",
                    "<tr>", "<td>", "<th>", "<h2>", "<blockquote>", "<section id=s>", "<em>", "<code>", "<pre>", "<dl>",
                    "<dt>", "<dd>", "<P>", "<DIV>", "<textarea>", "<label>", "<button>", "<form>", "<font color=red>"]
        let close = ["</p>", "</div>", "</span>", "</b>", "</i>", "</a>", "</li>", "</ul>", "</ol>", "</table>", "</tr>",
                     "</td>", "</h2>", "</blockquote>", "</section>", "</em>", "</pre>", "</dl>", "</body>", "</html>",
                     "</P>", "</nonsense>", "</textarea>", "</form>"]
        let other = ["<br>", "<br/>", "<hr>", "<img src=x.png alt=\"\">", "<!-- note -->", "<!---->", "<!-->",
                     "&amp;", "&nbsp;", "&bogus;", "&#8212;", "&copy", " < ", " <3 ", " & ", "<?php x ?>",
                     "<script>var a = '<p>';</script>", "<style>p { }</style>", "<template><p>t</p></template>",
                     "<svg><path/></svg>", "<!DOCTYPE html>", "</ >", "\n", "\t", "  ", "<wbr>", "<input value=x>"]
        for round in 0..<1500 {
            var html = ""
            var expected: [String] = []
            for _ in 0..<Int(rng.next() % 60) {
                switch rng.next() % 4 {
                case 0:
                    let word = rng.pick(words)
                    expected.append(word)
                    html += word
                case 1: html += rng.pick(open)
                case 2: html += rng.pick(close)
                default: html += rng.pick(other)
                }
                if rng.chance(40) { html += " " }
            }
            let result = HTMLTextExtractor(options: .init(compactLists: round % 2 == 0)).extract(html)
            checkInvariants(result, sourceLength: html.utf8.count, html.debugDescription)
            var rest = result.text[...]
            for word in expected {
                guard let found = rest.range(of: word) else {
                    Issue.record("lost \(word.debugDescription) from \(html.debugDescription) → \(result.text.debugDescription)")
                    break
                }
                rest = rest[found.upperBound...]
            }
            #expect(!result.text.contains("\n\n\n") || html.contains("<pre>") || html.contains("<textarea>"))
        }
    }

    @Test("deep nesting, long attribute lists and huge tokens stay fast and correct")
    func pathological() {
        let deep = String(repeating: "<div class=d>", count: 5000) + "deep" + String(repeating: "</div>", count: 5000)
        #expect(HTMLTextExtractor().extract(deep).text == "deep")
        let result = HTMLTextExtractor().extract(deep)
        #expect(result.blocks.count == 1 && result.path(of: result.blocks[0]).count < 512 * 12)
        let attributes = "<p " + String(repeating: "a=1 ", count: 20000) + ">text</p>"
        #expect(HTMLTextExtractor().extract(attributes).text == "text")
        let titles = String(repeating: "<title>x", count: 3000) + "y"
        #expect(HTMLTextExtractor().extract(titles).text.hasSuffix("xy"))
        let quotes = String(repeating: "<a b=\"x>w ", count: 2000)
        #expect(!HTMLTextExtractor().extract(quotes).text.isEmpty)
        let lessThans = String(repeating: "<", count: 100_000)
        #expect(HTMLTextExtractor().extract(lessThans).text.utf8.count == 100_000)
        let ampersands = String(repeating: "&amp", count: 20000)
        #expect(HTMLTextExtractor().extract(ampersands).text == String(repeating: "&", count: 20000))
    }
}
