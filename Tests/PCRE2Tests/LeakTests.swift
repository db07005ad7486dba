import Foundation
import TestSupport
import Testing

@Suite("PCRE2 memory")
struct LeakTests {
    static let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The leak-check program, built beside the test runner.
    static var program: String? { BuildProducts.executable(named: "PCRE2LeakCheck") }

    @Test("thousands of compile, match and substitute cycles leak nothing under valgrind",
          .enabled(if: valgrind != nil, "valgrind is not installed"))
    func noLeaks() throws {
        let program = try #require(Self.program, "the PCRE2LeakCheck program was not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.valgrind!)
        // JIT-generated code reads memory valgrind cannot track, which shows as uninitialised-value
        // reports in frames without symbols; this test is about leaks only.
        process.arguments = ["--leak-check=full", "--errors-for-leak-kinds=definite", "--undef-value-errors=no",
                             "--error-exitcode=3", program]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let report = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)")
        #expect(report.contains("definitely lost: 0 bytes") || report.contains("All heap blocks were freed"), "\(report)")
    }
}
