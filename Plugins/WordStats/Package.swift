// swift-tools-version:6.0
import PackageDescription

// WordStats: a TextPipe stage plugin that adds word, sentence and type counts and
// readability scores to each document's metadata. Build it with
// `textpipe plugin build Plugins/WordStats` (see Docs/Plugins.md).
let package = Package(
    name: "WordStats",
    platforms: [.macOS(.v14)],
    products: [
        // The plugin: a dynamic library that textpipe loads at run time. It comes first:
        // textpipe takes a package's first library product for the plugin.
        .library(name: "WordStats", type: .dynamic, targets: ["WordStatsPlugin"]),
        // The stage alone, for a program that compiles it in (see Plugins/TextPipePlus).
        .library(name: "WordStatsStages", targets: ["WordStats"]),
    ],
    dependencies: [
        // The TextPipe sources of this repository: textpipe accepts only plugins built
        // against the sources it was built from.
        .package(name: "TextPipe", path: "../.."),
    ],
    targets: [
        .target(name: "WordStats", dependencies: [.product(name: "TextPipe", package: "TextPipe")]),
        // The entry point apart from the stage: two plugins' entry points have one symbol
        // name, so a program that compiles in both stages must leave them out.
        .target(name: "WordStatsPlugin", dependencies: ["WordStats", .product(name: "TextPipe", package: "TextPipe")]),
        .testTarget(name: "WordStatsTests", dependencies: ["WordStats", .product(name: "TextPipe", package: "TextPipe")]),
    ]
)
