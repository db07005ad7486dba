import Foundation

/// Finds and runs programs the tests use when the machine has them (python3, chromium);
/// a test that needs one is skipped with a message when it is absent.
enum ExternalProgram {
    /// The program's path on PATH, if it is there.
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static let python = find("python3")
    static let chromium = find("chromium") ?? find("chromium-browser")

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs a program to its end, or kills it after `timeout` seconds (a browser that
    /// hangs must not hang the suite); the status is then -1.
    static func run(_ program: String, _ arguments: [String], timeout: Double = 120) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdoutFile = NSTemporaryDirectory() + "textpipe-ext-\(UUID().uuidString).out"
        let stderrFile = stdoutFile + ".err"
        _ = FileManager.default.createFile(atPath: stdoutFile, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: stdoutFile)
            try? FileManager.default.removeItem(atPath: stderrFile)
        }
        // Files rather than pipes: a chatty browser cannot block on a full pipe.
        process.standardOutput = FileHandle(forWritingAtPath: stdoutFile)
        process.standardError = FileHandle(forWritingAtPath: stderrFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        var timedOut = false
        if process.isRunning {
            process.terminate()
            timedOut = true
        }
        process.waitUntilExit()
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Result(status: timedOut ? -1 : process.terminationStatus, stdout: read(stdoutFile), stderr: read(stderrFile))
    }
}
