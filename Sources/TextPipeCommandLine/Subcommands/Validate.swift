import ArgumentParser
import Foundation
import TextPipe

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check pipeline files and report every error as FILE:LINE:COLUMN: error: MESSAGE.",
        discussion: "Reads no document and writes no output. Exit status 0 when every file is valid, 1 otherwise.")

    @Argument(help: "Pipeline files (YAML).")
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Check with this input folder instead of the file's input.path.", valueName: "dir"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Check with this output folder.", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one value, as for `run`. Repeatable.", valueName: "key=value"))
    var settings: [String] = []

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    @Flag(name: .long, help: "Build the pipeline's plugin packages (swift build) before loading them.")
    var buildPlugins = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one pipeline file") }
    }

    func run() throws {
        var invalid = 0
        for file in files {
            let overrides = PipelineOverrides(input: input, output: output, settings: settings,
                                              workingDirectory: FileManager.default.currentDirectoryPath)
            do {
                let loaded = try PipelineLoader(buildPlugins: buildPlugins).load(file: file, overrides: overrides)
                if !quiet { let n = loaded.pipeline.stages.count
                    print("\(file): valid (\(n) stage\(n == 1 ? "" : "s"))") }
            } catch {
                report(error)
                invalid += 1
            }
        }
        if invalid > 0 { throw ExitStatus.invalidPipeline }
    }
}
