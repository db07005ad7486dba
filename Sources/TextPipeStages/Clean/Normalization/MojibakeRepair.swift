import TextPipe

/// Repairs text that was UTF-8 but got decoded as Windows-1252 or Latin-1 somewhere on
/// its way ("cafÃ©" → "café", "itâ€™s" → "it’s"): a run of characters whose
/// Windows-1252 bytes form a valid multi-byte UTF-8 sequence is replaced by what those
/// bytes say.
struct MojibakeRepair: TextPass {
    /// Windows-1252's characters for bytes 0x80–0x9F (Latin-1 maps them to C1 controls,
    /// which are accepted too).
    static let cp1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    static let plausibleLeads: Set<UInt32> = [0xC2, 0xC3, 0xC4, 0xC5, 0xD0, 0xD1, 0xE2, 0xE3, 0xEF, 0xF0]

    /// The byte a character stood for, if it is one Windows-1252 or Latin-1 can produce.
    @inline(__always) static func byte(for scalar: UInt32) -> UInt8? {
        if scalar >= 0x80 && scalar <= 0xFF { return UInt8(scalar) }
        return cp1252High[scalar]
    }

    func rewrite(_ s: UnsafeRawBufferPointer) -> TextBuilder? {
        var out: TextBuilder?
        var copied = 0
        var i = 0
        let n = s.count
        while i < n {
            // Lead bytes C2–F4 appear as Â..ô, all encoded in UTF-8 as C3 xx.
            guard s[i] == 0xC3 else { i += 1; continue }
            let (lead, leadWidth) = decodeScalar(s, i)
            // Only the leads that real mojibake shows: Â Ã (Latin-1 letters and signs),
            // Ä Å (Latin Extended-A), Ð Ñ (Cyrillic), â ã (punctuation, CJK), ï (BOM and
            // full-width forms), ð (emoji). Correct text such as "groß«" or "ÉTÉ»" has a
            // letter there whose "repair" would turn it into an unrelated script.
            guard Self.plausibleLeads.contains(lead) else { i += leadWidth; continue }
            let needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1
            var bytes: [UInt8] = [UInt8(lead)]
            var j = i + leadWidth
            while bytes.count <= needed && j < n {
                let (scalar, width) = decodeScalar(s, j)
                guard let b = Self.byte(for: scalar), b >= 0x80 && b <= 0xBF else { break }
                bytes.append(b)
                j += width
            }
            guard bytes.count == needed + 1,
                  let decoded = String(validating: bytes, as: UTF8.self),
                  let scalar = decoded.unicodeScalars.first, scalar.value >= 0xA0,
                  !Self.isMark(scalar)
            else { i += leadWidth; continue }
            if out == nil { out = TextBuilder(capacity: n) }
            out!.copy(s, copied..<i)
            out!.replace(i..<j, with: decoded)
            copied = j
            i = j
        }
        guard var out else { return nil }
        out.copy(s, copied..<n)
        return out
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
