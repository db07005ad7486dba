import ArgumentParser
import TextPipe

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the stages, or describe one with its parameters.")

    @Argument(help: "A stage to describe.")
    var name: String?

    @Flag(name: .long, help: "Print the whole stage reference as Markdown (Docs/StageReference.md).")
    var markdown = false

    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "Load this plugin (a package folder or a .so) and list its stages too. Repeatable.", valueName: "path"))
    var plugins: [String] = []

    @Option(name: .long, help: ArgumentHelp("Load the plugins this pipeline file names and list their stages too.", valueName: "file"))
    var pipeline: String?

    func run() throws {
        let registry = StageRegistry.shared
        for plugin in plugins {
            do {
                try PluginLoader(registry: registry).load(Paths.absolute(plugin, base: Paths.currentDirectory), written: plugin)
            } catch {
                printError("error: \(error)")
                throw ExitStatus.invalidPipeline
            }
        }
        if let pipeline {
            do {
                try PipelineLoader(registry: registry).loadPlugins(ofFile: pipeline)
            } catch {
                report(error)
                throw ExitStatus.invalidPipeline
            }
        }
        if markdown {
            print(StageReference.markdown(registry: registry), terminator: "")
            return
        }
        if let name {
            guard let d = registry.descriptor(named: name) else {
                printError("error: unknown stage '\(name)'\(Suggestion.didYouMean(name, in: registry.names))"
                           + "; known stages: " + registry.names.joined(separator: ", "))
                throw ExitCode(64)
            }
            print(StageReference.text(for: d, origin: registry.origin(of: name)), terminator: "")
            return
        }
        let width = (registry.names.map(\.count).max() ?? 0) + 2
        for d in registry.all {
            print(d.name.padding(toLength: width, withPad: " ", startingAt: 0) + d.summary)
        }
    }
}

import Foundation
