import Testing
@testable import TextPipeStages

@Suite("Main-text classifier")
struct MainTextClassifierTests {
    typealias Block = MainTextClassifier.Block

    static let prose1 = "The council said on Tuesday that the new bridge would open to traffic in the spring, after two years of delays that had been blamed on the weather and on a shortage of steel."
    static let prose2 = "Residents who live near the river told reporters that they were relieved, but some of them said they would wait to see whether the promised bus routes were restored as well."
    static let prose3 = "Engineers have been testing the structure for several weeks, and the final inspection is expected to take place at the end of the month, officials said in a statement."

    func article(_ path: [String] = ["html", "body", "article", "p"]) -> [Block] {
        [Block(text: Self.prose1[...], tagPath: path), Block(text: Self.prose2[...], tagPath: path),
         Block(text: Self.prose3[...], tagPath: path)]
    }

    @Test("prose paragraphs are kept; a navigation menu and a footer are dropped")
    func proseAndFurniture() {
        let nav = Block(text: "Home News Sport Weather Business", linkCharacters: 30, tagPath: ["html", "body", "nav", "ul", "li"])
        let footer = Block(text: "© 2026 Example Media. All rights reserved.", tagPath: ["html", "body", "footer", "p"])
        let keep = MainTextClassifier().classify([nav] + article() + [footer])
        #expect(keep == [false, true, true, true, false])
    }

    @Test("class and id words mark furniture even in a plain div; words inside other words do not")
    func hints() {
        let share = Block(text: "Share this story with your friends on social media and by email today",
                          tagPath: ["html", "body", "article", "div", "div"], hints: ["share-bar"])
        let comments = Block(text: Self.prose1[...], tagPath: ["html", "body", "article", "div", "p"], hints: ["comment-list", "commentBody"])
        let navy = Block(text: Self.prose2[...], tagPath: ["html", "body", "article", "div", "p"], hints: ["navy-theme"])
        let keep = MainTextClassifier().classify(article() + [navy, share, comments])
        #expect(keep == [true, true, true, true, false, false])
        #expect(MainTextClassifier.matchesWord("site-footer", "footer"))
        #expect(MainTextClassifier.matchesWord("commentList", "comment"))
        #expect(!MainTextClassifier.matchesWord("navy", "nav"))
        #expect(!MainTextClassifier.matchesWord("bioscience", "bio"))
    }

    @Test("a heading and a short line between paragraphs belong to the article")
    func headingsAndShortBlocks() {
        let heading = Block(text: "Bridge to reopen in spring", tagPath: ["html", "body", "article", "h1"], isHeading: true)
        let short = Block(text: "Traffic will be limited.", tagPath: ["html", "body", "article", "p"])
        let blocks = [heading, article()[0], short, article()[1]]
        #expect(MainTextClassifier().classify(blocks) == [true, true, true, true])
    }

    @Test("a list of links is dropped even inside the article; a list of prose items is kept")
    func lists() {
        let related = (0..<4).map { i in
            Block(text: "Related story number \(i) about something else"[...], linkCharacters: 40,
                  tagPath: ["html", "body", "article", "ul", "li"], isListItem: true)
        }
        let items = ["The first stage opens the north lane to buses and bicycles only.",
                     "The second stage, due in May, opens both lanes to all traffic."].map {
            Block(text: $0[...], tagPath: ["html", "body", "article", "ul", "li"], isListItem: true)
        }
        let blocks = [article()[0]] + items + [article()[1]] + related
        let keep = MainTextClassifier().classify(blocks)
        #expect(keep == [true, true, true, true, false, false, false, false])
    }

    @Test("a page with one short paragraph keeps it rather than returning nothing")
    func shortPage() {
        let notice = Block(text: "The office is closed today.", tagPath: ["html", "body", "p"])
        let nav = Block(text: "Home About", linkCharacters: 10, tagPath: ["html", "body", "nav", "a"])
        #expect(MainTextClassifier().classify([nav, notice]) == [false, true])
    }
}

/// Builds a page tree and its blocks in document order, for the tests of the container rules.
struct TestPage {
    var elements: [MainTextClassifier.Element] = []
    var blocks: [MainTextClassifier.Block] = []

    mutating func element(_ tag: String, in parent: Int, classes: String = "", id: String = "") -> Int {
        elements.append(MainTextClassifier.Element(parent: parent, tag: tag, id: id, classes: classes))
        return elements.count - 1
    }

    /// A block of text in a new `tag` element inside `parent`; returns the block's index.
    @discardableResult
    mutating func block(_ text: String, _ tag: String = "p", in parent: Int, classes: String = "", links: Int = 0) -> Int {
        let e = element(tag, in: parent, classes: classes)
        blocks.append(MainTextClassifier.Block(text: text[...], linkCharacters: links, isHeading: tag.count == 2 && tag.hasPrefix("h"),
                                               isListItem: tag == "li", element: e))
        return blocks.count - 1
    }

    func kept(title: String? = nil) -> [String] {
        let keep = MainTextClassifier().classify(blocks, elements: elements, title: title?[...])
        return zip(blocks, keep).filter(\.1).map { String($0.0.text) }
    }
}

@Suite("Main-text classifier: the article's container")
struct MainTextContainerTests {
    static let article = [
        "The council said on Tuesday that the new bridge would open to traffic in the spring, after two years of delays that had been blamed on the weather and on a shortage of steel.",
        "Residents who live near the river told reporters that they were relieved, but some of them said they would wait to see whether the promised bus routes were restored as well.",
        "Engineers have been testing the structure for several weeks, and the final inspection is expected to take place at the end of the month, officials said in a statement.",
    ]
    static let comments = [
        "I have lived by this river for forty years and I can tell you that nobody here believes a word of it until the first bus actually crosses, because we have been promised this before.",
        "Two years late and nobody has been held responsible for any of it, which is exactly what happens every time the council is in charge of a project that is bigger than a roundabout.",
        "My daughter cycles to school over the old footbridge and it has been a nightmare in the winter, so for us this cannot come soon enough, whatever it ended up costing in the end.",
    ]

    @Test("a furniture word on an element around the whole page does not hide the article")
    func enclosingHints() {
        var page = TestPage()
        let body = page.element("body", in: -1)
        let wrap = page.element("div", in: body, classes: "content-sidebar-wrap site-inner")
        let main = page.element("main", in: wrap, classes: "content")
        for p in Self.article { page.block(p, in: main) }
        let side = page.element("aside", in: wrap, classes: "sidebar")
        page.block("I write about bridges, ferries and the people who use them, and I have done so for twenty years.", in: side)
        #expect(page.kept() == Self.article)
    }

    @Test("comments without furniture hints, each in a wrapper of its own, lose to the article's paragraphs")
    func unhintedComments() {
        var page = TestPage()
        let body = page.element("body", in: -1)
        let story = page.element("div", in: body, classes: "x1")
        for p in Self.article { page.block(p, in: story) }
        let thread = page.element("div", in: body, classes: "x2")
        for c in Self.comments {
            let reply = page.element("div", in: thread, classes: "x3")
            page.block("reader", "div", in: reply, classes: "x4")
            page.block(c, "div", in: reply, classes: "x5")
        }
        #expect(page.kept() == Self.article)
    }

    @Test("the other posts of a thread are kept with the one that scored best")
    func threadPosts() {
        var page = TestPage()
        let body = page.element("body", in: -1)
        let posts = page.element("div", in: body, id: "posts")
        for (i, c) in (Self.article + Self.comments).enumerated() {
            let post = page.element("div", in: posts, classes: "post bg\(i % 2)")
            page.block("user\(i)", "div", in: post, classes: "author", links: 5)
            let text = page.element("div", in: post, classes: "content")
            page.block(c, in: text)
        }
        #expect(page.kept() == Self.article + Self.comments)
    }

    @Test("a grid of teasers inside the article is dropped, a list in it is kept")
    func teaserGrid() {
        var page = TestPage()
        let body = page.element("body", in: -1)
        let article = page.element("article", in: body)
        for p in Self.article { page.block(p, in: article) }
        let list = page.element("ul", in: article)
        page.block("• The north lane opens to buses and bicycles first.", "li", in: list)
        page.block("• Both lanes open to all traffic in May.", "li", in: list)
        page.block(Self.article[0], in: article)
        let grid = page.element("div", in: article, classes: "story-list")
        for c in Self.comments.prefix(2) {
            let card = page.element("div", in: grid, classes: "card")
            page.block("Another story", "h3", in: card, links: 13)
            page.block(c, in: card)
        }
        #expect(page.kept() == Self.article + ["• The north lane opens to buses and bicycles first.",
                                               "• Both lanes open to all traffic in May.", Self.article[0]])
    }

    @Test("the block that matches the title is the headline; the kicker above it is not kept")
    func headline() {
        var page = TestPage()
        let body = page.element("body", in: -1)
        let article = page.element("article", in: body)
        page.block("Transport", "div", in: article, classes: "kicker")
        page.block("Bridge to reopen in spring after two years of delays", "h1", in: article)
        page.block("By A. Writer, 3 March", "div", in: article, classes: "byline")
        for p in Self.article { page.block(p, in: article) }
        #expect(page.kept(title: "Bridge to reopen in spring after two years of delays | The Courier")
            == ["Bridge to reopen in spring after two years of delays"] + Self.article)
    }

    @Test("the container right after the headline wins over a longer prose footer")
    func headlineBeforeFooter() {
        var page = TestPage()
        let body = page.element("body", in: -1)
        let item = page.element("div", in: body, classes: "item")
        page.block("Library opens on Sundays", "h2", in: item)
        for p in Self.article.prefix(2) { page.block(p, in: item) }
        let about = page.element("div", in: body, classes: "zone")
        for c in Self.comments { page.block(c, in: about) }
        #expect(page.kept(title: "Library opens on Sundays - Parish News") == ["Library opens on Sundays"] + Self.article.prefix(2))
    }

    @Test("a page without English stop words is judged by length and links")
    func otherLanguages() {
        let german = [
            "Die neue Brücke für Radfahrer und Fußgänger über die Wern soll nach Angaben des Landratsamts Ende Oktober freigegeben werden.",
            "Bei Probebohrungen zeigte sich, dass der Boden am östlichen Ufer deutlich weicher ist als angenommen.",
            "Die Mehrkosten von rund 380.000 Euro teilen sich der Landkreis und die beteiligten Gemeinden.",
        ]
        var page = TestPage()
        let body = page.element("body", in: -1)
        let nav = page.element("nav", in: body)
        page.block("Lokales Region Sport Kultur", "div", in: nav, links: 26)
        let text = page.element("div", in: body, classes: "artikeltext")
        for p in german { page.block(p, in: text) }
        #expect(page.kept() == german)
    }

    @Test("class words are matched as words: separators, camelCase, CSS-module names")
    func classWords() {
        #expect(MainTextClassifier.matchesWord("Comments_root__x1Rt", "comments"))
        #expect(MainTextClassifier.matchesWord("sidebarWidget", "widget"))
        #expect(MainTextClassifier.matchesWord("most-read-list", "most-read"))
        #expect(!MainTextClassifier.matchesWord("mostly-reading", "most-read"))
        #expect(!MainTextClassifier.matchesWord("NAVY", "nav"))
        #expect(!MainTextClassifier.matchesWord("header", "ad"))
    }
}
