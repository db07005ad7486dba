import Foundation
import Testing
import TestSupport
import TextPipe

/// Plugins built with swift build and loaded into the real textpipe: the scaffold, the two
/// example plugins, the static embedding example, and every refusal that needs a real
/// plugin. Builds are shared through `PluginPackages`; run alone with
/// `swift test --skip-build --filter PluginTests`.
@Suite("Plugins, built and loaded", .serialized)
struct PluginTests {
    typealias TP = TextPipeProcess

    @Test("plugin new Demo, plugin build, and a pipeline using Demo's stage runs; the scaffold's own tests pass")
    func scaffoldBuildRun() throws {
        let folder = TemporaryFolder()
        defer { folder.cleanup() }
        let demo = try PluginPackages.scaffold("Demo", in: folder.path)
        try PluginPackages.build(demo)

        let run = try TP.run(["run", "pipeline.yaml", "-q"], in: demo)
        #expect(run.status == 0, "\(run.stderr)")
        let records = try TP.jsonLines(demo + "/out/demo.jsonl")
        #expect(records.map { $0["metadata"]?.objectValue?["demo_counts"] } == [.object(["river": 2, "bridge": 2])])

        let tests = try TP.run(program: "/usr/bin/env", ["swift", "test", "--package-path", demo,
                                                         "--scratch-path", PluginPackages.sharedScratch])
        #expect(tests.status == 0, "\(tests.stdout.suffix(3000))\n\(tests.stderr.suffix(3000))")
        #expect(tests.stdout.contains("Test run with 3 tests"), "\(tests.stdout.suffix(2000))")
    }

    @Test("the example plugins' own tests pass", arguments: ["Plugins/WordStats", "Plugins/Redact"])
    func exampleTests(package: String) throws {
        // A build folder of its own: `swift test` relinks the plugin, and other tests may be
        // loading the one in the package's .build at the same moment.
        let tests = try TP.run(program: "/usr/bin/env", ["swift", "test", "--package-path", package,
                                                         "--scratch-path", package + "/.build-tests"])
        #expect(tests.status == 0, "\(tests.stdout.suffix(3000))\n\(tests.stderr.suffix(3000))")
        #expect(tests.stdout.contains(" passed after "), "\(tests.stdout.suffix(2000))")
    }

    @Test("the example plugins' stages are listed with their parameters when a pipeline or --plugin names them")
    func examplesListed() throws {
        try PluginPackages.buildExamples()
        let listed = try TP.run(["stages", "--pipeline", "Pipelines/plugins-demo.yaml"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("redact      Replace spans of chosen labels"))
        #expect(listed.stdout.contains("word-stats  Add word, sentence and type counts"))
        let redact = try TP.run(["stages", "redact", "--plugin", "Plugins/Redact"])
        #expect(redact.status == 0, "\(redact.stderr)")
        #expect(redact.stdout.contains("labels: a list of strings (required)"))
        #expect(redact.stdout.contains("(plugin \(TP.repositoryRoot)/Plugins/Redact/.build/"))
        let plain = try TP.run(["stages"])
        #expect(!plain.stdout.contains("redact"), "no pipeline or --plugin names it, so it is not loaded")
    }

    @Test("the plugins demo redacts contact details and names, and sentences found after it map to the source text")
    func examplesRun() throws {
        try PluginPackages.buildExamples()
        let folder = TemporaryFolder()
        defer { folder.cleanup() }
        let text = "Write to Laura Chen at laura.chen@example.org or call +44 20 7946 0958. She replies within a day."
        folder.write("in/letter.txt", text)
        let run = try TP.run(["run", "Pipelines/plugins-demo.yaml", "--input", folder.path + "/in", "--output", folder.path + "/out", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let record = try #require(try TP.jsonLines(folder.path + "/out/plugins-demo.jsonl").first)
        #expect(record["text"] == "Write to [PERSON] at [EMAIL] or call [PHONE]. She replies within a day.")
        let metadata = record["metadata"]?.objectValue
        #expect(metadata?["redacted"] == .object(["EMAIL": 1, "PHONE": 1, "PERSON": 1]))
        #expect(metadata?["word_stats"]?.objectValue?["sentences"] == 2)
        // Each sentence's source offsets (code points) slice the file as it was read.
        let source = Array(text.unicodeScalars)
        let sentences = record["layers"]?.objectValue?["sentences"]?.arrayValue ?? []
        let originals = sentences.compactMap { span -> String? in
            guard let s = span.objectValue?["source_start"]?.intValue, let e = span.objectValue?["source_end"]?.intValue else { return nil }
            return String(String.UnicodeScalarView(source[s..<e]))
        }
        #expect(originals == ["Write to Laura Chen at laura.chen@example.org or call +44 20 7946 0958.", "She replies within a day."])
    }

    @Test("the shipped plugins demo pipeline runs over the samples with every document accounted for")
    func examplesOnSamples() throws {
        try PluginPackages.buildExamples()
        let out = TemporaryFolder()
        defer { out.cleanup() }
        let run = try TP.run(["run", "Pipelines/plugins-demo.yaml", "--output", out.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try TP.jsonLines(out.path + "/plugins-demo.jsonl")
        #expect(records.count == 25)
        let texts = records.compactMap { $0["text"]?.stringValue }
        #expect(!texts.contains { $0.contains("@example.") }, "an e-mail address was left in")
        #expect(!texts.contains { $0.contains("Priya Raman") })
        #expect(records.allSatisfy { $0["metadata"]?.objectValue?["word_stats"] != nil })
    }

    @Test("a plugin built from different TextPipe sources is refused with the rebuild message, without a crash")
    func mismatchedBuild() throws {
        let folder = TemporaryFolder()
        defer { folder.cleanup() }
        let copy = folder.path + "/TextPipeCopy"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try PluginPackages.copyOfTextPipe(to: copy)
        // A change that alters no symbol: only the fingerprint can tell the builds apart.
        let span = copy + "/Sources/TextPipe/Document/Span.swift"
        try (try String(contentsOfFile: span, encoding: .utf8) + "// edited in a copy\n").write(toFile: span, atomically: true, encoding: .utf8)
        let made = try TP.run(["plugin", "new", "Odd", "--path", folder.path, "--textpipe-package", copy])
        #expect(made.status == 0, "\(made.stderr)")
        try PluginPackages.build(folder.path + "/Odd")

        /// `validate` refuses the plugin with the mismatch message and exits 1, without a crash.
        func refusal() throws -> String {
            let result = try TP.run(["validate", "pipeline.yaml"], in: folder.path + "/Odd")
            #expect(!result.signaled)
            #expect(result.status == 1)
            #expect(result.stderr.contains("pipeline.yaml:7:11: error: the plugin . was built against another build of TextPipe (the TextPipe sources differ)"),
                    "\(result.stderr)")
            return result.stderr
        }
        let message = try refusal()
        #expect(message.contains("rebuild it with 'textpipe plugin build .', with its Package.swift depending on the TextPipe package this textpipe was built from (\(TP.repositoryRoot))"),
                "\(message)")

        // Another edit of the copy: swift build alone would not recompile the plugin's own
        // module for it, but plugin build must bring the plugin's record up to date.
        let odd = folder.path + "/Odd/.build/debug/"
        let before = PluginLoader.buildRecord(inFile: odd + "libOdd.so")
        try (try String(contentsOfFile: span, encoding: .utf8) + "// edited again\n").write(toFile: span, atomically: true, encoding: .utf8)
        try PluginPackages.build(folder.path + "/Odd")
        let after = PluginLoader.buildRecord(inFile: odd + "libOdd.so")
        #expect(after != nil && after != before)
        #expect(after == PluginLoader.buildRecord(inFile: odd + "libTextPipe.so"))

        // A change to a function the plugin calls: the plugin then needs a symbol this
        // textpipe lacks, dlopen refuses it, and the record read from the file explains why.
        let parameter = copy + "/Sources/TextPipe/Stage/Parameter.swift"
        let declaration = try String(contentsOfFile: parameter, encoding: .utf8)
        #expect(declaration.contains("required: Bool = false, _ documentation: String)"))
        try declaration.replacingOccurrences(of: "required: Bool = false, _ documentation: String)",
                                             with: "required: Bool = false, _ documentation: String, since: String? = nil)")
            .write(toFile: parameter, atomically: true, encoding: .utf8)
        try PluginPackages.build(folder.path + "/Odd")
        let missingSymbol = try refusal()
        #expect(missingSymbol.contains("it needs symbols this textpipe lacks; rebuild it with"), "\(missingSymbol)")
    }

    @Test("the static embedding example builds and runs the demo pipeline to the same output; plugins of the same stages clash")
    func embedding() throws {
        try PluginPackages.buildExamples()
        let build = try TP.run(program: "/usr/bin/env", ["swift", "build", "--package-path", "Plugins/TextPipePlus"])
        #expect(build.status == 0, "\(build.stderr.suffix(4000))")
        let plus = TP.repositoryRoot + "/Plugins/TextPipePlus/.build/debug/textpipe-plus"
        let out = TemporaryFolder()
        defer { out.cleanup() }
        let embedded = try TP.run(program: plus, ["run", "Pipelines/plugins-demo.yaml", "--set", "plugins=[]",
                                                  "--output", out.path + "/embedded", "-q"])
        #expect(embedded.status == 0, "\(embedded.stderr)")
        let loaded = try TP.run(["run", "Pipelines/plugins-demo.yaml", "--output", out.path + "/plugins", "-q"])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let a = FileManager.default.contents(atPath: out.path + "/embedded/plugins-demo.jsonl")
        let b = FileManager.default.contents(atPath: out.path + "/plugins/plugins-demo.jsonl")
        #expect(a != nil && a == b)

        let listed = try TP.run(program: plus, ["stages", "word-stats"])
        #expect(listed.stdout.contains("(compiled into textpipe-plus)"))
        // The plugins load into the embedding program too (its TextPipe is the same build),
        // and are refused because their stage names are taken.
        let clash = try TP.run(program: plus, ["validate", "Pipelines/plugins-demo.yaml"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("stage 'redact' (plugin \(TP.repositoryRoot)/Plugins/Redact/.build/"), "\(clash.stderr)")
        #expect(clash.stderr.contains("clashes with the stage of the same name (compiled into textpipe-plus)"), "\(clash.stderr)")
    }

    @Test("refusals that need a real plugin: a throwing entry point, a name clash, a second TextPipe, a package not built")
    func refusals() throws {
        let folder = TemporaryFolder()
        defer { folder.cleanup() }
        let faulty = try PluginPackages.scaffold("Faulty", in: folder.path)
        // An entry point whose registration throws, as one that checks its setup might.
        try """
            import TextPipe

            struct MissingLicence: Error, CustomStringConvertible {
                var description: String { "the licence file is missing" }
            }

            @_cdecl("textpipe_plugin")
            public func textpipePlugin(_ request: Int32, _ host: UnsafeMutableRawPointer?) -> UnsafePointer<CChar>? {
                PluginEntryPoint.handle(request, host) { _ in throw MissingLicence() }
            }

            """.write(toFile: faulty + "/Sources/Faulty/EntryPoint.swift", atomically: true, encoding: .utf8)
        try PluginPackages.build(faulty)
        let thrown = try TP.run(["validate", "pipeline.yaml"], in: faulty)
        #expect(thrown.status == 1)
        #expect(thrown.stderr.contains("pipeline.yaml:7:11: error: the plugin . failed while registering its stages: the licence file is missing"), "\(thrown.stderr)")

        // The same stage from two libraries: a copy of a built plugin.
        try PluginPackages.buildExamples()
        let library = TP.repositoryRoot + "/Plugins/WordStats/.build/debug/libWordStats.so"
        try FileManager.default.copyItem(atPath: library, toPath: folder.path + "/libWordStatsCopy.so")
        folder.write("in/a.txt", "One sentence.")
        folder.write("clash.yaml", """
            textpipe: 1
            input: { path: in }
            plugins: [\(TP.repositoryRoot)/Plugins/WordStats, libWordStatsCopy.so]
            stages: [segment, word-stats]
            """)
        let clash = try TP.run(["validate", folder.path + "/clash.yaml"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("error: the plugin libWordStatsCopy.so cannot be used: stage 'word-stats' (plugin \(folder.path)/libWordStatsCopy.so) clashes with the stage of the same name (plugin "),
                "\(clash.stderr)")

        // A program that links TextPipe but does not provide it to plugins.
        let host = try #require(BuildProducts.executable(named: "PluginHostCheck"))
        let second = try TP.run(program: host, [TP.repositoryRoot + "/Plugins/WordStats"])
        #expect(!second.signaled)
        #expect(second.status == 1)
        #expect(second.stdout.contains("also loaded a second TextPipe library"), "\(second.stdout)")

        // Not built: the message says how; --build-plugins builds it.
        let fresh = try PluginPackages.scaffold("Fresh", in: folder.path, sharedBuild: false)
        let unbuilt = try TP.run(["validate", "pipeline.yaml"], in: fresh)
        #expect(unbuilt.status == 1)
        #expect(unbuilt.stderr.contains("is not built for this debug textpipe"), "\(unbuilt.stderr)")
        #expect(unbuilt.stderr.contains("build it with 'textpipe plugin build .', or pass --build-plugins"), "\(unbuilt.stderr)")
        try PluginPackages.shareBuild(fresh)
        let built = try TP.run(["validate", "pipeline.yaml", "--build-plugins"], in: fresh)
        #expect(built.status == 0, "\(built.stderr.suffix(3000))")
    }
}
