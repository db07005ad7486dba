// swift-tools-version:6.0
import PackageDescription

// textpipe-plus: the whole textpipe command line with the WordStats and Redact stages
// compiled in rather than loaded as plugins. An example of embedding TextPipe in a
// program of your own (Docs/Plugins.md, "Compiling stages in").
let package = Package(
    name: "TextPipePlus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "textpipe-plus", targets: ["TextPipePlus"]),
    ],
    dependencies: [
        .package(name: "TextPipe", path: "../.."),
        .package(path: "../WordStats"),
        .package(path: "../Redact"),
    ],
    targets: [
        .executableTarget(
            name: "TextPipePlus",
            dependencies: [
                .product(name: "TextPipeCommandLine", package: "TextPipe"),
                .product(name: "WordStatsStages", package: "WordStats"),
                .product(name: "RedactStages", package: "Redact"),
            ]
        ),
    ]
)
