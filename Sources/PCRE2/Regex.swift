import CPCRE2

/// A compile error from PCRE2, with the offset in the pattern where it was found.
public struct PCRE2Error: Error, Sendable, CustomStringConvertible {
    public let pattern: String
    public let message: String
    /// Byte offset in the pattern, for compile errors.
    public let offset: Int?

    public var description: String {
        if let offset { return "pattern '\(pattern)': \(message) at offset \(offset)" }
        return "pattern '\(pattern)': \(message)"
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// A compiled pattern (UTF and UCP on, JIT-compiled when available). Immutable once built,
/// so one instance is shared by every worker; match state lives in `MatchScratch`.
public final class Regex: @unchecked Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseless = Options(rawValue: PCRE2_CASELESS)
        public static let multiline = Options(rawValue: PCRE2_MULTILINE)
        public static let dotAll = Options(rawValue: PCRE2_DOTALL)
        public static let extended = Options(rawValue: PCRE2_EXTENDED)
        public static let anchored = Options(rawValue: PCRE2_ANCHORED)
    }

    public let pattern: String
    let code: OpaquePointer
    public let isJIT: Bool

    public init(_ pattern: String, options: Options = []) throws {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let flags = options.rawValue | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF
        let compiled = pattern.withCString { p in
            p.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, flags, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PCRE2Error(pattern: pattern, message: PCRE2Error.message(for: errorCode), offset: errorOffset)
        }
        code = compiled
        isJIT = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
    }

    deinit { pcre2_code_free_8(code) }

    /// The byte ranges of every non-overlapping match in `text`.
    public func matches(in text: String, scratch: MatchScratch) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { matches(in: UnsafeRawBufferPointer($0), scratch: scratch) }
    }

    public func matches(in buffer: UnsafeRawBufferPointer, scratch: MatchScratch) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        let subject = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer<UInt8>(bitPattern: 1)!
        while start <= buffer.count {
            let rc = pcre2_match_8(code, subject, buffer.count, start, 0, scratch.data, nil)
            guard rc > 0 else { break }
            let ov = pcre2_get_ovector_pointer_8(scratch.data)!
            let lo = Int(ov[0]), hi = Int(ov[1])
            out.append(lo..<hi)
            if hi > lo {
                start = hi
            } else {
                // An empty match: step past one whole UTF-8 character.
                var next = hi + 1
                while next < buffer.count && (buffer[next] & 0xC0) == 0x80 { next += 1 }
                start = next
            }
        }
        return out
    }
}

/// Per-worker match state (PCRE2 match data). Not thread-safe: one per worker.
public final class MatchScratch {
    let data: OpaquePointer
    public init(capacity: UInt32 = 32) {
        data = pcre2_match_data_create_8(capacity, nil)
    }
    deinit { pcre2_match_data_free_8(data) }
}
