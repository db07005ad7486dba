import CPCRE2

/// A compiled pattern (UTF and UCP on, JIT-compiled when available). Immutable once built,
/// so one instance is shared by every worker; match state lives in a per-worker `MatchScratch`.
public final class Regex: @unchecked Sendable {
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseless = Options(rawValue: PCRE2_CASELESS)
        public static let multiline = Options(rawValue: PCRE2_MULTILINE)
        public static let dotAll = Options(rawValue: PCRE2_DOTALL)
        public static let extended = Options(rawValue: PCRE2_EXTENDED)
        public static let anchored = Options(rawValue: PCRE2_ANCHORED)
        public static let ungreedy = Options(rawValue: PCRE2_UNGREEDY)
    }

    public let pattern: String
    public let options: Options
    let code: OpaquePointer
    public let isJIT: Bool
    /// The number of capture groups (group 0, the whole match, not counted).
    public let captureCount: Int
    /// Group numbers by name, for `(?<name>…)` groups.
    public let groupNames: [String: Int]

    public init(_ pattern: String, options: Options = []) throws(PCRE2Error) {
        self.pattern = pattern
        self.options = options
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let flags = options.rawValue | PCRE2_UTF | PCRE2_UCP
        var bytes = Array(pattern.utf8)
        if bytes.isEmpty { bytes = [0] }  // a valid pointer; the length passed is still 0
        let compiled = bytes.withUnsafeBufferPointer {
            pcre2_compile_8($0.baseAddress, pattern.utf8.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            // PCRE2 counts bytes; people count characters.
            let characters = String(decoding: pattern.utf8.prefix(errorOffset), as: UTF8.self).unicodeScalars.count
            throw PCRE2Error(pattern: pattern, message: PCRE2Error.message(for: errorCode), offset: characters)
        }
        code = compiled
        isJIT = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        groupNames = Self.readNameTable(compiled)
    }

    deinit { pcre2_code_free_8(code) }

    /// PCRE2's name table: entries of a 2-byte big-endian group number and the name.
    private static func readNameTable(_ code: OpaquePointer) -> [String: Int] {
        var count: UInt32 = 0, entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        guard count > 0 else { return [:] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [:] }
        var names: [String: Int] = [:]
        for i in 0..<Int(count) {
            let entry = table + i * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            names[String(cString: entry + 2)] = number
        }
        return names
    }

    /// The first match at or after `start`; `nil` when there is none. `validUTF8` skips
    /// PCRE2's UTF check (Swift strings are always valid).
    public func firstMatch(in subject: UnsafeRawBufferPointer, from start: Int = 0, scratch: MatchScratch,
                           validUTF8: Bool = false, extraOptions: UInt32 = 0) throws(MatchFailure) -> Match?
    {
        let data = scratch.matchData(for: self)
        let pointer = subject.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? Self.emptySubject
        let rc = pcre2_match_8(code, pointer, subject.count, start,
                               extraOptions | (validUTF8 ? PCRE2_NO_UTF_CHECK : 0), data, scratch.context)
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        guard rc > 0 else { throw MatchFailure(code: rc, pattern: pattern) }
        let ovector = pcre2_get_ovector_pointer_8(data)!
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(captureCount + 1)
        for g in 0...captureCount {
            let lo = ovector[2 * g], hi = ovector[2 * g + 1]
            groups.append(g < Int(rc) && lo != Self.unset ? Int(lo)..<Int(hi) : nil)
        }
        return Match(groups: groups, names: groupNames)
    }

    /// PCRE2_UNSET, the ovector value of a group that did not take part (~0 as size_t).
    static let unset = Int(bitPattern: UInt.max)

    // A one-byte buffer that is never written: PCRE2 wants a non-null subject.
    nonisolated(unsafe) private static let emptySubject: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()

    /// Calls `body` with every non-overlapping match in order; `body` returns false to stop.
    /// After an empty match the next search starts at the same place but may not match
    /// empty there (PCRE2_NOTEMPTY_ATSTART): it finds a non-empty match at that place or
    /// the next match further on, as Perl does, and PCRE2 steps whole characters. Without
    /// PCRE2_ANCHORED, the retry keeps using the JIT.
    public func forEachMatch(in subject: UnsafeRawBufferPointer, scratch: MatchScratch, validUTF8: Bool = false,
                             _ body: (Match) throws -> Bool) throws
    {
        var start = 0
        var afterEmpty = false
        while start <= subject.count {
            let options: UInt32 = afterEmpty ? PCRE2_NOTEMPTY_ATSTART : 0
            guard let match = try firstMatch(in: subject, from: start, scratch: scratch, validUTF8: validUTF8,
                                             extraOptions: options)
            else { return }
            guard try body(match) else { return }
            afterEmpty = match.range.isEmpty
            start = match.range.upperBound
        }
    }

    /// The byte ranges of every non-overlapping match in `text`.
    public func matches(in text: String, scratch: MatchScratch) -> [Range<Int>] {
        (try? allMatches(in: text, scratch: scratch).map(\.range)) ?? []
    }

    /// The byte ranges of every non-overlapping match in a UTF-8 buffer (checked as UTF-8
    /// by PCRE2); a match that hits a limit ends the list.
    public func matches(in buffer: UnsafeRawBufferPointer, scratch: MatchScratch) -> [Range<Int>] {
        var out: [Range<Int>] = []
        try? forEachMatch(in: buffer, scratch: scratch) { out.append($0.range); return true }
        return out
    }

    /// Every non-overlapping match in `text`, with capture groups.
    public func allMatches(in text: String, scratch: MatchScratch) throws(MatchFailure) -> [Match] {
        var text = text
        var out: [Match] = []
        var failure: MatchFailure?
        text.withUTF8 { buf in
            do {
                try forEachMatch(in: UnsafeRawBufferPointer(buf), scratch: scratch, validUTF8: true) { out.append($0); return true }
            } catch let e as MatchFailure { failure = e } catch {}
        }
        if let failure { throw failure }
        return out
    }

    /// `text` with every match replaced by `template`, where `$1`, `${name}` and `$$` refer
    /// to groups and a dollar sign (PCRE2's extended substitution syntax).
    public func replacingMatches(in text: String, with template: String, scratch: MatchScratch) throws -> String {
        let data = scratch.matchData(for: self)
        let subject = Array(text.utf8), replacement = Array(template.utf8)
        var capacity = subject.count + subject.count / 2 + 64
        while true {
            var output = [UInt8](repeating: 0, count: capacity)
            var length = capacity
            let rc = subject.withUnsafeBufferPointer { s in
                replacement.withUnsafeBufferPointer { r in
                    output.withUnsafeMutableBufferPointer { o in
                        pcre2_substitute_8(code, s.baseAddress ?? Self.emptySubject, s.count, 0,
                                           PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_EXTENDED | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_NO_UTF_CHECK,
                                           data, scratch.context, r.baseAddress ?? Self.emptySubject, r.count, o.baseAddress, &length)
                    }
                }
            }
            if rc == PCRE2_ERROR_NOMEMORY { capacity = length + 1; continue }
            guard rc >= 0 else {
                if [PCRE2_ERROR_BADREPLACEMENT, PCRE2_ERROR_BADREPESCAPE, PCRE2_ERROR_REPMISSINGBRACE,
                    PCRE2_ERROR_BADSUBSTITUTION, PCRE2_ERROR_NOSUBSTRING, PCRE2_ERROR_UNSET].contains(rc) {
                    throw PCRE2Error(pattern: template, message: PCRE2Error.message(for: rc), offset: nil)
                }
                throw MatchFailure(code: rc, pattern: pattern)
            }
            return String(decoding: output[0..<length], as: UTF8.self)
        }
    }
}

/// One match: the whole match and each capture group, as UTF-8 byte ranges.
public struct Match: Sendable {
    /// Group 0 is the whole match; a group that did not take part is `nil`.
    public let groups: [Range<Int>?]
    let names: [String: Int]

    public var range: Range<Int> { groups[0]! }

    public func group(_ number: Int) -> Range<Int>? { number < groups.count ? groups[number] : nil }
    public func group(named name: String) -> Range<Int>? { names[name].flatMap(group) }
    /// The names of the groups that matched, with their ranges.
    public var namedGroups: [(name: String, range: Range<Int>)] {
        names.sorted { $0.value < $1.value }.compactMap { name, number in group(number).map { (name, $0) } }
    }
}
