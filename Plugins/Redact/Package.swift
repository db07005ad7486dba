// swift-tools-version:6.0
import PackageDescription

// Redact: a TextPipe stage plugin that replaces tagged spans (e-mail addresses, phone
// numbers, names) with placeholders and keeps offsets mapped to the source. Build it with
// `textpipe plugin build Plugins/Redact` (see Docs/Plugins.md).
let package = Package(
    name: "Redact",
    platforms: [.macOS(.v14)],
    products: [
        // The plugin: a dynamic library that textpipe loads at run time. It comes first:
        // textpipe takes a package's first library product for the plugin.
        .library(name: "Redact", type: .dynamic, targets: ["RedactPlugin"]),
        // The stage alone, for a program that compiles it in (see Plugins/TextPipePlus).
        .library(name: "RedactStages", targets: ["Redact"]),
    ],
    dependencies: [
        // The TextPipe sources of this repository: textpipe accepts only plugins built
        // against the sources it was built from.
        .package(name: "TextPipe", path: "../.."),
    ],
    targets: [
        .target(name: "Redact", dependencies: [.product(name: "TextPipe", package: "TextPipe")]),
        // The entry point apart from the stage: two plugins' entry points have one symbol
        // name, so a program that compiles in both stages must leave them out.
        .target(name: "RedactPlugin", dependencies: ["Redact", .product(name: "TextPipe", package: "TextPipe")]),
        .testTarget(name: "RedactTests", dependencies: ["Redact", .product(name: "TextPipe", package: "TextPipe")]),
    ]
)
