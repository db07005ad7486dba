/// The files of a new plugin package (`textpipe plugin new NAME`): a manifest, one example
/// stage with its entry point, a Swift Testing test, a sample document, a pipeline file
/// that uses the stage, and a README. Placeholders: `__NAME__` (the package and module),
/// `__STAGE__` (the stage's name in pipeline files), `__TEXTPIPE__` (the TextPipe package).
enum PluginTemplate {
    /// Relative path and contents of every file, placeholders filled in.
    static func files(name: String, stage: String, textPipePackage: String) -> [(path: String, contents: String)] {
        let fill = { (text: String) in
            text.replacingOccurrences(of: "__NAME__", with: name)
                .replacingOccurrences(of: "__STAGE__", with: stage)
                .replacingOccurrences(of: "__TEXTPIPE__", with: textPipePackage)
        }
        return [
            ("Package.swift", manifest),
            ("Sources/__NAME__/__NAME__Stage.swift", stageSource),
            ("Sources/__NAME__/EntryPoint.swift", entryPoint),
            ("Tests/__NAME__Tests/__NAME__StageTests.swift", test),
            ("samples/river-news.txt", sample),
            ("pipeline.yaml", pipeline),
            ("README.md", readme),
            (".gitignore", ".build/\nPackage.resolved\n/out/\n"),
        ].map { (fill($0.0), fill($0.1)) }
    }

    static let manifest = """
        // swift-tools-version:6.0
        import PackageDescription

        // A TextPipe stage plugin. `textpipe plugin build .` builds it; a pipeline file that
        // lists this folder under `plugins:` can then use its stages (see pipeline.yaml).
        let package = Package(
            name: "__NAME__",
            platforms: [.macOS(.v14)],
            products: [
                // The plugin: a dynamic library that textpipe loads at run time.
                .library(name: "__NAME__", type: .dynamic, targets: ["__NAME__"]),
            ],
            dependencies: [
                // The TextPipe sources the plugin is compiled against. textpipe refuses a plugin
                // built against other sources than its own, so this must be the package the
                // textpipe you run was built from.
                .package(name: "TextPipe", path: "__TEXTPIPE__"),
            ],
            targets: [
                .target(name: "__NAME__", dependencies: [.product(name: "TextPipe", package: "TextPipe")]),
                .testTarget(name: "__NAME__Tests", dependencies: ["__NAME__", .product(name: "TextPipe", package: "TextPipe")]),
            ]
        )

        """

    static let stageSource = """
        import TextPipe

        /// The `__STAGE__` stage: counts how often each of the given words occurs in a document,
        /// stores the counts in its metadata, and can drop documents that contain none of them.
        ///
        /// TextPipe builds one instance per run from the checked parameters and shares it
        /// between its worker threads, so the stage is an immutable `Sendable` value.
        public struct __NAME__Stage: DocumentStage, DeclaredStage {
            /// The words as given, for the metadata keys.
            let words: [String]
            /// Each word lowercased, as UTF-8 bytes, with its position in `words`.
            let wordIndex: [[UInt8]: Int]
            let metadataKey: String
            let dropWithout: Bool

            /// The declaration that drives validation, `textpipe stages` and the JSON Schema.
            public static let descriptor = StageDescriptor(
                name: "__STAGE__",
                summary: "Count given words in each document; optionally drop documents without any.",
                parameters: [
                    ParameterSpec("words", .list(.string, nonEmpty: true), required: true,
                                  "The words to count, matched whole and regardless of ASCII case."),
                    ParameterSpec("key", .string, default: "__STAGE___counts",
                                  "The metadata key that receives a mapping from each word to its count."),
                    ParameterSpec("drop_without", .boolean, default: false,
                                  "Drop documents that contain none of the words."),
                ],
                build: { parameters, _ in
                    let words = parameters.strings("words") ?? []
                    // A rule the parameter types cannot say; reported at the parameter's position.
                    if let bad = words.first(where: { $0.isEmpty || $0.contains(" ") }) {
                        throw ParameterError("words", "'words' must be single words, found '\\(bad)'")
                    }
                    var index: [[UInt8]: Int] = [:]
                    for (i, word) in words.enumerated() { index[Array(word.lowercased().utf8)] = i }
                    return .transform(__NAME__Stage(
                        words: words, wordIndex: index,
                        metadataKey: parameters.string("key") ?? "__STAGE___counts",
                        dropWithout: parameters.bool("drop_without") ?? false))
                })

            public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
                var counts = [Int](repeating: 0, count: words.count)
                var text = document.text
                // One pass over the UTF-8 bytes: a word is a run of ASCII letters and digits and
                // non-ASCII bytes, lowercased in ASCII as it is read.
                text.withUTF8 { bytes in
                    var word: [UInt8] = []
                    for i in 0...bytes.count {
                        let byte: UInt8 = i < bytes.count ? bytes[i] : 0x20
                        let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        if lowered >= 0x80 || (lowered >= 0x61 && lowered <= 0x7A) || (lowered >= 0x30 && lowered <= 0x39) {
                            word.append(lowered)
                        } else if !word.isEmpty {
                            if let i = wordIndex[word] { counts[i] += 1 }
                            word.removeAll(keepingCapacity: true)
                        }
                    }
                }
                var found = OrderedFields()
                for (word, count) in zip(words, counts) { found[word] = .int(count) }
                document.metadata[metadataKey] = .object(found)
                if dropWithout && counts.allSatisfy({ $0 == 0 }) {
                    // A drop is counted and recorded with its reason, never silent.
                    return .drop(reason: "none of the words " + words.joined(separator: ", "))
                }
                return .keep
            }
        }

        """

    static let entryPoint = """
        import TextPipe

        /// The plugin's one entry point. textpipe calls it first to learn which TextPipe build the
        /// plugin was compiled against, and only if that is its own build to register the stages.
        @_cdecl("textpipe_plugin")
        public func textpipePlugin(_ request: Int32, _ host: UnsafeMutableRawPointer?) -> UnsafePointer<CChar>? {
            PluginEntryPoint.handle(request, host) { registrar in
                try registrar.register(__NAME__Stage.self)
            }
        }

        """

    static let test = """
        import Testing
        import TextPipe
        import __NAME__

        @Suite("__STAGE__ stage")
        struct __NAME__StageTests {
            @Test("counts each word whole, in any ASCII case, and stores the counts in metadata")
            func counts() throws {
                let stage = try __NAME__Stage.descriptor.makeTransform(["words": ["river", "bridge"]])
                var document = Document(id: "t", text: "The River rose; the bridge held. Rivers and riverbanks do not count.")
                let result = try stage.run(&document)
                #expect(result == .keep)
                #expect(document.metadata["__STAGE___counts"] == .object(["river": 1, "bridge": 1]))
            }

            @Test("drops a document with none of the words, with a reason")
            func drops() throws {
                let stage = try __NAME__Stage.descriptor.makeTransform(["words": ["river"], "drop_without": true])
                var document = Document(id: "t", text: "Nothing about water here.")
                let result = try stage.run(&document)
                #expect(result == .drop(reason: "none of the words river"))
            }

            @Test("parameters are checked like a pipeline file's: a missing list and a bad word are refused")
            func badParameters() {
                #expect(throws: PipelineErrors.self) { try __NAME__Stage.descriptor.makeTransform() }
                #expect(throws: ParameterError.self) { try __NAME__Stage.descriptor.makeTransform(["words": ["two words"]]) }
            }
        }

        """

    static let sample = """
        The river rose overnight and the old bridge at Millford was closed at dawn.
        Engineers said the bridge would reopen once the river fell below the warning mark.

        """

    static let pipeline = """
        # A pipeline that uses this plugin's stage. Build the plugin first
        # (textpipe plugin build .), or run with --build-plugins.
        textpipe: 1
        name: __STAGE__
        input:
          path: samples
        plugins: [.]                   # this package folder; paths are relative to this file
        output: out
        stages:
          - __STAGE__: { words: [river, bridge] }
          - export: { format: jsonl, path: __STAGE__.jsonl }

        """

    static let readme = """
        # __NAME__

        A TextPipe stage plugin with one stage, `__STAGE__`. It is a starting point: change the
        stage in `Sources/__NAME__/__NAME__Stage.swift`, or add stages and register them in
        `Sources/__NAME__/EntryPoint.swift`.

        ```sh
        textpipe plugin build .          # build the plugin as textpipe needs it
        swift test                       # run the stage's tests
        textpipe run pipeline.yaml       # run it on samples/, output in out/
        textpipe stages __STAGE__ --plugin .   # its parameters
        ```

        Docs/WritingStages.md and Docs/Plugins.md in the TextPipe repository describe the
        stage protocol and how plugins are built and checked.

        """
}
