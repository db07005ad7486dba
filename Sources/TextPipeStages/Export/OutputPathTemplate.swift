import TextPipe

/// A per-document output path such as `{id}.json` or `{meta.category}/{id}.md`, relative to
/// a root folder. Every path it makes is safe: inside the root whatever the document id or
/// metadata hold, and a valid file name on Linux, macOS and Windows alike.
public struct OutputPathTemplate: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        /// `{id}`: the document id; its `/` make folders, as in the input tree.
        case id
        /// `{n}`: the document's 1-based position among those the export receives.
        case number
        /// `{meta.KEY}` or `{meta.KEY|DEFAULT}`.
        case meta(key: String, fallback: String)
    }

    /// The folder every file goes below (absolute).
    public let root: String
    let parts: [Part]
    /// The template as written, for messages.
    public let text: String

    /// Whether a `path` parameter is a template rather than one file's path.
    public static func isTemplate(_ path: String) -> Bool { path.contains("{") }

    /// Parses `template` (after `root`, as written) and rejects what could never make a
    /// safe path; the message says what is wrong.
    public init(root: String, template: String) throws(TemplateError) {
        self.root = root
        self.text = template
        if template.hasPrefix("/") { throw TemplateError("a path template must be relative to the output folder") }
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            literal += rest[..<open]
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw TemplateError("unbalanced '\(rest[open])' in the path template '\(template)'")
            }
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            let name = String(rest[rest.index(after: open)..<close])
            if name == "id" {
                parts.append(.id)
            } else if name == "n" {
                parts.append(.number)
            } else if name.hasPrefix("meta."), name.count > 5 {
                let body = name.dropFirst(5)
                let pieces = body.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                guard !pieces[0].isEmpty else { throw TemplateError("'{\(name)}' names no metadata key") }
                parts.append(.meta(key: String(pieces[0]), fallback: pieces.count > 1 ? String(pieces[1]) : "unknown"))
            } else {
                throw TemplateError("unknown placeholder '{\(name)}' in the path template; use {id}, {n} or {meta.KEY}"
                    + Suggestion.didYouMean(name, in: ["id", "n", "meta.KEY"]))
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        if !parts.contains(where: { if case .literal = $0 { return false } else { return true } }) {
            throw TemplateError("the path template '\(template)' has no placeholder")
        }
        for case .literal(let text) in parts where text.split(separator: "/").contains(where: { $0 == ".." }) {
            throw TemplateError("a path template must not go up with '..'")
        }
        self.parts = parts
    }

    public struct TemplateError: Error, Sendable { public let message: String; init(_ m: String) { message = m } }

    /// The document's path relative to `root`: the template filled in, then every folder
    /// and file name made safe (`SafeFileName`).
    public func relativePath(for document: Document, number: Int) -> String {
        var filled = ""
        for part in parts {
            switch part {
            case .literal(let text): filled += text
            case .id: filled += document.id
            case .number: filled += String(number)
            case .meta(let key, let fallback):
                switch document.metadata[key] {
                case nil, .null?: filled += fallback
                case .string(let s)?: filled += s.isEmpty ? fallback : s
                case let value?: filled += value.jsonText
                }
            }
        }
        let names = filled.split(separator: "/", omittingEmptySubsequences: true).map { SafeFileName.make(String($0)) }
        return names.isEmpty ? SafeFileName.make("") : names.joined(separator: "/")
    }
}
