import Foundation

/// Builds a plugin package with `swift build`, in the configuration of this process's
/// TextPipe (a debug textpipe loads debug plugins), so that its build record can match.
public struct PluginBuilder: Sendable {
    /// `debug` or `release`.
    public var configuration: String
    /// Where `swift build`'s own output goes: standard error by default, so that it never
    /// mixes with a command's results on standard output.
    public var log: FileHandle

    public init(configuration: String = TextPipeBuild.current.configuration, log: FileHandle = .standardError) {
        self.configuration = configuration
        self.log = log
    }

    /// The package's `.build` folder with symbolic links resolved. A `.build` may link to a
    /// build folder shared by several plugin packages (so TextPipe is compiled once for all
    /// of them); the compiler's module cache breaks when one folder is reached by two paths.
    static func scratchPath(of package: PluginPackage) -> String {
        PluginLoader.realPath(Paths.join(package.path, ".build"))
    }

    /// Builds the package's plugin library; returns its path.
    @discardableResult
    public func build(_ package: PluginPackage) throws(PluginError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "-c", configuration, "--package-path", package.path,
                             "--product", package.productName, "--scratch-path", Self.scratchPath(of: package)]
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .buildFailed(package: package.path, reason: "cannot start 'swift build' (\(error)); is the Swift toolchain on PATH?")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .buildFailed(package: package.path, reason: "'swift build' exited with status \(process.terminationStatus); its messages are above")
        }
        let library = package.libraryPath(configuration: configuration)
        guard Paths.kind(of: library).exists else {
            throw .buildFailed(package: package.path, reason: "'swift build' succeeded but made no \(library)")
        }
        // swift build does not relink when a touched source compiles to the same object;
        // the library is current all the same, and the loader's staleness check must agree.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: library)
        return library
    }
}
