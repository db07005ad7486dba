/// The unit in which offsets are written out.
public enum OffsetUnit: String, Sendable, CaseIterable {
    /// Unicode scalar values: what Python's `str`, spaCy and most consumers index by.
    case codepoint
    case utf8
    case utf16
}

/// Converts UTF-8 byte offsets of one text into code-point and UTF-16 offsets in O(1)
/// per query after one pass over the text.
///
/// It stores cumulative counts at every 64-byte block boundary, so a query scans at most
/// 63 bytes. For pure-ASCII text (the common case) all units coincide and nothing is stored.
public struct OffsetIndex: Sendable {
    private static let blockShift = 6
    private let bytes: [UInt8]
    /// Code points before each block start; empty when the text is ASCII.
    private let scalarsBefore: [Int32]
    /// UTF-16 units before each block start; empty when the text is ASCII.
    private let utf16Before: [Int32]
    public let isASCII: Bool
    /// The text's length, for ASCII text (whose bytes are not kept).
    private let asciiCount: Int

    public init(_ text: String) {
        var copy = text
        // Hot path (every export of every document): ASCII text needs no table and no copy,
        // only its length.
        let ascii = copy.withUTF8 { buf in !buf.contains(where: { $0 >= 0x80 }) }
        isASCII = ascii
        if ascii {
            asciiCount = text.utf8.count
            bytes = []
            scalarsBefore = []
            utf16Before = []
            return
        }
        asciiCount = 0
        // One pass over the bytes: a continuation byte (10xxxxxx) never starts a scalar,
        // and a 4-byte lead (11110xxx) is the only one that needs two UTF-16 units.
        let bytes: [UInt8] = copy.withUTF8 { Array($0) }
        self.bytes = bytes
        let blocks = (bytes.count >> Self.blockShift) + 1
        var scalars = [Int32](repeating: 0, count: blocks)
        var units = [Int32](repeating: 0, count: blocks)
        var s: Int32 = 0
        var u: Int32 = 0
        for (i, b) in bytes.enumerated() {
            if i & ((1 << Self.blockShift) - 1) == 0 {
                scalars[i >> Self.blockShift] = s
                units[i >> Self.blockShift] = u
            }
            if b & 0xC0 != 0x80 {
                s += 1
                u += b >= 0xF0 ? 2 : 1
            }
        }
        if bytes.count & ((1 << Self.blockShift) - 1) == 0 {
            scalars[bytes.count >> Self.blockShift] = s
            units[bytes.count >> Self.blockShift] = u
        }
        scalarsBefore = scalars
        utf16Before = units
    }

    /// Converts a UTF-8 byte offset to `unit`. An offset inside a multi-byte character
    /// maps to that character's start.
    public func convert(_ byteOffset: Int, to unit: OffsetUnit) -> Int {
        let offset = min(max(byteOffset, 0), isASCII ? asciiCount : bytes.count)
        if isASCII || unit == .utf8 { return offset }
        let block = offset >> Self.blockShift
        var scalars = Int(scalarsBefore[block])
        var units = Int(utf16Before[block])
        var i = block << Self.blockShift
        while i < offset {
            let b = bytes[i]
            if b & 0xC0 != 0x80 {
                scalars += 1
                units += b >= 0xF0 ? 2 : 1
            }
            i += 1
        }
        // Inside a character: the bytes counted include its lead byte; step back to its start.
        if offset < bytes.count && bytes[offset] & 0xC0 == 0x80 {
            var lead = offset - 1
            while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            scalars -= 1
            units -= bytes[lead] >= 0xF0 ? 2 : 1
        }
        return unit == .codepoint ? scalars : units
    }
}
