#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One token of HTML source: a run of text, a tag, a comment, a doctype, a CDATA section.
/// Tokens hold byte ranges into the source, never copies.
public struct HTMLToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// Text with character references still encoded.
        case text
        /// The content of script, style, noscript, iframe, noembed, noframes, xmp and
        /// plaintext: neither tags nor references are parsed.
        case rawText
        /// The content of title and textarea: references are parsed, tags are not.
        case escapableRawText
        case startTag
        case endTag
        case comment
        case doctype
        /// A CDATA section inside SVG or MathML; `content` is its text.
        case cdata
        /// `<?xml …?>`, `<!…>`, `</ …>`: markup that is neither a tag nor a comment.
        case bogusComment
    }

    public var kind: Kind
    /// All the token's bytes.
    public var range: Range<Int>
    /// Text tokens: the text. Tags: the name. Comments, doctypes, CDATA: what is inside.
    public var content: Range<Int>
    /// Tags: the element named. Raw and escapable raw text: the element it is the content of.
    public var element: HTMLElement
    /// Whether a start tag ends with `/>`.
    public var selfClosing: Bool

    public init(kind: Kind, range: Range<Int>, content: Range<Int>, element: HTMLElement = .other,
                selfClosing: Bool = false)
    {
        self.kind = kind
        self.range = range
        self.content = content
        self.element = element
        self.selfClosing = selfClosing
    }
}

/// An attribute of a start tag, as byte ranges into the source.
public struct HTMLAttribute: Sendable, Hashable {
    public var name: Range<Int>
    /// The value without its quotes, references not decoded; empty when there is none.
    public var value: Range<Int>
}

/// Splits HTML source (UTF-8 bytes) into tokens by the WHATWG tokenizer's rules, in one
/// forward pass that never fails: any byte sequence is some sequence of tokens, and text
/// that is not markup (`x < y`, `a <3 b`, `<<`) stays text.
///
/// Departures from the spec, to lose less text: a title or textarea without an end tag
/// does not swallow the rest of the document, and a quoted attribute value left open at
/// the end of the input ends at the first `>` after its quote. The tree builder's say in
/// tokenizing is approximated by tracking SVG and MathML nesting (for CDATA sections and
/// for not treating `<title>` and `<style>` there as raw text).
///
/// Hot path: works on raw bytes, finds `<` with memchr, and reuses one attribute buffer.
public struct HTMLTokenizer {
    public let bytes: UnsafeRawBufferPointer
    /// Where the next token starts.
    public private(set) var position: Int = 0
    /// The attributes of the last start or end tag returned; replaced by the next one.
    public private(set) var attributes: [HTMLAttribute] = []
    /// How many SVG or MathML elements are open (0 in HTML content).
    public private(set) var foreignDepth = 0

    /// After a start tag of a raw-text element: where its content ends.
    private var rawTextEnd: Int?
    private var rawTextElement: HTMLElement = .other
    /// An escapable raw-text element with no end tag after some point has none after any
    /// later point either: remembered so that many unclosed titles stay linear.
    private var titleEndMissing = false
    private var textareaEndMissing = false

    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        attributes.reserveCapacity(16)
    }

    /// The next token, or nil at the end of the input.
    public mutating func next() -> HTMLToken? {
        let end = bytes.count
        if let contentEnd = rawTextEnd {
            rawTextEnd = nil
            let start = position
            position = contentEnd
            if contentEnd > start {
                let kind: HTMLToken.Kind = rawTextElement.isEscapableRawText ? .escapableRawText : .rawText
                return HTMLToken(kind: kind, range: start..<contentEnd, content: start..<contentEnd, element: rawTextElement)
            }
        }
        while position < end {
            let start = position
            if bytes[start] != UInt8(ascii: "<") || !startsMarkup(at: start) {
                // Text up to the next `<` that starts markup; a `<` that does not is text.
                var i = start + 1
                while true {
                    i = find(UInt8(ascii: "<"), from: i)
                    if i >= end || startsMarkup(at: i) { break }
                    i += 1
                }
                position = i
                return HTMLToken(kind: .text, range: start..<i, content: start..<i)
            }
            if let token = markup(at: start) { return token }
            // A tag cut off by the end of the input: dropped, as the spec says.
        }
        return nil
    }

    /// The value of the first attribute called `name` (lower-case ASCII) of the last tag.
    public func attribute(_ name: StaticString) -> Range<Int>? {
        for attribute in attributes where equalsIgnoringCase(attribute.name, name) {
            return attribute.value
        }
        return nil
    }

    /// Whether the bytes `range` equal `name` (lower-case ASCII) without regard to case.
    public func equalsIgnoringCase(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        var k = 0
        for i in range {
            var b = bytes[i]
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b |= 0x20 }
            if b != p[k] { return false }
            k += 1
        }
        return true
    }

    // MARK: - Markup

    /// Whether the `<` at `i` starts a tag, a comment, or other markup rather than text.
    @inline(__always)
    private func startsMarkup(at i: Int) -> Bool {
        guard i + 1 < bytes.count else { return false }
        let next = bytes[i + 1]
        if isASCIIAlpha(next) || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return true }
        return next == UInt8(ascii: "/") && i + 2 < bytes.count
    }

    private mutating func markup(at start: Int) -> HTMLToken? {
        let end = bytes.count
        let next = bytes[start + 1]
        if isASCIIAlpha(next) { return tag(at: start, nameStart: start + 1, isEnd: false) }
        if next == UInt8(ascii: "/") {
            let third = bytes[start + 2]
            if isASCIIAlpha(third) { return tag(at: start, nameStart: start + 2, isEnd: true) }
            if third == UInt8(ascii: ">") {
                position = start + 3  // `</>` is ignored
                return HTMLToken(kind: .bogusComment, range: start..<position, content: position..<position)
            }
            return bogusComment(at: start, contentStart: start + 2)
        }
        if next == UInt8(ascii: "?") { return bogusComment(at: start, contentStart: start + 1) }
        // `<!`
        let i = start + 2
        if hasPrefix("--", at: i) { return comment(at: start) }
        if hasPrefixIgnoringCase("doctype", at: i) {
            let close = find(UInt8(ascii: ">"), from: i)
            position = min(close + 1, end)
            return HTMLToken(kind: .doctype, range: start..<position, content: (i + 7)..<close)
        }
        if hasPrefix("[CDATA[", at: i) && foreignDepth > 0 {
            let contentStart = i + 7
            var j = contentStart
            while true {
                j = find(UInt8(ascii: "]"), from: j)
                if j >= end || hasPrefix("]]>", at: j) { break }
                j += 1
            }
            position = min(j + 3, end)
            return HTMLToken(kind: .cdata, range: start..<position, content: contentStart..<j)
        }
        return bogusComment(at: start, contentStart: i)
    }

    private mutating func bogusComment(at start: Int, contentStart: Int) -> HTMLToken {
        let close = find(UInt8(ascii: ">"), from: contentStart)
        position = min(close + 1, bytes.count)
        return HTMLToken(kind: .bogusComment, range: start..<position, content: contentStart..<close)
    }

    /// `<!--` … `-->` (or `--!>`); `<!-->` and `<!--->` are empty comments, and a comment
    /// left open runs to the end of the input.
    private mutating func comment(at start: Int) -> HTMLToken {
        let end = bytes.count
        let contentStart = start + 4
        if hasPrefix(">", at: contentStart) {
            position = contentStart + 1
            return HTMLToken(kind: .comment, range: start..<position, content: contentStart..<contentStart)
        }
        if hasPrefix("->", at: contentStart) {
            position = contentStart + 2
            return HTMLToken(kind: .comment, range: start..<position, content: contentStart..<contentStart)
        }
        var j = contentStart
        while true {
            j = find(UInt8(ascii: "-"), from: j)
            if j >= end { break }
            if hasPrefix("-->", at: j) {
                position = j + 3
                return HTMLToken(kind: .comment, range: start..<position, content: contentStart..<j)
            }
            if hasPrefix("--!>", at: j) {
                position = j + 4
                return HTMLToken(kind: .comment, range: start..<position, content: contentStart..<j)
            }
            j += 1
        }
        position = end
        return HTMLToken(kind: .comment, range: start..<end, content: contentStart..<end)
    }

    /// A start or end tag whose name starts at `nameStart`; nil (and the rest of the
    /// input consumed) when the input ends inside it.
    private mutating func tag(at start: Int, nameStart: Int, isEnd: Bool) -> HTMLToken? {
        let end = bytes.count
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        var i = nameStart
        while i < end && !isTagNameEnd(bytes[i]) { i += 1 }
        let nameRange = nameStart..<i
        var selfClosing = false
        var closed = false
        attributeLoop: while i < end {
            let b = bytes[i]
            if isWhitespace(b) { i += 1; continue }
            if b == UInt8(ascii: ">") { i += 1; closed = true; break }
            if b == UInt8(ascii: "/") {
                if i + 1 < end && bytes[i + 1] == UInt8(ascii: ">") {
                    selfClosing = true
                    i += 2
                    closed = true
                    break
                }
                i += 1
                continue
            }
            // An attribute name; a leading `=` belongs to it.
            let attributeStart = i
            i += 1
            while i < end {
                let c = bytes[i]
                if isWhitespace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") || c == UInt8(ascii: "=") { break }
                i += 1
            }
            let attributeName = attributeStart..<i
            while i < end && isWhitespace(bytes[i]) { i += 1 }
            guard i < end, bytes[i] == UInt8(ascii: "=") else {
                attributes.append(HTMLAttribute(name: attributeName, value: i..<i))
                continue
            }
            i += 1
            while i < end && isWhitespace(bytes[i]) { i += 1 }
            guard i < end else { break }
            let q = bytes[i]
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                let close = find(q, from: i + 1)
                if close < end {
                    attributes.append(HTMLAttribute(name: attributeName, value: (i + 1)..<close))
                    i = close + 1
                    continue
                }
                // Left open at the end of the input: end the value at the first `>` instead.
                let gt = find(UInt8(ascii: ">"), from: i + 1)
                if gt < end {
                    attributes.append(HTMLAttribute(name: attributeName, value: (i + 1)..<gt))
                    i = gt + 1
                    closed = true
                }
                break attributeLoop
            }
            if q == UInt8(ascii: ">") {
                attributes.append(HTMLAttribute(name: attributeName, value: i..<i))
                i += 1
                closed = true
                break
            }
            let valueStart = i
            while i < end && !isWhitespace(bytes[i]) && bytes[i] != UInt8(ascii: ">") { i += 1 }
            attributes.append(HTMLAttribute(name: attributeName, value: valueStart..<i))
        }
        guard closed else {
            position = end
            return nil
        }
        position = i
        let element = HTMLElement.lookup(bytes.baseAddress! + nameStart, nameRange.count)
        let token = HTMLToken(kind: isEnd ? .endTag : .startTag, range: start..<i, content: nameRange,
                              element: element, selfClosing: selfClosing)
        if isEnd {
            if foreignDepth > 0 && (element == .svg || element == .math) { foreignDepth -= 1 }
            return token
        }
        if foreignDepth > 0 {
            if element.breaksOutOfForeignContent {
                foreignDepth = 0
            } else {
                if (element == .svg || element == .math) && !selfClosing { foreignDepth += 1 }
                return token
            }
        }
        if (element == .svg || element == .math) && !selfClosing {
            foreignDepth += 1
        } else if element.isRawText || element.isEscapableRawText {
            startRawText(of: element, at: i)
        }
        return token
    }

    /// Finds where the content of a raw-text element that starts at `contentStart` ends.
    private mutating func startRawText(of element: HTMLElement, at contentStart: Int) {
        if element == .plaintext {
            rawTextEnd = bytes.count
            rawTextElement = element
            return
        }
        if (element == .title && titleEndMissing) || (element == .textarea && textareaEndMissing) { return }
        var name = element.name
        let found: Int? = name.withUTF8 { name in
            var i = contentStart
            while true {
                i = find(UInt8(ascii: "<"), from: i)
                guard i < bytes.count else { return nil }
                if isEndTag(at: i, named: UnsafeRawBufferPointer(name)) { return i }
                i += 1
            }
        }
        if let found {
            rawTextEnd = found
        } else if element.isEscapableRawText {
            // Without an end tag, title and textarea content is parsed as ordinary markup.
            if element == .title { titleEndMissing = true } else { textareaEndMissing = true }
            return
        } else {
            rawTextEnd = bytes.count
        }
        rawTextElement = element
    }

    /// Whether `</name` followed by whitespace, `/` or `>` starts at `i`.
    private func isEndTag(at i: Int, named name: UnsafeRawBufferPointer) -> Bool {
        let after = i + 2 + name.count
        guard after < bytes.count, bytes[i + 1] == UInt8(ascii: "/") else { return false }
        for k in 0..<name.count where bytes[i + 2 + k] | 0x20 != name[k] { return false }
        let b = bytes[after]
        return isWhitespace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">")
    }

    // MARK: - Bytes

    /// The offset of the first `byte` at or after `from`, or the input's length.
    @inline(__always)
    private func find(_ byte: UInt8, from: Int) -> Int {
        let end = bytes.count
        guard from < end else { return end }
        guard let hit = memchr(bytes.baseAddress! + from, Int32(byte), end - from) else { return end }
        return UnsafeRawPointer(hit) - bytes.baseAddress!
    }

    private func hasPrefix(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != s.utf8Start[k] { return false }
        return true
    }

    private func hasPrefixIgnoringCase(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] | 0x20 != s.utf8Start[k] { return false }
        return true
    }
}

@inline(__always)
func isASCIIAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

/// HTML's ASCII whitespace (tab, LF, FF, CR, space).
@inline(__always)
func isWhitespace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
}

@inline(__always)
private func isTagNameEnd(_ b: UInt8) -> Bool {
    isWhitespace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">")
}
