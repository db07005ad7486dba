/// The type of a stage parameter: drives validation, the JSON Schema and the docs.
public indirect enum ParameterType: Sendable {
    case string
    case integer(min: Int? = nil, max: Int? = nil)
    case number(min: Double? = nil, max: Double? = nil)
    case boolean
    /// One of a fixed set of words.
    case choice([String])
    /// A list of values of one type; `nonEmpty` rejects `[]`.
    case list(ParameterType, nonEmpty: Bool = false)
    /// A file or folder path; relative paths are resolved against `base`.
    case path(relativeTo: PathBase)
    /// A byte size: an integer, or a string such as `64MB`, `512 KiB`.
    case byteSize
    /// A mapping with its own declared fields (a rule, a gazetteer entry).
    case record([ParameterSpec])

    /// A short description for messages and docs ("an integer from 1 to 100").
    public var description: String {
        switch self {
        case .string: return "a string"
        case .integer(let lo, let hi): return "an integer" + Self.rangeText(lo.map(String.init), hi.map(String.init))
        case .number(let lo, let hi):
            return "a number" + Self.rangeText(lo.map { String($0) }, hi.map { String($0) })
        case .boolean: return "true or false"
        case .choice(let words): return "one of " + words.map { "'\($0)'" }.joined(separator: ", ")
        case .list(let element, _): return "a list of " + element.pluralDescription
        case .path: return "a path"
        case .byteSize: return "a byte size (such as 1048576, '64MB' or '512 KiB')"
        case .record: return "a mapping"
        }
    }

    var pluralDescription: String {
        switch self {
        case .string: return "strings"
        case .integer: return "integers"
        case .number: return "numbers"
        case .boolean: return "booleans"
        case .choice(let words): return "words from " + words.map { "'\($0)'" }.joined(separator: ", ")
        case .list: return "lists"
        case .path: return "paths"
        case .byteSize: return "byte sizes"
        case .record: return "mappings"
        }
    }

    private static func rangeText(_ lo: String?, _ hi: String?) -> String {
        switch (lo, hi) {
        case let (lo?, hi?): return " from \(lo) to \(hi)"
        case let (lo?, nil): return " of at least \(lo)"
        case let (nil, hi?): return " of at most \(hi)"
        default: return ""
        }
    }
}

/// What a relative path parameter is relative to.
public enum PathBase: String, Sendable {
    /// The folder of the pipeline file (inputs: gazetteers, word lists).
    case pipelineFile
    /// The run's output folder (export files), so `--output` moves every output at once.
    case outputDirectory
}

/// One declared parameter of a stage.
public struct ParameterSpec: Sendable {
    public let name: String
    public let type: ParameterType
    public let defaultValue: JSONValue?
    public let isRequired: Bool
    public let documentation: String

    public init(_ name: String, _ type: ParameterType, default defaultValue: JSONValue? = nil,
                required: Bool = false, _ documentation: String)
    {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = required
        self.documentation = documentation
    }
}

/// A parameter problem found while building a stage (an invalid pattern, an unreadable
/// word list). The loader reports it at the parameter's location in the pipeline file.
public struct ParameterError: Error, Sendable {
    /// The parameter path, such as `rules[2].pattern`.
    public let parameter: String
    public let message: String
    public init(_ parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }
}
