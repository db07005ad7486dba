/// The whole `textpipe` command line (run, validate, stages, schema) as a library, so that
/// the `textpipe` executable and a program that embeds TextPipe share one implementation.
public enum TextPipeCommandLine {
    /// Registers the built-in stages, parses the process's arguments, runs the subcommand
    /// and exits with its status.
    public static func main() -> Never {
        TextPipeCommand.main()
        exit(0)
    }
}

import Foundation
