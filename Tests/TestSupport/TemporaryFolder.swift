import Foundation

/// A fresh temporary folder for one test, removed by `cleanup()`; shared by the test targets.
public struct TemporaryFolder: Sendable {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "textpipe-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `relative` inside the folder, creating folders on the way.
    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = path + "/" + relative
        Self.write(full, bytes)
        return full
    }

    /// Writes `bytes` to an absolute path, creating folders on the way.
    public static func write(_ path: String, _ bytes: [UInt8]) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    public func read(_ relative: String) -> String? {
        try? String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + relative) }

    public func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}
