/// A JSON syntax error, with the byte offset where it was found.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public var description: String { "\(message) at byte \(offset)" }
}

/// Parses JSON text into `JSONValue`, keeping object key order. Works on UTF-8 bytes
/// because JSONL inputs are read line by line as raw buffers.
public struct JSONParser {
    private let bytes: UnsafeRawBufferPointer
    private var i = 0
    private var depth = 0
    private static let maxDepth = 512

    /// Parses one complete JSON value from `buffer` (surrounding whitespace allowed).
    public static func parse(_ buffer: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        var p = JSONParser(bytes: buffer)
        p.skipWhitespace()
        let v = try p.parseValue()
        p.skipWhitespace()
        if p.i != buffer.count { throw p.error("unexpected data after the JSON value") }
        return v
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { buf in
            do throws(JSONParseError) { return .success(try parse(UnsafeRawBufferPointer(buf))) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private func error(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: i) }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case 0x7B: return try parseObject()
        case 0x5B: return try parseArray()
        case 0x22: return .string(try parseString())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0x2D, 0x30...0x39: return try parseNumber()
        default: throw error("unexpected character '\(Self.printable(bytes[i]))'")
        }
    }

    private static func printable(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16)
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let ok = i + n <= bytes.count && word.withUTF8Buffer { w in
            (0..<n).allSatisfy { bytes[i + $0] == w[$0] }
        }
        guard ok else {
            let end = min(bytes.count, i + 16)
            let found = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
            throw error("unexpected text '\(found)'")
        }
        i += n
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        var fields = OrderedFields()
        skipWhitespace()
        if i < bytes.count && bytes[i] == 0x7D { i += 1; depth -= 1; return .object(fields) }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == 0x22 else { throw error("expected a string key") }
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == 0x3A else { throw error("expected ':' after an object key") }
            i += 1
            skipWhitespace()
            fields[key] = try parseValue()
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { i += 1; break }
            throw error("expected ',' or '}' in an object")
        }
        depth -= 1
        return .object(fields)
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == 0x5D { i += 1; depth -= 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in a list") }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x5D { i += 1; break }
            throw error("expected ',' or ']' in a list")
        }
        depth -= 1
        return .array(items)
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        i += 1  // opening quote
        let start = i
        // Fast path: no escapes, valid UTF-8.
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
                i += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if b == 0x5C || b < 0x20 { break }
            i += 1
        }
        var out: [UInt8] = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { throw error("control character in a string") }
            if b != 0x5C { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                let first = try hex4()
                var scalar = first
                if (0xD800..<0xDC00).contains(first) {
                    // A high surrogate pairs with an escaped low surrogate that follows; any
                    // other escape there is left for the next round, so nothing is lost.
                    scalar = 0xFFFD
                    if i + 5 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                        let mark = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = mark
                        }
                    }
                } else if (0xDC00..<0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: String(Character(UnicodeScalar(scalar)!)).utf8)
            default: throw error("invalid escape '\\\(Self.printable(e))'")
            }
        }
        throw error("unterminated string")
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw error("invalid hex digit in a \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = i
        var isInteger = true
        if bytes[i] == 0x2D { i += 1 }
        guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { throw error("invalid number") }
        while i < bytes.count {
            switch bytes[i] {
            case 0x30...0x39: i += 1
            case 0x2E, 0x65, 0x45, 0x2B, 0x2D: isInteger = false; i += 1
            default:
                return try finishNumber(start: start, isInteger: isInteger)
            }
        }
        return try finishNumber(start: start, isInteger: isInteger)
    }

    private func finishNumber(start: Int, isInteger: Bool) throws(JSONParseError) -> JSONValue {
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard Self.isValidNumber(text) else { throw JSONParseError(message: "invalid number '\(text)'", offset: start) }
        if isInteger, let v = Int(text) { return .int(v) }
        guard let d = Double(text) else {
            throw JSONParseError(message: "invalid number '\(text)'", offset: start)
        }
        // Too large for Int, or beyond Double's range: keep the digits rather than round.
        if isInteger || !d.isFinite { return .number(text) }
        return .double(d)
    }

    /// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private static func isValidNumber(_ text: String) -> Bool {
        var u = Array(text.utf8)[...]
        func digits() -> Int {
            let n = u.prefix(while: { $0 >= 0x30 && $0 <= 0x39 }).count
            u = u.dropFirst(n)
            return n
        }
        if u.first == 0x2D { u = u.dropFirst() }
        if u.first == 0x30 { u = u.dropFirst() } else if digits() == 0 { return false }
        if u.first == 0x2E { u = u.dropFirst(); if digits() == 0 { return false } }
        if u.first == 0x65 || u.first == 0x45 {
            u = u.dropFirst()
            if u.first == 0x2B || u.first == 0x2D { u = u.dropFirst() }
            if digits() == 0 { return false }
        }
        return u.isEmpty
    }
}
