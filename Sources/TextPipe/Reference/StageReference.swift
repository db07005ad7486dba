/// Renders the stage reference (Docs/StageReference.md) and `textpipe stages NAME` from
/// the registry: the declaration is the documentation.
public enum StageReference {
    public static func markdown(registry: StageRegistry) -> String {
        var out = """
        # Stage reference

        Generated from the stage registry by `textpipe stages --markdown`; do not edit by hand
        (a test fails when this file is out of date). Every stage is used in a pipeline file as
        `- NAME: {PARAMETERS}`; see [PipelineFiles.md](PipelineFiles.md).


        """
        for d in registry.all {
            out += "## `\(d.name)`\n\n\(d.summary)\n\n"
            out += describeLayers(d.layers, kind: d.kind)
            if let details = d.details { out += details.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" }
            out += parameterTable(d.parameters)
        }
        out += "## Pipeline file keys\n\nThe keys outside `stages`, checked the same way as stage parameters.\n\n"
        out += parameterTable(PipelineFileSchema.topLevel)
        return out
    }

    static func describeLayers(_ layers: LayerUse, kind: StageDescriptor.Kind) -> String {
        var parts: [String] = []
        if kind == .sink { parts.append("A sink: receives documents in input order.") }
        if !layers.requires.isEmpty { parts.append("Requires " + layers.requires.map { "`\($0)`" }.joined(separator: ", ") + ".") }
        if !layers.provides.isEmpty { parts.append("Provides " + layers.provides.map { "`\($0)`" }.joined(separator: ", ") + ".") }
        return parts.isEmpty ? "" : parts.joined(separator: " ") + "\n\n"
    }

    public static func parameterTable(_ specs: [ParameterSpec]) -> String {
        guard !specs.isEmpty else { return "No parameters.\n\n" }
        var out = "| parameter | type | default | description |\n|---|---|---|---|\n"
        var nested: [(String, [ParameterSpec])] = []
        for s in specs {
            let def = s.isRequired ? "required" : (s.defaultValue.map { "`\($0.jsonText)`" } ?? "—")
            // `stages` is declared as a list for validation of its shape; each entry is a stage.
            let type = s.name == "stages" && specs.contains(where: { $0.name == "textpipe" }) ? "a list of stages" : s.type.description
            out += "| `\(s.name)` | \(escape(type)) | \(def) | \(escape(s.documentation)) |\n"
            switch s.type {
            case .record(let fields): nested.append(("Fields of `\(s.name)`", fields))
            case .list(.record(let fields), _): nested.append(("Fields of each `\(s.name)` entry", fields))
            default: break
            }
        }
        out += "\n"
        for (title, fields) in nested {
            out += title + ":\n\n" + parameterTable(fields)
        }
        return out
    }

    /// Plain text for `textpipe stages NAME`.
    public static func text(for d: StageDescriptor, origin: String?) -> String {
        var out = "\(d.name) — \(d.summary)\n"
        if let origin, origin != "built-in" { out += "(\(origin))\n" }
        let layers = describeLayers(d.layers, kind: d.kind).trimmingCharacters(in: .whitespacesAndNewlines)
        if !layers.isEmpty { out += layers.replacingOccurrences(of: "`", with: "'") + "\n" }
        if d.parameters.isEmpty { return out + "\nNo parameters.\n" }
        out += "\nParameters:\n"
        for s in d.parameters {
            let def = s.isRequired ? "required" : (s.defaultValue.map { "default \($0.jsonText)" } ?? "optional")
            out += "  \(s.name): \(s.type.description) (\(def))\n      \(s.documentation)\n"
            if case .list(.record(let fields), _) = s.type {
                for f in fields {
                    let fd = f.isRequired ? "required" : (f.defaultValue.map { "default \($0.jsonText)" } ?? "optional")
                    out += "      - \(f.name): \(f.type.description) (\(fd)) \(f.documentation)\n"
                }
            }
        }
        return out
    }

    private static func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}

import Foundation
