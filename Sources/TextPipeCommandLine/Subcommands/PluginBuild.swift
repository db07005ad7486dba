import ArgumentParser
import Foundation
import TextPipe

struct PluginBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build plugin packages with swift build, in the configuration of this textpipe (debug or release).",
        discussion: "Prints the path of each plugin library built. swift build's own messages go to standard error.")

    @Argument(help: "Plugin package folders.")
    var packages: [String]

    @Flag(name: .long, help: "Also load each plugin after building it, to check that this textpipe accepts it.")
    var check = false

    func validate() throws {
        guard !packages.isEmpty else { throw ValidationError("give at least one plugin package folder") }
    }

    func run() throws {
        for written in packages {
            let folder = Paths.absolute(written, base: Paths.currentDirectory)
            do {
                guard Paths.kind(of: folder).isDirectory else {
                    throw PluginError.notAPlugin(path: written, reason: "'textpipe plugin build' takes a package folder")
                }
                let library = try PluginBuilder().build(try PluginPackage(path: folder, shown: written))
                if check { try PluginLoader(registry: StageRegistry.shared.copy()).load(folder, written: written) }
                print(library)
            } catch let error as PluginError {
                printError("error: \(error)")
                throw ExitStatus.runFailed
            }
        }
    }
}
