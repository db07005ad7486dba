/// A glob pattern over relative paths: `*` and `?` stay within one path segment, `**`
/// spans segments, `[abc]`, `[!a-z]` match one character, `{a,b}` gives alternatives.
/// A pattern without `/` matches the file name at any depth (`*.txt`), as in .gitignore.
public struct GlobPattern: Sendable {
    public let text: String
    private let alternatives: [[UInt8]]
    private let matchesNameOnly: Bool

    public init(_ text: String) {
        self.text = text
        // `./x` means `x`; a trailing `/` names a folder, so it means everything below it.
        var pattern = Substring(text)
        while pattern.hasPrefix("./") { pattern = pattern.dropFirst(2) }
        let normalized = pattern.hasSuffix("/") ? pattern + "**" : String(pattern)
        alternatives = Self.expandBraces(Array(normalized.utf8))
        matchesNameOnly = !normalized.contains("/")
    }

    /// A description of what is wrong with a pattern, or `nil` when it is valid.
    public static func problem(in text: String) -> String? {
        if text.isEmpty { return "the pattern is empty" }
        if text.hasPrefix("/") { return "patterns are relative to input.path; remove the leading '/'" }
        var depth = 0
        var inClass = false
        var escaped = false
        for c in text.utf8 {
            if escaped { escaped = false; continue }
            switch c {
            case UInt8(ascii: "\\"): escaped = true
            case UInt8(ascii: "["): inClass = true
            case UInt8(ascii: "]"): inClass = false
            case UInt8(ascii: "{") where !inClass: depth += 1
            case UInt8(ascii: "}") where !inClass:
                depth -= 1
                if depth < 0 { return "'}' without a matching '{'" }
            default: break
            }
        }
        if inClass { return "'[' without a closing ']'" }
        if depth > 0 { return "'{' without a closing '}'" }
        return nil
    }

    /// Whether the relative path (segments joined by `/`) matches.
    public func matches(_ relativePath: String) -> Bool {
        var path = relativePath
        return path.withUTF8 { buf in
            let bytes = buf
            var subject = bytes
            if matchesNameOnly, let slash = bytes.lastIndex(of: UInt8(ascii: "/")) {
                subject = UnsafeBufferPointer(rebasing: bytes[(slash + 1)...])
            }
            for alt in alternatives {
                let ok = alt.withUnsafeBufferPointer { p in Self.match(p, 0, subject, 0) }
                if ok { return true }
            }
            return false
        }
    }

    /// Whether an excluded folder should not be entered: the pattern matches the folder
    /// itself, or is `FOLDER/**`.
    public func excludesDirectory(_ relativePath: String) -> Bool {
        if matches(relativePath) { return true }
        var path = relativePath
        return path.withUTF8 { subject in
            alternatives.contains { alt in
                guard alt.count > 3, alt.suffix(3).elementsEqual("/**".utf8) else { return false }
                return alt.withUnsafeBufferPointer { p in
                    Self.match(UnsafeBufferPointer(rebasing: p[..<(p.count - 3)]), 0, subject, 0)
                }
            }
        }
    }

    private static func match(_ p: UnsafeBufferPointer<UInt8>, _ pi: Int, _ s: UnsafeBufferPointer<UInt8>, _ si: Int) -> Bool {
        var pi = pi, si = si
        let slash = UInt8(ascii: "/")
        while pi < p.count {
            let c = p[pi]
            if c == UInt8(ascii: "*") {
                if pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "*") {
                    // `**/` matches whole leading segments (or none): what follows must start
                    // at a segment boundary. A bare `**` matches any characters, `/` included.
                    var next = pi + 2
                    let segments = next < p.count && p[next] == slash
                    if segments { next += 1 }
                    var k = si
                    while k <= s.count {
                        if (!segments || k == si || s[k - 1] == slash) && match(p, next, s, k) { return true }
                        k += 1
                    }
                    return false
                }
                var k = si
                while true {
                    if match(p, pi + 1, s, k) { return true }
                    if k >= s.count || s[k] == slash { return false }
                    k += 1
                }
            }
            guard si < s.count else { return false }
            switch c {
            case UInt8(ascii: "?"):
                if s[si] == slash { return false }
                si += 1
                pi += 1
                while si < s.count && s[si] & 0xC0 == 0x80 { si += 1 }  // a whole UTF-8 character
            case UInt8(ascii: "["):
                let (scalar, width) = Self.scalar(s, si)
                guard let (matched, end) = matchClass(p, pi, scalar) else {
                    if s[si] != c { return false }  // no closing ']': a literal '['
                    si += 1; pi += 1
                    continue
                }
                if !matched || s[si] == slash { return false }
                si += width
                pi = end
            case UInt8(ascii: "\\") where pi + 1 < p.count:
                if s[si] != p[pi + 1] { return false }
                si += 1
                pi += 2
            default:
                if s[si] != c { return false }
                si += 1
                pi += 1
            }
        }
        return si == s.count
    }

    /// The Unicode scalar at `i` and its length in bytes (one byte for invalid UTF-8).
    private static func scalar(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b = s[i]
        guard b >= 0x80 else { return (UInt32(b), 1) }
        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard width > 1, i + width <= s.count else { return (UInt32(b), 1) }
        var value = UInt32(b) & (0xFF >> (width + 1))
        for k in 1..<width {
            let c = s[i + k]
            guard c & 0xC0 == 0x80 else { return (UInt32(b), 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (value, width)
    }

    /// Matches a character against `[...]` at `pi` (members and ranges are whole
    /// characters, so `[é]` works); returns whether it matched and the index after `]`.
    private static func matchClass(_ p: UnsafeBufferPointer<UInt8>, _ pi: Int, _ c: UInt32) -> (Bool, Int)? {
        var i = pi + 1
        var negate = false
        if i < p.count && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^")) { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < p.count && (p[i] != UInt8(ascii: "]") || first) {
            first = false
            if p[i] == UInt8(ascii: "\\") && i + 1 < p.count { i += 1 }
            let (lo, w) = scalar(p, i)
            i += w
            if i + 1 < p.count && p[i] == UInt8(ascii: "-") && p[i + 1] != UInt8(ascii: "]") {
                let (hi, w2) = scalar(p, i + 1)
                if c >= lo && c <= hi { matched = true }
                i += 1 + w2
            } else if c == lo {
                matched = true
            }
        }
        guard i < p.count else { return nil }
        return (matched != negate, i + 1)
    }

    /// Expands `{a,b}` groups (nested allowed) into separate patterns.
    static func expandBraces(_ p: [UInt8]) -> [[UInt8]] {
        guard let open = p.firstIndex(of: UInt8(ascii: "{")) else { return [p] }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for i in open..<p.count {
            if p[i] == UInt8(ascii: "{") { depth += 1 }
            if p[i] == UInt8(ascii: "}") { depth -= 1; if depth == 0 { close = i; break } }
            if p[i] == UInt8(ascii: ",") && depth == 1 { commas.append(i) }
        }
        guard let close else { return [p] }
        let prefix = Array(p[..<open]), suffix = Array(p[(close + 1)...])
        var bounds = [open] + commas + [close]
        var result: [[UInt8]] = []
        for k in 0..<(bounds.count - 1) {
            let part = Array(p[(bounds[k] + 1)..<bounds[k + 1]])
            result += expandBraces(prefix + part + suffix)
        }
        bounds.removeAll()
        return result
    }
}
