import TextPipe

/// The HTML part of `clean`: page to text (with the offset map and page metadata), and
/// optionally only its main text.
struct HTMLCleaning: Sendable {
    enum Mode: String, Sendable { case auto, strip, keep }

    let mode: Mode
    let mainTextOnly: Bool
    let extractor: HTMLTextExtractor
    let classifier = MainTextClassifier()

    /// Whether the document is HTML: the reader said so, or it starts like a page.
    func applies(to document: Document) -> Bool {
        switch mode {
        case .keep: return false
        case .strip: return true
        case .auto:
            if document.metadata["format"] == .string("html") { return true }
            let head = document.text.utf8.prefix(512).drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
            let start = String(decoding: head.prefix(15), as: UTF8.self).lowercased()
            return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
        }
    }

    func apply(to document: inout Document) {
        let page = extractor.extract(document.text)
        var text = page.text
        var map = page.map
        if mainTextOnly && !page.blocks.isEmpty {
            (text, map) = page.text(keeping: keepFlags(page))
        }
        document.replaceText(text, mapping: map)
        // The page's own title, description, author, date and language, unless the reader
        // (a JSONL record, say) already set them.
        for (key, value) in page.metadata where document.metadata[key] == nil {
            document.metadata[key] = value
        }
    }

    /// Which of the page's blocks are its main text.
    func keepFlags(_ page: HTMLText) -> [Bool] {
        let elements = page.elements.map { e in
            MainTextClassifier.Element(parent: e.parent, tag: e.name, id: e.id, classes: e.classes)
        }
        let blocks = page.blocks.map { block in
            MainTextClassifier.Block(
                text: page.text(of: block), linkCharacters: block.linkCharacters, isHeading: block.element.isHeading,
                isListItem: block.element == .li || block.element == .dt || block.element == .dd, element: block.elementIndex)
        }
        var title: Substring?
        if case .string(let t)? = page.metadata["title"] { title = t[...] }
        return classifier.classify(blocks, elements: elements, title: title)
    }
}
