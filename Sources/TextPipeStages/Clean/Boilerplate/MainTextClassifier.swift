/// Decides which blocks of a web page are its main text.
///
/// It works in three steps, each linear in the number of blocks times the depth of the page:
///
/// 1. **Where the article is.** Every prose-like block adds a score to the elements around
///    it, as Readability does: its container in full, the one above by half, further ones
///    less. A container's score is discounted by its link density and by furniture hints in
///    its class or id (`comment`, `sidebar`, `related`, …) or tag (`nav`, `aside`, `footer`).
///    The best container is where the article's paragraphs stand side by side; comments,
///    teasers and forum posts each stand in a wrapper of their own, so they rarely win.
/// 2. **The region around it.** From that container the region widens to enclosing
///    elements while they add little prose of their own (a headline, a byline, a share bar)
///    and stops below the element that joins it to other prose (comments, a teaser grid, a
///    sidebar). Repeated siblings of the same kind join it: the other posts of a thread, the
///    other entries of a live blog, the other parts of an article split by advertisements.
/// 3. **Block verdicts.** Inside the region, a jusText-style classifier judges each block by
///    length, link density and stop-word density, drops blocks under furniture hints that
///    lie below the region (a share bar inside the article, an advertisement slot), and lets
///    short blocks take the verdict of their neighbours. Outside the region only the
///    headline (the block that matches the page title) and prose between it and the region
///    (a standfirst) are kept.
///
/// Hints on the elements that enclose the article do not count against it: a theme's
/// `content-sidebar-wrap` around the whole page is not a sidebar.
public struct MainTextClassifier: Sendable {
    /// What the classifier needs to know about one block of text.
    public struct Block: Sendable {
        public var text: Substring
        /// Characters of the block's text inside links.
        public var linkCharacters: Int
        /// Lower-cased tag names from the root to the block element (`["html","body","article","p"]`).
        /// Used when `classify` is given no elements.
        public var tagPath: [String]
        /// Class and id values of the block element and its ancestors, as written. Used when
        /// `classify` is given no elements.
        public var hints: [String]
        public var isHeading: Bool
        /// A list item (`li`, `dt`, `dd`): judged with its neighbours, since items are short.
        public var isListItem: Bool
        /// The block's element in the elements given to `classify`, or -1.
        public var element: Int

        public init(text: Substring, linkCharacters: Int = 0, tagPath: [String] = [], hints: [String] = [],
                    isHeading: Bool = false, isListItem: Bool = false, element: Int = -1)
        {
            self.text = text
            self.linkCharacters = linkCharacters
            self.tagPath = tagPath
            self.hints = hints
            self.isHeading = isHeading
            self.isListItem = isListItem
            self.element = element
        }
    }

    /// An element of the page that holds blocks, or an ancestor of one.
    public struct Element: Sendable {
        /// The index of the enclosing element, which comes before this one; -1 for the root.
        public var parent: Int
        /// The lower-case tag name.
        public var tag: String
        /// The element's own id, as written (case marks word starts: `commentList`).
        public var id: String
        /// The element's own classes, space-separated, as written.
        public var classes: String

        public init(parent: Int, tag: String, id: String = "", classes: String = "") {
            self.parent = parent
            self.tag = tag
            self.id = id
            self.classes = classes
        }

        /// Its first class: with the tag, what makes siblings "of the same kind".
        var firstClass: Substring {
            classes.utf8.firstIndex(of: 0x20).map { classes[..<$0] } ?? classes[...]
        }
    }

    enum Kind { case good, nearGood, short, bad }

    public init() {}

    static let boilerplateTags: Set<String> = [
        "nav", "footer", "aside", "form", "button", "menu", "select", "label", "dialog", "figcaption",
    ]
    static let contentTags: Set<String> = ["article", "main"]
    /// Elements that are not containers of their own: a paragraph inside them counts for the
    /// container around them (list, quote and table structure, inline elements).
    static let transparentTags: Set<String> = [
        "ul", "ol", "dl", "li", "dt", "dd", "blockquote", "figure", "table", "tbody", "thead", "tfoot", "tr",
        "a", "span", "b", "i", "em", "strong", "font", "small", "big", "u", "s", "sub", "sup", "code", "tt",
        "nobr", "strike", "var", "ruby", "hgroup", "center",
    ]
    /// Class or id words of page furniture.
    static let negativeHints = [
        "nav", "navbar", "navigation", "menu", "footer", "foot", "masthead", "sidebar", "side-bar", "aside",
        "widget", "comment", "comments", "discussion", "reply", "replies", "respond", "share", "sharing", "social",
        "related", "recommend", "recommended", "promo", "promoted", "advert", "advertisement", "ad", "ads",
        "sponsor", "sponsored", "cookie", "consent", "banner", "alert", "newsletter", "subscribe", "signup",
        "breadcrumb", "breadcrumbs", "crumbs", "pagination", "pager", "tags", "tag-list", "popular", "trending",
        "most-read", "latest", "outbrain", "taboola", "disqus", "login", "signin", "account", "modal", "popup",
        "overlay", "skip", "toolbar", "topbar", "bar", "author-bio", "bio", "contributor", "byline", "meta",
        "dateline", "timestamp", "caption", "credit", "pullquote", "pull-quote", "more", "also", "teaser",
        "teasers", "signature", "references", "reflist", "copyright", "legal", "colophon", "donate", "paywall", "disclosure", "feedback",
        "vote", "toc", "infobox", "print", "jump", "contact",
    ]
    static let positiveHints = [
        "article", "content", "story", "post-body", "entry", "main", "text", "body", "post", "prose",
    ]
    /// Class words of layout wrappers: a value with one of these and both kinds of hint
    /// (`content-sidebar-wrap`) is layout, not furniture.
    static let wrapperHints = ["wrap", "wrapper", "container", "inner", "outer", "site", "page", "layout", "holder"]

    /// Which blocks to keep. `elements` is the page's tree (as `HTMLText.elements` gives
    /// it); without it the tree is rebuilt from each block's tag path. `title` is the
    /// page's title, which helps find the headline.
    public func classify(_ blocks: [Block], elements: [Element] = [], title: Substring? = nil) -> [Bool] {
        guard !blocks.isEmpty else { return [] }
        var blocks = blocks
        let tree = PageTree(elements.isEmpty ? Self.elements(fromPaths: &blocks) : elements)
        var features = blocks.map { BlockFeatures($0, tree: tree) }
        var keep = Array(repeating: false, count: blocks.count)
        // Stop words are English ones. On a page in another language (or one without
        // sentences) they say nothing, and blocks are judged by length and links alone, as
        // jusText does without a stop list.
        var words = 0, stops = 0
        for f in features where f.linkDensity < 0.5 && f.length >= 30 {
            words += f.words
            stops += f.stopwords
        }
        if words > 0 && Double(stops) < 0.12 * Double(words) {
            for i in features.indices { features[i].judgeWithoutStopWords() }
        }

        let titleScores = Self.titleScores(blocks, features, title: title)
        // The blocks that most likely are the headline: the closest matches to the title,
        // if they are close (a site name in the title matches less of it).
        let candidates = blocks.indices.filter { titleScores[$0] >= 0.8 && !tree.inBoilerplateTag(blocks[$0].element) }
        let bestTitleScore = candidates.map { titleScores[$0] }.max() ?? 1
        let headlines = candidates.filter { titleScores[$0] >= bestTitleScore - 0.05 }
        guard let top = tree.topContainer(blocks, features, following: headlines) else {
            return fallback(blocks, features, tree)
        }
        let region = tree.region(around: top, blocks, features)
        let inRegion = blocks.map { region.contains($0.element) }
        let furniture = blocks.map { region.hasFurniture(above: $0.element) }
        let topAncestors = tree.ancestorsAndSelf(of: top)
        // Where the article proper starts: its container's first block (the region may have
        // widened above the headline), and the headline near it. Nothing before the
        // headline is main text: that is the site's header, menus, breadcrumbs and kickers.
        let anchor = blocks.indices.first { region.isInUnit(blocks[$0].element) }
        let headline = anchor.flatMap {
            self.headline(blocks, features, near: $0, titleScores: titleScores, tree: tree, topAncestors: topAncestors)
        }

        var kinds = blocks.indices.map { i -> Kind in
            guard inRegion[i] else { return .bad }
            let kind = regionKind(blocks[i], features[i], furniture: furniture[i], tree: tree)
            // Before the headline only a real paragraph of the article survives.
            if let headline, i < headline { return kind == .good && features[i].weight >= 4 ? .good : .bad }
            return kind
        }
        reviseShortBlocks(&kinds)
        for i in blocks.indices { keep[i] = kinds[i] == .good }
        keepHeadingsAndItemsNearContent(blocks, features, &keep, inRegion: { inRegion[$0] && $0 >= (headline ?? 0) },
                                        furniture: { furniture[$0] })
        keepWholeLists(blocks, features, &keep, tree: tree, eligible: { inRegion[$0] && !furniture[$0] })

        // The headline and what stands between it and the article (a standfirst).
        if let headline, let anchor {
            keep[headline] = true
            for i in (headline + 1)..<max(headline + 1, anchor) where !keep[i] {
                let f = features[i]
                keep[i] = f.length >= 70 && f.linkDensity < 0.2
                    && f.stopDensity >= 0.32 && !f.isBoilerplatePhrase
                    && !tree.hasFurniture(outside: topAncestors, from: blocks[i].element)
            }
        }
        if !keep.contains(true) { return fallback(blocks, features, tree) }
        return keep
    }

    /// The verdict on a block inside the region, before its neighbours are considered.
    func regionKind(_ block: Block, _ f: BlockFeatures, furniture: Bool, tree: PageTree) -> Kind {
        if furniture || f.isBoilerplatePhrase { return .bad }
        // Long prose may link a good deal of its words (an encyclopedia's paragraphs do); a
        // shorter block that is a third links is a link list.
        if f.linkDensity > (f.length >= 200 && f.stopDensity >= 0.3 ? 0.5 : 0.33) { return .bad }
        if block.isHeading { return .short }
        // Code and other preformatted text has few stop words but belongs to the text around it.
        if block.element >= 0 && tree.elements[block.element].tag == "pre" { return .nearGood }
        if f.length < 70 { return f.linkCharacters > 0 ? .bad : .short }
        if f.stopDensity >= 0.22 { return .good }
        if f.stopDensity >= 0.12 || f.length > 200 { return .nearGood }
        return .bad
    }

    /// A page where no container stands out (or nothing in it survives): jusText verdicts
    /// with furniture hints anywhere above a block, and failing that whatever is not
    /// clearly furniture, rather than nothing.
    func fallback(_ blocks: [Block], _ features: [BlockFeatures], _ tree: PageTree) -> [Bool] {
        let initial = blocks.indices.map { i -> Kind in
            let f = features[i]
            if tree.hasFurniture(outside: [], from: blocks[i].element) || f.isBoilerplatePhrase || f.linkDensity > 0.33 {
                return .bad
            }
            if f.length < 70 { return f.linkCharacters > 0 ? .bad : .short }
            if f.stopDensity >= 0.28 { return f.length > 200 ? .good : .nearGood }
            return f.stopDensity >= 0.2 ? .nearGood : .bad
        }
        var kinds = initial
        reviseShortBlocks(&kinds)
        var keep = kinds.map { $0 == .good }
        keepHeadingsAndItemsNearContent(blocks, features, &keep, inRegion: { _ in true },
                                        furniture: { tree.hasFurniture(outside: [], from: blocks[$0].element) })
        if !keep.contains(true) {
            keep = blocks.indices.map { i in initial[i] != .bad }
        }
        return keep
    }

    /// Short and near-good blocks take the verdict of their surroundings, as in jusText: a
    /// short block between good ones is part of the text, one between bad ones is not, and
    /// one between a good and a bad block is kept only when a near-good block stands
    /// between it and the bad one.
    func reviseShortBlocks(_ kinds: inout [Kind]) {
        func neighbour(_ i: Int, _ step: Int, _ kinds: [Kind], ignoringNearGood: Bool) -> Kind {
            var j = i + step
            while j >= 0 && j < kinds.count {
                if kinds[j] == .good || kinds[j] == .bad || (!ignoringNearGood && kinds[j] == .nearGood) { return kinds[j] }
                j += step
            }
            return .bad
        }
        let snapshot = kinds
        for i in kinds.indices where snapshot[i] == .short {
            let prev = neighbour(i, -1, snapshot, ignoringNearGood: true)
            let next = neighbour(i, 1, snapshot, ignoringNearGood: true)
            if prev == next {
                kinds[i] = prev
            } else {
                let nearGoodOnBadSide = (prev == .bad && neighbour(i, -1, snapshot, ignoringNearGood: false) == .nearGood)
                    || (next == .bad && neighbour(i, 1, snapshot, ignoringNearGood: false) == .nearGood)
                kinds[i] = nearGoodOnBadSide ? .good : .bad
            }
        }
        let second = kinds
        for i in kinds.indices where second[i] == .nearGood {
            let prev = neighbour(i, -1, second, ignoringNearGood: true)
            let next = neighbour(i, 1, second, ignoringNearGood: true)
            kinds[i] = prev == .bad && next == .bad ? .bad : .good
        }
    }

    /// A heading or list item right before good text (or a list item within it) belongs to it.
    func keepHeadingsAndItemsNearContent(_ blocks: [Block], _ features: [BlockFeatures], _ keep: inout [Bool],
                                         inRegion: (Int) -> Bool, furniture: (Int) -> Bool)
    {
        for i in blocks.indices where !keep[i] && (blocks[i].isHeading || blocks[i].isListItem) && inRegion(i) && !furniture(i) {
            guard features[i].linkCharacters * 2 < max(1, features[i].characters), !features[i].isBoilerplatePhrase else { continue }
            var j = i + 1
            var distance = 0
            while j < blocks.count && distance < 300 {
                if keep[j] { keep[i] = true; break }
                if !(blocks[j].isHeading || blocks[j].isListItem) { break }
                distance += features[j].characters
                j += 1
            }
            if blocks[i].isListItem && i > 0 && keep[i - 1]
                && (i + 1 < blocks.count && keep[i + 1] || features[i].length > 30)
            {
                keep[i] = true
            }
        }
    }

    /// The items of a list share its verdict: when most of a list's items are kept, so are
    /// the rest (a short last item, an item of figures), unless they are mostly links.
    func keepWholeLists(_ blocks: [Block], _ features: [BlockFeatures], _ keep: inout [Bool], tree: PageTree,
                        eligible: (Int) -> Bool)
    {
        var i = 0
        while i < blocks.count {
            guard blocks[i].isListItem else { i += 1; continue }
            let list = tree.parent(blocks[i].element)
            var j = i
            while j < blocks.count && blocks[j].isListItem && tree.parent(blocks[j].element) == list { j += 1 }
            let kept = (i..<j).filter { keep[$0] }.count
            if kept * 2 >= j - i && kept > 0 {
                for k in i..<j where !keep[k] && eligible(k) && features[k].linkDensity < 0.5 && !features[k].isBoilerplatePhrase {
                    keep[k] = true
                }
            }
            i = j
        }
    }

    /// The block that is the page's headline: near the start of the article (`anchor`), the
    /// block whose words best match the page title, or else the last `h1` before the article.
    func headline(_ blocks: [Block], _ features: [BlockFeatures], near anchor: Int, titleScores: [Double], tree: PageTree,
                  topAncestors: Set<Int>) -> Int?
    {
        let lowest = max(0, anchor - 40), highest = min(blocks.count - 1, anchor + 10)
        func eligible(_ i: Int) -> Bool {
            features[i].characters <= 300 && (blocks[i].isHeading || features[i].linkDensity < 0.5)
                && !tree.hasFurniture(outside: topAncestors, from: blocks[i].element)
        }
        var best: (index: Int, score: Double)?
        for i in lowest...highest where titleScores[i] >= 0.6 && eligible(i) {
            let score = titleScores[i]
            if let b = best, score < b.score - 0.05 || (score <= b.score + 0.05 && abs(i - anchor) >= abs(b.index - anchor)) {
                continue
            }
            best = (i, score)
        }
        if let best { return best.index }
        return stride(from: anchor - 1, through: lowest, by: -1).first { i in
            blocks[i].element >= 0 && tree.elements[blocks[i].element].tag == "h1" && eligible(i)
        }
    }

    /// How well each short block matches the page title (0 to 1; 0 for long blocks). A
    /// headline may be a link to its own page (Q&A sites do that); other blocks may not.
    static func titleScores(_ blocks: [Block], _ features: [BlockFeatures], title: Substring?) -> [Double] {
        var scores = Array(repeating: 0.0, count: blocks.count)
        guard let title, !title.isEmpty else { return scores }
        // A part of the title must have three words to match on its own: "Latest updates"
        // is a subheading as often as a headline.
        let segments = titleSegments(title).enumerated().filter { $0.offset == 0 || $0.element.count >= 3 }.map(\.element)
        let longest = segments.map(\.count).max() ?? 0
        let titleCharacters = title.unicodeScalars.count
        var words: [UInt64] = []
        for i in blocks.indices {
            let f = features[i]
            guard f.characters <= min(300, 2 * titleCharacters + 20), blocks[i].isHeading || f.linkDensity < 0.5 else { continue }
            Self.words(blocks[i].text, into: &words)
            guard words.count >= 2, words.count <= 2 * longest + 2 else { continue }
            // Titles are short: a scan beats hashing.
            for segment in segments {
                var shared = 0
                for word in words where segment.contains(word) { shared += 1 }
                scores[i] = max(scores[i], Double(shared) / Double(max(words.count, segment.count)))
            }
        }
        return scores
    }

    static let titleSeparators: [[UInt8]] = ["|", "-", "–", "—", "·", "::", "»", "/", ":"].map { Array($0.utf8) }

    /// The words of a title and of each of its parts between separators (" | ", " - ", …),
    /// so that "Headline | Site" matches a headline of its own. A separator is a token of
    /// its own between spaces.
    static func titleSegments(_ title: Substring) -> [[UInt64]] {
        var whole: [UInt64] = [], parts: [[UInt64]] = [], current: [UInt64] = []
        for token in title.utf8.split(separator: 0x20) {
            if token.count <= 3 && titleSeparators.contains(where: { $0.elementsEqual(token) }) {
                if !current.isEmpty { parts.append(current) }
                current = []
                continue
            }
            let words = Self.words(Substring(token))
            whole += words
            current += words
        }
        if !current.isEmpty { parts.append(current) }
        return parts.count > 1 ? [whole] + parts : [whole]
    }

    /// The words of a text as hashes of their lower-cased bytes: runs of letters and digits
    /// (any non-ASCII character counts as a letter).
    static func words(_ text: Substring) -> [UInt64] {
        var words: [UInt64] = []
        Self.words(text, into: &words)
        return words
    }

    /// The same into a buffer that is emptied first. Works on bytes.
    static func words(_ text: Substring, into words: inout [UInt64]) {
        words.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var inWord = false
            for var b in bytes {
                if b &- 0x41 < 26 { b |= 0x20 }
                if b &- 0x61 < 26 || b &- 0x30 < 10 || b >= 0x80 {
                    hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3
                    inWord = true
                } else if inWord {
                    words.append(hash)
                    hash = 0xcbf2_9ce4_8422_2325
                    inWord = false
                }
            }
            if inWord { words.append(hash) }
        }
    }

    /// Whether `fragment` occurs in a class/id value as a word or run of words, ignoring
    /// case: `site-footer`, `footer_links`, `commentList`, `Comments_root__x1`, not inside
    /// another word (`navy`, `bioscience`).
    static func matchesWord(_ value: String, _ fragment: String) -> Bool {
        let words = hintWords(value), wanted = hintWords(fragment)
        guard !wanted.isEmpty, wanted.count <= words.count else { return false }
        return (0...(words.count - wanted.count)).contains { start in
            wanted.indices.allSatisfy { words[start + $0] == wanted[$0] }
        }
    }

    /// The words of a class or id value, lower-cased. Words end at anything that is not a
    /// letter or digit, and where a capital follows a lower-case letter (`commentList`).
    static func hintWords(_ value: String) -> [PackedWordSet.Word] {
        var words: [PackedWordSet.Word] = []
        forEachHintWord(value) { words.append($0) }
        return words
    }

    /// Calls `body` with each word of a class or id value (see `hintWords`), on bytes and
    /// without allocating: it runs on every element of every page.
    static func forEachHintWord(_ value: String, _ body: (PackedWordSet.Word) -> Void) {
        var current = PackedWordSet.Word()
        var previousLower = false
        for b in value.utf8 {
            let upper = b &- 0x41 < 26, lower = b &- 0x61 < 26
            if upper || lower || b &- 0x30 < 10 || b >= 0x80 {
                if upper && previousLower {
                    body(current)
                    current = PackedWordSet.Word()
                }
                current.append(upper ? b | 0x20 : b)
                previousLower = lower
            } else {
                if current.count > 0 { body(current) }
                current = PackedWordSet.Word()
                previousLower = false
            }
        }
        if current.count > 0 { body(current) }
    }

    /// What the words of one class or id value say about its element.
    struct HintVerdict {
        var negative = false
        var positive = false
        var answer = false
    }

    static let negativeTag: UInt8 = 1, positiveTag: UInt8 = 2, wrapperTag: UInt8 = 4, answerTag: UInt8 = 8

    /// Every hint word and two-word run (`most-read`, kept with its hyphen), tagged with the
    /// lists it is on.
    static let hintVocabulary = PackedWordSet(
        negativeHints.map { ($0, negativeTag) } + positiveHints.map { ($0, positiveTag) }
            + wrapperHints.map { ($0, wrapperTag) } + [("answer", answerTag), ("answers", answerTag)])

    static func verdict(_ hint: String) -> HintVerdict {
        var tags: UInt8 = 0
        var previous: PackedWordSet.Word?
        let vocabulary = hintVocabulary
        forEachHintWord(hint) { word in
            tags |= vocabulary.tag(word)
            if let previous { tags |= vocabulary.tag(previous.joined(UInt8(ascii: "-"), word)) }
            previous = word
        }
        var verdict = HintVerdict()
        let negative = tags & negativeTag != 0, positive = tags & positiveTag != 0
        // A layout wrapper named after both (`content-sidebar-wrap`) is neither.
        if negative && positive && tags & wrapperTag != 0 { return verdict }
        verdict.negative = negative
        verdict.positive = positive && !negative
        verdict.answer = tags & answerTag != 0
        return verdict
    }

    /// A tree made from tag paths, for callers that give none: blocks with the same path
    /// prefix share its elements, and each block's own element carries its hints.
    static func elements(fromPaths blocks: inout [Block]) -> [Element] {
        var elements: [Element] = []
        var children: [String: Int] = [:]
        for i in blocks.indices {
            var parent = -1
            for tag in blocks[i].tagPath.dropLast() {
                let key = "\(parent)>\(tag)"
                if let known = children[key] {
                    parent = known
                } else {
                    elements.append(Element(parent: parent, tag: tag))
                    children[key] = elements.count - 1
                    parent = elements.count - 1
                }
            }
            elements.append(Element(parent: parent, tag: blocks[i].tagPath.last ?? "", classes: blocks[i].hints.joined(separator: " ")))
            blocks[i].element = elements.count - 1
        }
        return elements
    }
}

/// What the classifier measures on a block's text. Works on bytes: it runs on every block.
struct BlockFeatures {
    static let rightsReserved = Array("all rights reserved".utf8)

    /// Whether a short text has a © or says "all rights reserved".
    static func isCopyrightLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var matched = 0
        var previous: UInt8 = 0
        for b in bytes {
            if previous == 0xC2 && b == 0xA9 { return true }
            previous = b
            let lower = b &- 0x41 < 26 ? b | 0x20 : b
            matched = lower == rightsReserved[matched] ? matched + 1 : (lower == rightsReserved[0] ? 1 : 0)
            if matched == rightsReserved.count { return true }
        }
        return false
    }

    var characters: Int
    /// The length that thresholds compare: code points, with a CJK character counting as
    /// three, since it carries about as much as a short word.
    var length: Int
    var words: Int
    var stopwords: Int
    var isHeading: Bool
    var linkCharacters: Int
    var linkDensity: Double
    var stopDensity: Double
    var commas: Int
    var isBoilerplatePhrase: Bool
    /// How much the block counts towards its container being the article (0 for headings,
    /// link lists and scraps).
    var weight: Double

    init(_ block: MainTextClassifier.Block, tree: PageTree) {
        var text = block.text
        self = text.withUTF8 { BlockFeatures(bytes: $0, block) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, _ block: MainTextClassifier.Block) {
        let counts = EnglishStopwords.scan(bytes)
        characters = counts.characters
        length = counts.characters + 2 * counts.wide
        commas = counts.commas
        words = counts.words
        stopwords = counts.stopwords
        isHeading = block.isHeading
        linkCharacters = min(block.linkCharacters, characters)
        linkDensity = characters > 0 ? Double(linkCharacters) / Double(characters) : 0
        stopDensity = counts.words > 0 ? Double(counts.stopwords) / Double(counts.words) : 0
        isBoilerplatePhrase = characters <= 120 && (TextBoilerplate.isBoilerplate(bytes) || Self.isCopyrightLine(bytes))
        weight = 0
        weight = proseWeight(stopDensity >= 0.15 ? 1.0 : 0.4)
    }

    /// How much the block counts towards its container being the article.
    func proseWeight(_ prose: Double) -> Double {
        if isHeading || length < 25 || linkDensity >= 0.5 || isBoilerplatePhrase { return 0 }
        return (1 + Double(min(commas, 10)) + min(3, Double(length) / 100)) * (1 - linkDensity) * prose
    }

    /// For a page whose language has no stop list: every block reads as prose as far as
    /// stop words go.
    mutating func judgeWithoutStopWords() {
        stopDensity = 0.4
        weight = proseWeight(1)
    }
}

/// What a tag says about its element, looked up once per element.
enum TagKind {
    case boilerplate, content, transparent, other

    static let table: [String: TagKind] = {
        var table: [String: TagKind] = [:]
        for tag in MainTextClassifier.boilerplateTags { table[tag] = .boilerplate }
        for tag in MainTextClassifier.contentTags { table[tag] = .content }
        for tag in MainTextClassifier.transparentTags { table[tag] = .transparent }
        return table
    }()

    static func of(_ tag: String) -> TagKind { table[tag] ?? .other }
}

/// The page's elements with what the classifier derives from them once: depth, whether an
/// element is furniture (by tag or by hint) or content, and its container.
struct PageTree {
    let elements: [MainTextClassifier.Element]
    /// Furniture by its own tag or hints.
    var isFurniture: [Bool]
    var isPositive: [Bool]
    /// Inside (or being) a nav, aside, footer, form….
    var inBoilerplateTag: [Bool]
    var isContentTag: [Bool]
    var isTransparent: [Bool]
    /// An answer on a Q&A page (`answer` in its class or id).
    var isAnswer: [Bool]

    init(_ elements: [MainTextClassifier.Element]) {
        self.elements = elements
        let n = elements.count
        isFurniture = Array(repeating: false, count: n)
        isPositive = Array(repeating: false, count: n)
        inBoilerplateTag = Array(repeating: false, count: n)
        isContentTag = Array(repeating: false, count: n)
        isTransparent = Array(repeating: false, count: n)
        isAnswer = Array(repeating: false, count: n)
        for (i, e) in elements.enumerated() {
            let kind = TagKind.of(e.tag)
            let boilerplateTag = kind == .boilerplate
            // The id and the class list are each judged as a whole: their words are what count.
            let byID = e.id.isEmpty ? MainTextClassifier.HintVerdict() : MainTextClassifier.verdict(e.id)
            let byClass = e.classes.isEmpty ? MainTextClassifier.HintVerdict() : MainTextClassifier.verdict(e.classes)
            let negative = byID.negative || byClass.negative
            let positive = byID.positive || byClass.positive
            let answer = byID.answer || byClass.answer
            isAnswer[i] = answer && !negative && !boilerplateTag
            isFurniture[i] = boilerplateTag || negative
            isPositive[i] = positive && !negative
            inBoilerplateTag[i] = boilerplateTag || (e.parent >= 0 && e.parent < i && inBoilerplateTag[e.parent])
            isContentTag[i] = kind == .content
            isTransparent[i] = kind == .transparent
        }
    }

    func parent(_ e: Int) -> Int { e >= 0 && e < elements.count ? elements[e].parent : -1 }

    func inBoilerplateTag(_ e: Int) -> Bool { e >= 0 && e < elements.count && inBoilerplateTag[e] }

    /// The nearest enclosing element that is a container (not a list, quote or inline element).
    func container(above e: Int) -> Int {
        var p = parent(e)
        while p >= 0 && isTransparent[p] { p = parent(p) }
        return p
    }

    func ancestorsAndSelf(of e: Int) -> Set<Int> {
        var set = Set<Int>()
        var n = e
        while n >= 0 { set.insert(n); n = parent(n) }
        return set
    }

    func isInside(_ e: Int, _ ancestor: Int) -> Bool {
        var n = e
        while n >= 0 {
            if n == ancestor { return true }
            n = parent(n)
        }
        return false
    }

    /// Whether a furniture element encloses `e` (or is `e`), not counting `except`.
    func hasFurniture(outside except: Set<Int>, from e: Int) -> Bool {
        var n = e
        while n >= 0 {
            if isFurniture[n] && !except.contains(n) { return true }
            n = parent(n)
        }
        return false
    }

    /// The container where the article's paragraphs stand side by side, scored as
    /// Readability does; nil when no block looks like prose.
    ///
    /// A container that starts with a headline (a block in `headlines`) or within a few
    /// blocks after it wins over a better-scoring one elsewhere as long as it has at least
    /// half that score: the article follows its headline, a prose footer or a long comment
    /// thread does not.
    func topContainer(_ blocks: [MainTextClassifier.Block], _ features: [BlockFeatures], following headlines: [Int]) -> Int? {
        let n = elements.count
        guard n > 0 else { return nil }
        var score = Array(repeating: 0.0, count: n)
        var characters = Array(repeating: 0, count: n)
        var linkCharacters = Array(repeating: 0, count: n)
        var firstBlock = Array(repeating: -1, count: n)
        let dividers = [1.0, 2.0, 6.0, 9.0, 12.0]
        for (i, block) in blocks.enumerated() where block.element >= 0 {
            var a = block.element
            while a >= 0 {
                characters[a] += features[i].characters
                linkCharacters[a] += features[i].linkCharacters
                if firstBlock[a] < 0 { firstBlock[a] = i }
                a = parent(a)
            }
            guard features[i].weight > 0 else { continue }
            var c = container(above: block.element)
            for divider in dividers where c >= 0 {
                score[c] += features[i].weight / divider
                c = container(above: c)
            }
        }
        var final = Array(repeating: 0.0, count: n)
        var best: (element: Int, score: Double)?
        for e in 0..<n where score[e] > 0 {
            var s = score[e]
            if characters[e] > 0 { s *= 1 - Double(linkCharacters[e]) / Double(characters[e]) }
            if inBoilerplateTag[e] || isFurniture[e] { s *= 0.25 }
            if isPositive[e] || isContentTag[e] { s *= 1.25 }
            final[e] = s
            if s > (best?.score ?? 0) { best = (e, s) }
        }
        guard let overall = best, !headlines.isEmpty else { return best?.element }
        // A container follows a headline when it starts at it, or after it but no later than
        // the first paragraph after it.
        let windows = headlines.map { h -> ClosedRange<Int> in
            let paragraph = ((h + 1)..<blocks.count).first { features[$0].weight >= 3 } ?? blocks.count
            return h...min(paragraph, h + 8)
        }
        var following: (element: Int, score: Double)?
        // Not an element around the best container: that would take the competitor in too.
        for e in 0..<n where final[e] >= 0.5 * overall.score && final[e] > (following?.score ?? 0)
            && (e == overall.element || !isInside(overall.element, e))
        {
            if windows.contains(where: { $0.contains(firstBlock[e]) }) { following = (e, final[e]) }
        }
        return (following ?? overall).element
    }

    /// The elements whose subtrees make up the main text's region: see `MainTextClassifier`.
    func region(around top: Int, _ blocks: [MainTextClassifier.Block], _ features: [BlockFeatures]) -> Region {
        // The prose under each element that is not under furniture below it: one walk up
        // from each block, stopping at the first furniture element.
        var clean = Array(repeating: 0.0, count: elements.count)
        var heaviest = Array(repeating: 0.0, count: elements.count)
        for (i, block) in blocks.enumerated() where features[i].weight > 0 {
            var e = block.element
            while e >= 0 {
                clean[e] += features[i].weight
                heaviest[e] = max(heaviest[e], features[i].weight)
                if isFurniture[e] { break }
                e = parent(e)
            }
        }
        func prose(under root: Int) -> Double { clean[root] }
        var hasH1 = Array(repeating: false, count: elements.count)
        for block in blocks where block.isHeading && block.element >= 0 && elements[block.element].tag == "h1" {
            var e = block.element
            while e >= 0 && !hasH1[e] { hasH1[e] = true; e = parent(e) }
        }
        // The weightiest block under `root` but not under `inner` nor under furniture.
        func largestBlock(under root: Int, outside inner: Int) -> Double {
            var largest = 0.0
            for (i, block) in blocks.enumerated() where features[i].weight > largest {
                var e = block.element
                while e >= 0 && e != root && e != inner && !isFurniture[e] { e = parent(e) }
                if e == root { largest = features[i].weight }
            }
            return largest
        }
        var current = top
        var currentProse = prose(under: top)
        for _ in 0..<4 {
            let up = container(above: current)
            guard up >= 0 else { break }
            let upProse = prose(under: up)
            guard upProse <= currentProse * 1.15 + 0.5, largestBlock(under: up, outside: current) < 4 else { break }
            current = up
            currentProse = upProse
        }
        var roots: Set<Int> = [top]
        var units: Set<Int> = [top]
        // Siblings of the same kind as the region or an element on its way up (tables and
        // list items too: old forums put each post in a table of its own).
        var path: [Int] = []
        let beyond = container(above: current)
        var step = top
        while step >= 0 && step != beyond { path.append(step); step = parent(step) }
        for member in path {
            let e = elements[member]
            // Rows of a layout table are its header, body and footer, not repeated units.
            guard e.parent >= 0, !["tr", "tbody", "thead", "tfoot"].contains(e.tag) else { continue }
            let own = prose(under: member)
            for s in elements.indices where s != member && elements[s].parent == e.parent
                && elements[s].tag == e.tag && elements[s].firstClass == e.firstClass && !isFurniture[s]
            {
                // A sibling with a headline of its own is another article (the next story
                // that a news site appends below), not a part of this one.
                if prose(under: s) >= 0.1 * own && !hasH1[s] { roots.insert(s); units.insert(s) }
            }
        }
        // Answers on a Q&A page are its main text as much as the question is (an answer
        // has a paragraph of substance; an answer form's small print does not).
        var inside = insideAny(roots)
        for e in elements.indices where isAnswer[e] && heaviest[e] >= 4 && !inside[e] {
            roots.insert(e)
        }
        inside = insideAny(roots)
        // Repeated units of another kind inside the region (a "read next" grid of teasers, a
        // few comments) that hold a minor part of its prose: not the article.
        let onPath = ancestorsAndSelf(of: top)
        let regionProse = roots.reduce(0.0) { $0 + clean[$1] }
        // Units are wrappers of blocks, not the paragraphs themselves.
        var wrapsBlocks = Array(repeating: false, count: elements.count)
        for block in blocks where block.element >= 0 {
            var e = parent(block.element)
            while e >= 0 && !wrapsBlocks[e] { wrapsBlocks[e] = true; e = parent(e) }
        }
        var groups: [GroupKey: [Int]] = [:]
        for e in elements.indices where clean[e] > 0 && wrapsBlocks[e] && !isTransparent[e] && elements[e].parent >= 0
            && !onPath.contains(e) && inside[elements[e].parent]
        {
            groups[GroupKey(parent: elements[e].parent, tag: elements[e].tag, firstClass: String(elements[e].firstClass)), default: []]
                .append(e)
        }
        var excluded = Set<Int>()
        for units in groups.values where units.count >= 2 {
            let prose = units.reduce(0.0) { $0 + clean[$1] }
            if prose < 0.5 * regionProse { excluded.formUnion(units) }
        }
        // Per element, whether furniture (or an excluded unit) stands between it and its root.
        var furnitureBelow = Array(repeating: false, count: elements.count)
        for e in elements.indices where !roots.contains(e) {
            let p = elements[e].parent
            furnitureBelow[e] = isFurniture[e] || excluded.contains(e) || (p >= 0 && p < e && furnitureBelow[p])
        }
        return Region(roots: roots, units: units, inside: inside, inUnit: insideAny(units), furnitureBelow: furnitureBelow)
    }

    /// Per element, whether it is one of `roots` or inside one: one pass, parents first.
    func insideAny(_ roots: Set<Int>) -> [Bool] {
        var inside = Array(repeating: false, count: elements.count)
        for e in elements.indices {
            let p = elements[e].parent
            inside[e] = roots.contains(e) || (p >= 0 && p < e && inside[p])
        }
        return inside
    }

    struct GroupKey: Hashable {
        var parent: Int
        var tag: String
        var firstClass: String
    }
}

/// The subtrees that hold a page's main text, with what the classifier asks of them per
/// element.
struct Region {
    var roots: Set<Int>
    /// The article's container and the repeated siblings that joined it.
    var units: Set<Int>
    /// Per element: whether it is a root or inside one.
    var inside: [Bool]
    /// Per element: whether it is a unit or inside one.
    var inUnit: [Bool]
    /// Per element: whether a furniture element, or a unit of another kind (teasers), stands
    /// between it (included) and its root.
    var furnitureBelow: [Bool]

    func contains(_ e: Int) -> Bool { e >= 0 && e < inside.count && inside[e] }
    func isInUnit(_ e: Int) -> Bool { e >= 0 && e < inUnit.count && inUnit[e] }
    func hasFurniture(above e: Int) -> Bool { e >= 0 && e < furnitureBelow.count && furnitureBelow[e] }
}
