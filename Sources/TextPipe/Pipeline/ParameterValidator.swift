/// Checks a config node against a declared parameter type, collecting every problem.
struct ParameterValidator {
    var diagnostics: [Diagnostic] = []
    var locations: [String: SourceLocation] = [:]
    var resolvedPaths: [String: String] = [:]
    /// The run's output folder, for `.path(relativeTo: .outputDirectory)` parameters.
    let outputDirectory: String

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(message, at: location))
    }

    /// "stage 'export': " or "" for the top level of the file.
    private func prefix(_ context: String) -> String { context.isEmpty ? "" : context + ": " }

    /// Validates a mapping against declared fields; returns the values with defaults filled.
    /// `context` names the mapping in messages ("stage 'export'", "input").
    mutating func validateRecord(_ node: ConfigNode?, fields: [ParameterSpec], pathPrefix: String,
                                 context: String, at fallback: SourceLocation) -> OrderedFields
    {
        var result = OrderedFields()
        var given: [String: ConfigNode] = [:]
        if let node {
            if let entries = node.mappingEntries {
                let names = fields.map(\.name)
                for (key, value) in entries {
                    guard let name = key.scalarText else {
                        error("\(prefix(context))keys must be plain names", at: key.location)
                        continue
                    }
                    if names.contains(name) {
                        given[name] = value
                    } else {
                        let owner = context.isEmpty ? "the pipeline file has no key" : "\(context) has no \(context.hasPrefix("stage") ? "parameter" : "key")"
                        error("\(owner) '\(name)'\(Suggestion.didYouMean(name, in: names))"
                              + (Suggestion.nearest(to: name, in: names) == nil ? "; it takes: " + names.joined(separator: ", ") : ""),
                              at: key.location)
                    }
                }
            } else if case .scalar(_, _) = node.value, node.json == .null {
                // `- segment:` with nothing after it: all defaults.
            } else {
                error("\(context.isEmpty ? "the pipeline file" : context) expects a mapping, found \(node.kindDescription)", at: node.location)
                return result
            }
        }
        for spec in fields {
            let path = pathPrefix.isEmpty ? spec.name : pathPrefix + "." + spec.name
            if let valueNode = given[spec.name] {
                locations[path] = valueNode.location
                if let v = validate(valueNode, as: spec.type, path: path, name: spec.name, context: context) {
                    result[spec.name] = v
                }
            } else if spec.isRequired {
                error("\(context.isEmpty ? "the pipeline file" : context) is missing the required \(context.hasPrefix("stage") ? "parameter" : "key") '\(spec.name)' (\(spec.type.description))",
                      at: node?.location ?? fallback)
            } else if let d = spec.defaultValue {
                if case .path(let base) = spec.type, let s = d.stringValue {
                    resolvedPaths[path] = resolve(s, base: base, at: node?.location ?? fallback)
                }
                result[spec.name] = defaultValue(d, type: spec.type)
            }
        }
        return result
    }

    private func defaultValue(_ value: JSONValue, type: ParameterType) -> JSONValue {
        if case .byteSize = type, let s = value.stringValue, let n = ByteSize.parse(s) { return .int(n) }
        return value
    }

    private func resolve(_ path: String, base: PathBase, at location: SourceLocation) -> String {
        switch base {
        case .pipelineFile: return Paths.absolute(path, base: location.baseDirectory)
        case .outputDirectory: return Paths.absolute(path, base: outputDirectory)
        }
    }

    /// Validates one value; `nil` when it is invalid (and a diagnostic was recorded).
    mutating func validate(_ node: ConfigNode, as type: ParameterType, path: String, name: String,
                           context: String) -> JSONValue?
    {
        let value = node.json
        func mismatch() -> JSONValue? {
            error("\(prefix(context))'\(name)' must be \(type.description), found \(describe(node))", at: node.location)
            return nil
        }
        switch type {
        case .string:
            switch value {
            case .string: return value
            // A plain scalar that YAML reads as a number or boolean is still fine as text.
            case .int, .double, .bool: return .string(node.scalarText ?? value.jsonText)
            default: return mismatch()
            }
        case .integer(let lo, let hi):
            guard case .int(let i) = value else { return mismatch() }
            if let lo, i < lo { return outOfRange(node, name, context, type) }
            if let hi, i > hi { return outOfRange(node, name, context, type) }
            return value
        case .number(let lo, let hi):
            guard let d = value.doubleValue, d.isFinite else { return mismatch() }
            if let lo, d < lo { return outOfRange(node, name, context, type) }
            if let hi, d > hi { return outOfRange(node, name, context, type) }
            return .double(d)
        case .boolean:
            guard case .bool = value else {
                if let s = node.scalarText, ["yes", "no", "on", "off"].contains(s.lowercased()) {
                    error("\(prefix(context))'\(name)' must be true or false, found '\(s)' (YAML 1.2 reads it as a string)",
                          at: node.location)
                    return nil
                }
                return mismatch()
            }
            return value
        case .choice(let words):
            guard let s = value.stringValue ?? node.scalarText, node.mappingEntries == nil, node.sequenceItems == nil else {
                return mismatch()
            }
            guard words.contains(s) else {
                error("\(prefix(context))'\(name)' must be one of \(words.map { "'\($0)'" }.joined(separator: ", ")), found '\(s)'"
                      + Suggestion.didYouMean(s, in: words), at: node.location)
                return nil
            }
            return .string(s)
        case .list(let element, let nonEmpty):
            // A single value where a list is expected is accepted as a list of one.
            let items = node.sequenceItems ?? (node.mappingEntries == nil && value != .null ? [node] : nil)
            guard let items else { return mismatch() }
            if nonEmpty && items.isEmpty {
                error("\(prefix(context))'\(name)' must not be empty", at: node.location)
                return nil
            }
            var out: [JSONValue] = []
            var ok = true
            for (i, item) in items.enumerated() {
                let itemPath = "\(path)[\(i + 1)]"
                locations[itemPath] = item.location
                if let v = validate(item, as: element, path: itemPath, name: "\(name)[\(i + 1)]", context: context) {
                    out.append(v)
                } else {
                    ok = false
                }
            }
            return ok ? .array(out) : nil
        case .path(let base):
            guard let s = node.scalarText, value != .null, !s.isEmpty else { return mismatch() }
            resolvedPaths[path] = resolve(s, base: base, at: node.location)
            return .string(s)
        case .byteSize:
            if case .int(let i) = value, i >= 0 { return value }
            if let s = value.stringValue, let n = ByteSize.parse(s) { return .int(n) }
            return mismatch()
        case .record(let fields):
            guard node.mappingEntries != nil else { return mismatch() }
            let fieldsValue = validateRecord(node, fields: fields, pathPrefix: path, context: "\(prefix(context))'\(name)'",
                                             at: node.location)
            return .object(fieldsValue)
        }
    }

    private mutating func outOfRange(_ node: ConfigNode, _ name: String, _ context: String, _ type: ParameterType) -> JSONValue? {
        error("\(prefix(context))'\(name)' must be \(type.description), found \(node.scalarText ?? node.json.jsonText)",
              at: node.location)
        return nil
    }

    private func describe(_ node: ConfigNode) -> String {
        switch node.value {
        case .scalar(let s, _):
            let v = node.json
            return v == .null ? "nothing" : "\(v.kindDescription) '\(s)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
