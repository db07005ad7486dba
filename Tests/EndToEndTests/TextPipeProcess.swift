import Foundation
import TestSupport
import TextPipe

/// Runs the real `textpipe` binary, built next to the test bundle.
enum TextPipeProcess {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["TEXTPIPE_BIN"] { return explicit }
        return BuildProducts.executable(named: "textpipe") ?? repositoryRoot + "/.build/debug/textpipe"
    }()

    struct Result {
        let status: Int32
        /// Whether a signal ended the process (a crash), rather than an exit.
        let signaled: Bool
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: String = repositoryRoot) throws -> Result {
        try run(program: binary, arguments, in: directory)
    }

    /// Runs any program (`/usr/bin/env` finds one on PATH by name).
    static func run(program: String, _ arguments: [String], in directory: String = repositoryRoot) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting so a chatty process cannot block on a full pipe.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outData = outBox.data
        process.waitUntilExit()
        return Result(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder for one test (the caller removes it).
    static func temporaryFolder() -> String { TemporaryFolder().path }

    static func write(_ path: String, _ bytes: [UInt8]) { TemporaryFolder.write(path, bytes) }

    static func write(_ path: String, _ text: String) { write(path, Array(text.utf8)) }

    static func jsonLines(_ path: String) throws -> [OrderedFields] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)).objectValue! }
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8))
    }
}
