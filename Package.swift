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
        .target(name: "TextPipe", dependencies: [.product(name: "Yams", package: "Yams")]),
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
        .executableTarget(
            name: "textpipe",
            dependencies: [
                "TextPipe", "TextPipeStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Plugins bind their TextPipe symbols to the executable's copy after dlopen.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
        ),
        // Helpers shared by the test targets: a seeded random generator, temporary folders,
        // finding built executables.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Exercises the PCRE2 wrapper for the leak test, which runs it under valgrind.
        .executableTarget(name: "PCRE2LeakCheck", dependencies: ["PCRE2"], path: "Tests/PCRE2LeakCheck"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2", "PCRE2LeakCheck", "TestSupport"]),
        .testTarget(name: "TextPipeTests", dependencies: ["TextPipe", "TestSupport"]),
        .testTarget(
            name: "TextPipeStagesTests",
            dependencies: ["TextPipe", "TextPipeStages", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // Depends on the executable so that `swift build --build-tests` builds the binary it runs.
        .testTarget(name: "EndToEndTests", dependencies: ["textpipe", "TextPipe", "TextPipeStages", "TestSupport"]),
    ]
)
