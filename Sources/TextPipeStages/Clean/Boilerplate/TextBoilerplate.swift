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

    static let exactLineHashes: Set<UInt64> = Set(exactLines.map { hash($0.utf8[...]) })
    static let prefixBytes: [[UInt8]] = prefixes.map { Array($0.utf8) }
    static let reservedSuffix = Array("all rights reserved".utf8)

    /// FNV-1a of bytes, ASCII letters lower-cased.
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for var b in bytes {
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h
    }

    static func isBoilerplate(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { isBoilerplate($0) }
    }

    /// Works on bytes, without allocating (spaces, tabs and no-break spaces trimmed, ASCII
    /// letters lower-cased): the main-text classifier asks this of every short block of
    /// every page.
    static func isBoilerplate(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isEmpty, line.count <= maxLineLength + 16 else { return false }
        var start = 0, end = line.count
        while start < end {
            if line[start] == 0x20 || line[start] == 0x09 {
                start += 1
            } else if line[start] == 0xC2 && start + 1 < end && line[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if line[end - 1] == 0x20 || line[end - 1] == 0x09 {
                end -= 1
            } else if line[end - 1] == 0xA0 && end - 2 >= start && line[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        let bytes = UnsafeBufferPointer(rebasing: line[start..<end])
        guard !bytes.isEmpty, bytes.count <= maxLineLength else { return false }
        if exactLineHashes.contains(hash(bytes)) { return true }
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
        let body = bytes.last == UInt8(ascii: ".") ? bytes.count - 1 : bytes.count
        if body >= reservedSuffix.count
            && (0..<reservedSuffix.count).allSatisfy({ lower(bytes[body - reservedSuffix.count + $0]) == reservedSuffix[$0] })
        {
            return true
        }
        return prefixBytes.contains { prefix in
            prefix.count <= bytes.count && (0..<prefix.count).allSatisfy { lower(bytes[$0]) == prefix[$0] }
        }
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
            let line = text.slice(utf8: lineStart..<lineEnd)
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
