import PCRE2
import TextPipe

/// One ready-made pattern: a rule of the `regex-tag` stage uses it by name (`use: email`)
/// instead of writing its own regular expression.
///
/// The pattern is written for PCRE2 with UTF and UCP on (what `PCRE2.Regex` always
/// compiles with) and carries its own inline options (`(?x)`, `(?i)`), so it can be copied
/// into a rule as it is. A match that the regular expression cannot judge on its own (a
/// check digit, a day that does not exist in its month) is passed to `validator`, and
/// dropped when the validator says no.
public struct LibraryPattern: Sendable {
    /// The name a rule uses: lower case, words joined by `_`.
    public let name: String
    /// The label a rule gets unless it sets its own.
    public let label: String
    /// One line: what the pattern matches.
    public let summary: String
    /// The PCRE2 source.
    public let pattern: String
    /// Applied to the matched text after a match; `nil` when the pattern alone decides.
    public let validator: (@Sendable (Substring) -> Bool)?

    public init(
        name: String, label: String, summary: String, pattern: String,
        validator: (@Sendable (Substring) -> Bool)? = nil
    ) {
        self.name = name
        self.label = label
        self.summary = summary
        self.pattern = pattern
        self.validator = validator
    }

    /// Compiles the pattern (JIT when available).
    public func compile() throws -> CompiledLibraryPattern {
        try CompiledLibraryPattern(self)
    }
}

/// A library pattern compiled once and shared by all workers; match state is per worker.
public final class CompiledLibraryPattern: Sendable {
    public let entry: LibraryPattern
    public let regex: PCRE2.Regex

    public init(_ entry: LibraryPattern) throws {
        self.entry = entry
        self.regex = try PCRE2.Regex(entry.pattern)
    }

    /// Byte ranges (UTF-8) of the matches in `text` that pass the validator.
    public func matches(in text: String, scratch: MatchScratch) -> [Range<Int>] {
        let ranges = regex.matches(in: text, scratch: scratch)
        guard let validator = entry.validator, !ranges.isEmpty else { return ranges }
        // PCRE2 in UTF mode only reports ranges on code-point boundaries.
        return ranges.filter { validator(text.slice(utf8: $0)) }
    }

    /// Byte ranges of the validated matches in a UTF-8 buffer.
    public func matches(in buffer: UnsafeRawBufferPointer, scratch: MatchScratch) -> [Range<Int>] {
        let ranges = regex.matches(in: buffer, scratch: scratch)
        guard let validator = entry.validator, !ranges.isEmpty else { return ranges }
        return ranges.filter { r in
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[r]), as: UTF8.self)
            return validator(text[...])
        }
    }

    /// Convenience for one-off use and tests: allocates its own match state.
    public func matches(in text: String) -> [Range<Int>] {
        matches(in: text, scratch: MatchScratch())
    }

    /// The matched substrings, in order.
    public func matchedStrings(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return matches(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}

/// The library of ready patterns, in priority order (when two patterns find spans of the
/// same length at the same place, the earlier one is the better description: a `date`
/// before a `number`). See Docs/Patterns.md for what each one matches and leaves alone.
public enum PatternLibrary {
    public static let all: [LibraryPattern] = [
        ReadyPatterns.email,
        ReadyPatterns.url,
        ReadyPatterns.ipv4,
        ReadyPatterns.ipv6,
        ReadyPatterns.uuid,
        ReadyPatterns.isbn,
        ReadyPatterns.creditCard,
        ReadyPatterns.phone,
        ReadyPatterns.datetime,
        ReadyPatterns.date,
        ReadyPatterns.time,
        ReadyPatterns.money,
        ReadyPatterns.percent,
        ReadyPatterns.ordinal,
        ReadyPatterns.number,
        ReadyPatterns.hashtag,
        ReadyPatterns.mention,
    ]

    /// Every name, in library order.
    public static var names: [String] { all.map(\.name) }

    /// The pattern with this name. Case and `-` versus `_` do not matter
    /// (`credit-card` finds `credit_card`).
    public static func pattern(named name: String) -> LibraryPattern? {
        let key = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        return all.first { $0.name == key }
    }
}
