/// What a build of TextPipe is: its version, a fingerprint of its sources, its
/// configuration and its compiler. Two builds can share Swift types and calls only when all
/// of these match, because Swift has no stable ABI between builds of a library.
public struct BuildInfo: Sendable, Equatable, CustomStringConvertible {
    public let version: String
    /// A hash of every source file of the `TextPipe` module (paths and bytes).
    public let sources: String
    /// `debug` or `release`.
    public let configuration: String
    /// The first line of `swiftc --version`.
    public let compiler: String

    /// The literal's prefix, which also finds it inside a plugin's file.
    public static let marker = "textpipe-build/1;"

    /// Parses `textpipe-build/1;version=…;sources=…;configuration=…;compiler=…`.
    public init?(record: String) {
        guard record.hasPrefix(Self.marker) else { return nil }
        var fields: [String: String] = [:]
        for part in record.dropFirst(Self.marker.count).split(separator: ";") {
            guard let eq = part.firstIndex(of: "=") else { return nil }
            fields[String(part[..<eq])] = String(part[part.index(after: eq)...])
        }
        guard let version = fields["version"], let sources = fields["sources"],
              let configuration = fields["configuration"], let compiler = fields["compiler"]
        else { return nil }
        self.version = version
        self.sources = sources
        self.configuration = configuration
        self.compiler = compiler
    }

    /// "TextPipe 0.1.0, sources 1a2b3c4d5e6f7a8b, debug, Swift version 6.3.1 (…)".
    public var description: String {
        "TextPipe \(version), sources \(sources.prefix(16)), \(configuration), \(compiler)"
    }

    /// What differs from `other`, for the mismatch message ("the sources differ").
    public func differences(from other: BuildInfo) -> [String] {
        var found: [String] = []
        if version != other.version { found.append("the TextPipe version") }
        if sources != other.sources { found.append("the TextPipe sources") }
        if configuration != other.configuration { found.append("the configuration") }
        if compiler != other.compiler { found.append("the compiler") }
        return found
    }
}

/// This process's build of TextPipe. `compiledAgainst` is generated at build time (see
/// Sources/BuildFingerprintPlugin).
public enum TextPipeBuild {
    /// The build of the TextPipe module in this process: the literal as TextPipe itself was
    /// compiled, whatever program it is part of.
    public static let current: BuildInfo = {
        guard let info = BuildInfo(record: String(describing: compiledAgainst)) else {
            preconditionFailure("the generated build record is malformed: \(compiledAgainst)")
        }
        return info
    }()

    /// The TextPipe package this build was compiled from, when it is still there: what a
    /// plugin must be built against (`textpipe plugin new` writes it into Package.swift).
    public static let sourcePackage: String? = {
        let suffix = "/Sources/TextPipe/Plugin/TextPipeBuild.swift"
        let file = #filePath
        guard file.hasSuffix(suffix) else { return nil }
        let root = String(file.dropLast(suffix.count))
        return Paths.kind(of: Paths.join(root, "Package.swift")).exists ? root : nil
    }()
}
