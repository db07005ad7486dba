/// The HTML elements the tokenizer and the text extractor treat specially; every other
/// tag name is `.other` (an inline element as far as text layout goes).
public enum HTMLElement: UInt8, CaseIterable, Sendable {
    case other
    // Document structure and metadata.
    case html, head, body, title, meta, link, base
    // Content that is not text: raw text, skipped, or embedded.
    case script, style, noscript, template, iframe, noembed, noframes, xmp, plaintext, textarea
    case svg, math, select, datalist, canvas, audio, video, frameset, frame
    // Blocks.
    case p, div, section, article, header, footer, nav, aside, main, hgroup, search
    case h1, h2, h3, h4, h5, h6
    case ul, ol, menu, dir, li, dl, dt, dd
    case table, caption, thead, tbody, tfoot, tr, td, th, colgroup, col
    case blockquote, figure, figcaption, form, fieldset, legend, address, hr, pre, listing
    case details, summary, dialog, center, option, optgroup
    // Void and inline elements that matter.
    case br, wbr, img, input, area, embed, param, source, track, keygen
    case a, b, big, code, em, font, i, nobr, ruby, s, small, span, strike, strong, sub, sup, tt, u, `var`

    /// The lower-case tag name ("" for `.other`).
    public var name: String { Self.names[Int(rawValue)] }

    private static let names: [String] = allCases.map { $0 == .other ? "" : String(describing: $0) }

    /// Elements without content or end tag.
    public var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .input, .keygen, .link, .meta, .param, .source,
             .track, .wbr, .frame:
            return true
        default:
            return false
        }
    }

    /// Elements whose content the tokenizer reads as raw text up to the matching end tag.
    public var isRawText: Bool {
        switch self {
        case .script, .style, .noscript, .iframe, .noembed, .noframes, .xmp, .plaintext: return true
        default: return false
        }
    }

    /// Elements whose content is text with references but no tags (title, textarea).
    public var isEscapableRawText: Bool { self == .title || self == .textarea }

    /// Elements whose content is never shown as text: parsed, then dropped whole.
    /// (Raw-text ones like script and style are dropped as raw text.)
    var skipsContent: Bool {
        switch self {
        case .template, .svg, .select, .datalist, .canvas, .audio, .video: return true
        default: return false
        }
    }

    /// Elements whose `hidden` attribute hides their content: not void, and with an end tag
    /// that is never left out (an unclosed `<p hidden>` must not hide the rest of the page).
    var mayBeHidden: Bool {
        switch self {
        case .p, .li, .dt, .dd, .tr, .td, .th, .option, .optgroup, .colgroup, .caption, .thead, .tbody, .tfoot,
             .html, .body, .head, .title, .textarea, .plaintext:
            return false
        default:
            return !isVoid
        }
    }

    /// Start tags that close an open `head`: anything that belongs in the body.
    var endsHead: Bool {
        switch self {
        case .head, .html, .title, .meta, .link, .base, .script, .style, .noscript, .template: return false
        default: return true
        }
    }

    /// Elements that start and end a paragraph of text.
    var isBlock: Bool {
        switch self {
        case .html, .body, .p, .div, .section, .article, .header, .footer, .nav, .aside, .main, .hgroup, .search,
             .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .menu, .dir, .li, .dl, .dt, .dd,
             .table, .caption, .thead, .tbody, .tfoot, .tr, .blockquote, .figure, .figcaption, .form, .fieldset,
             .legend, .address, .hr, .pre, .listing, .xmp, .plaintext, .details, .summary, .dialog, .center,
             .option, .optgroup, .frameset, .noframes:
            return true
        default:
            return false
        }
    }

    /// Whether an element is a block container for element paths (not inline).
    var isStructural: Bool { isBlock || self == .td || self == .th }

    /// Block elements whose start tag closes an open `p`.
    var closesParagraph: Bool {
        isBlock && self != .html && self != .body && self != .li && self != .dt && self != .dd && self != .tr
            && self != .thead && self != .tbody && self != .tfoot && self != .caption && self != .option
            && self != .optgroup && self != .frameset && self != .noframes
    }

    var isHeading: Bool { self.rawValue >= HTMLElement.h1.rawValue && self.rawValue <= HTMLElement.h6.rawValue }

    /// Elements whose whitespace is kept as written.
    var keepsWhitespace: Bool { self == .pre || self == .listing || self == .textarea || self == .xmp || self == .plaintext }

    /// Start tags that end SVG or MathML content (the spec's breakout list, less `font`
    /// with attributes, which is treated as a breakout too).
    var breaksOutOfForeignContent: Bool {
        switch self {
        case .b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed,
             .h1, .h2, .h3, .h4, .h5, .h6, .head, .hr, .i, .img, .li, .listing, .menu, .meta, .nobr, .ol, .p, .pre,
             .ruby, .s, .small, .span, .strong, .strike, .sub, .sup, .table, .tt, .u, .ul, .var, .font:
            return true
        default:
            return false
        }
    }

    /// The element named by `length` bytes at `name`, compared without regard to ASCII case.
    /// Hot path: one per tag, so a binary search over packed names instead of hashing.
    @inline(__always)
    static func lookup(_ name: UnsafeRawPointer, _ length: Int) -> HTMLElement {
        guard length > 0 && length <= 16 else { return .other }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for k in 0..<length {
            var b = name.load(fromByteOffset: k, as: UInt8.self)
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b |= 0x20 }
            if k < 8 { low |= UInt64(b) << (8 * k) } else { high |= UInt64(b) << (8 * (k - 8)) }
        }
        let table = sortedKeys
        var lo = 0
        var hi = table.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let key = table[mid]
            if key.low == low && key.high == high { return key.element }
            if key.low < low || (key.low == low && key.high < high) { lo = mid + 1 } else { hi = mid }
        }
        return .other
    }

    /// Every known name, lower-cased and packed into two integers, sorted.
    private static let sortedKeys: [(low: UInt64, high: UInt64, element: HTMLElement)] = {
        var keys: [(low: UInt64, high: UInt64, element: HTMLElement)] = []
        for element in allCases where element != .other {
            var low: UInt64 = 0
            var high: UInt64 = 0
            for (k, b) in element.name.utf8.enumerated() {
                if k < 8 { low |= UInt64(b) << (8 * k) } else { high |= UInt64(b) << (8 * (k - 8)) }
            }
            keys.append((low, high, element))
        }
        return keys.sorted { $0.low < $1.low || ($0.low == $1.low && $0.high < $1.high) }
    }()
}
