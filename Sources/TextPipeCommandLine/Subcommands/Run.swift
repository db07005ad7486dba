import ArgumentParser
import Foundation
import TextPipe

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a pipeline file, then run it over its input.",
        discussion: """
            Statistics go to OUTPUT/NAME.stats.json; skipped, dropped and failed documents are \
            listed with their reasons in OUTPUT/NAME.rejects.jsonl, and quarantined ones (on_error: \
            quarantine) in OUTPUT/NAME.quarantine.jsonl. --report writes a self-contained HTML \
            page about the run (stages, time, lengths, tags, failures), also when the run fails.
            """)

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    @Option(name: .long, help: ArgumentHelp("Read documents from this folder or file instead of the pipeline's input.path.", valueName: "dir"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Write outputs to this folder instead of the pipeline's output.", valueName: "dir"))
    var output: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override one value: STAGE.PARAM=VALUE (STAGE is a name, NAME#N for the N-th of that name, or a position), input.KEY=VALUE or KEY=VALUE. Repeatable.",
        valueName: "key=value"))
    var settings: [String] = []

    @Option(name: .customLong("report"), help: ArgumentHelp("Write an HTML report of the run to this file (self-contained: open it in any browser).", valueName: "file"))
    var reportFile: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Never show the progress line (it is shown only on a terminal anyway).")
    var noProgress = false

    @Flag(name: .long, help: "Build the pipeline's plugin packages (swift build) before loading them.")
    var buildPlugins = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let reportFile, reportFile.isEmpty || Paths.kind(of: reportPath(reportFile)).isDirectory {
            throw ValidationError("--report needs a file name, such as --report report.html; '\(reportFile)' is a folder")
        }
    }

    /// The report's path, relative paths taken from the current folder like other options.
    func reportPath(_ report: String) -> String {
        Paths.absolute(report, base: FileManager.default.currentDirectoryPath)
    }

    func run() throws {
        let overrides = PipelineOverrides(input: input, output: output, settings: settings,
                                          workingDirectory: FileManager.default.currentDirectoryPath)
        let loaded: PipelineLoader.Loaded
        do {
            loaded = try PipelineLoader(buildPlugins: buildPlugins).load(file: pipeline, overrides: overrides)
        } catch {
            report(error)
            throw ExitStatus.invalidPipeline
        }
        let cancellation = CancellationFlag()
        let signals = InterruptHandler(cancellation: cancellation)
        defer { signals.restore() }
        let showProgress = !quiet && !noProgress && isatty(STDERR_FILENO) == 1
        let runner = PipelineRunner(loaded: loaded,
                                    options: .init(jobs: jobs, showProgress: showProgress, cancellation: cancellation,
                                                   collectProfile: reportFile != nil))
        let stats = runner.run()
        var reportFailure: String?
        if let reportFile {
            do {
                try RunReport.write(to: reportPath(reportFile), pipeline: loaded.pipeline, statistics: stats)
            } catch {
                reportFailure = "cannot write the report \(reportPath(reportFile)): \(error)"
            }
        }
        if !quiet {
            printError(stats.summary)
            for path in stats.outputs { printError("  wrote \(path)") }
            if let path = stats.statisticsFile { printError("  statistics: \(path)") }
            if let reportFile, reportFailure == nil { printError("  report: \(reportPath(reportFile))") }
        }
        if let reportFailure, stats.status == .completed {
            printError("error: \(reportFailure)")
            throw ExitStatus.runFailed
        } else if let reportFailure {
            printError("warning: \(reportFailure)")
        }
        switch stats.status {
        case .completed:
            return
        case .failed:
            printError("error: \(stats.failure ?? "the run failed")")
            if stats.outputs.isEmpty {
                printError("no output was changed" + (stats.statisticsFile.map { "; \($0) records the failed run" } ?? ""))
            } else {
                printError("the failure came while publishing; these outputs were already replaced: " + stats.outputs.joined(separator: ", "))
            }
            throw ExitStatus.runFailed
        case .interrupted:
            printError("interrupted: no output was changed" + (stats.statisticsFile.map { "; \($0) records the interrupted run" } ?? ""))
            throw ExitStatus.interrupted
        }
    }
}

/// Turns the first Ctrl-C (or SIGTERM) into a clean stop; a second Ctrl-C exits at once.
final class InterruptHandler {
    private var sources: [DispatchSourceSignal] = []

    init(cancellation: CancellationFlag) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if cancellation.isCancelled {
                    TemporaryFiles.shared.removeAll()
                    _exit(130)
                }
                cancellation.cancel()
                FileHandle.standardError.write(Data("\nstopping: finishing documents in flight (Ctrl-C again to quit at once)\n".utf8))
            }
            source.resume()
            sources.append(source)
        }
    }

    func restore() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
