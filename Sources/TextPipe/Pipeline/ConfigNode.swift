import Foundation
import Yams

/// A pipeline file as a tree of located nodes. Built from Yams' node tree (which keeps
/// line and column marks), and patched by command-line overrides before validation.
public struct ConfigNode: Sendable {
    public indirect enum Value: Sendable {
        /// A scalar: its text, and whether it was written plain (unquoted), which decides
        /// whether `42` is a number or a string.
        case scalar(String, plain: Bool)
        case mapping([(key: ConfigNode, value: ConfigNode)])
        case sequence([ConfigNode])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The key text of a scalar node.
    public var scalarText: String? {
        if case .scalar(let s, _) = value { return s }
        return nil
    }

    public var mappingEntries: [(key: ConfigNode, value: ConfigNode)]? {
        if case .mapping(let m) = value { return m }
        return nil
    }

    public var sequenceItems: [ConfigNode]? {
        if case .sequence(let s) = value { return s }
        return nil
    }

    /// The value of `key` in a mapping node.
    public subscript(key: String) -> ConfigNode? {
        mappingEntries?.first(where: { $0.key.scalarText == key })?.value
    }

    /// The scalar typed by YAML 1.2's core schema when plain; quoted scalars are strings.
    public var json: JSONValue {
        switch value {
        case .scalar(let text, let plain):
            return plain ? Self.resolvePlainScalar(text) : .string(text)
        case .sequence(let items):
            return .array(items.map(\.json))
        case .mapping(let entries):
            return .object(OrderedFields(entries.map { ($0.key.scalarText ?? "", $0.value.json) }))
        }
    }

    /// A short description of the node's kind for messages: "a string", "a list".
    public var kindDescription: String {
        switch value {
        case .scalar: return json.kindDescription
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    static func resolvePlainScalar(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let i = Int(text) { return .int(i) }
        if text.hasPrefix("0x"), let i = Int(text.dropFirst(2), radix: 16) { return .int(i) }
        if text.hasPrefix("0o"), let i = Int(text.dropFirst(2), radix: 8) { return .int(i) }
        if let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || (0x30...0x39).contains(first),
            let d = Double(text), text.lowercased() != "nan", !text.lowercased().contains("inf")
        {
            return .double(d)
        }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: return .string(text)
        }
    }
}

/// Parses YAML text into a `ConfigNode` tree, or a located diagnostic.
public enum ConfigParser {
    public static func parse(yaml: String, file: String, baseDirectory: String) -> Result<ConfigNode, Diagnostic> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, yaml: yaml, baseDirectory: baseDirectory))
        } catch {
            return .failure(Diagnostic("cannot parse YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1, baseDirectory: baseDirectory)))
        }
        guard let root else {
            return .failure(Diagnostic("the pipeline file is empty", at: SourceLocation(file: file, line: 1, column: 1, baseDirectory: baseDirectory)))
        }
        var state = ConversionState()
        let tree = convert(root, file: file, baseDirectory: baseDirectory, state: &state)
        if let problem = state.problem { return .failure(problem) }
        return .success(tree)
    }

    /// Pipeline files are small; a file that expands to more nodes than this is an alias
    /// bomb ("billion laughs"), not a pipeline.
    static let maxNodes = 100_000

    private struct ConversionState {
        var problem: Diagnostic?
        var nodes = 0
    }

    private static func convert(_ node: Node, file: String, baseDirectory: String, state: inout ConversionState) -> ConfigNode {
        let mark = node.mark
        state.nodes += 1
        if state.nodes > maxNodes {
            if state.problem == nil {
                state.problem = Diagnostic("the file expands to more than \(maxNodes) values (through YAML aliases?); a pipeline file is never that large",
                                           at: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, baseDirectory: baseDirectory))
            }
            return ConfigNode(.scalar("", plain: true), at: SourceLocation(file: file, line: 0, column: 0, baseDirectory: baseDirectory))
        }
        let loc = SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, baseDirectory: baseDirectory)
        switch node {
        case .scalar(let s):
            // An explicit `!!str` tag makes a plain scalar a string, as YAML says.
            let plain = s.style == .plain && s.tag.rawValue != Tag.Name.str.rawValue
            return ConfigNode(.scalar(s.string, plain: plain), at: loc)
        case .sequence(let seq):
            return ConfigNode(.sequence(seq.map { convert($0, file: file, baseDirectory: baseDirectory, state: &state) }), at: loc)
        case .mapping(let map):
            var entries: [(key: ConfigNode, value: ConfigNode)] = []
            var seen = Set<String>()
            for (k, v) in map {
                let key = convert(k, file: file, baseDirectory: baseDirectory, state: &state)
                if let text = key.scalarText, !seen.insert(text).inserted, state.problem == nil {
                    state.problem = Diagnostic("duplicate key '\(text)'", at: key.location)
                }
                if key.scalarText == "<<", state.problem == nil {
                    state.problem = Diagnostic("YAML merge keys ('<<') are not supported in pipeline files; write the keys out", at: key.location)
                }
                entries.append((key, convert(v, file: file, baseDirectory: baseDirectory, state: &state)))
            }
            return ConfigNode(.mapping(entries), at: loc)
        case .alias(let alias):
            return ConfigNode(.scalar("*" + alias.anchor.rawValue, plain: false), at: loc)
        }
    }

    private static func diagnostic(for error: YamlError, file: String, yaml: String, baseDirectory: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line, column: mark.column, baseDirectory: baseDirectory)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("another document") {
                return Diagnostic("a pipeline file holds one YAML document; remove the '---' separator and what follows, or split it into two files", at: at(mark))
            }
            let ctx = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return Diagnostic("YAML syntax: \(problem)\(ctx)", at: at(mark))
        case .reader(let problem, _, _, _):
            return Diagnostic("YAML cannot be read: \(problem)", at: SourceLocation(file: file, line: 1, column: 1, baseDirectory: baseDirectory))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; the mistake is the repeat, so point there.
            let key = duplicates.first ?? ""
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let first = context.mark
            var location = at(first)
            for n in first.line..<lines.count {
                let line = lines[n].unicodeScalars
                guard line.count >= first.column else { continue }
                let rest = String(String.UnicodeScalarView(line.dropFirst(first.column - 1)))
                if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    location = SourceLocation(file: file, line: n + 1, column: first.column, baseDirectory: baseDirectory)
                    break
                }
            }
            return Diagnostic("duplicate key '\(duplicates.joined(separator: "', '"))'", at: location)
        default:
            return Diagnostic("YAML error: \(error)", at: SourceLocation(file: file, line: 1, column: 1, baseDirectory: baseDirectory))
        }
    }
}
