import Foundation

// Writes TextPipeBuildFingerprint.swift for the BuildFingerprint build tool plugin.
// Arguments: OUTPUT SWIFTC SOURCE_FILE…
//
// The fingerprint hashes each source file's path relative to the sources' common folder
// and its bytes, so
// two checkouts of the same sources in different folders agree, and any edit (even to a
// comment) changes it: Swift has no stable ABI between builds of a library, so "the same
// sources" is the only safe promise.

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: BuildFingerprintTool OUTPUT SWIFTC SOURCE_FILE…\n".utf8))
    exit(64)
}
let output = arguments[1]
let swiftc = arguments[2]
let files = arguments.dropFirst(3).sorted()
/// The folder every source is in, with a trailing slash.
let root: String = {
    var common = files[0].split(separator: "/", omittingEmptySubsequences: false).dropLast()
    for file in files.dropFirst() {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        while !common.isEmpty && !parts.starts(with: common) { common = common.dropLast() }
    }
    return common.joined(separator: "/") + "/"
}()

/// FNV-1a, 64 bits: detects accidental differences, which is all this needs (it is not a
/// defence against someone forging a plugin, who could as well patch the binary).
struct FNV1a64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }
}

/// Two hashes with different starting points make a 128-bit fingerprint.
var low = FNV1a64()
var high = FNV1a64(value: 0x6c62_272e_07bb_0142)
var version: String?
for file in files {
    guard let contents = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("error: cannot read \(file)\n".utf8))
        exit(1)
    }
    let relative = file.hasPrefix(root) ? String(file.dropFirst(root.count)) : file
    for part in [Array(relative.utf8), [0], Array(String(contents.count).utf8), [0], Array(contents)] {
        low.add(part)
        high.add(part)
    }
    if relative.hasSuffix("TextPipeVersion.swift"), let text = String(data: contents, encoding: .utf8) {
        version = text.components(separatedBy: "\n").lazy.compactMap { line -> String? in
            guard line.contains("static let string"), let open = line.firstIndex(of: "\"") else { return nil }
            let rest = line[line.index(after: open)...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }.first
    }
}
guard let version else {
    FileHandle.standardError.write(Data("error: no `static let string = \"…\"` in TextPipeVersion.swift among the sources\n".utf8))
    exit(1)
}

/// The first line of `swiftc --version`, such as "Swift version 6.3.1 (swift-6.3.1-RELEASE)".
func compilerVersion() -> String {
    guard !swiftc.isEmpty else { return "unknown" }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: swiftc)
    process.arguments = ["--version"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return "unknown" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let first = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    // The literal below must stay a plain Swift string and a `;`-separated record.
    let cleaned = first.filter { $0 != "\"" && $0 != "\\" && $0 != ";" }.trimmingCharacters(in: .whitespaces)
    return cleaned.isEmpty ? "unknown" : cleaned
}

let sources = String(format: "%016llx%016llx", high.value, low.value)
let compiler = compilerVersion()
func record(_ configuration: String) -> String {
    "textpipe-build/1;version=\(version);sources=\(sources);configuration=\(configuration);compiler=\(compiler)"
}
let text = """
    // Generated while TextPipe is built, by the BuildFingerprint build tool plugin
    // (Sources/BuildFingerprintPlugin); not kept in the repository.

    extension TextPipeBuild {
        /// The build of TextPipe that the code calling this was compiled against, as a C
        /// string literal. Always emitted into the client: a plugin carries the literal of the
        /// TextPipe it was compiled against in its own binary, whichever TextPipe it is
        /// loaded into.
        @_alwaysEmitIntoClient
        public static var compiledAgainst: StaticString {
            #if DEBUG
            "\(record("debug"))"
            #else
            "\(record("release"))"
            #endif
        }
    }

    """
// Rewrite only on change, so that an unchanged fingerprint does not recompile TextPipe.
if FileManager.default.contents(atPath: output) != Data(text.utf8) {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
