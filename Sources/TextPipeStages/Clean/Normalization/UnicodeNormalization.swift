import Foundation
import TextPipe

/// NFC or NFKC normalization that keeps offsets: the text is cut into words at ASCII
/// whitespace (normalization never crosses it), and only words that can change are
/// normalized and replaced whole.
struct UnicodeNormalization: TextPass {
    enum Form: String, Sendable { case nfc, nfkc }
    let form: Form

    /// Whether a word with this scalar might change under the form. Under NFC a character
    /// changes only if it is a combining mark or jamo that composes with what precedes it,
    /// or one of the few characters NFC replaces; precomposed letters of every script, CJK
    /// ideographs, kana and Hangul syllables are already NFC. NFKC also folds
    /// compatibility characters, so any non-ASCII character may change.
    @inline(__always) func mayChange(_ scalar: UInt32) -> Bool {
        switch form {
        case .nfkc: return scalar >= 0xA0
        case .nfc: return Self.nfcMayChange(scalar)
        }
    }

    static func nfcMayChange(_ c: UInt32) -> Bool {
        switch c {
        case 0x0300...0x036F, 0x0374, 0x037E, 0x0387, 0x0483...0x0489, 0x0591...0x05C7, 0x0610...0x061A,
             0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0711, 0x0730...0x074A, 0x07EB...0x07F3,
             0x0816...0x082D, 0x0859...0x085B, 0x08D3...0x08FF,
             0x0900...0x0DFF,              // Indic scripts: nuktas, vowel signs that compose
             0x0E31...0x0E4E, 0x0EB1...0x0ECD, 0x0F00...0x0FFF, 0x102B...0x103E, 0x1100...0x11FF,
             0x1AB0...0x1AFF, 0x1B00...0x1B7F, 0x1DC0...0x1DFF, 0x1F71...0x1FFE, 0x2000...0x2001,
             0x20D0...0x20FF, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC, 0x302A...0x302F,
             0x3099, 0x309A, 0xF900...0xFAFF, 0xFB1D...0xFB4F, 0xFE20...0xFE2F,
             0x1D15E...0x1D1C0, 0x2F800...0x2FA1F:
            return true
        default:
            // Other combining marks (general category Mn/Mc) compose with their base too.
            return c >= 0x0300 && c < 0x2F800 && Self.isCombiningOutsideTable(c)
        }
    }

    /// A slower check for marks outside the ranges above, for scripts the table leaves out:
    /// any mark, since some vowel signs that compose have combining class 0.
    static func isCombiningOutsideTable(_ c: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.canonicalCombiningClass.rawValue != 0
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
                // Replace only what changed, so spans inside the word keep exact offsets.
                let (prefix, suffix) = Self.unchangedEnds(Array(word.utf8), Array(normalized.utf8))
                let middle = Array(normalized.utf8)[prefix..<(normalized.utf8.count - suffix)]
                if out == nil { out = TextBuilder(capacity: n) }
                out!.copy(s, copied..<(start + prefix))
                middle.withUnsafeBytes { out!.replace((start + prefix)..<(end - suffix), withBytes: $0) }
                copied = end - suffix
            }
            i = end
        }
        guard var out else { return nil }
        out.copy(s, copied..<n)
        return out
    }

    /// Bytes at the start and the end that a word and its normalized form share, cut back
    /// to character edges, and at the start to before a character a mark could attach to.
    static func unchangedEnds(_ a: [UInt8], _ b: [UInt8]) -> (prefix: Int, suffix: Int) {
        var p = 0
        while p < a.count && p < b.count && a[p] == b[p] { p += 1 }
        // Step back to a character start, then one more character: the last shared one may
        // be the base of a mark that composed with it.
        while p > 0 && (p < a.count && a[p] & 0xC0 == 0x80) { p -= 1 }
        if p > 0 {
            p -= 1
            while p > 0 && a[p] & 0xC0 == 0x80 { p -= 1 }
        }
        var q = 0
        while q < a.count - p && q < b.count - p && a[a.count - 1 - q] == b[b.count - 1 - q] { q += 1 }
        // The shared end must start at a character edge in both.
        while q > 0 && (a[a.count - q] & 0xC0 == 0x80 || b[b.count - q] & 0xC0 == 0x80) { q -= 1 }
        return (p, q)
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
}
