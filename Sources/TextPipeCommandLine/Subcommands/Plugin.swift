import ArgumentParser

struct Plugin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create and build stage plugins (see Docs/Plugins.md).",
        subcommands: [PluginNew.self, PluginBuild.self])
}
