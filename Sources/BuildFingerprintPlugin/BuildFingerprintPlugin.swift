import PackagePlugin

/// Gives the `TextPipe` module a literal that names exactly the build it is: a hash of its
/// sources, its configuration and the compiler. A plugin compiled against TextPipe carries
/// that literal in its own binary, so the loader can refuse a plugin built from other
/// sources (Docs/Plugins.md). A build tool plugin because only the build knows the sources
/// it compiles: a committed hash would not change when someone edits a copy.
@main
struct BuildFingerprintPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "TextPipeBuildFingerprint.swift")
        let sources = module.sourceFiles.map(\.url).sorted { $0.path < $1.path }
        // The compiler's version goes into the fingerprint; without the tool (an unusual
        // toolchain layout) the fingerprint still covers the sources.
        let compiler = (try? context.tool(named: "swiftc").url.path) ?? ""
        return [.buildCommand(
            displayName: "Fingerprinting the \(target.name) sources",
            executable: try context.tool(named: "BuildFingerprintTool").url,
            arguments: [output.path, compiler] + sources.map(\.path),
            inputFiles: sources,
            outputFiles: [output])]
    }
}
