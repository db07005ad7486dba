#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically: bytes go to a hidden temporary file in the same folder,
/// which is renamed over the target on `commit`. Readers never see a half-written file,
/// and an interrupted run leaves the previous output untouched.
public final class AtomicFileWriter {
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let bufferLimit = 1 << 20
    public private(set) var bytesWritten = 0

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init(path: String) throws {
        self.path = path
        let dir = Paths.directory(of: path)
        try Self.makeDirectories(dir)
        temporaryPath = Paths.join(dir, ".\(Paths.fileName(of: path)).tmp-\(getpid())")
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Failure(description: "cannot create \(temporaryPath): \(FolderWalker.errnoText())")
        }
        TemporaryFiles.shared.add(temporaryPath)
        buffer.reserveCapacity(Self.bufferLimit + 65536)
    }

    deinit {
        if fd >= 0 { abort() }
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(FolderWalker.errnoText())")
            }
            offset += n
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the temporary file into place.
    public func commit() throws {
        try flush()
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw Failure(description: "cannot sync \(path): \(FolderWalker.errnoText())")
        }
        close(fd)
        fd = -1
        defer { TemporaryFiles.shared.remove(temporaryPath) }
        guard rename(temporaryPath, path) == 0 else {
            let reason = FolderWalker.errnoText()
            unlink(temporaryPath)
            throw Failure(description: "cannot move the finished output to \(path): \(reason)")
        }
    }

    /// Discards everything written; the target file is left as it was.
    public func abort() {
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(temporaryPath)
        TemporaryFiles.shared.remove(temporaryPath)
    }

    public static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw Failure(description: "cannot create folder \(current): \(FolderWalker.errnoText())")
            }
        }
    }
}

/// `write(2)`, named apart from the writer's own `write` methods.
@inline(__always) func posixWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buf, count)
    #else
    return Darwin.write(fd, buf, count)
    #endif
}

/// The temporary files of writers still open, so that a process that must exit at once
/// (a second Ctrl-C) can remove them first.
public final class TemporaryFiles: @unchecked Sendable {
    public static let shared = TemporaryFiles()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func add(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Deletes every temporary file still registered.
    public func removeAll() {
        lock.withLock {
            for p in paths { unlink(p) }
            paths.removeAll()
        }
    }
}

import Foundation
