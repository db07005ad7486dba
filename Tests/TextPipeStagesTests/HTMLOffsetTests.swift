import Testing
import TextPipe
@testable import TextPipeStages

/// The byte ranges of the words (runs of non-whitespace) of `text`.
func wordRanges(_ text: String) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start: Int?
    for (i, b) in text.utf8.enumerated() {
        let space = b == 0x20 || b == 0x0A || b == 0x09
        if space, let s = start { ranges.append(s..<i); start = nil }
        if !space && start == nil { start = i }
    }
    if let s = start { ranges.append(s..<text.utf8.count) }
    return ranges
}

func slice(_ s: String, _ r: Range<Int>) -> String {
    String(decoding: Array(s.utf8)[r], as: UTF8.self)
}

/// Source HTML as a reader would see it: tags and comments removed, references decoded.
func visibleText(ofSource html: String) -> String {
    var out = ""
    var inTag = false
    for c in html {
        if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { out.append(c) }
    }
    return HTMLCharacterReference.decodeAll(out, inAttribute: false)
}

@Suite("HTML offsets")
struct HTMLOffsetTests {
    static let pages: [String] = [
        """
        <html><head><title>Caf&eacute;</title></head><body>
        <h1>Caf&eacute; de l&rsquo;&Eacute;toile</h1>
        <p>Le caf&eacute; &amp; la cr&egrave;me co&ucirc;tent 3&nbsp;&euro;.</p>
        <p>R&eacute;sum&eacute;: na&iuml;ve <b>fa&ccedil;ade</b>, d&eacute;j&agrave; vu.</p>
        </body></html>
        """,
        """
        <div class="jp"><p>東京タワーは&ldquo;東京&rdquo;の名所です。</p>
        <ul><li>浅草 &mdash; 寺</li><li>渋谷&#12288;駅</li></ul></div>
        <p>Emoji: 🌍 &#x1F30D; 👩‍🔬 &#128512;&#128512; done.</p>
        """,
        """
        <table><tr><th>Ciudad</th><th>Población</th></tr>
        <tr><td>São Paulo</td><td>12&#8239;325&#8239;232</td></tr>
        <tr><td>Zürich</td><td>&asymp;&nbsp;420&thinsp;000</td></tr></table>
        <ol><li>première</li><li>deuxième &amp; <em>troisième</em></li></ol>
        <pre>  résumé
          &lt;code&gt; 🌍</pre>
        """,
        """
        <p>AT&T &copy 2024 &bogus; x &lt; y&#x2019;s 5&#37; <a href="/x?a=1&amp;b=2">link&nbsp;text</a></p>
        <p>Line one<br>Line two &hellip;</p>
        """,
    ]

    @Test("every word of the text maps to source bytes that read as the same word", arguments: 0..<pages.count)
    func wordsMapBack(_ index: Int) {
        let html = Self.pages[index]
        let result = HTMLTextExtractor().extract(html)
        let words = wordRanges(result.text)
        #expect(words.count > 5)
        for range in words {
            let word = slice(result.text, range)
            let source = result.map.sourceRange(of: range)
            #expect(source.lowerBound >= 0 && source.upperBound <= html.utf8.count)
            let original = slice(html, source)
            if word == "•" || word.last == "." && Int(word.dropLast()) != nil {
                #expect(original.hasPrefix("<li"), "bullet \(word) from \(original)")
            } else {
                let read = visibleText(ofSource: original)
                // A word may end in a no-break space or a decoded reference of one.
                #expect(read == word, "word \(word.debugDescription) maps to \(original.debugDescription)")
            }
        }
    }

    @Test("every character maps to itself or to the reference that produced it", arguments: 0..<pages.count)
    func charactersMapBack(_ index: Int) {
        let html = Self.pages[index]
        let result = HTMLTextExtractor().extract(html)
        var offset = 0
        for scalar in result.text.unicodeScalars {
            let length = String(scalar).utf8.count
            defer { offset += length }
            if scalar == "\n" || scalar == "\t" || scalar == "•" { continue }
            let original = slice(html, result.map.sourceRange(of: offset..<(offset + length)))
            let read = visibleText(ofSource: original)
            if scalar == " " {
                #expect(read.allSatisfy { $0.isWhitespace }, "a space maps to whitespace, not \(original.debugDescription)")
            } else {
                #expect(read.unicodeScalars.first == scalar || original.hasPrefix("<li"),
                        "\(scalar) at \(offset) maps to \(original.debugDescription)")
            }
        }
    }

    @Test("source offsets never go backwards through the text", arguments: 0..<pages.count)
    func monotonic(_ index: Int) {
        let result = HTMLTextExtractor().extract(Self.pages[index])
        var last = 0
        for offset in 0...result.text.utf8.count {
            let source = result.map.sourceOffset(of: offset)
            #expect(source >= last)
            last = source
        }
    }

    @Test("ill-formed UTF-8 from raw bytes becomes U+FFFD standing for the bytes it replaces")
    func illFormedBytes() {
        // "a", 0xFF, "b", a truncated 3-byte sequence, "<p>", "c", "é"
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x3C, 0x70, 0x3E, 0x63, 0xC3, 0xA9]
        let result = bytes.withUnsafeBytes { HTMLTextExtractor().extract($0) }
        #expect(result.text == "a\u{FFFD}b\u{FFFD}\n\ncé")
        #expect(result.map.sourceRange(of: 1..<4) == 1..<2)
        #expect(result.map.sourceRange(of: 5..<8) == 3..<5)
        #expect(result.map.sourceRange(of: 10..<13) == 8..<11)
        #expect(result.blocks.map(\.range) == [0..<8, 10..<13])
        #expect(result.blocks.map { String(result.text(of: $0)) } == ["a\u{FFFD}b\u{FFFD}", "cé"])
    }

    @Test("a span found later in the text is reported at the same words in the source")
    func spanInSourceCoordinates() {
        let html = "<p>Le caf&eacute; de <b>São Paulo</b> ouvre&nbsp;à 8&nbsp;h.</p>"
        var doc = Document(id: "p.html", text: html)
        let result = HTMLTextExtractor().extract(html)
        doc.replaceText(result.text, mapping: result.map)
        #expect(doc.text == "Le café de São Paulo ouvre\u{A0}à 8\u{A0}h.")
        let start = doc.text.utf8.count - "café de São Paulo ouvre\u{A0}à 8\u{A0}h.".utf8.count
        let span = Span(start: start, end: start + "café de São Paulo".utf8.count)
        #expect(slice(html, doc.sourceRange(of: span)) == "caf&eacute; de <b>São Paulo")
    }
}
