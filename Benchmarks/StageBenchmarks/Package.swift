// swift-tools-version:6.0
import PackageDescription

// Throughput of single stages on one core, beside a plain byte scan of the same input.
// Build and run in release: `swift run -c release stage-benchmarks` (see ../README.md).
let package = Package(
    name: "StageBenchmarks",
    dependencies: [.package(name: "TextPipe", path: "../..")],
    targets: [
        .executableTarget(
            name: "stage-benchmarks",
            dependencies: [
                .product(name: "TextPipe", package: "TextPipe"),
                .product(name: "TextPipeStages", package: "TextPipe"),
                .product(name: "PCRE2", package: "TextPipe"),
            ]
        ),
    ]
)
