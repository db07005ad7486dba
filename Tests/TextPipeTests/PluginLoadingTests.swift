import Foundation
import Testing
import TestSupport
@testable import TextPipe

/// The parts of plugin loading that need no built plugin: build records, finding a
/// package's library, and every refusal before `dlopen`. EndToEndTests/PluginTests builds
/// real plugins and loads them into the real textpipe.
@Suite("Plugin loading")
struct PluginLoadingTests {
    let folder = TemporaryFolder()

    /// The diagnostics of a pipeline that lists `plugins` (as YAML) and uses `stage`.
    func diagnostics(plugins: String, stage: String = "words") -> [String] {
        folder.write("docs/a.txt", "hello")
        let yaml = "textpipe: 1\ninput: { path: docs }\nplugins: \(plugins)\nstages:\n  - \(stage)\n"
        do {
            _ = try PipelineLoader(registry: TestStages.registry()).load(yaml: yaml, file: folder.path + "/p.yaml")
            return []
        } catch {
            return error.diagnostics.map { d in "\(d.location.map { "\($0.line):\($0.column)" } ?? "-") \(d.message)" }
        }
    }

    /// A plugin package folder with a manifest and one source file.
    @discardableResult
    func makePackage(_ name: String, manifest: String? = nil) -> String {
        folder.write("\(name)/Package.swift", manifest ?? """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "\(name)",
                products: [.library(name: "\(name)", type: .dynamic, targets: ["\(name)"])],
                targets: [.target(name: "\(name)")])
            """)
        return folder.write("\(name)/Sources/\(name)/Stage.swift", "// a stage\n")
    }

    @Test("a build record names version, sources, configuration and compiler, and says what differs")
    func buildRecord() throws {
        let a = try #require(BuildInfo(record: "textpipe-build/1;version=0.1.0;sources=00ff;configuration=debug;compiler=Swift version 6.3.1 (x)"))
        let b = try #require(BuildInfo(record: "textpipe-build/1;version=0.1.0;sources=11ee;configuration=release;compiler=Swift version 6.3.1 (x)"))
        #expect(a.description == "TextPipe 0.1.0, sources 00ff, debug, Swift version 6.3.1 (x)")
        #expect(a.differences(from: b) == ["the TextPipe sources", "the configuration"])
        #expect(a.differences(from: a).isEmpty)
        #expect(BuildInfo(record: "textpipe-build/1;version=0.1.0") == nil)
        #expect(BuildInfo(record: "something else") == nil)
    }

    @Test("this build's record is generated from its sources: a 128-bit hash, this configuration, this version")
    func currentBuild() {
        let current = TextPipeBuild.current
        #expect(current.version == TextPipeVersion.string)
        #expect(current.sources.count == 32 && current.sources.allSatisfy(\.isHexDigit))
        #if DEBUG
        #expect(current.configuration == "debug")
        #else
        #expect(current.configuration == "release")
        #endif
        #expect(current.compiler.hasPrefix("Swift version"))
        #expect(TextPipeBuild.sourcePackage.map { FileManager.default.fileExists(atPath: $0 + "/Sources/TextPipe") } == true)
    }

    @Test("the build record is found inside a file without loading it")
    func recordInFile() throws {
        let record = "textpipe-build/1;version=9.9.9;sources=abcd;configuration=debug;compiler=Swift version 6.3.1"
        let file = folder.write("lib.so", bytes: [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2] + Array("textpipe-build/1;broken".utf8) + [0]
                                + Array(record.utf8) + [0, 9, 9])
        #expect(PluginLoader.buildRecord(inFile: file)?.version == "9.9.9")
        #expect(PluginLoader.buildRecord(inFile: folder.write("other.so", "no record here")) == nil)
    }

    @Test("a manifest's first library product is the plugin, and it must be dynamic", arguments: [
        (".library(name: \"Words\", type: .dynamic, targets: [\"Words\"])", "Words", true),
        (".library(\n  name: \"A\",\n  type: .dynamic,\n  targets: [\"A\"]),\n .library(name: \"AStages\", targets: [\"A\"])", "A", true),
        (".library(name: \"Words\", targets: [\"Words\"])", "Words", false),
    ])
    func libraryProduct(products: String, name: String, dynamic: Bool) {
        let found = PluginPackage.libraryProduct(in: "let package = Package(name: \"x\", products: [\(products)])")
        #expect(found?.name == name)
        #expect(found?.isDynamic == dynamic)
    }

    @Test("a missing plugin path is reported at its entry, and the stages it would bring get a hint")
    func missingPath() {
        #expect(diagnostics(plugins: "[nowhere]", stage: "counter") == [
            "3:11 no plugin at 'nowhere' (resolved to \(folder.path)/nowhere); a plugin is a package folder (Plugins/NAME) or a built library (.so)",
            "5:5 unknown stage 'counter' (a plugin of this file failed to load; the stage may be one of its)",
        ])
    }

    @Test("a folder that is not a plugin package, or whose library is not dynamic, is refused with the reason")
    func notAPackage() {
        folder.write("empty/readme.txt", "nothing")
        makePackage("Static", manifest: "let package = Package(name: \"Static\", products: [.library(name: \"Static\", targets: [\"Static\"])])")
        let found = diagnostics(plugins: "[empty, Static]")
        #expect(found == [
            "3:11 empty is not a TextPipe plugin: the folder has no Package.swift; a plugin is a SwiftPM package folder or a built library (.so)",
            "3:18 Static is not a TextPipe plugin: its library product 'Static' is not dynamic; add `type: .dynamic` to it",
        ])
    }

    @Test("a package that was not built says how to build it, and names the configuration it was built for")
    func notBuilt() {
        makePackage("Counter")
        let library = "\(folder.path)/Counter/.build/debug/libCounter.so"
        let configuration = TextPipeBuild.current.configuration
        let other = configuration == "debug" ? "release" : "debug"
        var found = diagnostics(plugins: "[Counter]")
        #expect(found == ["3:11 the plugin package \(folder.path)/Counter is not built for this \(configuration) textpipe: "
            + "\(folder.path)/Counter/.build/\(configuration)/libCounter.so is missing; build it with 'textpipe plugin build \(folder.path)/Counter', or pass --build-plugins"])
        _ = library
        folder.write("Counter/.build/\(other)/libCounter.so", "built elsewhere")
        found = diagnostics(plugins: "[Counter]")
        #expect(found.first?.contains("is not built for this \(configuration) textpipe (it is built for \(other) only)") == true)
    }

    @Test("a package whose sources changed after its build must be rebuilt")
    func stale() throws {
        let source = makePackage("Counter")
        let library = folder.write("Counter/.build/\(TextPipeBuild.current.configuration)/libCounter.so", "old build")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: library)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)],
                                              ofItemAtPath: folder.path + "/Counter/Package.swift")
        _ = source
        let found = diagnostics(plugins: "[Counter]")
        #expect(found.count == 1, "\(found)")
        #expect(found.first == "3:11 the plugin package \(folder.path)/Counter changed after it was built (Sources/Counter/Stage.swift is newer than \(library)); rebuild it with 'textpipe plugin build \(folder.path)/Counter', or pass --build-plugins")
    }

    @Test("a file that is not a shared library is refused before dlopen")
    func notALibrary() {
        folder.write("notes.so", "just text")
        #expect(diagnostics(plugins: "[notes.so]") == [
            "3:11 notes.so is not a TextPipe plugin: \(folder.path)/notes.so is not a shared library (a plugin is a package folder or the .so its build makes)",
        ])
    }

    @Test("a shared library without the entry point is not a plugin")
    func noEntryPoint() throws {
        // The Swift runtime: a real shared library, already loaded, with no TextPipe entry point.
        let maps = String(decoding: try #require(FileHandle(forReadingAtPath: "/proc/self/maps")).readDataToEndOfFile(), as: UTF8.self)
        let line = try #require(maps.split(separator: "\n").first { $0.hasSuffix("/libswiftCore.so") })
        let core = String(line[line.firstIndex(of: "/")!...])
        #expect(diagnostics(plugins: "['\(core)']") == [
            "3:11 \(core) is not a TextPipe plugin: \(core) has no 'textpipe_plugin' entry point; a plugin exports it with @_cdecl (see Docs/Plugins.md)",
        ])
    }

    @Test("a registry copy takes later stages without showing them to the original")
    func registryCopy() throws {
        let base = TestStages.registry()
        let copy = base.copy()
        try copy.register(StageDescriptor(name: "extra", summary: "More.") { _, _ in .transform(TestStages.Words()) }, origin: "plugin x")
        #expect(copy.descriptor(named: "extra") != nil)
        #expect(base.descriptor(named: "extra") == nil)
        #expect(copy.descriptor(named: "words") != nil)
    }

    @Test("a registrar records what it registered and the clash that stopped it")
    func registrarClash() {
        let registrar = PluginRegistrar(registry: TestStages.registry(), origin: "plugin /p/libx.so")
        #expect(throws: StageRegistry.NameClash.self) {
            try registrar.register(StageDescriptor(name: "fresh", summary: "New.") { _, _ in .transform(TestStages.Words()) })
            try registrar.register(StageDescriptor(name: "words", summary: "Again.") { _, _ in .transform(TestStages.Words()) })
        }
        #expect(registrar.registered == ["fresh"])
        #expect(registrar.clash?.description
            == "stage 'words' (plugin /p/libx.so) clashes with the stage of the same name (built-in); one of them must be renamed or left out")
    }

    @Test("a stage built in code must be a per-document stage")
    func makeTransform() throws {
        let registry = TestStages.registry()
        let words = try #require(registry.descriptor(named: "words"))
        var document = Document(id: "t", text: "two words")
        let result = try words.makeTransform().run(&document)
        #expect(result == .keep)
        #expect(document.layers["words"]?.count == 2)
        #expect(throws: ParameterError.self) { try registry.descriptor(named: "collect")!.makeTransform() }
        #expect(throws: PipelineErrors.self) { try registry.descriptor(named: "needs-words")!.makeTransform(["limit": 99]) }
    }

    /// Runs the fingerprint tool over copies of Sources/TextPipe and returns the record it writes.
    func fingerprint(ofCopyAt copy: String) throws -> String {
        let tool = try #require(BuildProducts.executable(named: "BuildFingerprintTool"), "BuildFingerprintTool was not built")
        let files = try FileManager.default.subpathsOfDirectory(atPath: copy).filter { $0.hasSuffix(".swift") }.map { copy + "/" + $0 }
        let output = folder.path + "/fingerprint-\(UUID().uuidString).swift"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [output, ""] + files
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    @Test("the build fingerprint is the same for the same sources in another folder, and changes with any edit")
    func fingerprintFollowsSourcesNotFolders() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TextPipe").path
        let first = folder.path + "/one/TextPipe", second = folder.path + "/elsewhere/deeper/TextPipe"
        for copy in [first, second] {
            try FileManager.default.createDirectory(atPath: copy + "/..", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: sources, toPath: copy)
        }
        let a = try fingerprint(ofCopyAt: first)
        #expect(a.contains("textpipe-build/1;"))
        #expect(try fingerprint(ofCopyAt: second) == a, "another folder, same sources")
        let span = second + "/Document/Span.swift"
        try (String(contentsOfFile: span, encoding: .utf8) + "\n// an edit\n").write(toFile: span, atomically: true, encoding: .utf8)
        #expect(try fingerprint(ofCopyAt: second) != a, "a comment changes the sources")
    }

    @Test("a plugin path that is a FIFO or a device is refused without being opened")
    func specialFilesRefused() throws {
        let fifo = folder.path + "/fifo.so"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(PluginLoader.notALibrary(fifo)?.contains("not a regular file") == true)
        #expect(PluginLoader.notALibrary("/dev/null")?.contains("not a regular file") == true)
    }

    @Test("stage names are lower-case words joined by hyphens; one origin cannot register two stages of one name")
    func registryNames() throws {
        for good in ["clean", "regex-tag", "word-stats", "h2o", "a1-b2"] { #expect(StageRegistry.isValidName(good), "\(good)") }
        for bad in ["", "Clean", "regex_tag", "-x", "x-", "a--b", "1abc", "bad name", "ünï"] {
            #expect(!StageRegistry.isValidName(bad), "\(bad)")
        }
        let registry = StageRegistry()
        let one = StageDescriptor(name: "probe", summary: "One.") { _, _ in fatalError() }
        let other = StageDescriptor(name: "probe", summary: "Another.") { _, _ in fatalError() }
        try registry.register(one, origin: "plugin p")
        try registry.register(one, origin: "plugin p")  // the same declaration again: harmless
        #expect(throws: StageRegistry.NameClash.self) { try registry.register(other, origin: "plugin p") }
        #expect(throws: StageRegistry.InvalidName.self) { try registry.register(StageDescriptor(name: "Bad Name", summary: "Bad.") { _, _ in fatalError() }) }
    }
}
