import Foundation
import Testing
import TestSupport
@testable import TextPipe

@Suite("Runner")
struct RunnerTests {
    let folder = TemporaryFolder()

    /// Writes `count` documents; every 7th says "drop", every 11th "boom".
    func makeCorpus(_ count: Int) {
        for i in 0..<count {
            var text = "document \(i) "
            if i % 7 == 3 { text += "drop" }
            if i % 11 == 5 { text += "boom" }
            folder.write(String(format: "in/%03d/doc-%05d.txt", i / 100, i), text)
        }
    }

    func run(onError: String, jobs: Int, collectors: TestStages.Collectors = .init(),
             cancellation: CancellationFlag = CancellationFlag()) throws -> RunStatistics {
        let yaml = """
            textpipe: 1
            name: t
            input: { path: in }
            on_error: \(onError)
            stages: [collect: {name: before}, picky, words, collect: {name: after}]
            """
        let loaded = try PipelineLoader(registry: TestStages.registry(collectors: collectors))
            .load(yaml: yaml, file: folder.path + "/t.yaml")
        return PipelineRunner(loaded: loaded, options: .init(jobs: jobs, window: 8, cancellation: cancellation)).run()
    }

    @Test("sinks see documents in input order whatever the number of workers")
    func order() throws {
        makeCorpus(300)
        let one = TestStages.Collectors(), four = TestStages.Collectors()
        _ = try run(onError: "skip", jobs: 1, collectors: one)
        _ = try run(onError: "skip", jobs: 4, collectors: four)
        let expected = (0..<300).map { String(format: "%03d/doc-%05d.txt", $0 / 100, $0) }
        #expect(one["before"]?.ids == expected)
        #expect(four["before"]?.ids == expected)
        #expect(one["after"]?.ids == four["after"]?.ids)
        #expect(one["after"]?.ids.count == 300 - 43 - 27 + 4)  // 43 drops, 27 booms, 4 both
    }

    @Test("every document is accounted for: completed, dropped, failed or skipped")
    func accounting() throws {
        makeCorpus(120)
        folder.write("in/zz-binary.txt", bytes: [0x00, 0x01, 0x02, 0x03])
        let stats = try run(onError: "skip", jobs: 2)
        #expect(stats.status == .completed)
        #expect(stats.inputItems == 121)
        #expect(stats.accountedFor == 121)
        #expect(stats.skipped == 1)
        #expect(stats.failed == 11)
        #expect(stats.dropped == 17 - 2)  // i % 7 == 3 and i % 11 == 5 overlap at 38 and 115: those fail first
        #expect(stats.stages[1].label == "picky")
        #expect(stats.stages[1].documentsIn == 120)
        #expect(stats.stages[1].dropped == stats.dropped)
        #expect(stats.stages[3].documentsIn == stats.completed)
        let rejects = folder.read("out/t.rejects.jsonl") ?? ""
        #expect(rejects.split(separator: "\n").count == 1 + 11 + 15)
        #expect(rejects.contains(#""status":"skipped","stage":"input","reason":"binary file (contains NUL bytes)""#))
        #expect(rejects.contains(#""status":"failed","stage":"picky","reason":"the text says boom""#))
        #expect(!folder.exists("out/t.quarantine.jsonl"))
        let statsFile = folder.read("out/t.stats.json") ?? ""
        #expect(statsFile.contains(#""status":"completed""#))
    }

    @Test("quarantine writes the failing documents as read, with their errors")
    func quarantine() throws {
        makeCorpus(30)
        let stats = try run(onError: "quarantine", jobs: 2)
        #expect(stats.status == .completed)
        let lines = (folder.read("out/t.quarantine.jsonl") ?? "").split(separator: "\n")
        #expect(lines.count == 3)  // 5, 16, 27
        let first = try JSONParser.parse(String(lines[0])).objectValue
        #expect(first?["id"] == .string("000/doc-00005.txt"))
        #expect(first?["error"] == .string("the text says boom"))
        #expect(first?["text"] == .string("document 5 boom"))
        #expect(first?["metadata"]?.objectValue?["picked"] == nil)
    }

    @Test("on_error: fail stops at the first failing document in input order and aborts the sinks")
    func failFast() throws {
        makeCorpus(40)
        let collectors = TestStages.Collectors()
        let stats = try run(onError: "fail", jobs: 3, collectors: collectors)
        #expect(stats.status == .failed)
        #expect(stats.failure?.hasPrefix("document '000/doc-00005.txt' failed in stage 'picky': the text says boom") == true)
        #expect(collectors["before"]?.aborted == true)
        #expect(collectors["before"]?.finished == false)
        #expect(collectors["before"]?.ids.count == 6)  // 0...5 reached the first sink
    }

    @Test("a cancelled run stops early, aborts the sinks and says it was interrupted")
    func cancelled() throws {
        makeCorpus(200)
        let flag = CancellationFlag()
        flag.cancel()
        let collectors = TestStages.Collectors()
        let stats = try run(onError: "skip", jobs: 2, collectors: collectors, cancellation: flag)
        #expect(stats.status == .interrupted)
        #expect(collectors["before"]?.aborted == true)
        #expect(stats.inputItems < 200)
    }

    @Test("a run that matches no input file says so")
    func noInput() throws {
        try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
        let stats = try run(onError: "skip", jobs: 1)
        #expect(stats.status == .completed)
        #expect(stats.warnings.first?.hasPrefix("no input file matched: input.path is \(folder.path)/in, include is **") == true)
    }

    @Test("a rejects file from an earlier run is removed when the new run has none")
    func staleRejects() throws {
        folder.write("in/a.txt", "fine")
        folder.write("out/t.rejects.jsonl", "{\"old\":true}\n")
        let stats = try run(onError: "skip", jobs: 1)
        #expect(stats.status == .completed)
        #expect(!folder.exists("out/t.rejects.jsonl"))
    }
}
