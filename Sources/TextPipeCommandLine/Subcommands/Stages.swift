import ArgumentParser
import TextPipe

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the stages, or describe one with its parameters.")

    @Argument(help: "A stage to describe.")
    var name: String?

    @Flag(name: .long, help: "Print the whole stage reference as Markdown (Docs/StageReference.md).")
    var markdown = false

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        let registry = StageRegistry.shared
        try pluginOptions.load(into: registry)
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
