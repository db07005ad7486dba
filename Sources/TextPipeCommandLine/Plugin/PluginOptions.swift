import ArgumentParser
import TextPipe

/// `--plugin PATH…` and `--pipeline FILE`: the plugins whose stages `stages` and `schema`
/// include beside the built-in ones.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "Load this plugin (a package folder or a .so) and include its stages. Repeatable.", valueName: "path"))
    var plugins: [String] = []

    @Option(name: .long, help: ArgumentHelp("Load the plugins this pipeline file names and include their stages.", valueName: "file"))
    var pipeline: String?

    /// Loads them into `registry`; a plugin that cannot be loaded ends the command (status 1).
    func load(into registry: StageRegistry) throws {
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
    }
}
