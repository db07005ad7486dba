import PCRE2
import TextPipe

/// The `regex-tag` stage: finds spans with PCRE2 rules and gazetteer term lists and puts
/// them, labelled, in a layer (`tags` by default).
public struct RegexTagStage: DocumentStage {
    /// A compiled rule.
    struct Rule: Sendable {
        let label: String
        let regex: Regex
        /// The group whose range is the span: a number, or resolved from a name.
        let group: Int
        let priority: Int
        let validator: (@Sendable (Substring) -> Bool)?
        /// The library name when the rule uses a ready pattern.
        let readyName: String?
    }

    struct TermList: Sendable {
        let gazetteer: Gazetteer
        let priority: Int
        let source: String
    }

    enum Scope: String, Sendable { case text, sentences, paragraphs }
    enum Overlaps: String, Sendable { case all, longest, priority }

    let rules: [Rule]
    let termLists: [TermList]
    let scope: Scope
    let overlaps: Overlaps
    let layer: String
    let limits: MatchLimits
    /// Identifies this stage's per-worker match scratch.
    let scratchKey = ScratchKey()

    static let ruleFields: [ParameterSpec] = [
        ParameterSpec("label", .string, "The span label, such as ORG or MONEY. Required unless `use` gives a default."),
        ParameterSpec("pattern", .string, "A PCRE2 pattern (UTF and Unicode properties on)."),
        ParameterSpec("use", .string, "A ready pattern from the library by name instead of `pattern` (see Docs/Patterns.md)."),
        ParameterSpec("flags", .list(.choice(["caseless", "multiline", "dotall", "extended"])), default: [],
                      "PCRE2 options for this pattern."),
        ParameterSpec("group", .string, default: "0",
                      "The capture group that is the span: a number or a group name (0, the default, is the whole match)."),
        ParameterSpec("priority", .integer(), default: 0, "With `overlaps: priority`, higher wins."),
    ]

    static let gazetteerFields: [ParameterSpec] = [
        ParameterSpec("file", .path(relativeTo: .pipelineFile), required: true,
                      "The term list: one term a line, optionally a tab and a label, and a tab and an id; `#` starts a comment line."),
        ParameterSpec("label", .string, required: true, "The label of terms whose line gives none."),
        ParameterSpec("case", .choice(["sensitive", "insensitive"]), default: "sensitive", "Whether case matters."),
        ParameterSpec("whole_word", .boolean, default: true,
                      "Match only where no letter or digit (of any script) touches the term on either side."),
        ParameterSpec("priority", .integer(), default: 0, "With `overlaps: priority`, higher wins."),
    ]

    public static let descriptor = StageDescriptor(
        name: "regex-tag",
        summary: "Tag spans with PCRE2 rules, ready patterns and gazetteer term lists.",
        parameters: [
            ParameterSpec("rules", .list(.record(ruleFields)), default: [], "Pattern rules, tried in order."),
            ParameterSpec("gazetteers", .list(.record(gazetteerFields)), default: [], "Term lists, matched in one pass each."),
            ParameterSpec("scope", .choice(["text", "sentences", "paragraphs"]), default: "text",
                          "Match over the whole text, or within each sentence or paragraph (no match crosses one)."),
            ParameterSpec("overlaps", .choice(["all", "longest", "priority"]), default: "longest",
                          "What to do with overlapping spans: keep `all`; keep the `longest` (earlier start wins a tie); or the highest `priority`, then longest."),
            ParameterSpec("layer", .string, default: "tags", "The layer the spans go to."),
            ParameterSpec("match_limit", .integer(min: 1000), default: 5_000_000,
                          "PCRE2 backtracking steps allowed per match attempt; a document that needs more fails with a clear reason."),
        ],
        provides: ["tags"],
        layerUse: { params in
            let scope = params.string("scope") ?? "text"
            return LayerUse(requires: scope == "text" ? [] : [scope], provides: [params.string("layer") ?? "tags"])
        },
        build: { params, _ in try build(params) })

    static func build(_ params: StageParameters) throws -> BuiltStage {
        var rules: [Rule] = []
        for (i, value) in (params["rules"]?.arrayValue ?? []).enumerated() {
            rules.append(try compileRule(value.objectValue ?? [:], path: "rules[\(i + 1)]"))
        }
        var lists: [TermList] = []
        for (i, value) in (params["gazetteers"]?.arrayValue ?? []).enumerated() {
            let fields = value.objectValue ?? [:]
            let path = "gazetteers[\(i + 1)]"
            let file = params.path("\(path).file") ?? fields["file"]?.stringValue ?? ""
            let entries: [Gazetteer.Entry]
            do {
                entries = try GazetteerFile.load(path: file, defaultLabel: fields["label"]?.stringValue ?? "TERM")
            } catch {
                throw ParameterError("\(path).file", "\(error)")
            }
            let options = Gazetteer.Options(caseInsensitive: fields["case"]?.stringValue == "insensitive",
                                            wholeWord: fields["whole_word"]?.boolValue ?? true)
            lists.append(TermList(gazetteer: Gazetteer(entries: entries, options: options),
                                  priority: fields["priority"]?.intValue ?? 0, source: file))
        }
        if rules.isEmpty && lists.isEmpty {
            throw ParameterError("rules", "give at least one rule or gazetteer")
        }
        return .transform(RegexTagStage(
            rules: rules, termLists: lists,
            scope: Scope(rawValue: params.string("scope") ?? "text") ?? .text,
            overlaps: Overlaps(rawValue: params.string("overlaps") ?? "longest") ?? .longest,
            layer: params.string("layer") ?? "tags",
            limits: MatchLimits(match: UInt32(clamping: params.int("match_limit") ?? 5_000_000))))
    }

    static func compileRule(_ fields: OrderedFields, path: String) throws -> Rule {
        let pattern: String
        var label = fields["label"]?.stringValue
        var validator: (@Sendable (Substring) -> Bool)?
        switch (fields["pattern"]?.stringValue, fields["use"]?.stringValue) {
        case (let p?, nil):
            pattern = p
        case (nil, let name?):
            guard let ready = PatternLibrary.pattern(named: name) else {
                throw ParameterError("\(path).use", "there is no ready pattern '\(name)'"
                    + Suggestion.didYouMean(name, in: PatternLibrary.names) + "; the library has: " + PatternLibrary.names.joined(separator: ", "))
            }
            pattern = ready.pattern
            label = label ?? ready.label
            validator = ready.validator
        case (.some, .some):
            throw ParameterError("\(path).use", "a rule takes either 'pattern' or 'use', not both")
        case (nil, nil):
            throw ParameterError(path, "a rule needs a 'pattern' or a ready pattern to 'use'")
        }
        guard let label, !label.isEmpty else { throw ParameterError(path, "a rule needs a 'label'") }
        var options: Regex.Options = []
        for flag in fields["flags"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            switch flag {
            case "caseless": options.insert(.caseless)
            case "multiline": options.insert(.multiline)
            case "dotall": options.insert(.dotAll)
            case "extended": options.insert(.extended)
            default: break
            }
        }
        let regex: Regex
        do {
            regex = try Regex(pattern, options: options)
        } catch {
            throw ParameterError(fields["use"] == nil ? "\(path).pattern" : "\(path).use", error.description)
        }
        let groupText = fields["group"]?.stringValue ?? "0"
        let group: Int
        if let n = Int(groupText) {
            guard n >= 0 && n <= regex.captureCount else {
                throw ParameterError("\(path).group", "the pattern has \(regex.captureCount) group(s); there is no group \(n)")
            }
            group = n
        } else {
            guard let n = regex.groupNames[groupText] else {
                throw ParameterError("\(path).group", "the pattern has no group named '\(groupText)'"
                    + Suggestion.didYouMean(groupText, in: Array(regex.groupNames.keys)))
            }
            group = n
        }
        return Rule(label: label, regex: regex, group: group, priority: fields["priority"]?.intValue ?? 0, validator: validator,
                    readyName: fields["use"]?.stringValue)
    }

    /// A span found before overlaps are resolved.
    struct Candidate {
        var span: Span
        var priority: Int
        var order: Int
    }

    public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
        let scratch = context.scratch.object(for: scratchKey) { MatchScratch(limits: limits) }
        let windows: [Range<Int>]
        switch scope {
        case .text: windows = [0..<document.byteCount]
        case .sentences: windows = (document.layers["sentences"] ?? []).map(\.range)
        case .paragraphs: windows = (document.layers["paragraphs"] ?? []).map(\.range)
        }
        var candidates: [Candidate] = []
        var text = document.text
        try text.withUTF8 { buffer in
            let all = UnsafeRawBufferPointer(buffer)
            for window in windows where !window.isEmpty {
                let slice = UnsafeRawBufferPointer(rebasing: all[window])
                try collect(in: slice, offset: window.lowerBound, scratch: scratch, into: &candidates)
            }
        }
        var spans = resolve(candidates)
        spans.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var existing = document.layers[layer] ?? []
        if existing.isEmpty {
            document.layers[layer] = spans
        } else {
            existing.append(contentsOf: spans)
            existing.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            document.layers[layer] = existing
        }
        return .keep
    }

    /// A reference identity for `WorkerScratch`: each stage instance gets its own match
    /// scratch (with its own limits) in every worker.
    final class ScratchKey: Sendable {}

    /// A rule whose pattern could not finish on this document (a limit was hit).
    struct RuleFailure: Error, CustomStringConvertible {
        let description: String
    }

    private func collect(in slice: UnsafeRawBufferPointer, offset: Int, scratch: MatchScratch, into out: inout [Candidate]) throws {
        for (ruleIndex, rule) in rules.enumerated() {
            do {
                try collect(rule, ruleIndex, in: slice, offset: offset, scratch: scratch, into: &out)
            } catch let failure as MatchFailure {
                // Name the rule as the pipeline file does; a ready pattern by its name, not
                // its (long) source.
                let what: String
                switch failure.kind {
                case .matchLimit: what = "hit the match limit (match_limit) on this text"
                case .depthLimit, .jitStackLimit: what = "hit the depth limit on this text"
                case .heapLimit: what = "hit the heap limit on this text"
                case .other: what = "failed: \(failure)"
                }
                let pattern = rule.readyName.map { "ready pattern '\($0)'" } ?? "pattern '\(rule.regex.pattern)'"
                throw RuleFailure(description: "rules[\(ruleIndex + 1)] (\(rule.label), \(pattern)) \(what)")
            }
        }
        try collectTerms(in: slice, offset: offset, into: &out)
    }

    private func collect(_ rule: Rule, _ ruleIndex: Int, in slice: UnsafeRawBufferPointer, offset: Int,
                         scratch: MatchScratch, into out: inout [Candidate]) throws
    {
        try rule.regex.forEachMatch(in: slice, scratch: scratch, validUTF8: true) { match in
            guard let range = match.group(rule.group), !range.isEmpty else { return true }
            if let validator = rule.validator {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: slice[range]), as: UTF8.self)
                guard validator(text[...]) else { return true }
            }
            var attributes = OrderedFields()
            for (name, r) in match.namedGroups {
                attributes[name] = .string(String(decoding: UnsafeRawBufferPointer(rebasing: slice[r]), as: UTF8.self))
            }
            out.append(Candidate(span: Span(start: range.lowerBound + offset, end: range.upperBound + offset,
                                            label: rule.label, attributes: attributes),
                                 priority: rule.priority, order: ruleIndex))
            return true
        }
    }

    private func collectTerms(in slice: UnsafeRawBufferPointer, offset: Int, into out: inout [Candidate]) throws {
        for (listIndex, list) in termLists.enumerated() {
            for hit in list.gazetteer.hits(in: slice) {
                let entry = list.gazetteer.entries[hit.entry]
                var attributes = OrderedFields()
                if let id = entry.id { attributes["id"] = .string(id) }
                out.append(Candidate(span: Span(start: hit.range.lowerBound + offset, end: hit.range.upperBound + offset,
                                                label: entry.label, attributes: attributes),
                                     priority: list.priority, order: rules.count + listIndex))
            }
        }
    }

    /// Applies the overlap policy: greedy over candidates in preference order, keeping a
    /// span when it overlaps none already kept.
    func resolve(_ candidates: [Candidate]) -> [Span] {
        if overlaps == .all {
            // Still drop exact duplicates of the same label (two rules finding one thing).
            var seen = Set<[Int]>()
            var labels: [String: Int] = [:]
            return candidates.compactMap { c in
                let code = labels[c.span.label ?? "", default: labels.count]
                labels[c.span.label ?? ""] = code
                return seen.insert([c.span.start, c.span.end, code]).inserted ? c.span : nil
            }
        }
        let ordered = candidates.sorted { a, b in
            if overlaps == .priority && a.priority != b.priority { return a.priority > b.priority }
            if a.span.length != b.span.length { return a.span.length > b.span.length }
            if a.span.start != b.span.start { return a.span.start < b.span.start }
            return a.order < b.order
        }
        var kept: [Span] = []
        var taken = IntervalSet()  // candidates come by preference, not position
        for c in ordered where taken.insertIfFree(c.span.range) {
            kept.append(c.span)
        }
        return kept
    }
}

/// The bytes already covered by kept spans, for the overlap policy: a bit per byte, so a
/// candidate costs its own length whatever order candidates come in.
struct IntervalSet {
    private var words: [UInt64] = []

    /// Adds `range` if it overlaps nothing already in the set; returns whether it did.
    mutating func insertIfFree(_ range: Range<Int>) -> Bool {
        let needed = (range.upperBound + 63) >> 6
        if words.count < needed { words.append(contentsOf: repeatElement(0, count: needed - words.count)) }
        for i in range where words[i >> 6] & (1 << UInt64(i & 63)) != 0 { return false }
        for i in range { words[i >> 6] |= 1 << UInt64(i & 63) }
        return true
    }
}
