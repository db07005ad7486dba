import CPCRE2

/// A compile error from PCRE2, with the offset in the pattern where it was found.
public struct PCRE2Error: Error, Sendable, CustomStringConvertible {
    public let pattern: String
    public let message: String
    /// For compile errors: where in the pattern, counted in characters (Unicode scalars).
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

/// A match that could not finish: a resource limit was hit (a pathological pattern on a
/// hostile text) or PCRE2 reported another error. The document fails; the run goes on.
public struct MatchFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case matchLimit, depthLimit, heapLimit, jitStackLimit, other }
    public let kind: Kind
    public let code: Int32
    public let pattern: String

    public var description: String {
        switch kind {
        case .matchLimit: return "pattern '\(pattern)' hit the match limit (too much backtracking on this text)"
        case .depthLimit, .jitStackLimit: return "pattern '\(pattern)' hit the depth limit (too much nesting or backtracking on this text)"
        case .heapLimit: return "pattern '\(pattern)' hit the heap limit"
        case .other: return "pattern '\(pattern)': \(PCRE2Error.message(for: code))"
        }
    }

    init(code: Int32, pattern: String) {
        self.code = code
        self.pattern = pattern
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: kind = .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT: kind = .depthLimit
        case PCRE2_ERROR_HEAPLIMIT: kind = .heapLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: kind = .jitStackLimit
        default: kind = .other
        }
    }
}
