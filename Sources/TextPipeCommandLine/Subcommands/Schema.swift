import ArgumentParser
import TextPipe

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of pipeline files, generated from the registered stages.",
        discussion: "Point a YAML editor at it: add '# yaml-language-server: $schema=textpipe.schema.json' to a pipeline file.")

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        try pluginOptions.load(into: .shared)
        print(PipelineSchema.generate(registry: .shared).prettyJSONText)
    }
}
