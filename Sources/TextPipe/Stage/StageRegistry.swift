import Foundation

/// The stage types known to this process: built-in ones, plugins' and a host program's.
public final class StageRegistry: @unchecked Sendable {
    /// The process-wide registry that the CLI and plugins use.
    public static let shared = StageRegistry()

    private let lock = NSLock()
    private var descriptors: [String: StageDescriptor] = [:]
    private var origins: [String: String] = [:]

    public init() {}

    public struct NameClash: Error, CustomStringConvertible {
        public let name: String
        public let existingOrigin: String
        public let newOrigin: String
        public var description: String {
            "stage '\(name)' (\(newOrigin)) clashes with the stage of the same name (\(existingOrigin)); one of them must be renamed or left out"
        }
    }

    public struct InvalidName: Error, CustomStringConvertible {
        public let name: String
        public let origin: String
        public var description: String {
            "stage name '\(name)' (\(origin)) is not lower-case words of letters and digits joined by hyphens, such as 'word-stats'"
        }
    }

    /// Whether `name` is lower-case ASCII words of letters and digits joined by single
    /// hyphens (`regex-tag`, `word-stats`): what pipeline files, messages and docs expect.
    public static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, ("a"..."z").contains(first), last != "-" else { return false }
        return scalars.indices.allSatisfy { i in
            let c = scalars[i]
            return ("a"..."z").contains(c) || ("0"..."9").contains(c) || (c == "-" && scalars[i - 1] != "-")
        }
    }

    /// Registers a stage type. `origin` says where it comes from: "built-in", "plugin PATH",
    /// "compiled into PROGRAM".
    public func register(_ descriptor: StageDescriptor, origin: String = "built-in") throws {
        guard Self.isValidName(descriptor.name) else { throw InvalidName(name: descriptor.name, origin: origin) }
        lock.lock()
        defer { lock.unlock() }
        if let existing = origins[descriptor.name] {
            // Registering the same declaration twice is harmless; two declarations with one
            // name from one origin are a clash like any other.
            if existing == origin, let known = descriptors[descriptor.name], Self.sameDeclaration(known, descriptor) { return }
            throw NameClash(name: descriptor.name, existingOrigin: existing, newOrigin: origin)
        }
        descriptors[descriptor.name] = descriptor
        origins[descriptor.name] = origin
    }

    /// Whether two descriptors declare the same stage (they cannot be compared directly:
    /// they hold closures).
    private static func sameDeclaration(_ a: StageDescriptor, _ b: StageDescriptor) -> Bool {
        a.summary == b.summary && a.kind == b.kind && a.parameters.map(\.name) == b.parameters.map(\.name)
            && a.layers == b.layers && a.details == b.details
    }

    /// Registers a stage type by its declaration.
    public func register(_ stage: any DeclaredStage.Type, origin: String = "built-in") throws {
        try register(stage.descriptor, origin: origin)
    }

    /// A new registry with the same stages, for one pipeline to add its plugins to without
    /// making them visible to another pipeline file.
    public func copy() -> StageRegistry {
        lock.lock()
        defer { lock.unlock() }
        let other = StageRegistry()
        other.descriptors = descriptors
        other.origins = origins
        return other
    }

    public func descriptor(named name: String) -> StageDescriptor? {
        lock.lock()
        defer { lock.unlock() }
        return descriptors[name]
    }

    public func origin(of name: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return origins[name]
    }

    /// All stage types, sorted by name.
    public var all: [StageDescriptor] {
        lock.lock()
        defer { lock.unlock() }
        return descriptors.values.sorted { $0.name < $1.name }
    }

    public var names: [String] { all.map(\.name) }
}
