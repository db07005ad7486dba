import Foundation
import TextPipe

/// NFC or NFKC normalization that keeps offsets: the text is cut into words at ASCII
/// whitespace (normalization never crosses it), and only words that can change are
/// normalized and replaced whole.
struct UnicodeNormalization: TextPass {
    enum Form: String, Sendable { case nfc, nfkc }
    let form: Form

    /// Whether a word with this scalar might change under the form. For NFC only
    /// combining marks, Hangul jamo, a few singletons and scripts past Armenian can; the
    /// precomposed Latin, Greek and Cyrillic letters of most text are already NFC.
    @inline(__always) func mayChange(_ scalar: UInt32) -> Bool {
        switch form {
        case .nfkc: return scalar >= 0xA0
        case .nfc:
            return (0x0300...0x036F).contains(scalar) || scalar >= 0x0590
                || scalar == 0x0374 || scalar == 0x037E || scalar == 0x0387 || scalar == 0x0340 || scalar == 0x0341
        }
    }

    func normalize(_ word: String) -> String {
        form == .nfc ? word.precomposedStringWithCanonicalMapping : word.precomposedStringWithCompatibilityMapping
    }

    func rewrite(_ s: UnsafeRawBufferPointer) -> TextBuilder? {
        var out: TextBuilder?
        var copied = 0  // source bytes before this are already in `out`
        var i = 0
        let n = s.count
        while i < n {
            // Skip ASCII quickly; a candidate word is a run between ASCII whitespace.
            if s[i] < 0x80 { i += 1; continue }
            let (scalar, width) = decodeScalar(s, i)
            guard mayChange(scalar) else { i += width; continue }
            var start = i
            while start > 0 && !Self.isSpace(s[start - 1]) { start -= 1 }
            var end = i
            while end < n && !Self.isSpace(s[end]) { end += 1 }
            let word = String(decoding: UnsafeRawBufferPointer(rebasing: s[start..<end]), as: UTF8.self)
            let normalized = normalize(word)
            // Compare bytes: String equality is canonical equivalence, which would hide the change.
            if !normalized.utf8.elementsEqual(word.utf8) {
                if out == nil { out = TextBuilder(capacity: n) }
                out!.copy(s, copied..<start)
                out!.replace(start..<end, with: normalized)
                copied = end
            }
            i = end
        }
        guard var out else { return nil }
        out.copy(s, copied..<n)
        return out
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
}
