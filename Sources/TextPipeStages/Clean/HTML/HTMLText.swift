import TextPipe

/// The text of an HTML page: what `HTMLTextExtractor` returns.
///
/// The text is the page's blocks (paragraphs, headings, list items, table rows, …)
/// joined by one or two newlines, so a classifier can judge each block and
/// `text(keeping:)` can rebuild the text from the blocks it keeps, offsets intact.
public struct HTMLText: Sendable {
    /// The visible text.
    public var text: String
    /// Maps byte offsets in `text` to byte offsets in the HTML source.
    public var map: OffsetMap
    /// title, description, author, date, keywords, language: those the page has, in that order.
    public var metadata: OrderedFields
    /// The blocks of `text` in order; together with their separators they make all of it.
    public var blocks: [HTMLTextBlock]
    /// The elements that hold blocks and their ancestors, each after its parent: the page's
    /// tree as far as its text goes. `HTMLTextBlock.element` indexes it.
    public var elements: [HTMLTextElement]

    public init(text: String, map: OffsetMap, metadata: OrderedFields, blocks: [HTMLTextBlock],
                elements: [HTMLTextElement] = [])
    {
        self.text = text
        self.map = map
        self.metadata = metadata
        self.blocks = blocks
        self.elements = elements
    }

    /// The elements from the root down to a block's element (empty for text outside any).
    public func ancestry(of block: HTMLTextBlock) -> [HTMLTextElement] {
        var chain: [HTMLTextElement] = []
        var i = block.elementIndex
        while i >= 0 && i < elements.count {
            chain.append(elements[i])
            i = elements[i].parent
        }
        return chain.reversed()
    }

    /// The open elements down to a block's element, with ids and classes in CSS style:
    /// `html>body>div#main.content>article>p`. Made on demand: extraction only records
    /// the elements.
    public func path(of block: HTMLTextBlock) -> String {
        ancestry(of: block).map { e in
            e.name + e.id.split(separator: " ").map { "#" + $0 }.joined() + e.classes.split(separator: " ").map { "." + $0 }.joined()
        }.joined(separator: ">")
    }

    /// The ids and classes along a block's path, space-separated, as written.
    public func classesAndIDs(of block: HTMLTextBlock) -> String {
        ancestry(of: block).flatMap { $0.id.split(separator: " ") + $0.classes.split(separator: " ") }.joined(separator: " ")
    }

    /// The text of one block.
    public func text(of block: HTMLTextBlock) -> Substring { text.slice(utf8: block.range) }

    /// The text made of the blocks whose `keep` flag is set (one flag per block), and its
    /// map back to the HTML source. Kept blocks are joined by the stronger of the
    /// separators that stood between them, so dropping a block never leaves two blank
    /// lines; keeping every block gives back `text`.
    public func text(keeping keep: [Bool]) -> (text: String, map: OffsetMap) {
        precondition(keep.count == blocks.count, "one flag per block")
        var full = text
        let rebuilt: (text: String, map: OffsetMap) = full.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            var builder = TextBuilder(capacity: bytes.count)
            var newlines = 0
            var previousKept: Int?
            for (i, block) in blocks.enumerated() {
                newlines = max(newlines, block.newlinesBefore)
                guard keep[i] else { continue }
                if let previous = previousKept {
                    // Between adjacent blocks the separator is the original one; across a
                    // dropped block it is inserted, standing for no source bytes.
                    let separator = previous == i - 1 ? blocks[previous].range.upperBound..<block.range.lowerBound
                        : block.range.lowerBound..<block.range.lowerBound
                    builder.replace(separator, with: newlines >= 2 ? "\n\n" : "\n")
                }
                builder.copy(bytes, block.range)
                previousKept = i
                newlines = 0
            }
            return builder.finish()
        }
        return (rebuilt.text, map.composed(with: rebuilt.map))
    }
}

/// One block of an HTML page's text, with what a main-text classifier looks at.
public struct HTMLTextBlock: Sendable, Hashable {
    /// Where the block is in `HTMLText.text` (UTF-8 bytes).
    public var range: Range<Int>
    /// The newlines between this block and the one before: 0 for the first block, 1 for
    /// a line break (a `<br>` or compact list items), 2 for a blank line.
    public var newlinesBefore: Int
    /// The innermost block-level element the text is in (`p`, `li`, `h2`, `td`, …).
    public var element: HTMLElement
    /// Unicode code points in the block's text.
    public var characters: Int
    /// Code points of the block's text that are inside links.
    public var linkCharacters: Int
    /// The block's element in `HTMLText.elements` (see `HTMLText.path(of:)`), or -1 for
    /// text outside any element.
    public var elementIndex: Int

    public init(range: Range<Int>, newlinesBefore: Int, element: HTMLElement,
                characters: Int, linkCharacters: Int, elementIndex: Int = -1)
    {
        self.range = range
        self.newlinesBefore = newlinesBefore
        self.element = element
        self.characters = characters
        self.linkCharacters = linkCharacters
        self.elementIndex = elementIndex
    }

    /// The share of the block's text inside links, from 0 to 1.
    public var linkDensity: Double { characters > 0 ? Double(linkCharacters) / Double(characters) : 0 }
}

/// One element of an HTML page that holds text, or an ancestor of one that does.
public struct HTMLTextElement: Sendable, Hashable {
    /// The enclosing element's index in `HTMLText.elements`, or -1 for the outermost one.
    public var parent: Int
    public var element: HTMLElement
    /// The lower-case tag name (also for elements that are `.other`).
    public var name: String
    /// The element's own id and classes, each space-separated, as written.
    public var id: String
    public var classes: String

    public init(parent: Int, element: HTMLElement, name: String, id: String, classes: String) {
        self.parent = parent
        self.element = element
        self.name = name
        self.id = id
        self.classes = classes
    }
}
