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
        try runSwiftBuild(package)
        let library = package.libraryPath(configuration: configuration)
        guard Paths.kind(of: library).exists else {
            throw .buildFailed(package: package.path, reason: "'swift build' succeeded but made no \(library)")
        }
        // swift build does not recompile a module when only an inlined body of a module it
        // imports changed, and the build record is such a body: after an edit to TextPipe,
        // the plugin's objects can keep the record of the TextPipe built before. Its own
        // TextPipe library, beside it, always has the new one; when they differ, the
        // plugin's own sources are compiled again.
        if isBehindItsTextPipe(library) {
            touchSources(of: package)
            try runSwiftBuild(package)
            if isBehindItsTextPipe(library) {
                throw .buildFailed(package: package.path, reason: "its library still carries the build record of an earlier TextPipe build; delete \(Paths.join(package.path, ".build")) and build again")
            }
        }
        // The library is current now even if swift build did not relink it (a touched
        // source that compiles to the same object), and the loader's staleness check must agree.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: library)
        return library
    }

    private func runSwiftBuild(_ package: PluginPackage) throws(PluginError) {
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
    }

    /// Whether the plugin library's build record differs from the one of the TextPipe
    /// library built with it.
    func isBehindItsTextPipe(_ library: String) -> Bool {
        let textPipe = Paths.join(Paths.directory(of: library), PluginPackage.libraryFileName(product: "TextPipe"))
        guard let own = PluginLoader.buildRecord(inFile: textPipe) else { return false }
        return PluginLoader.buildRecord(inFile: library) != own
    }

    /// Marks every source of the package as changed, so that the next build compiles the
    /// package's own modules again (and only those). Their contents are not touched.
    private func touchSources(of package: PluginPackage) {
        let sources = Paths.join(package.path, "Sources")
        guard let walker = FileManager.default.enumerator(atPath: sources) else { return }
        let now = Date()
        for case let relative as String in walker where walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
            try? FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: Paths.join(sources, relative))
        }
    }
}
