import Foundation
import Testing
import TextPipe

@Suite("Interrupts and the terminal", .serialized)
struct InterruptTests {
    typealias TP = TextPipeProcess

    /// A JSONL corpus big enough that a debug build takes seconds to get through it.
    static func bigCorpus(in dir: String, records: Int) {
        var text = ""
        text.reserveCapacity(records * 40)
        for i in 0..<records { text += "{\"text\":\"record number \(i) with some words\"}\n" }
        TP.write("\(dir)/in/big.jsonl", text)
    }

    /// Starts a run over a big corpus and waits until it is writing its output.
    static func startRun(in dir: String, name: String) throws -> (Process, String) {
        bigCorpus(in: dir, records: 1_500_000)
        TP.write("\(dir)/p.yaml", "textpipe: 1\nname: \(name)\ninput: {path: in}\nstages: [export]\n")
        TP.write("\(dir)/out/\(name).jsonl", "previous run\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TP.binary)
        process.arguments = ["run", "p.yaml"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        FileManager.default.createFile(atPath: "\(dir)/stderr.txt", contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(dir)/stderr.txt"))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let temporary = "\(dir)/out/.\(name).jsonl.tmp-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: temporary) && Date() < deadline && process.isRunning {
            usleep(5_000)
        }
        return (process, (try? String(contentsOfFile: "\(dir)/stderr.txt", encoding: .utf8)) ?? "")
    }

    static func expectOutputsUntouched(_ dir: String, _ name: String) throws {
        #expect(try String(contentsOfFile: "\(dir)/out/\(name).jsonl", encoding: .utf8) == "previous run\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/out").filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test("Ctrl-C stops the run with status 130 and leaves the previous output intact, with no temporary files")
    func interrupt() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (process, _) = try Self.startRun(in: dir, name: "int")
        #expect(process.isRunning, "the run finished before it could be interrupted; make the corpus bigger")
        process.interrupt()
        process.waitUntilExit()
        let stderr = (try? String(contentsOfFile: "\(dir)/stderr.txt", encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 130, "\(stderr)")
        try Self.expectOutputsUntouched(dir, "int")
        #expect(stderr.contains("interrupted: no output was changed"))
        let stats = try TP.json("\(dir)/out/int.stats.json").objectValue
        #expect(stats?["status"] == .string("interrupted"))
    }

    @Test("a second Ctrl-C exits at once and still removes the temporary files")
    func doubleInterrupt() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (process, _) = try Self.startRun(in: dir, name: "twice")
        #expect(process.isRunning)
        process.interrupt()
        usleep(2_000)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        try Self.expectOutputsUntouched(dir, "twice")
    }

    @Test("a progress line is drawn on a terminal and never into a pipe",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) from util-linux"))
    func progressLine() throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Self.bigCorpus(in: dir, records: 50_000)
        TP.write("\(dir)/p.yaml", "textpipe: 1\nname: prog\ninput: {path: in}\nstages: [export]\n")
        // script(1) runs the command on a pseudo-terminal and copies what it shows to stdout.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", "'\(TP.binary)' run p.yaml", "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let shown = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(shown.contains("docs/s"))
        #expect(shown.contains("\r\u{1B}[K"))

        let piped = try TP.run(["run", "p.yaml"], in: dir)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\r"))
    }
}
