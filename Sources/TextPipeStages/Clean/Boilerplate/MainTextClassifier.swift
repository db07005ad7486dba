/// Decides which blocks of a web page are its main text. It combines a paragraph
/// classifier in the spirit of jusText (length, link density, stop-word density, and
/// the neighbours of short blocks) with what the DOM says: the tags and the class and id
/// names of a block's ancestors (`nav`, `footer`, `comment`, `share`, `article`, …).
public struct MainTextClassifier: Sendable {
    /// What the classifier needs to know about one block of text.
    public struct Block: Sendable {
        public var text: Substring
        /// Characters of the block's text inside links.
        public var linkCharacters: Int
        /// Lower-cased tag names from the root to the block element (`["html","body","article","p"]`).
        public var tagPath: [String]
        /// Lower-cased class and id values of the block element and its ancestors.
        public var hints: [String]
        public var isHeading: Bool
        /// A list item (`li`, `dt`, `dd`): judged with its neighbours, since items are short.
        public var isListItem: Bool

        public init(text: Substring, linkCharacters: Int = 0, tagPath: [String] = [], hints: [String] = [],
                    isHeading: Bool = false, isListItem: Bool = false)
        {
            self.text = text
            self.linkCharacters = linkCharacters
            self.tagPath = tagPath
            self.hints = hints
            self.isHeading = isHeading
            self.isListItem = isListItem
        }
    }

    enum Kind { case good, nearGood, short, bad }

    public init() {}

    static let boilerplateTags: Set<String> = ["nav", "footer", "aside", "form", "button", "menu", "select", "label"]
    static let contentTags: Set<String> = ["article", "main"]
    /// Class or id fragments of page furniture.
    static let negativeHints = [
        "nav", "menu", "footer", "foot", "header", "masthead", "sidebar", "side-bar", "aside", "widget", "comment",
        "share", "sharing", "social", "related", "recommend", "promo", "advert", "sponsor", "cookie", "consent",
        "banner", "newsletter", "subscribe", "signup", "breadcrumb", "pagination", "pager", "tags", "tag-list",
        "byline-social", "popular", "trending", "most-read", "outbrain", "taboola", "disqus", "login", "modal",
        "popup", "skip", "toolbar", "author-bio", "bio", "more-stories", "read-more", "footer-links",
    ]
    static let positiveHints = ["article", "content", "story", "post-body", "entry", "main", "text", "body", "post"]

    /// Which blocks to keep.
    public func classify(_ blocks: [Block]) -> [Bool] {
        let initial = blocks.map(initialKind)
        var kinds = initial
        reviseShortBlocks(&kinds)
        var keep = kinds.map { $0 == .good }
        keepHeadingsAndItemsNearContent(blocks, &keep)
        // A page with no block judged good (a short notice, a one-paragraph page): keep
        // what is not clearly furniture rather than return nothing.
        if !keep.contains(true) {
            keep = zip(blocks, initial).map { block, kind in kind != .bad && !hasNegativeContext(block) }
        }
        return keep
    }

    func hasNegativeContext(_ block: Block) -> Bool {
        // Tags between the content root and the block: a nav inside an article is still a nav.
        if block.tagPath.contains(where: Self.boilerplateTags.contains) { return true }
        if block.tagPath.contains("header") && !block.tagPath.contains(where: Self.contentTags.contains) { return true }
        return block.hints.contains { hint in Self.negativeHints.contains { Self.matchesWord(hint, $0) } }
    }

    func hasPositiveContext(_ block: Block) -> Bool {
        block.tagPath.contains(where: Self.contentTags.contains)
            || block.hints.contains { hint in Self.positiveHints.contains { Self.matchesWord(hint, $0) } }
    }

    /// Whether `fragment` occurs in a class/id value as a word (`site-footer`, `footer_links`,
    /// `commentList`), not inside another word (`navy`, `bioscience`).
    static func matchesWord(_ value: String, _ fragment: String) -> Bool {
        var search = value[...]
        while let r = search.range(of: fragment) {
            let before = r.lowerBound == value.startIndex ? nil : value[value.index(before: r.lowerBound)]
            let after = r.upperBound == value.endIndex ? nil : value[r.upperBound]
            let startOK = before.map { !$0.isLetter || $0.isUppercase } ?? true
            let endOK = after.map { !$0.isLowercase } ?? true
            if startOK && endOK { return true }
            search = value[r.upperBound...]
        }
        return false
    }

    func initialKind(_ block: Block) -> Kind {
        let length = block.text.unicodeScalars.count
        let linkDensity = length > 0 ? Double(block.linkCharacters) / Double(length) : 0
        let (words, stops) = EnglishStopwords.density(of: block.text)
        let stopDensity = words > 0 ? Double(stops) / Double(words) : 0
        let negative = hasNegativeContext(block)
        let positive = hasPositiveContext(block)
        if linkDensity > 0.33 { return .bad }
        if block.text.contains("©") || block.text.lowercased().contains("all rights reserved") { return .bad }
        if negative {
            // Furniture keeps its verdict unless the block is unmistakably prose.
            return length > 400 && stopDensity > 0.32 && linkDensity < 0.1 ? .nearGood : .bad
        }
        if length < 70 { return linkDensity > 0 ? .bad : .short }
        if stopDensity >= 0.30 && length > 200 { return .good }
        if stopDensity >= (positive ? 0.22 : 0.28) { return positive ? .good : .nearGood }
        return positive && length > 140 ? .nearGood : .bad
    }

    /// Short and near-good blocks take the verdict of their surroundings, as in jusText:
    /// a short block between good ones is part of the text, one between bad ones is not.
    func reviseShortBlocks(_ kinds: inout [Kind]) {
        func neighbour(_ i: Int, _ step: Int, _ kinds: [Kind]) -> Kind {
            var j = i + step
            while j >= 0 && j < kinds.count {
                if kinds[j] == .good || kinds[j] == .bad { return kinds[j] }
                j += step
            }
            return .bad
        }
        let snapshot = kinds
        for i in kinds.indices where snapshot[i] == .short {
            let prev = neighbour(i, -1, snapshot), next = neighbour(i, 1, snapshot)
            kinds[i] = prev == .good && next == .good ? .good : (prev == .bad && next == .bad ? .bad : .nearGood)
        }
        let second = kinds
        for i in kinds.indices where second[i] == .nearGood {
            let prev = neighbour(i, -1, second), next = neighbour(i, 1, second)
            kinds[i] = prev == .good || next == .good ? .good : .bad
        }
    }

    /// A heading or list item right before good text (or a list item within it) belongs to it.
    func keepHeadingsAndItemsNearContent(_ blocks: [Block], _ keep: inout [Bool]) {
        for i in blocks.indices where !keep[i] && (blocks[i].isHeading || blocks[i].isListItem) && !hasNegativeContext(blocks[i]) {
            guard blocks[i].linkCharacters * 2 < max(1, blocks[i].text.count) else { continue }
            var j = i + 1
            var distance = 0
            while j < blocks.count && distance < 300 {
                if keep[j] { keep[i] = true; break }
                if !(blocks[j].isHeading || blocks[j].isListItem) { break }
                distance += blocks[j].text.count
                j += 1
            }
            if blocks[i].isListItem && i > 0 && keep[i - 1] && (i + 1 < blocks.count && keep[i + 1] || blocks[i].text.count > 30) {
                keep[i] = true
            }
        }
    }
}
