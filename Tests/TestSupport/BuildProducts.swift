import Foundation

/// Finds programs the package built: the test runner lives in the build products folder,
/// beside the executables the test targets depend on.
public enum BuildProducts {
    /// The executable `name` in the folder of the running test binary or a folder above it.
    public static func executable(named name: String) -> String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}
