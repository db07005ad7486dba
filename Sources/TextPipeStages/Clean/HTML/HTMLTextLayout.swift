import TextPipe

/// The state of one extraction: a walk over the tokens that lays out text lazily, so that
/// breaks, spaces and bullets are only written once the text they separate arrives.
struct HTMLTextLayout {
    /// An element on the stack of open elements: plain values only, so the stack is cheap
    /// to change (this is per-tag work).
    struct OpenElement {
        var element: HTMLElement
        var name: Range<Int>
        var id: Range<Int>?
        var classes: Range<Int>?
        /// For ol: the next item's number.
        var counter = 1
        /// The element's index in `elements`, once recorded (-1 before).
        var pathIndex = -1
    }

    /// The block being written.
    struct OpenBlock {
        var separatorStart: Int
        var start: Int
        var newlinesBefore: Int
        var element: HTMLElement
        var node: Int
        var linkCharacters = 0
    }

    static let maxDepth = 512

    let src: UnsafeRawBufferPointer
    let options: HTMLTextExtractor.Options
    var tokenizer: HTMLTokenizer
    var out: TextBuilder
    var stack: [OpenElement] = []
    /// The elements that hold a block and their ancestors, each after its parent.
    var elements: [HTMLTextElement] = []
    var blocks: [HTMLTextBlock] = []
    var block: OpenBlock?
    var metadata = HTMLMetadataCollector()

    // What to write before the next text.
    var pendingNewlines = 0
    var pendingBoundary = false
    var breakSource: Range<Int>?
    var pendingSpace: Range<Int>?
    var pendingCell: Range<Int>?
    var pendingPrefix: (source: Range<Int>, text: String)?
    /// Newlines owed by a blank block that was taken back.
    var carriedNewlines = 0

    var preDepth = 0
    var headIsOpen = false
    var linkDepth = 0
    var rowHasCell = false
    /// A newline right after `<pre>`, `<listing>` or `<textarea>` is not content.
    var skipNewlineAt = -1

    // Content being dropped (template, svg, select, …).
    var skipping: HTMLElement?
    var skipName: Range<Int> = 0..<0
    var skipDepth = 0
    var skipForeignBase = 0
    /// Whether an end tag of an open ancestor ends the skip, as it closes the skipped
    /// element in a browser (not for template and select, which the tree builder shields).
    var skipEndsWithAncestor = false

    init(source: UnsafeRawBufferPointer, options: HTMLTextExtractor.Options) {
        src = source
        self.options = options
        tokenizer = HTMLTokenizer(source)
        out = TextBuilder(capacity: source.count / 3)
        stack.reserveCapacity(64)
    }

    /// Lays out the whole page. Valid UTF-8 in gives valid UTF-8 out, since text is only
    /// ever cut at ASCII bytes; otherwise the output is checked and repaired.
    mutating func run(sourceIsValidUTF8: Bool) -> HTMLText {
        while let token = tokenizer.next() {
            if skipping != nil && !continueSkipping(token) { continue }
            switch token.kind {
            case .text:
                if preDepth > 0 { preformattedText(token.range, references: true) } else { text(token.range, references: true) }
            case .startTag: startTag(token)
            case .endTag: endTag(token)
            case .rawText:
                if token.element == .xmp || token.element == .plaintext { preformattedText(token.range, references: false) }
            case .escapableRawText:
                if token.element == .title {
                    metadata.offerTitle(HTMLCharacterReference.decodeAll(string(token.range), inAttribute: false))
                } else {
                    preformattedText(token.range, references: true)
                }
            case .cdata:
                text(token.content, references: false)
            case .comment, .doctype, .bogusComment:
                break
            }
        }
        closeBlock()
        let (text, map) = out.finish()
        if !sourceIsValidUTF8, let repaired = repairedOutput(map) { return repaired }
        return HTMLText(text: text, map: map, metadata: metadata.fields, blocks: blocks, elements: elements)
    }

    /// The result with ill-formed UTF-8 replaced, or nil when the output is well-formed.
    func repairedOutput(_ map: OffsetMap) -> HTMLText? {
        out.bytes.withUnsafeBytes { bytes -> HTMLText? in
            guard UTF8Repair.firstInvalidOffset(bytes) != nil else { return nil }
            let repaired = UTF8Repair.repair(bytes)
            var blocks = blocks
            for i in blocks.indices {
                blocks[i].range = repaired.move(blocks[i].range.lowerBound)..<repaired.move(blocks[i].range.upperBound)
            }
            return HTMLText(text: repaired.text, map: map.composed(with: repaired.map), metadata: metadata.fields,
                            blocks: blocks, elements: elements)
        }
    }

    // MARK: - Tags

    mutating func startTag(_ token: HTMLToken) {
        let element = token.element
        if element.skipsContent && !(element == .svg && token.selfClosing) {
            startSkipping(token, endsWithAncestor: element == .audio || element == .video || element == .canvas)
            return
        }
        if element.mayBeHidden && tokenizer.attributes.count > 0, let hidden = tokenizer.attribute("hidden"),
           !tokenizer.equalsIgnoringCase(hidden, "until-found")
        {
            startSkipping(token, endsWithAncestor: true)
            return
        }
        if headIsOpen && element.endsHead, let head = stack.lastIndex(where: { $0.element == .head }) { pop(to: head) }
        switch element {
        case .br:
            lineBreak(token.range)
            return
        case .meta:
            metadata.offer(meta: tokenizer, source: src)
            return
        case .img:
            if options.imageAltText, let alt = tokenizer.attribute("alt") { inlineReplacement(token.range, attributeText(alt)) }
            return
        case .html:
            if let lang = tokenizer.attribute("lang") { metadata.offer(.language, attributeText(lang), priority: 0) }
            if stack.contains(where: { $0.element == .html }) { return }
        case .body:
            if stack.contains(where: { $0.element == .body }) { return }
        case .title, .textarea:
            // Their content comes as one escapable raw-text token; nothing to open.
            if element == .textarea { skipNewlineAt = token.range.upperBound }
            return
        case .a:
            if let open = stack.lastIndex(where: { $0.element == .a }) { remove(at: open) }
        default:
            break
        }
        if element.closesParagraph { close(.p, within: { $0.isStructural && $0 != .p }) }
        switch element {
        case .li:
            close(.li, within: { $0.isStructural && $0 != .div && $0 != .p && $0 != .address && $0 != .li })
        case .dt, .dd:
            closeEither(.dt, .dd, within: { $0.isStructural && $0 != .div && $0 != .p && $0 != .address && $0 != .dt && $0 != .dd })
        case .tr:
            close(.tr, within: { $0 == .table || $0 == .thead || $0 == .tbody || $0 == .tfoot })
        case .td, .th:
            closeEither(.td, .th, within: { $0 == .tr || $0 == .table })
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if let top = stack.last, top.element.isHeading { pop(to: stack.count - 1) }
        default:
            break
        }

        if element.isBlock {
            let compact = options.compactLists && (element == .li || element == .dt || element == .dd || element == .tr)
            requestBreak(compact ? 1 : 2, boundary: true, source: token.range)
        }
        switch element {
        case .li:
            listItem(token.range)
        case .tr, .table:
            rowHasCell = false
        case .td, .th:
            if rowHasCell { pendingCell = pendingCell ?? token.range }
            rowHasCell = true
        case .pre, .listing:
            skipNewlineAt = token.range.upperBound
        default:
            break
        }
        if element.isVoid || (token.selfClosing && tokenizer.foreignDepth > 0) { return }
        push(token)
    }

    mutating func endTag(_ token: HTMLToken) {
        let element = token.element
        if element == .br {
            lineBreak(token.range)  // `</br>` is a `<br>`
            return
        }
        if element.isBlock {
            let compact = options.compactLists && (element == .li || element == .dt || element == .dd || element == .tr)
            requestBreak(compact ? 1 : 2, boundary: true, source: token.range)
        }
        if element == .li { pendingPrefix = nil }
        // Content after `</body>` or `</html>` still belongs to the body, as in a browser.
        if element == .body || element == .html { return }
        guard let index = openIndex(of: token) else { return }
        if element.isStructural || !stack[(index + 1)...].contains(where: { $0.element.isStructural }) {
            pop(to: index)
        } else {
            // An inline element closed across a block (`<a><div>x</a>`): end it, keep the block.
            remove(at: index)
        }
    }

    /// The topmost open element the end tag closes.
    func openIndex(of token: HTMLToken) -> Int? {
        var i = stack.count - 1
        while i >= 0 {
            let open = stack[i]
            if open.element == token.element
                && (token.element != .other || sameName(open.name, token.content))
            {
                return i
            }
            i -= 1
        }
        return nil
    }

    mutating func push(_ token: HTMLToken) {
        guard stack.count < Self.maxDepth else { return }
        var open = OpenElement(element: token.element, name: token.content)
        if tokenizer.attributes.count > 0 {
            open.id = tokenizer.attribute("id").flatMap { $0.isEmpty ? nil : $0 }
            open.classes = tokenizer.attribute("class").flatMap { $0.isEmpty ? nil : $0 }
            if token.element == .ol, let start = tokenizer.attribute("start") { open.counter = integer(start) ?? 1 }
        }
        if token.element == .a { linkDepth += 1 }
        if token.element.keepsWhitespace { preDepth += 1 }
        if token.element == .head { headIsOpen = true }
        stack.append(open)
    }

    /// Closes the element at `index` and everything opened after it.
    mutating func pop(to index: Int) {
        while stack.count > index { remove(at: stack.count - 1) }
    }

    mutating func remove(at index: Int) {
        let open = stack.remove(at: index)
        if open.element == .a { linkDepth -= 1 }
        if open.element.keepsWhitespace { preDepth -= 1 }
        if open.element == .head { headIsOpen = false }
    }

    /// Closes the topmost open `element` unless an element matching `barrier` is above it.
    mutating func close(_ element: HTMLElement, within barrier: (HTMLElement) -> Bool) {
        closeEither(element, element, within: barrier)
    }

    mutating func closeEither(_ a: HTMLElement, _ b: HTMLElement, within barrier: (HTMLElement) -> Bool) {
        var i = stack.count - 1
        while i >= 0 {
            let e = stack[i].element
            if e == a || e == b {
                pop(to: i)
                return
            }
            if barrier(e) { return }
            i -= 1
        }
    }

    mutating func startSkipping(_ token: HTMLToken, endsWithAncestor: Bool) {
        skipping = token.element
        skipName = token.content
        skipDepth = 1
        skipForeignBase = tokenizer.foreignDepth - 1
        skipEndsWithAncestor = endsWithAncestor
    }

    /// Whether to process this token: false while it is part of skipped content.
    mutating func continueSkipping(_ token: HTMLToken) -> Bool {
        guard let element = skipping else { return true }
        if element == .svg {
            guard tokenizer.foreignDepth <= skipForeignBase else { return false }
            skipping = nil
            // Ended by `</svg>`, or broken out of by an HTML tag that is processed as usual.
            return !(token.kind == .endTag && token.element == .svg)
        }
        if token.element == element && (element != .other || sameName(token.content, skipName)) {
            if token.kind == .startTag && !token.selfClosing { skipDepth += 1 }
            if token.kind == .endTag { skipDepth -= 1 }
            if skipDepth == 0 { skipping = nil }
        } else if token.kind == .endTag && skipEndsWithAncestor && openIndex(of: token) != nil {
            skipping = nil
            return true
        }
        return false
    }

    // MARK: - Breaks, bullets, cells

    mutating func requestBreak(_ newlines: Int, boundary: Bool, source: Range<Int>) {
        pendingNewlines = max(pendingNewlines, newlines)
        if boundary { pendingBoundary = true }
        breakSource = breakSource.map { $0.lowerBound..<max($0.upperBound, source.upperBound) } ?? source
    }

    mutating func lineBreak(_ source: Range<Int>) {
        pendingNewlines = min(2, pendingNewlines + 1)
        // Two line breaks in a row make a paragraph.
        requestBreak(pendingNewlines, boundary: pendingNewlines == 2, source: source)
    }

    mutating func listItem(_ source: Range<Int>) {
        let list = stack.lastIndex(where: { $0.element == .ol || $0.element == .ul || $0.element == .menu || $0.element == .dir })
        if let list, stack[list].element == .ol {
            if let value = tokenizer.attribute("value"), let n = integer(value) { stack[list].counter = n }
            pendingPrefix = (source, "\(stack[list].counter). ")
            stack[list].counter += 1
        } else {
            pendingPrefix = (source, "• ")
        }
    }

    // MARK: - Text

    /// Text whose whitespace collapses. Hot path: plain runs are copied whole, and a
    /// single space between two plain bytes stays inside the run.
    mutating func text(_ range: Range<Int>, references: Bool) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = src[i]
            if isWhitespace(b) {
                var j = i + 1
                while j < end && isWhitespace(src[j]) { j += 1 }
                if pendingSpace == nil { pendingSpace = i..<j }
                i = j
                continue
            }
            if b == UInt8(ascii: "&") && references,
               let ref = HTMLCharacterReference.decode(src, at: i, limit: end, inAttribute: false)
            {
                if ref.byteCount == 1 && isWhitespace(ref.firstByte) {
                    if pendingSpace == nil { pendingSpace = i..<ref.end }
                } else {
                    appendReference(ref, at: i)
                }
                i = ref.end
                continue
            }
            var j = i + 1
            while j < end {
                let c = src[j]
                if c == 0x20 && j + 1 < end && isPlain(src[j + 1]) {
                    j += 2
                } else if isPlain(c) || (c == UInt8(ascii: "&") && !references) {
                    j += 1
                } else {
                    break
                }
            }
            beginContent()
            out.copy(src, i..<j)
            if linkDepth > 0 { let n = scalarCount(i..<j); block?.linkCharacters += n }
            i = j
        }
    }

    /// Text whose whitespace is kept (pre, listing, textarea, xmp, plaintext); CRLF and
    /// lone CRs become LF.
    mutating func preformattedText(_ range: Range<Int>, references: Bool) {
        var i = range.lowerBound
        let end = range.upperBound
        if i == skipNewlineAt && i < end {
            if src[i] == 0x0A { i += 1 } else if src[i] == 0x0D { i += (i + 1 < end && src[i + 1] == 0x0A) ? 2 : 1 }
        }
        while i < end {
            let b = src[i]
            if b == 0x0A || b == 0x0D {
                let length = b == 0x0D && i + 1 < end && src[i + 1] == 0x0A ? 2 : 1
                if atBlankBlockStart() {
                    // A blank line at the start of a block is not content.
                } else if b == 0x0D {
                    beginContent()
                    out.replace(i..<(i + length), withByte: 0x0A)
                } else {
                    beginContent()
                    out.copyByte(0x0A, at: i)
                }
                i += length
                continue
            }
            if b == UInt8(ascii: "&") && references,
               let ref = HTMLCharacterReference.decode(src, at: i, limit: end, inAttribute: false)
            {
                appendReference(ref, at: i)
                i = ref.end
                continue
            }
            var j = i + 1
            while j < end && src[j] != 0x0D && src[j] != 0x0A && !(references && src[j] == UInt8(ascii: "&")) { j += 1 }
            beginContent()
            out.copy(src, i..<j)
            if linkDepth > 0 { let n = scalarCount(i..<j); block?.linkCharacters += n }
            i = j
        }
    }

    /// Text that stands for a whole tag (an image's alt text), laid out like inline text.
    mutating func inlineReplacement(_ source: Range<Int>, _ text: String) {
        guard !text.isEmpty else { return }
        beginContent()
        out.replace(source, with: text)
        if linkDepth > 0 { block?.linkCharacters += text.unicodeScalars.count }
    }

    /// Writes what is owed before the next text: a block separator (closing the block
    /// before), a line break, a cell tab or a collapsed space, then a list bullet.
    @inline(__always)
    mutating func beginContent() {
        if pendingBoundary || block == nil {
            openBlock()
        } else if pendingNewlines > 0 {
            if atBlankBlockStart() {
                truncate(to: block!.start)  // no blank line opens a block
            } else {
                trimTrailingWhitespace(downTo: block!.start)
                out.replace(breakSource ?? 0..<0, withByte: 0x0A)
            }
        } else if let cell = pendingCell {
            out.replace(cell, withByte: 0x09)
        } else if let space = pendingSpace {
            if space.count == 1 && src[space.lowerBound] == 0x20 {
                out.copyByte(0x20, at: space.lowerBound)
            } else {
                out.replace(space, withByte: 0x20)
            }
        }
        if pendingNewlines > 0 || pendingBoundary || breakSource != nil {
            pendingNewlines = 0
            pendingBoundary = false
            breakSource = nil
        }
        pendingSpace = nil
        pendingCell = nil
        if let prefix = pendingPrefix {
            out.replace(prefix.source, with: prefix.text)
            pendingPrefix = nil
        }
    }

    /// Whether a newline now would be a blank line at the start of a block: no block is
    /// open, one is about to start, or the open one holds only whitespace. Such a block's
    /// whitespace is dropped.
    mutating func atBlankBlockStart() -> Bool {
        guard let open = block, !pendingBoundary else { return true }
        guard isBlank(open.start..<out.count) else { return false }
        truncate(to: open.start)
        return true
    }

    mutating func openBlock() {
        closeBlock()
        let separatorStart = out.count
        var newlines = 0
        if out.count > 0 {
            newlines = max(1, min(2, max(pendingNewlines, carriedNewlines)))
            let source = breakSource ?? pendingSpace ?? pendingCell ?? 0..<0
            let separator: StaticString = newlines == 2 ? "\n\n" : "\n"
            out.replace(source, withBytes: UnsafeRawBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount))
        }
        carriedNewlines = 0
        var element = HTMLElement.other
        var node = -1
        var index = stack.count - 1
        while index >= 0 && !stack[index].element.isStructural { index -= 1 }
        if index >= 0 {
            element = stack[index].element
            node = recordElement(at: index)
        }
        block = OpenBlock(separatorStart: separatorStart, start: out.count, newlinesBefore: newlines, element: element,
                          node: node)
        pendingBoundary = false
        pendingNewlines = 0
        breakSource = nil
    }

    /// Ends the block being written: trims it, records it, or takes it back if it holds
    /// nothing visible (a `<p>&nbsp;</p>` spacer).
    mutating func closeBlock() {
        guard let open = block else { return }
        block = nil
        trimTrailingWhitespace(downTo: open.start)
        if isBlank(open.start..<out.count) {
            truncate(to: open.separatorStart)
            carriedNewlines = max(carriedNewlines, open.newlinesBefore)
            return
        }
        blocks.append(HTMLTextBlock(
            range: open.start..<out.count, newlinesBefore: open.newlinesBefore, element: open.element,
            characters: scalarCount(ofOutput: open.start..<out.count),
            linkCharacters: open.linkCharacters, elementIndex: open.node))
    }

    /// The index in `elements` of stack entry `index`, recording it (after its ancestors)
    /// the first time: once per block-holding element of a page and its ancestors. Paths
    /// and class lists are derived from these records only when asked for.
    mutating func recordElement(at index: Int) -> Int {
        if stack[index].pathIndex >= 0 { return stack[index].pathIndex }
        let parent = index > 0 ? recordElement(at: index - 1) : -1
        let open = stack[index]
        var name: [UInt8] = []
        if open.element == .other {
            for b in src[open.name] { name.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b) }
        } else {
            name.append(contentsOf: open.element.name.utf8)
        }
        func words(_ range: Range<Int>?) -> String {
            guard let range else { return "" }
            var out: [UInt8] = []
            var i = range.lowerBound
            while i < range.upperBound {
                while i < range.upperBound && isWhitespace(src[i]) { i += 1 }
                let start = i
                while i < range.upperBound && !isWhitespace(src[i]) { i += 1 }
                guard i > start else { continue }
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: src[start..<i]))
            }
            return String(decoding: out, as: UTF8.self)
        }
        elements.append(HTMLTextElement(parent: parent, element: open.element, name: String(decoding: name, as: UTF8.self),
                                        id: words(open.id), classes: words(open.classes)))
        stack[index].pathIndex = elements.count - 1
        return elements.count - 1
    }

    // MARK: - Output helpers

    /// Writes a decoded character reference as content standing for its source bytes
    /// (one character of link text when inside a link).
    mutating func appendReference(_ ref: HTMLDecodedReference, at i: Int) {
        beginContent()
        ref.withUTF8 { out.replace(i..<ref.end, withBytes: $0) }
        if linkDepth > 0 { block?.linkCharacters += 1 }
    }

    mutating func trimTrailingWhitespace(downTo floor: Int = 0) {
        var n = out.count
        let bytes = out.bytes
        while n > floor && (bytes[n - 1] == 0x20 || bytes[n - 1] == 0x09 || bytes[n - 1] == 0x0A) { n -= 1 }
        truncate(to: n)
    }

    mutating func truncate(to n: Int) {
        var excess = out.count - n
        guard excess > 0 else { return }
        out.trimEnd { _ in
            guard excess > 0 else { return false }
            excess -= 1
            return true
        }
    }

    /// Whether output `range` holds only whitespace and no-break spaces.
    func isBlank(_ range: Range<Int>) -> Bool {
        let bytes = out.bytes
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A {
                i += 1
            } else if b == 0xC2 && i + 1 < range.upperBound && bytes[i + 1] == 0xA0 {
                i += 2
            } else {
                return false
            }
        }
        return true
    }

    func scalarCount(_ range: Range<Int>) -> Int {
        var n = 0
        for i in range where src[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    func scalarCount(ofOutput range: Range<Int>) -> Int {
        out.bytes.withUnsafeBufferPointer { bytes in
            var n = 0
            for i in range where bytes[i] & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: src[range]), as: UTF8.self)
    }

    func lowercased(_ range: Range<Int>) -> String {
        String(decoding: src[range].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// An attribute value with references decoded and whitespace collapsed.
    func attributeText(_ range: Range<Int>) -> String {
        collapseWhitespace(HTMLCharacterReference.decodeAll(string(range), inAttribute: true))
    }

    func sameName(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where src[a.lowerBound + k] | 0x20 != src[b.lowerBound + k] | 0x20 { return false }
        return true
    }

    func integer(_ range: Range<Int>) -> Int? {
        Int(string(range).trimmingWhitespace).map { max(-1_000_000_000, min(1_000_000_000, $0)) }
    }

    @inline(__always)
    func isPlain(_ b: UInt8) -> Bool { !isWhitespace(b) && b != UInt8(ascii: "&") }
}

/// Collapses runs of white space (HTML's, unless `isSpace` says otherwise) into one space
/// and trims the ends. On bytes: it runs on every title and every summary.
func collapseWhitespace(_ text: some StringProtocol, isSpace: (UInt8) -> Bool = isWhitespace) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for b in text.utf8 {
        if isSpace(b) {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(b)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

extension String {
    var trimmingWhitespace: String { collapseWhitespace(self) }
}
