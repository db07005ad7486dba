import Foundation
import Testing
import TestSupport
@testable import TextPipe

@Suite("Pipeline files")
struct PipelineLoaderTests {
    let folder = TemporaryFolder()

    func load(_ yaml: String, overrides: [String] = [], input: String? = nil) throws(PipelineErrors) -> PipelineLoader.Loaded {
        folder.write("docs/a.txt", "hello")
        let file = folder.path + "/p.yaml"
        let o = PipelineOverrides(input: input, settings: overrides, workingDirectory: folder.path)
        return try PipelineLoader(registry: TestStages.registry()).load(yaml: yaml, file: file, overrides: o)
    }

    func diagnostics(_ yaml: String, overrides: [String] = []) -> [String] {
        do {
            _ = try load(yaml, overrides: overrides)
            return []
        } catch {
            return error.diagnostics.map { d in
                let loc = d.location.map { $0.line > 0 ? "\($0.line):\($0.column)" : $0.file } ?? "-"
                return "\(loc) \(d.message)"
            }
        }
    }

    @Test("a valid file loads, with defaults filled in and paths resolved against the file")
    func valid() throws {
        let loaded = try load("""
            textpipe: 1
            input: { path: docs }
            stages:
              - words
              - needs-words: { limit: 5 }
            """)
        #expect(loaded.pipeline.name == "p")
        #expect(loaded.pipeline.input.path == folder.path + "/docs")
        #expect(loaded.pipeline.outputDirectory == folder.path + "/out")
        #expect(loaded.pipeline.stages[1].parameters.int("limit") == 5)
        #expect(loaded.pipeline.stages[1].parameters.string("mode") == "fast")
        #expect(loaded.pipeline.onError == .fail)
    }

    @Test("every mistake is reported in one pass, each at its line and column")
    func manyMistakes() {
        let found = diagnostics("""
            textpipe: 1
            inptu: x
            input:
              path: missing
            on_error: sometimes
            stages:
              - wrods
              - needs-words:
                  limit: 11
                  mdoe: fast
                  ratio: lots
                  rules:
                    - { weight: 2 }
            """)
        #expect(found == [
            "2:1 unknown key 'inptu'; did you mean 'input'?",
            "4:9 the input folder 'missing' does not exist (resolved to \(folder.path)/missing)",
            "5:11 'on_error' must be one of 'fail', 'skip', 'quarantine', found 'sometimes'",
            "7:5 unknown stage 'wrods'; did you mean 'words'?",
            "8:5 stage 'needs-words' requires the 'words' layer, which no stage before it provides; add 'words' before it",
            "9:14 stage 'needs-words': 'limit' must be an integer from 1 to 10, found 11",
            "10:7 stage 'needs-words' has no parameter 'mdoe'; did you mean 'mode'?",
            "11:14 stage 'needs-words': 'ratio' must be a number from 0.0 to 1.0, found a string 'lots'",
            "13:11 stage 'needs-words': 'rules[1]' is missing the required parameter 'label' (a string)",
        ])
    }

    @Test("a stage placed too early is told which later stage to move")
    func layerOrder() {
        #expect(diagnostics("""
            textpipe: 1
            input: { path: docs }
            stages: [needs-words, words]
            """) == ["3:10 stage 'needs-words' requires the 'words' layer, which no stage before it provides; move 'words' before 'needs-words'"])
    }

    @Test("parameters given in code are validated like a pipeline file's, defaults filled in")
    func parametersInCode() throws {
        let d = try #require(TestStages.registry().descriptor(named: "needs-words"))
        let p = try d.parameters(["limit": 5, "rules": [.object(["label": "A"])]])
        #expect(p.int("limit") == 5)
        #expect(p.string("mode") == "fast")
        #expect(p["rules"]?.arrayValue?.first?.objectValue?["weight"] == .double(1.0))
        do {
            _ = try d.parameters(["limit": 11, "mdoe": "exact"])
            Issue.record("accepted bad parameters")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "<code: stage needs-words>: error: stage 'needs-words' has no parameter 'mdoe'; did you mean 'mode'?",
                "<code: stage needs-words>: error: stage 'needs-words': 'limit' must be an integer from 1 to 10, found 11",
            ])
        }
    }

    @Test("a provider that is present but configured not to provide the layer is named")
    func providerMisconfigured() {
        folder.write("docs/a.txt", "x")
        let r = TestStages.registry()
        try! r.register(StageDescriptor(name: "maybe-words", summary: "Words if asked.",
                                        parameters: [ParameterSpec("on", .boolean, default: false, "Provide words.")],
                                        provides: ["words"],
                                        layerUse: { LayerUse(provides: $0.bool("on") == true ? ["words"] : []) }) { _, _ in .transform(TestStages.Words()) })
        do {
            _ = try PipelineLoader(registry: r).load(yaml: "textpipe: 1\ninput: { path: docs }\nstages: [maybe-words, needs-words]",
                                                     file: folder.path + "/p.yaml")
            Issue.record("accepted a missing layer")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["stage 'needs-words' requires the 'words' layer, which no stage before it provides; 'maybe-words' comes before it but is not configured to provide 'words' (check its parameters)"])
        }
    }

    @Test("structural mistakes", arguments: [
        ("input: { path: docs }\nstages: [words]", "1:1 missing 'textpipe: 1' (the pipeline file format version)"),
        ("textpipe: 2\ninput: { path: docs }\nstages: [words]", "1:11 unsupported pipeline file version '2'; this textpipe reads version 1"),
        ("textpipe: \"1\"\ninput: { path: docs }\nstages: [words]", "1:11 'textpipe' must be the number 1, found a string '1' (write it without quotes)"),
        ("textpipe: 1\ninput: { path: docs }", "1:1 the pipeline file is missing the required key 'stages' (a list of stages)"),
        ("textpipe: 1\ninput: { path: docs }\nstages: []", "3:9 'stages' is empty; a pipeline needs at least one stage"),
        ("textpipe: 1\ninput: { path: docs }\nstages: words", "3:9 'stages' must be a list of stages, found a string"),
        ("textpipe: 1\ninput: { path: docs }\nstages:\n  - words: {}\n    collect: {}", "4:5 each stage must be written as '- NAME: {PARAMETERS}' or '- NAME', found a mapping with 2 keys (is the indentation of the parameters right?)"),
        ("textpipe: 1\ninput: { path: docs }\ninput: { path: docs }\nstages: [words]", "3:1 duplicate key 'input'"),
        ("textpipe: 1\ninput: { path: docs, hidden: yes }\nstages: [words]", "2:30 'input': 'hidden' must be true or false, found 'yes' (YAML 1.2 reads it as a string)"),
        ("textpipe: 1\ninput: { path: docs, include: ['a{b'] }\nstages: [words]", "2:32 invalid glob 'a{b': '{' without a closing '}'"),
        ("textpipe: 1\ninput: { path: docs }\nstages:\n  - words\n  - needs-words: { names: [forbidden] }", "5:28 stage 'needs-words': the name 'forbidden' is not allowed"),
        ("- just\n- a list", "1:1 a pipeline file must be a mapping with the keys textpipe, name, description, input, output, on_error, plugins, stages"),
    ])
    func structural(_ yaml: String, _ expected: String) {
        #expect(diagnostics(yaml) == [expected])
    }

    @Test("YAML syntax errors are located")
    func yamlSyntax() {
        let found = diagnostics("textpipe: 1\ninput: { path: docs\nstages: [words]\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("3:") == true)
        #expect(found.first?.contains("YAML syntax") == true)
    }

    @Test("--set overrides stage parameters, the input and top-level keys")
    func overrides() throws {
        folder.write("other/b.txt", "x")
        let loaded = try load("""
            textpipe: 1
            input: { path: docs }
            stages: [words, needs-words, collect, collect]
            """, overrides: ["needs-words.limit=7", "collect#2.name=second", "2.mode=exact", "on_error=skip", "input.hidden=true"],
            input: "other")
        #expect(loaded.pipeline.stages[1].parameters.int("limit") == 7)
        #expect(loaded.pipeline.stages[1].parameters.string("mode") == "exact")
        #expect(loaded.pipeline.stages[3].parameters.string("name") == "second")
        #expect(loaded.pipeline.onError == .skip)
        #expect(loaded.pipeline.input.hidden)
        #expect(loaded.pipeline.input.path == folder.path + "/other")
    }

    @Test("bad overrides are reported against the command line")
    func badOverrides() {
        let found = diagnostics("textpipe: 1\ninput: { path: docs }\nstages: [words, collect, collect]",
                                overrides: ["collect.name=x", "wrods.x=1", "words.limit", "needs-words.limit=0", "9.x=1"])
        #expect(found == [
            "<command line: --set collect.name=x> the pipeline has 2 'collect' stages; write 'collect#N' to pick one",
            "<command line: --set wrods.x=1> the pipeline has no stage 'wrods'; did you mean 'words'?",
            "<command line: --set words.limit> expected STAGE.PARAMETER=VALUE",
            "<command line: --set needs-words.limit=0> the pipeline has no stage 'needs-words'",
            "<command line: --set 9.x=1> there is no stage number 9; the pipeline has 3",
        ])
    }
}
