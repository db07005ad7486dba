/// Stage parameters given in Swift rather than in a pipeline file, checked by the same
/// validator: types, ranges and allowed values, defaults filled in, paths resolved.
extension StageDescriptor {
    /// Validates `values` as the parameters of this stage, as if written in a pipeline file.
    /// Relative paths resolve against `baseDirectory` (pipeline-file paths) and
    /// `outputDirectory` (output paths). Problems are thrown together, located as
    /// `<code: stage NAME>`.
    public func parameters(_ values: OrderedFields = OrderedFields(), baseDirectory: String = Paths.currentDirectory,
                           outputDirectory: String = Paths.currentDirectory) throws(PipelineErrors) -> StageParameters
    {
        let location = SourceLocation(file: "<code: stage \(name)>", line: 0, column: 0, baseDirectory: baseDirectory)
        var validator = ParameterValidator(outputDirectory: outputDirectory)
        let node = ConfigNode(json: .object(values), at: location)
        let filled = validator.validateRecord(node, fields: parameters, pathPrefix: "", context: "stage '\(name)'", at: location)
        guard validator.diagnostics.isEmpty else { throw PipelineErrors(validator.diagnostics) }
        return StageParameters(stageName: name, values: filled, locations: validator.locations,
                               resolvedPaths: validator.resolvedPaths)
    }
}

extension ConfigNode {
    /// A node tree for a JSON-like value: numbers and booleans as plain scalars (so they
    /// type as a pipeline file's would), strings as quoted ones.
    init(json: JSONValue, at location: SourceLocation) {
        switch json {
        case .null: self.init(.scalar("", plain: true), at: location)
        case .bool(let b): self.init(.scalar(b ? "true" : "false", plain: true), at: location)
        case .int, .double, .number: self.init(.scalar(json.jsonText, plain: true), at: location)
        case .string(let s): self.init(.scalar(s, plain: false), at: location)
        case .array(let items): self.init(.sequence(items.map { ConfigNode(json: $0, at: location) }), at: location)
        case .object(let fields):
            self.init(.mapping(fields.map { (ConfigNode(.scalar($0.0, plain: false), at: location), ConfigNode(json: $0.1, at: location)) }),
                      at: location)
        }
    }
}
