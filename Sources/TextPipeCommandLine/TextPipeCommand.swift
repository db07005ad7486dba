import ArgumentParser
import TextPipe

/// The `textpipe` command; `TextPipeCommandLine.main()` is its public entry.
struct TextPipeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textpipe",
        abstract: "Run text-processing pipelines defined in YAML files over folders of documents.",
        discussion: """
            Exit status: 0 success; 1 the pipeline file is invalid; 2 the run failed (a document \
            failed with on_error: fail, or an output could not be written); 64 bad command-line \
            usage; 130 interrupted (Ctrl-C).
            """,
        version: TextPipeVersion.string,
        subcommands: [Run.self, Validate.self, Stages.self, Schema.self, Plugin.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

/// Exit codes, documented in `textpipe --help` and Docs/GettingStarted.md.
enum ExitStatus {
    static let invalidPipeline = ExitCode(1)
    static let runFailed = ExitCode(2)
    static let interrupted = ExitCode(130)
}

/// Prints pipeline diagnostics to standard error, one per line, then a count.
func report(_ errors: PipelineErrors) {
    for d in errors.diagnostics { printError(d.description) }
    let n = errors.diagnostics.count
    printError("\(n) error\(n == 1 ? "" : "s")")
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

import Foundation
