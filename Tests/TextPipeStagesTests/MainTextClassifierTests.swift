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
