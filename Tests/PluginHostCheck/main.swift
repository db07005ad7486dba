import Foundation
import TextPipe

// Loads the plugin named by the argument into a program that has TextPipe linked in but
// neither exports it nor names itself libTextPipe.so, unlike textpipe. The plugin then
// brings its own libTextPipe, and the loader must refuse it (EndToEndTests/PluginTests).
guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: PluginHostCheck PLUGIN\n".utf8))
    exit(64)
}
do {
    let stages = try PluginLoader(registry: StageRegistry()).load(CommandLine.arguments[1])
    print("loaded: " + stages.joined(separator: ", "))
} catch {
    print("refused: \(error)")
    exit(1)
}
