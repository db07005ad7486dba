/// The JSON Schema of pipeline files, generated from the registry so that YAML editors
/// (with the YAML language server) complete and check stage names and parameters.
public enum PipelineSchema {
    public static func generate(registry: StageRegistry) -> JSONValue {
        var stageVariants: [JSONValue] = []
        for d in registry.all {
            var params = object(for: d.parameters)
            params["description"] = .string(d.summary)
            stageVariants.append(.object([
                "type": "object",
                "description": .string(d.summary),
                "properties": .object(OrderedFields([(d.name, .object(OrderedFields([
                    ("oneOf", .array([.object(params), .object(["type": "null"])])),
                ])))])),
                "required": .array([.string(d.name)]),
                "additionalProperties": false,
            ]))
            if !d.parameters.contains(where: \.isRequired) {
                stageVariants.append(.object(["const": .string(d.name), "description": .string(d.summary)]))
            }
        }
        var top = OrderedFields()
        for spec in PipelineFileSchema.topLevel {
            if spec.name == "stages" {
                top["stages"] = .object([
                    "type": "array", "minItems": 1, "description": .string(spec.documentation),
                    "items": .object(["oneOf": .array(stageVariants)]),
                ])
            } else {
                top[spec.name] = schema(for: spec)
            }
        }
        return .object([
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "TextPipe pipeline file",
            "type": "object",
            "properties": .object(top),
            "required": .array(PipelineFileSchema.topLevel.filter(\.isRequired).map { .string($0.name) }),
            "additionalProperties": false,
        ])
    }

    static func object(for specs: [ParameterSpec]) -> OrderedFields {
        var props = OrderedFields()
        for s in specs { props[s.name] = schema(for: s) }
        var o = OrderedFields()
        o["type"] = "object"
        o["properties"] = .object(props)
        let required = specs.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { o["required"] = .array(required) }
        o["additionalProperties"] = false
        return o
    }

    static func schema(for spec: ParameterSpec) -> JSONValue {
        var o = type(spec.type)
        o["description"] = .string(spec.documentation)
        if let d = spec.defaultValue { o["default"] = d }
        return .object(o)
    }

    static func type(_ t: ParameterType) -> OrderedFields {
        var o = OrderedFields()
        switch t {
        case .string, .path: o["type"] = "string"
        case .integer(let lo, let hi):
            o["type"] = "integer"
            if let lo { o["minimum"] = .int(lo) }
            if let hi { o["maximum"] = .int(hi) }
        case .number(let lo, let hi):
            o["type"] = "number"
            if let lo { o["minimum"] = .double(lo) }
            if let hi { o["maximum"] = .double(hi) }
        case .boolean: o["type"] = "boolean"
        case .choice(let words): o["enum"] = .array(words.map(JSONValue.string))
        case .list(let element, let nonEmpty):
            // A single value is accepted where a list is expected.
            let item = JSONValue.object(type(element))
            o["oneOf"] = .array([
                .object(["type": "array", "items": item, "minItems": .int(nonEmpty ? 1 : 0)]), item,
            ])
        case .byteSize:
            o["oneOf"] = .array([
                .object(["type": "integer", "minimum": 0]),
                .object(["type": "string", "pattern": "^[0-9.]+ *([kKmMgGtT]i?[bB]?|[bB]|bytes?)?$"]),
            ])
        case .record(let fields): o = object(for: fields)
        }
        return o
    }
}
