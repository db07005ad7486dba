import TextPipe

/// Drops the boilerplate lines of plain-text news dumps: navigation leftovers ("No
/// previous article"), share and newsletter prompts, advertisement markers, copyright
/// footers. Only short lines that match a known form as a whole are dropped, so real
/// sentences that mention a newsletter stay.
struct TextBoilerplate: TextPass {
    /// Lines that are boilerplate when they are the whole (trimmed, lower-cased) line.
    static let exactLines: Set<String> = [
        "no previous article", "no next article", "previous article", "next article", "next story",
        "previous story", "advertisement", "advertisements", "sponsored", "sponsored content", "share",
        "share this", "share this article", "share this story", "share on facebook", "share on twitter",
        "share on linkedin", "tweet", "email", "print", "print this article", "read more", "read more:",
        "related", "related articles", "related stories", "more stories", "most read", "most popular",
        "trending", "comments", "leave a comment", "post a comment", "skip to content",
        "skip to main content", "back to top", "menu", "search", "subscribe", "sign in", "log in",
        "continue reading", "show comments", "hide comments", "loading comments...", "accept cookies",
        "accept all cookies", "continue reading below", "story continues below", "article continues below",
        "story continues below advertisement", "article continues below advertisement",
        "advertisement - scroll to continue", "scroll to continue with content",
    ]

    /// Prefixes of short boilerplate lines ("Sign up for our newsletter…", "© 2026 …").
    static let prefixes: [String] = [
        "sign up for our", "sign up to our", "subscribe to our", "subscribe now", "follow us on",
        "click here to", "we use cookies", "this site uses cookies", "this website uses cookies",
        "©", "copyright ©", "(c) 20", "all rights reserved", "share this article", "read more:",
        "related:", "see also:", "get the latest", "don't miss", "download our app", "listen to this article",
    ]

    static let maxLineLength = 100

    static let exactLineBytes: Set<[UInt8]> = Set(exactLines.map { Array($0.utf8) })
    static let prefixBytes: [[UInt8]] = prefixes.map { Array($0.utf8) }
    static let reservedSuffix = Array("all rights reserved".utf8)

    /// Works on bytes (spaces, tabs and no-break spaces trimmed, ASCII letters lower-cased):
    /// the main-text classifier asks this of every short block of every page.
    static func isBoilerplate(_ line: Substring) -> Bool {
        let utf8 = line.utf8
        guard !utf8.isEmpty, utf8.count <= maxLineLength + 16 else { return false }
        var bytes = Array(utf8)
        func isSpace(_ i: Int) -> Int {
            if bytes[i] == 0x20 || bytes[i] == 0x09 { return 1 }
            if bytes[i] == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 { return 2 }
            return 0
        }
        var start = 0
        while start < bytes.count, case let n = isSpace(start), n > 0 { start += n }
        var end = bytes.count
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09
            || (bytes[end - 1] == 0xA0 && end - 2 >= start && bytes[end - 2] == 0xC2))
        {
            end -= bytes[end - 1] == 0xA0 ? 2 : 1
        }
        guard end > start, end - start <= maxLineLength else { return false }
        bytes = Array(bytes[start..<end])
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        if exactLineBytes.contains(bytes) { return true }
        var trimmed = bytes[...]
        if trimmed.last == UInt8(ascii: ".") { trimmed = trimmed.dropLast() }
        if trimmed.count >= reservedSuffix.count && trimmed.suffix(reservedSuffix.count).elementsEqual(reservedSuffix) { return true }
        return prefixBytes.contains { bytes.starts(with: $0) }
    }

    func rewrite(_ s: UnsafeRawBufferPointer) -> TextBuilder? {
        let text = String(decoding: s, as: UTF8.self)
        var out: TextBuilder?
        var copied = 0
        var lineStart = 0
        let n = s.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n && s[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(n, lineEnd + 1)
            let utf8 = text.utf8
            let line = text[utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: lineEnd)]
            if Self.isBoilerplate(line) {
                if out == nil { out = TextBuilder(capacity: n) }
                out!.copy(s, copied..<lineStart)
                out!.replace(lineStart..<next, withBytes: UnsafeRawBufferPointer(start: nil, count: 0))
                copied = next
            }
            lineStart = next
        }
        guard var out else { return nil }
        out.copy(s, copied..<n)
        return out
    }
}

import Foundation
