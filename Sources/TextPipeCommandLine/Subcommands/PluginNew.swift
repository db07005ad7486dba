import ArgumentParser
import Foundation
import TextPipe

struct PluginNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a plugin package with one example stage, a test and a pipeline file that uses it.",
        discussion: "Then: textpipe plugin build DIR/NAME, and textpipe run DIR/NAME/pipeline.yaml.")

    @Argument(help: "The package and module name, such as WordStats; the stage is named word-stats.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Create the package in this folder (default: the current one).", valueName: "dir"))
    var path: String?

    @Option(name: .long, help: ArgumentHelp(
        "The TextPipe package to build against (default: the one this textpipe was built from).", valueName: "dir"))
    var textpipePackage: String?

    func validate() throws {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        else { throw ValidationError("the name must be ASCII letters and digits, starting with a letter (such as WordStats), found '\(name)'") }
        // Module names the package depends on or imports cannot be reused by it.
        if Self.reservedModules.contains(name.lowercased()) {
            throw ValidationError("'\(name)' is the name of a module a plugin uses; choose another name")
        }
        let stage = Self.stageName(for: name)
        if let origin = StageRegistry.shared.origin(of: stage) {
            throw ValidationError("the stage would be named '\(stage)', like the \(origin) stage; choose another name")
        }
    }

    static let reservedModules: Set<String> = [
        "textpipe", "textpipestages", "textpipecommandline", "pcre2", "cpcre2", "yams", "testing", "foundation",
        "swift", "dispatch", "xctest", "glibc", "darwin",
    ]

    func run() throws {
        let cwd = Paths.currentDirectory
        let folder = Paths.absolute(Paths.join(path ?? ".", name), base: cwd)
        if Paths.kind(of: folder).exists {
            return try usageError("\(folder) already exists; choose another name or --path")
        }
        guard let textPipe = textpipePackage.map({ Paths.absolute($0, base: cwd) }) ?? TextPipeBuild.sourcePackage else {
            return try usageError("cannot tell where the TextPipe package this textpipe was built from is; pass --textpipe-package DIR")
        }
        guard Paths.kind(of: Paths.join(textPipe, "Package.swift")).exists else {
            return try usageError("\(textPipe) is not a package folder (no Package.swift); pass the TextPipe package with --textpipe-package DIR")
        }
        let stage = Self.stageName(for: name)
        for file in PluginTemplate.files(name: name, stage: stage, textPipePackage: Self.reference(to: textPipe, from: folder)) {
            let target = Paths.join(folder, file.path)
            try FileManager.default.createDirectory(atPath: Paths.directory(of: target), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: target))
        }
        let shown = Paths.join(path ?? ".", name)
        print("""
            created \(shown) with the stage '\(stage)'
              textpipe plugin build \(shown)
              textpipe run \(Paths.join(shown, "pipeline.yaml"))
            """)
    }

    /// Reports a problem with the arguments that only shows once the command runs.
    private func usageError(_ message: String) throws {
        printError("error: " + message)
        throw ExitCode(64)
    }

    /// `WordStats` → `word-stats`, `HTMLTitle` → `html-title`, `Demo` → `demo`.
    static func stageName(for name: String) -> String {
        let chars = Array(name)
        var out = ""
        for (i, c) in chars.enumerated() {
            let nextIsLower = i + 1 < chars.count && chars[i + 1].isLowercase
            if c.isUppercase, i > 0, chars[i - 1].isLowercase || chars[i - 1].isNumber || nextIsLower {
                out.append("-")
            }
            out.append(Character(c.lowercased()))
        }
        return out
    }

    /// How the new package's manifest names the TextPipe package: relative when the new
    /// package is inside it (so the tree can move), absolute otherwise.
    static func reference(to textPipe: String, from folder: String) -> String {
        let root = textPipe.hasSuffix("/") ? textPipe : textPipe + "/"
        guard folder.hasPrefix(root) else { return textPipe }
        let depth = folder.dropFirst(root.count).split(separator: "/").count
        return Array(repeating: "..", count: depth).joined(separator: "/")
    }
}
