import Foundation

/// A stage's validated parameters, defaults filled in, with where each came from.
public struct StageParameters: Sendable {
    public let stageName: String
    public let values: OrderedFields
    /// Source locations by parameter path (`format`, `rules[2].pattern`).
    public let locations: [String: SourceLocation]
    /// Paths resolved to absolute form, by parameter path.
    public let resolvedPaths: [String: String]

    public init(stageName: String, values: OrderedFields, locations: [String: SourceLocation] = [:],
                resolvedPaths: [String: String] = [:])
    {
        self.stageName = stageName
        self.values = values
        self.locations = locations
        self.resolvedPaths = resolvedPaths
    }

    public subscript(name: String) -> JSONValue? { values[name] }

    public func string(_ name: String) -> String? { values[name]?.stringValue }
    public func int(_ name: String) -> Int? { values[name]?.intValue }
    public func double(_ name: String) -> Double? { values[name]?.doubleValue }
    public func bool(_ name: String) -> Bool? { values[name]?.boolValue }
    public func strings(_ name: String) -> [String]? { values[name]?.arrayValue?.compactMap(\.stringValue) }
    /// A path parameter, absolute (resolved against the pipeline file or the output folder).
    public func path(_ name: String) -> String? { resolvedPaths[name] ?? values[name]?.stringValue }
}
