import TextPipe

/// One rewrite of a document's text that keeps offsets: returns `nil` when the text
/// needs no change, so unchanged documents cost one scan and no copy.
protocol TextPass: Sendable {
    func rewrite(_ source: UnsafeRawBufferPointer) -> TextBuilder?
}

extension TextPass {
    /// Applies the pass to a document, composing its offset map.
    func apply(to document: inout Document) {
        var text = document.text
        let built = text.withUTF8 { rewrite(UnsafeRawBufferPointer($0)) }
        guard let built else { return }
        let (newText, map) = built.finish()
        document.replaceText(newText, mapping: map)
    }
}

/// Decodes the UTF-8 scalar at `i` (valid UTF-8 assumed, as Swift strings are).
@inline(__always) func decodeScalar(_ s: UnsafeRawBufferPointer, _ i: Int) -> (value: UInt32, width: Int) {
    let b = s[i]
    if b < 0x80 { return (UInt32(b), 1) }
    if b < 0xE0 { return (UInt32(b & 0x1F) << 6 | UInt32(s[i + 1] & 0x3F), 2) }
    if b < 0xF0 { return (UInt32(b & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F), 3) }
    return (UInt32(b & 0x07) << 18 | UInt32(s[i + 1] & 0x3F) << 12 | UInt32(s[i + 2] & 0x3F) << 6 | UInt32(s[i + 3] & 0x3F), 4)
}
