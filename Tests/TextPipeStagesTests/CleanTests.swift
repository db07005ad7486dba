import Foundation
import Testing
import TestSupport
import TextPipe
@testable import TextPipeStages

/// Runs `clean` with the given parameters (defaults otherwise) over `text`.
func cleaned(_ text: String, _ params: [String: JSONValue] = [:]) throws -> Document {
    try cleanedDocument(Document(id: "t", text: text), params)
}

func cleanedDocument(_ document: Document, _ params: [String: JSONValue]) throws -> Document {
    let stage = try CleanStage.descriptor.makeTransform(OrderedFields(params.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    var doc = document
    _ = try stage.run(&doc)
    return doc
}


@Suite("clean: text normalization")
struct CleanTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let input: String
        let expected: String
        var params: [String: JSONValue] = [:]
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "whitespace: runs of spaces and tabs become one space", input: "a  b\t\tc \t d", expected: "a b c d"),
        Case(rule: "whitespace: lines are trimmed", input: "  first  \n\tsecond\t", expected: "first\nsecond"),
        Case(rule: "whitespace: CRLF and CR become LF", input: "a\r\nb\rc", expected: "a\nb\nc"),
        Case(rule: "whitespace: at most one blank line by default", input: "a\n\n\n\n\nb", expected: "a\n\nb"),
        Case(rule: "whitespace: max_blank_lines 0 joins paragraphs with one newline", input: "a\n\n\nb", expected: "a\nb", params: ["max_blank_lines": 0]),
        Case(rule: "whitespace: whitespace-only lines count as blank", input: "a\n  \n\t\n b", expected: "a\n\nb"),
        Case(rule: "whitespace: no blank lines at the start or end", input: "\n\n  a  \n\n", expected: "a"),
        Case(rule: "whitespace: keep leaves spacing alone", input: "a  b\n\n\n c", expected: "a  b\n\n\n c", params: ["whitespace": "keep"]),
        Case(rule: "controls: C0 and C1 controls removed, tab and newline kept", input: "a\u{01}b\u{7F}c\u{85}d\te\nf", expected: "abcd e\nf"),
        Case(rule: "controls: zero-width space, soft hyphen, BOM and bidi marks removed", input: "in\u{200B}vis\u{00AD}ible\u{FEFF} \u{200E}text\u{202C}", expected: "invisible text"),
        Case(rule: "controls: ZWJ in emoji sequences is kept", input: "👩\u{200D}🔬 scientist", expected: "👩\u{200D}🔬 scientist"),
        Case(rule: "controls: form feed becomes a line break", input: "page one\u{0C}page two", expected: "page one\npage two"),
        Case(rule: "controls: keep leaves them", input: "a\u{200B}b", expected: "a\u{200B}b", params: ["controls": "keep"]),
        Case(rule: "spaces: no-break and thin spaces become spaces", input: "10\u{00A0}km and 5\u{2009}%\u{202F}off", expected: "10 km and 5 % off"),
        Case(rule: "spaces: line separator becomes a newline", input: "one\u{2028}two", expected: "one\ntwo"),
        Case(rule: "ligatures: expanded by default", input: "ﬁnal oﬀer ﬂows", expected: "final offer flows"),
        Case(rule: "quotes: curly to straight on request", input: "\u{201C}It\u{2019}s\u{201D} \u{2018}ok\u{2019}", expected: "\"It's\" 'ok'", params: ["typography": ["quotes"]]),
        Case(rule: "quotes: kept by default", input: "\u{201C}It\u{2019}s\u{201D}", expected: "\u{201C}It\u{2019}s\u{201D}"),
        Case(rule: "dashes: en dash and minus to -, em dash to --", input: "1990–2000 −5 a—b", expected: "1990-2000 -5 a--b", params: ["typography": ["dashes"]]),
        Case(rule: "ellipsis: … to ...", input: "wait…", expected: "wait...", params: ["typography": ["ellipsis"]]),
        Case(rule: "unicode: NFC composes a decomposed accent", input: "Me\u{0301}xico cafe\u{0301}", expected: "M\u{00E9}xico caf\u{00E9}"),
        Case(rule: "unicode: NFC leaves composed text alone", input: "São Paulo, Zürich, 東京", expected: "São Paulo, Zürich, 東京"),
        Case(rule: "unicode: NFC maps the Angstrom sign to Å", input: "1 \u{212B}", expected: "1 \u{00C5}"),
        Case(rule: "unicode: NFC composes Hangul jamo and stacked marks", input: "\u{1100}\u{1161} Vie\u{0323}\u{0302}t", expected: "\u{AC00} Vi\u{1EC7}t"),
        Case(rule: "unicode: NFC leaves ideographs, kana and Hangul syllables alone", input: "東京 ひらがな 한국어", expected: "東京 ひらがな 한국어"),
        Case(rule: "unicode: NFKC folds full-width and superscripts", input: "ＡＢＣ x²", expected: "ABC x2", params: ["unicode": "nfkc"]),
        Case(rule: "unicode: none leaves decomposed text", input: "e\u{0301}", expected: "e\u{0301}", params: ["unicode": "none"]),
        Case(rule: "dehyphenate: a word split across lines is joined", input: "the exam-\nple shows", expected: "the example shows"),
        Case(rule: "dehyphenate: indentation of the next line is dropped too", input: "infor-\n   mation", expected: "information"),
        Case(rule: "dehyphenate: compounds keep their hyphen", input: "a well-\nknown fact", expected: "a well-\nknown fact"),
        Case(rule: "dehyphenate: a capitalised next line is not joined", input: "Anglo-\nSaxon", expected: "Anglo-\nSaxon"),
        Case(rule: "dehyphenate: a dash at the end of a sentence line is not a hyphen", input: "and then -\nnothing", expected: "and then -\nnothing"),
        Case(rule: "dehyphenate: a blank line in between is a paragraph break", input: "exam-\n\nple", expected: "exam-\n\nple"),
        Case(rule: "dehyphenate: can be turned off", input: "exam-\nple", expected: "exam-\nple", params: ["dehyphenate": false]),
        Case(rule: "mojibake: UTF-8 read as Windows-1252 is repaired", input: "cafÃ© and itâ€™s â€œquotedâ€\u{9D}", expected: "café and it’s “quoted”"),
        Case(rule: "mojibake: a euro sign and a no-break space", input: "5Â\u{00A0}â‚¬", expected: "5 €"),
        Case(rule: "mojibake: genuine accented text is untouched", input: "Ãcole? No: École, Ã  la", expected: "Ãcole? No: École, Ã la"),
        Case(rule: "mojibake: correct German and French punctuation next to accented letters is untouched",
             input: "»Das ist groß« und «L’ÉTÉ» – Maß° Ÿ€", expected: "»Das ist groß« und «L’ÉTÉ» – Maß° Ÿ€"),
        Case(rule: "mojibake: Cyrillic read as Windows-1252 is repaired", input: "ÐœÐ¾Ñ\u{81}ÐºÐ²Ð°", expected: "Москва"),
        Case(rule: "mojibake: keep leaves it", input: "cafÃ©", expected: "cafÃ©", params: ["mojibake": "keep"]),
        Case(rule: "boilerplate: plain-text junk lines are dropped", input: "Headline\n\nNo previous article\nBody text here.\nShare this article\nSign up for our newsletter today!\n© 2026 Example News. All rights reserved.", expected: "Headline\n\nBody text here.", params: ["boilerplate": "remove"]),
        Case(rule: "boilerplate: a real sentence that mentions a newsletter stays", input: "The council will sign up for our regional newsletter programme, the mayor said on Tuesday after a long debate.", expected: "The council will sign up for our regional newsletter programme, the mayor said on Tuesday after a long debate.", params: ["boilerplate": "remove"]),
        Case(rule: "everything at once", input: "  Ca\u{0301}fe\u{0301}\u{200B}  menu\r\n\r\n\r\n\u{00A0}ﬁne  ", expected: "Cáfé menu\n\nfine"),
        Case(rule: "empty text stays empty", input: "", expected: ""),
        Case(rule: "whitespace-only text becomes empty", input: " \n\t \n", expected: ""),
    ]

    @Test("clean", arguments: cases)
    func normalization(_ c: Case) throws {
        let doc = try cleaned(c.input, c.params)
        #expect(Array(doc.text.unicodeScalars) == Array(c.expected.unicodeScalars), "\(c.rule)")
    }

    @Test("every word of the cleaned text maps back to the same word in the source", arguments: cases)
    func offsetsSurvive(_ c: Case) throws {
        let doc = try cleaned(c.input, c.params)
        let source = doc.sourceText ?? c.input
        for word in wordRanges(doc.text) {
            let cleanWord = String(doc.text(in: word))
            let range = doc.sourceRange(of: Span(word))
            let sourceWord = String(Document(id: "s", text: source).text(in: range))
            // A word maps to its source form, which may differ only by what clean normalized.
            let simple = try cleaned(sourceWord, c.params.merging(["boilerplate": "keep"]) { $1 }).text
            #expect(simple == cleanWord || sourceWord.contains(cleanWord) || cleanWord.count <= 1,
                    "\(c.rule): '\(cleanWord)' maps to '\(sourceWord)'")
        }
    }

    /// Byte ranges of the runs of letters and digits.
    func wordRanges(_ text: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int?
        var offset = 0
        for scalar in text.unicodeScalars {
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWord && start == nil { start = offset }
            if !isWord, let s = start { out.append(s..<offset); start = nil }
            offset += String(scalar).utf8.count
        }
        if let s = start { out.append(s..<offset) }
        return out
    }

    @Test("random bytes, decoded as a reader would, never crash clean")
    func randomBytes() throws {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0..<300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            guard case .success(let decoded) = TextDecoding.decode(bytes, allowBinarySniff: false) else { continue }
            let doc = try cleaned(decoded.text, ["typography": ["quotes", "dashes", "ellipsis", "ligatures", "spaces"]])
            #expect(doc.text.utf8.count <= decoded.text.utf8.count * 3 + 3)
            if let map = doc.offsetMap {
                #expect(map.sourceRange(of: 0..<doc.text.utf8.count).upperBound <= decoded.text.utf8.count)
            }
        }
    }

    static let page = """
        <!DOCTYPE html><html lang="en"><head><title>Bridge reopens | Courier</title>
        <meta name="author" content="A. Writer"><style>p{color:red}</style></head><body>
        <nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
        <article><h1>Bridge reopens after repairs</h1>
        <p>The harbour bridge reopened to traffic on Saturday after a repair programme that ran four months late and cost the city \u{00A3}186&nbsp;million, officials said.</p>
        <p>Residents walked across the span before the first cars were allowed through, and many of them said that the detours had been far worse than they expected.</p>
        <p>Engineers said the new cables should last for at least fifty years, although the city will inspect them every spring as part of the agreement.</p>
        </article>
        <aside class="related"><h2>Related</h2><ul><li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">Tunnel plan delayed</a></li></ul></aside>
        <section id="comments"><p>Great news, finally! Posted by reader42 at 10:14</p></section>
        <footer><p>\u{00A9} 2026 Courier Media. All rights reserved.</p></footer>
        </body></html>
        """

    @Test("HTML pages become text with their metadata; boilerplate: remove keeps the article only")
    func htmlPage() throws {
        var doc = Document(id: "p.html", text: Self.page, metadata: ["format": "html"])
        doc = try cleanedDocument(doc, [:])
        #expect(doc.metadata["title"] == .string("Bridge reopens | Courier"))
        #expect(doc.metadata["author"] == .string("A. Writer"))
        #expect(doc.metadata["language"] == .string("en"))
        #expect(doc.text.contains("Home"))
        #expect(doc.text.contains("£186 million"))  // &nbsp; decoded, then the no-break space normalized
        let main = try cleanedDocument(Document(id: "p.html", text: Self.page, metadata: ["format": "html"]), ["boilerplate": "remove"])
        #expect(main.text.hasPrefix("Bridge reopens after repairs\n\nThe harbour bridge reopened"))
        #expect(main.text.hasSuffix("every spring as part of the agreement."))
        for junk in ["Home", "cookies", "Related", "Ferry", "reader42", "rights reserved"] {
            #expect(!main.text.contains(junk), "\(junk) should be gone")
        }
        // Every word still points at itself in the page.
        let source = main.sourceText!
        for word in ["harbour", "Saturday", "fifty", "agreement"] {
            let start = main.text.utf8.count - main.text[main.text.range(of: word)!.lowerBound...].utf8.count
            let r = main.sourceRange(of: Span(start: start, end: start + word.utf8.count))
            #expect(Document(id: "s", text: source).text(in: r) == word[...])
        }
    }

    @Test("html: auto leaves plain text alone and recognises a page by its start; keep never strips")
    func htmlModes() throws {
        #expect(try cleaned("a <b>bold</b> claim").text == "a <b>bold</b> claim")
        #expect(try cleaned("  <!doctype html><p>Hi &amp; bye</p>").text == "Hi & bye")
        #expect(try cleanedDocument(Document(id: "x", text: "<p>x</p>", metadata: ["format": "html"]), ["html": "keep"]).text == "<p>x</p>")
        #expect(try cleaned("<i>a</i> &lt; b", ["html": "strip"]).text == "a < b")
    }

    @Test("NFC replaces only the changed part of a word, so spans inside it keep exact source offsets")
    func nfcOffsets() throws {
        let doc = try cleaned("Zu\u{0308}rich-based firm, \u{11131}\u{11127}x")
        #expect(doc.text == "Zürich-based firm, \u{1112E}x")
        let based = doc.text.utf8.count - doc.text[doc.text.range(of: "based")!.lowerBound...].utf8.count
        #expect(doc.sourceRange(of: Span(start: based, end: based + 5)) == 9..<14)   // "based" in the source
        let z = doc.sourceRange(of: Span(start: 0, end: 3))                           // "Zü"
        #expect(z == 0..<4)
    }

    @Test("a document that needs no cleaning keeps its text and gets no offset map")
    func untouched() throws {
        let doc = try cleaned("Already clean.\n\nTwo paragraphs.")
        #expect(doc.offsetMap == nil)
        #expect(doc.sourceText == nil)
    }

    @Test("random text never crashes clean and keeps offsets inside the source")
    func fuzz() throws {
        var rng = SeededRandom(seed: 7)
        let pieces = ["a", " ", "  ", "\t", "\n", "\r\n", "\n\n\n", "-", "-\n", "é", "e\u{0301}", "Ã©", "â€™", "\u{200B}",
                      "\u{00A0}", "ﬁ", "“", "…", "東", "🌍", "\u{01}", "\u{FEFF}", "Â", "No previous article\n", "x-"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<40, using: &rng) { text += pieces.randomElement(using: &rng)! }
            for params in [[:], ["typography": ["quotes", "dashes", "ellipsis", "ligatures", "spaces"], "unicode": "nfkc", "boilerplate": "remove"]] as [[String: JSONValue]] {
                let doc = try cleaned(text, params)
                let sourceLength = (doc.sourceText ?? text).utf8.count
                for word in wordRanges(doc.text) {
                    let r = doc.sourceRange(of: Span(word))
                    #expect(r.lowerBound >= 0 && r.upperBound <= sourceLength && r.lowerBound <= r.upperBound)
                }
            }
        }
    }
}
