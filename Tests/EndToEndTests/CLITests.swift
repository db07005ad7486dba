import Foundation
import Testing
import TextPipe

@Suite("textpipe command line", .serialized)
struct CLITests {
    typealias TP = TextPipeProcess

    @Test("the quick-start pipeline writes one JSONL record for every sample document")
    func quickStart() throws {
        let out = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try TP.run(["run", "Pipelines/news.yaml", "--output", out])
        #expect(result.status == 0, "\(result.stderr)")
        let samples = TP.repositoryRoot + "/Pipelines/samples/news"
        var expected: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: samples).sorted() {
            if name.hasSuffix(".jsonl") {
                let lines = try String(contentsOfFile: samples + "/" + name, encoding: .utf8).split(separator: "\n")
                expected += (1...lines.count).map { "\(name)#\($0)" }
            } else {
                expected.append(name)
            }
        }
        let records = try TP.jsonLines(out + "/news.jsonl")
        #expect(records.compactMap { $0["id"]?.stringValue } == expected)
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0["id"]!.stringValue!, $0) })
        #expect(byID["utf16-weather.txt"]?["metadata"]?.objectValue?["encoding"] == .string("utf-16le"))
        #expect(byID["utf8-bom-markets.txt"]?["text"]?.stringValue?.hasPrefix("\u{FEFF}") == false)
        #expect(byID["latin1-letter.txt"]?["metadata"]?.objectValue?["repaired_sequences"]?.intValue ?? 0 > 0)
        #expect(byID["empty-placeholder.txt"]?["text"] == .string(""))
        // Every document has a summary and key phrases; one with text has some of each.
        for record in records {
            let id = record["id"]?.stringValue ?? "?"
            let metadata = record["metadata"]?.objectValue
            let layers = record["layers"]?.objectValue
            let summary = layers?["summary"]?.arrayValue
            #expect(summary != nil && metadata?["summary"]?.stringValue != nil, "\(id) has no summary")
            #expect(metadata?["keywords"]?.arrayValue != nil, "\(id) has no keywords")
            guard let sentences = layers?["sentences"]?.arrayValue, sentences.count > 3 else { continue }
            #expect(summary?.count == 3, "\(id): \(summary?.count ?? 0) summary sentences")
            #expect((metadata?["keywords"]?.arrayValue?.count ?? 0) > 0, "\(id) has no key phrases")
            #expect(metadata?["summary"]?.stringValue?.isEmpty == false)
        }
        let stats = try TP.json(out + "/news.stats.json").objectValue
        #expect(stats?["documents"]?.objectValue?["completed"] == .int(expected.count))
    }

    @Test("every pipeline in Pipelines/ validates")
    func shippedPipelinesValidate() throws {
        try PluginPackages.buildExamples()  // plugins-demo.yaml loads them
        let dir = TP.repositoryRoot + "/Pipelines"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let result = try TP.run(["validate", "Pipelines/" + file])
            #expect(result.status == 0, "\(file): \(result.stderr)")
        }
    }

    @Test("validate reports five different mistakes, located, in one run, and exits 1")
    func fiveMistakes() throws {
        let result = try TP.run(["validate", "Tests/Fixtures/five-mistakes.yaml"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let f = "Tests/Fixtures/five-mistakes.yaml"
        #expect(lines == [
            "\(f):5:9: error: the input folder '../Fixtures/no-such-folder' does not exist (resolved to \(TP.repositoryRoot)/Tests/Fixtures/no-such-folder)",
            "\(f):6:18: error: 'input': 'max_file_size' must be a byte size (such as 1048576, '64MB' or '512 KiB'), found a string 'huge'",
            "\(f):7:1: error: unknown key 'on_eror'; did you mean 'on_error'?",
            "\(f):9:26: error: stage 'filter': 'min_words' must be an integer of at least 0, found -1",
            "\(f):10:5: error: unknown stage 'exprot'; did you mean 'export'?",
            "\(f):11:5: error: stage 'export' requires the 'sentences' layer, which no stage before it provides; add 'segment' before it",
            "6 errors",
        ])
    }

    @Test("an invalid pattern fails validate at the pattern's line and column, with PCRE2's message")
    func badPattern() throws {
        let result = try TP.run(["validate", "Tests/Fixtures/bad-pattern.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Tests/Fixtures/bad-pattern.yaml:9:36: error: stage 'regex-tag': pattern '[$€£](\\d+': missing closing parenthesis at offset 9"), "\(result.stderr)")
    }

    @Test("a YAML syntax error is located and nothing is run")
    func syntaxError() throws {
        let result = try TP.run(["run", "Tests/Fixtures/syntax-error.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Tests/Fixtures/syntax-error.yaml:5:1: error: YAML syntax:"), "\(result.stderr)")
    }

    @Test("--jobs 1, 2 and 4 produce byte-identical output")
    func deterministicOutput() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rng = SystemRandomNumberGenerator()
        let words = ["alpha", "Zoë", "東京", "🌍", "beta", "quote\"d", "tab\there", "line\nbreak", "naïve"]
        for i in 0..<400 {
            let n = Int.random(in: 0..<(i % 50 == 0 ? 5000 : 200), using: &rng)
            let text = (0..<n).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            TP.write("\(dir)/in/\(i % 7)/doc\(i).txt", text)
        }
        TP.write("\(dir)/in/records.jsonl", (0..<300).map { #"{"text":"record \#($0) é","n":\#($0)}"# }.joined(separator: "\n"))
        TP.write("\(dir)/p.yaml", "textpipe: 1\nname: det\ninput: {path: in}\nstages:\n  - filter: {min_chars: 3}\n  - export\n")
        var outputs: [Data] = []
        for jobs in ["1", "2", "4"] {
            let result = try TP.run(["run", "p.yaml", "--jobs", jobs, "--output", "out-\(jobs)"], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/out-\(jobs)/det.jsonl")))
        }
        #expect(outputs[0].count > 100_000)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test("bad input gets clear reasons, no crash, and every document is accounted for")
    func badInput() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        TP.write("\(dir)/in/good.txt", "Fine text.")
        TP.write("\(dir)/in/empty.txt", [])
        TP.write("\(dir)/in/latin1.txt", Array("caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65])
        TP.write("\(dir)/in/picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0])
        TP.write("\(dir)/in/huge.txt", String(repeating: "big ", count: 1000))
        TP.write("\(dir)/in/lines.jsonl", "{\"text\":\"ok\"}\nnot json\n{\"body\":\"no text\"}\n")
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/in/dangling.txt", withDestinationPath: "\(dir)/missing")
        TP.write("\(dir)/p.yaml", "textpipe: 1\nname: bad\ninput: {path: in, max_file_size: 1KB}\nstages: [export]\n")
        let result = try TP.run(["run", "p.yaml"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let records = try TP.jsonLines("\(dir)/out/bad.jsonl")
        #expect(records.compactMap { $0["id"]?.stringValue } == ["empty.txt", "good.txt", "latin1.txt", "lines.jsonl#1"])
        #expect(records[2]["text"] == .string("caf\u{FFFD} cr\u{FFFD}me"))
        #expect(records[2]["metadata"]?.objectValue?["repaired_sequences"] == .int(2))
        let rejects = try TP.jsonLines("\(dir)/out/bad.rejects.jsonl")
        let reasons = Dictionary(uniqueKeysWithValues: rejects.map { ($0["id"]!.stringValue!, $0["reason"]!.stringValue!) })
        #expect(reasons == [
            "dangling.txt": "broken symbolic link",
            "huge.txt": "file is 4.0 kB, over the 1.0 kB limit (input.max_file_size)",
            "lines.jsonl#2": "line 2 is not valid JSON: unexpected text 'not json' at byte 0",
            "lines.jsonl#3": "line 3 has no 'text' field (input.text_field)",
            "picture.txt": "binary file (PNG image)",
        ])
        let stats = try TP.json("\(dir)/out/bad.stats.json").objectValue!
        let docs = stats["documents"]!.objectValue!
        let total = ["completed", "dropped", "failed", "skipped"].map { docs[$0]!.intValue! }.reduce(0, +)
        #expect(total == stats["input"]!.objectValue!["items"]!.intValue!)
        #expect(total == 9)
        #expect(result.stderr.contains("skipped 1: binary file (PNG image)"))
    }

    @Test("an output folder inside the input folder is not read back on the next run")
    func outputInsideInput() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        TP.write("\(dir)/docs/a.txt", "alpha")
        TP.write("\(dir)/docs/p.yaml", "textpipe: 1\nname: self\ninput: {path: ., include: ['*.txt', '*.jsonl']}\noutput: results\nstages: [export]\n")
        for _ in 0..<2 {
            let result = try TP.run(["run", "p.yaml"], in: dir + "/docs")
            #expect(result.status == 0, "\(result.stderr)")
        }
        let records = try TP.jsonLines("\(dir)/docs/results/self.jsonl")
        #expect(records.compactMap { $0["id"]?.stringValue } == ["a.txt"])
    }

    @Test("two exports to one file, or an export onto a side file, are refused before the run")
    func outputCollisions() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        TP.write("\(dir)/in/a.txt", "alpha")
        TP.write("\(dir)/p.yaml", """
            textpipe: 1
            name: c
            input: {path: in}
            stages:
              - export
              - export: {path: c.jsonl}
              - export: {path: c.stats.json}
            """)
        let result = try TP.run(["validate", "p.yaml"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("p.yaml:6:20: error: stage 'export#2' would write \(dir)/out/c.jsonl, which is also written by stage 'export'; give it another 'path'"), "\(result.stderr)")
        #expect(result.stderr.contains("p.yaml:7:20: error: stage 'export#3' would write \(dir)/out/c.stats.json, which is also the run's statistics file"))
    }

    @Test("an export path that is a folder is refused before any document is read; nothing is replaced")
    func exportOntoFolder() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        TP.write("\(dir)/in/a.txt", "alpha")
        TP.write("\(dir)/out/first.jsonl", "old\n")
        try FileManager.default.createDirectory(atPath: "\(dir)/out/second.jsonl", withIntermediateDirectories: true)
        TP.write("\(dir)/p.yaml", "textpipe: 1\nname: f\ninput: {path: in}\nstages:\n  - export: {path: first.jsonl}\n  - export: {path: second.jsonl}\n")
        let result = try TP.run(["run", "p.yaml"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("second.jsonl is a folder; outputs must be regular files"), "\(result.stderr)")
        #expect(result.stderr.contains("no output was changed"))
        #expect(try String(contentsOfFile: "\(dir)/out/first.jsonl", encoding: .utf8) == "old\n")
        let stats = try TP.json("\(dir)/out/f.stats.json").objectValue
        #expect(stats?["input"]?.objectValue?["items"] == .int(0))
    }

    @Test("an export path that is a symbolic link writes where the link points and keeps the link")
    func exportThroughSymlink() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        TP.write("\(dir)/in/a.txt", "alpha")
        TP.write("\(dir)/elsewhere/real.jsonl", "old\n")
        try FileManager.default.createDirectory(atPath: "\(dir)/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/out/l.jsonl", withDestinationPath: "\(dir)/elsewhere/real.jsonl")
        TP.write("\(dir)/p.yaml", "textpipe: 1\nname: l\ninput: {path: in}\nstages: [export]\n")
        let result = try TP.run(["run", "p.yaml"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/out/l.jsonl") == "\(dir)/elsewhere/real.jsonl")
        #expect(try TP.jsonLines("\(dir)/elsewhere/real.jsonl").count == 1)
    }

    @Test("an unreadable file is skipped with its reason (needs a non-root user)",
          .enabled(if: getuid() != 0, "root reads any file, so permissions cannot make one unreadable"))
    func unreadableFile() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        TP.write("\(dir)/in/secret.txt", "hidden")
        chmod("\(dir)/in/secret.txt", 0)
        TP.write("\(dir)/p.yaml", "textpipe: 1\nname: u\ninput: {path: in}\nstages: [export]\n")
        let result = try TP.run(["run", "p.yaml"], in: dir)
        #expect(result.status == 0)
        let rejects = try TP.jsonLines("\(dir)/out/u.rejects.jsonl")
        #expect(rejects.first?["reason"] == .string("cannot open: permission denied"))
    }

    @Test("overrides on the command line: --input, --output and --set")
    func overrides() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        TP.write("\(dir)/a/one.txt", "one two three")
        TP.write("\(dir)/b/two.txt", "four")
        TP.write("\(dir)/p.yaml", "textpipe: 1\nname: o\ninput: {path: a}\nstages: [filter, export]\n")
        let result = try TP.run(["run", "p.yaml", "--input", "b", "--output", "elsewhere", "--set", "export.text=false",
                                 "--set", "filter.min_chars=2"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let records = try TP.jsonLines("\(dir)/elsewhere/o.jsonl")
        #expect(records.count == 1)
        #expect(records.first?["id"] == .string("two.txt"))
        #expect(records.first?["text"] == nil)
        let bad = try TP.run(["run", "p.yaml", "--set", "filter.min_char=2"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("<command line: --set filter.min_char=2>: error: stage 'filter' has no parameter 'min_char'; did you mean 'min_chars'?"))
    }

    @Test("stages, stages NAME and schema describe the registry")
    func introspection() throws {
        let list = try TP.run(["stages"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("export"))
        #expect(list.stdout.contains("filter"))
        let one = try TP.run(["stages", "export"])
        #expect(one.stdout.contains("offsets: one of 'codepoint', 'utf8', 'utf16' (default \"codepoint\")"))
        let typo = try TP.run(["stages", "exprot"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("did you mean 'export'?"))
        let schema = try TP.run(["schema"])
        let parsed = try JSONParser.parse(schema.stdout).objectValue
        #expect(parsed?["title"] == .string("TextPipe pipeline file"))
    }

    @Test("usage errors exit with 64")
    func usage() throws {
        #expect(try TP.run(["run"]).status == 64)
        #expect(try TP.run(["run", "x.yaml", "--jobs", "0"]).status == 64)
        #expect(try TP.run(["frobnicate"]).status == 64)
    }
}
