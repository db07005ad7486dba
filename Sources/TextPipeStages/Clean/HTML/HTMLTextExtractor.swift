import TextPipe

/// Turns HTML into the text a reader sees, with an offset map back to the HTML bytes,
/// the page's metadata, and a record per block for main-text extraction.
///
/// Layout follows a browser's rendering, simplified to plain text: whitespace collapses
/// (except in pre, listing, textarea), block elements start a new paragraph (a blank
/// line, never two in a row), `br` starts a new line, list items get a bullet ("• ") or
/// their number ("1. "), table cells are separated by a tab. Script, style, noscript,
/// template, iframe, SVG, select, canvas, audio and video content is dropped, and so is
/// that of elements with the `hidden` attribute.
public struct HTMLTextExtractor: Sendable {
    public struct Options: Sendable, Hashable {
        /// Put an image's alt text where the image is.
        public var imageAltText: Bool
        /// Separate list items, definition terms and table rows by a line break instead of
        /// a blank line. They stay separate blocks either way.
        public var compactLists: Bool

        public init(imageAltText: Bool = false, compactLists: Bool = false) {
            self.imageAltText = imageAltText
            self.compactLists = compactLists
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The text of `html`; offsets in the result are UTF-8 byte offsets into `html`.
    public func extract(_ html: String) -> HTMLText {
        var html = html
        return html.withUTF8 { bytes in
            guard bytes.count > 0 else { return HTMLText(text: "", map: OffsetMap(), metadata: OrderedFields(), blocks: []) }
            var layout = HTMLTextLayout(source: UnsafeRawBufferPointer(bytes), options: options)
            return layout.run(sourceIsValidUTF8: true)
        }
    }

    /// The text of HTML source bytes. Ill-formed UTF-8 is kept as U+FFFD, each standing
    /// for the bytes it replaces, so offsets stay exact.
    public func extract(_ bytes: UnsafeRawBufferPointer) -> HTMLText {
        guard bytes.count > 0 else {
            return HTMLText(text: "", map: OffsetMap(), metadata: OrderedFields(), blocks: [])
        }
        var layout = HTMLTextLayout(source: bytes, options: options)
        return layout.run(sourceIsValidUTF8: false)
    }
}
