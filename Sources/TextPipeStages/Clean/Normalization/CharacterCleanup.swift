import TextPipe

/// Removes control and invisible format characters and applies the chosen typographic
/// normalizations, character by character (one pass, bytes for ASCII).
struct CharacterCleanup: TextPass {
    struct Options: OptionSet, Sendable {
        let rawValue: Int
        static let controls = Options(rawValue: 1)
        static let quotes = Options(rawValue: 2)
        static let dashes = Options(rawValue: 4)
        static let ellipsis = Options(rawValue: 8)
        static let ligatures = Options(rawValue: 16)
        static let spaces = Options(rawValue: 32)
    }

    let options: Options

    /// What a character becomes: `nil` keeps it, "" removes it.
    func replacement(for scalar: UInt32) -> String? {
        if options.contains(.controls) {
            switch scalar {
            case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F, 0x80...0x9F: return ""
            case 0x0C: return "\n"  // a form feed separates pages: keep the break
            // Invisible format characters; ZWJ and ZWNJ stay (emoji sequences, Persian, Indic).
            case 0x00AD, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
                 0xFEFF, 0xFFF9...0xFFFB:
                return ""
            default: break
            }
        }
        if options.contains(.spaces) {
            switch scalar {
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
            case 0x2028: return "\n"
            case 0x2029: return "\n\n"
            default: break
            }
        }
        if options.contains(.quotes) {
            switch scalar {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A: return "'"
            case 0x201C, 0x201D, 0x201E, 0x201F: return "\""
            default: break
            }
        }
        if options.contains(.dashes) {
            switch scalar {
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D: return "-"
            case 0x2014, 0x2015: return "--"
            default: break
            }
        }
        if options.contains(.ellipsis) && scalar == 0x2026 { return "..." }
        if options.contains(.ligatures) {
            switch scalar {
            case 0xFB00: return "ff"
            case 0xFB01: return "fi"
            case 0xFB02: return "fl"
            case 0xFB03: return "ffi"
            case 0xFB04: return "ffl"
            case 0xFB05, 0xFB06: return "st"
            case 0x0132: return "IJ"
            case 0x0133: return "ij"
            default: break
            }
        }
        return nil
    }

    func rewrite(_ s: UnsafeRawBufferPointer) -> TextBuilder? {
        // Hot path: find the first byte that could need a change; most text has none.
        var i = 0
        let n = s.count
        while i < n {
            let b = s[i]
            if b >= 0x20 && b < 0x7F || b == 0x0A || b == 0x09 || b == 0x0D { i += 1; continue }
            if b >= 0x80 {
                let (scalar, width) = decodeScalar(s, i)
                if replacement(for: scalar) == nil { i += width; continue }
            } else if replacement(for: UInt32(b)) == nil {
                i += 1  // a control character that is kept (controls: keep)
                continue
            }
            break
        }
        guard i < n else { return nil }
        var out = TextBuilder(capacity: n)
        out.copy(s, 0..<i)
        var runStart = i
        while i < n {
            let b = s[i]
            let width: Int
            let scalar: UInt32
            if b < 0x80 { (scalar, width) = (UInt32(b), 1) } else { (scalar, width) = decodeScalar(s, i) }
            if (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x09 || b == 0x0D {
                i += 1
                continue
            }
            if let r = replacement(for: scalar) {
                out.copy(s, runStart..<i)
                out.replace(i..<(i + width), with: r)
                runStart = i + width
            }
            i += width
        }
        out.copy(s, runStart..<n)
        return out
    }
}
