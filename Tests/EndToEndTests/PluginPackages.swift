import Foundation
import TestSupport

/// Builds the plugin packages the end-to-end tests load, once per test run: a plugin
/// package compiles its own TextPipe and Yams, which is the slow part of these tests.
enum PluginPackages {
    typealias TP = TextPipeProcess

    struct BuildFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Plugins/WordStats and Plugins/Redact, built with `textpipe plugin build` in their own
    /// `.build` folders, as a user would; `nil` when that worked, the failure otherwise.
    private static let exampleBuild: String? = {
        do {
            let result = try TP.run(["plugin", "build", "Plugins/WordStats", "Plugins/Redact"])
            return result.status == 0 ? nil : "textpipe plugin build exited \(result.status):\n\(result.stderr.suffix(4000))"
        } catch {
            return "\(error)"
        }
    }()

    /// Makes sure the example plugins are built (the shipped plugins-demo pipeline needs them).
    static func buildExamples() throws {
        if let failure = exampleBuild { throw BuildFailure(description: failure) }
    }

    /// A build folder shared by the packages the tests make (their `.build` links to it):
    /// they all depend on this repository's TextPipe, which is then compiled once for all.
    /// It lives in this package's `.build`, so it is kept between runs and cleaned with it.
    static let sharedScratch: String = {
        let path = TP.repositoryRoot + "/.build/plugin-tests"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// `textpipe plugin new NAME --path FOLDER`, with the new package's `.build` linked to
    /// the shared build folder unless `sharedBuild` is false. Returns the package folder.
    static func scaffold(_ name: String, in folder: String, sharedBuild: Bool = true) throws -> String {
        let result = try TP.run(["plugin", "new", name, "--path", folder])
        guard result.status == 0 else { throw BuildFailure(description: "plugin new \(name): \(result.stderr)") }
        let package = folder + "/" + name
        if sharedBuild { try shareBuild(package) }
        return package
    }

    /// Links the package's `.build` to the shared build folder.
    static func shareBuild(_ package: String) throws {
        try FileManager.default.createSymbolicLink(atPath: package + "/.build", withDestinationPath: sharedScratch)
    }

    /// `textpipe plugin build PACKAGE`; throws with swift build's messages when it fails.
    static func build(_ package: String) throws {
        let result = try TP.run(["plugin", "build", package])
        guard result.status == 0 else {
            throw BuildFailure(description: "plugin build \(package) exited \(result.status):\n\(result.stderr.suffix(4000))")
        }
    }

    /// A copy of this repository's package (manifest, sources, tests) without build folders,
    /// plugins or history: TextPipe sources that can be changed without touching these.
    static func copyOfTextPipe(to destination: String) throws {
        let fm = FileManager.default
        for entry in ["Package.swift", "Sources", "Tests"] {
            try fm.copyItem(atPath: TP.repositoryRoot + "/" + entry, toPath: destination + "/" + entry)
        }
    }
}
