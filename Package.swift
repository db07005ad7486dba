// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TextPipe",
    platforms: [.macOS(.v14)],
    products: [
        // Dynamic so that runtime plugins can link against it (see Docs/Plugins.md).
        .library(name: "TextPipe", type: .dynamic, targets: ["TextPipe"]),
        .library(name: "TextPipeStages", targets: ["TextPipeStages"]),
        .library(name: "PCRE2", targets: ["PCRE2"]),
        // The command line as a library: a program that embeds TextPipe gets all of it.
        .library(name: "TextPipeCommandLine", targets: ["TextPipeCommandLine"]),
        .executable(name: "textpipe", targets: ["textpipe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // SQLite export (Docs/Exports.md); links the system libsqlite3 on Linux.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        .target(name: "TextPipe", dependencies: [.product(name: "Yams", package: "Yams")],
                plugins: ["BuildFingerprintPlugin"]),
        // Generates TextPipe's build fingerprint, which plugins are checked against.
        .executableTarget(name: "BuildFingerprintTool"),
        .plugin(name: "BuildFingerprintPlugin", capability: .buildTool(), dependencies: ["BuildFingerprintTool"],
                path: "Sources/BuildFingerprintPlugin"),
        .target(
            name: "TextPipeStages",
            dependencies: [
                "TextPipe", "PCRE2", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding the rows of the SQLite export (SQLiteInsert.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            // The generator of HTMLEntityTable.swift, kept beside its output.
            exclude: ["Clean/HTML/generate_entities.py"]
        ),
        .target(
            name: "TextPipeCommandLine",
            dependencies: [
                "TextPipe", "TextPipeStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "textpipe",
            dependencies: ["TextPipeCommandLine"],
            // Plugins bind their TextPipe symbols to the executable's copy after dlopen: it
            // exports them, and its soname answers a plugin's need for libTextPipe.so, so no
            // second copy is loaded (Docs/Plugins.md).
            linkerSettings: [.unsafeFlags(["-use-ld=bfd", "-Xlinker", "--export-dynamic", "-Xlinker", "-soname", "-Xlinker", "libTextPipe.so"],
                                          .when(platforms: [.linux]))]
        ),
        // Helpers shared by the test targets: a seeded random generator, temporary folders,
        // finding built executables.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Exercises the PCRE2 wrapper for the leak test, which runs it under valgrind.
        .executableTarget(name: "PCRE2LeakCheck", dependencies: ["PCRE2"], path: "Tests/PCRE2LeakCheck"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2", "PCRE2LeakCheck", "TestSupport"]),
        // A host that does not provide TextPipe to plugins, for the test that the loader refuses
        // a plugin that brings a second TextPipe.
        .executableTarget(name: "PluginHostCheck", dependencies: ["TextPipe"], path: "Tests/PluginHostCheck"),
        .testTarget(name: "TextPipeTests", dependencies: ["TextPipe", "TestSupport"]),
        .testTarget(
            name: "TextPipeStagesTests",
            dependencies: ["TextPipe", "TextPipeStages", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // Depends on the executable so that `swift build --build-tests` builds the binary it runs.
        .testTarget(name: "EndToEndTests", dependencies: ["textpipe", "PluginHostCheck", "TextPipe", "TextPipeStages",
                                                        "TextPipeCommandLine", "TestSupport"]),
    ]
)
