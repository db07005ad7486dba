import Foundation

/// Finds words in UTF-8 text: runs of letters and digits, joined across one inner
/// apostrophe (' or ’) or hyphen. Works on bytes, with a fast path for ASCII, because it
/// runs over every byte of every document.
enum WordScanner {
    /// Calls `body` with the bytes of each word, in order.
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start: Int?
        var i = 0
        while i < bytes.count {
            let (isWord, length) = wordCharacter(bytes, at: i)
            if isWord {
                if start == nil { start = i }
                i += length
                continue
            }
            if let s = start {
                // An apostrophe or hyphen between two word characters keeps the word going.
                let next = i + length
                if isJoiner(bytes, at: i, length: length), next < bytes.count, wordCharacter(bytes, at: next).isWord {
                    i = next
                    continue
                }
                body(UnsafeBufferPointer(rebasing: bytes[s..<i]))
                start = nil
            }
            i += length
        }
        if let s = start { body(UnsafeBufferPointer(rebasing: bytes[s..<bytes.count])) }
    }

    /// Whether the character at `i` is a letter or digit, and its length in bytes.
    static func wordCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (isWord: Bool, length: Int) {
        let byte = bytes[i]
        if byte < 0x80 {
            let lower = byte | 0x20
            return ((lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39), 1)
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard i + length <= bytes.count else { return (false, bytes.count - i) }
        var value = UInt32(byte) & (0xFF >> UInt32(length + 1))
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return (false, length) }
        let properties = scalar.properties
        return (properties.isAlphabetic || properties.numericType != nil, length)
    }

    static func isJoiner(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Bool {
        if length == 1 { return bytes[i] == 0x27 || bytes[i] == 0x2D }  // ' and -
        // ’ (U+2019) is E2 80 99.
        return length == 3 && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99
    }

    /// The word folded for counting types: ASCII lowercased directly, other scripts by
    /// Unicode's lowercase mapping; ’ counted as '.
    static func lowercased(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if word.allSatisfy({ $0 < 0x80 }) {
            return word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        }
        return Array(String(decoding: word, as: UTF8.self).lowercased().replacingOccurrences(of: "\u{2019}", with: "'").utf8)
    }
}
