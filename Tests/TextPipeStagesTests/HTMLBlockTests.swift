import Testing
import TextPipe
@testable import TextPipeStages

@Suite("HTML text blocks")
struct HTMLBlockTests {
    static let page = """
        <html><body>
        <nav id="top" class="menu main-menu"><a href="/">Home</a> | <a href="/world">World</a></nav>
        <div class="content"><article><h1>Tide tables</h1>
        <p>High tide is at <a href="/t">6:12</a> today.</p>
        <p>Low tide follows at 12:30.</p>
        <ul class="related"><li><a href="/a">Storm warning</a></li></ul>
        </article></div>
        <footer><p>Contact us</p></footer>
        </body></html>
        """

    @Test("each block records its element, path, ids and classes, text and link text")
    func records() {
        let result = HTMLTextExtractor().extract(Self.page)
        let blocks = result.blocks
        #expect(blocks.map { String(result.text(of: $0)) }
            == ["Home | World", "Tide tables", "High tide is at 6:12 today.", "Low tide follows at 12:30.",
                "• Storm warning", "Contact us"])
        #expect(blocks.map(\.element) == [.nav, .h1, .p, .p, .li, .p])
        #expect(result.path(of: blocks[0]) == "html>body>nav#top.menu.main-menu")
        #expect(result.classesAndIDs(of: blocks[0]) == "top menu main-menu")
        #expect(result.path(of: blocks[2]) == "html>body>div.content>article>p")
        #expect(result.classesAndIDs(of: blocks[2]) == "content")
        #expect(result.path(of: blocks[4]) == "html>body>div.content>article>ul.related>li")
        #expect(result.classesAndIDs(of: blocks[4]) == "content related")
        #expect(blocks[0].characters == 12 && blocks[0].linkCharacters == 9)
        #expect(blocks[2].characters == 27 && blocks[2].linkCharacters == 4)
        #expect(blocks[3].linkCharacters == 0 && blocks[3].linkDensity == 0)
        #expect(blocks[4].linkCharacters == 13)
        #expect(blocks.map(\.newlinesBefore) == [0, 2, 2, 2, 2, 2])
    }

    @Test("characters count code points, not bytes")
    func characters() {
        let result = HTMLTextExtractor().extract("<p>東京 <a href=x>é🌍</a></p>")
        #expect(result.blocks.map(\.characters) == [5])
        #expect(result.blocks.map(\.linkCharacters) == [2])
    }

    @Test("dropping blocks rebuilds the text with one separator and offsets into the source")
    func keeping() {
        let result = HTMLTextExtractor().extract(Self.page)
        let keep = [false, true, true, false, false, false]
        let (text, map) = result.text(keeping: keep)
        #expect(text == "Tide tables\n\nHigh tide is at 6:12 today.")
        for range in wordRanges(text) {
            let word = slice(text, range)
            #expect(visibleText(ofSource: slice(Self.page, map.sourceRange(of: range))) == word)
        }
        let skipping = result.text(keeping: [true, false, true, false, true, false])
        #expect(skipping.text == "Home | World\n\nHigh tide is at 6:12 today.\n\n• Storm warning")
        for range in wordRanges(skipping.text) where slice(skipping.text, range) != "•" {
            let word = slice(skipping.text, range)
            #expect(visibleText(ofSource: slice(Self.page, skipping.map.sourceRange(of: range))) == word)
        }
        #expect(result.text(keeping: Array(repeating: false, count: 6)).text == "")
    }

    @Test("the separator across a dropped block is the strongest one it spanned")
    func strongestSeparator() {
        let html = "<ul><li>a</li><li>b</li></ul><p>c</p>"
        let result = HTMLTextExtractor(options: .init(compactLists: true)).extract(html)
        #expect(result.text == "• a\n• b\n\nc")
        #expect(result.text(keeping: [true, false, true]).text == "• a\n\nc")
        #expect(result.text(keeping: [false, true, true]).text == "• b\n\nc")
        #expect(result.text(keeping: [true, true, false]).text == "• a\n• b")
    }

    @Test("a line break splits a block only when it makes a blank line")
    func lineBreaks() {
        let result = HTMLTextExtractor().extract("<p>one<br>two<br><br>three</p>")
        #expect(result.blocks.map { String(result.text(of: $0)) } == ["one\ntwo", "three"])
        #expect(result.blocks.map(\.newlinesBefore) == [0, 2])
    }

    @Test("body content closes an open head, so head never appears in a block's path")
    func headClosed() {
        let result = HTMLTextExtractor().extract("<html><head><title>t</title><div class=x><p>Body text")
        #expect(result.blocks.map(result.path(of:)) == ["html>div.x>p"])
        #expect(result.metadata["title"] == "t")
    }

    @Test("text outside any element has an empty path")
    func fragment() {
        let result = HTMLTextExtractor().extract("loose <b>text</b>")
        #expect(result.blocks.count == 1)
        #expect(result.path(of: result.blocks[0]) == "" && result.blocks[0].element == .other)
    }
}
