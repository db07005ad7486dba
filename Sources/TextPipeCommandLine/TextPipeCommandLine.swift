import Foundation
import TextPipe
import TextPipeStages

/// The whole `textpipe` command line (run, validate, stages, schema, plugin) as a library,
/// so that the `textpipe` executable and a program that embeds TextPipe with stages of its
/// own share one implementation.
public enum TextPipeCommandLine {
    /// Registers the built-in stages and `stages`, parses the process's arguments, runs the
    /// subcommand and exits with its status. A program that embeds TextPipe calls this
    /// from its `main.swift`: `TextPipeCommandLine.main(stages: [MyStage.self])`.
    public static func main(stages: [any DeclaredStage.Type] = []) -> Never {
        BuiltinStages.register()
        let program = Paths.fileName(of: CommandLine.arguments.first ?? "this program")
        for stage in stages {
            do {
                try StageRegistry.shared.register(stage, origin: "compiled into \(program)")
            } catch {
                // Two stages with one name cannot both be used; the program must rename one.
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                exit(70)
            }
        }
        TextPipeCommand.main()
        exit(0)
    }
}
