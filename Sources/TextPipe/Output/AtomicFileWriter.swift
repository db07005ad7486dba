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
    /// Where the bytes go until `commit`: a hidden file beside `path`.
    public let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let bufferLimit = 1 << 20
    public private(set) var bytesWritten = 0

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init(path requested: String) throws {
        // Replacing a symlink by renaming over it would cut the link; write where it points.
        var path = requested
        var st = stat()
        if lstat(requested, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK, let real = realpath(requested, nil) {
            path = String(cString: real)
            free(real)
        }
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            throw Failure(description: "\(requested) is \(Self.kindName(st.st_mode)); outputs must be regular files")
        }
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
        if fd >= 0 || prepared { abort() }
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

    private var prepared = false

    /// Phase one of a commit: everything is written and synced to disk, but the target
    /// still holds its old content. Several outputs prepare first and then all commit, so
    /// a write error in one leaves every target as it was.
    public func prepare() throws {
        guard !prepared else { return }
        try flush()
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw Failure(description: "cannot sync \(path): \(FolderWalker.errnoText())")
        }
        close(fd)
        fd = -1
        prepared = true
    }

    /// Renames the temporary file into place (preparing it first if needed), then syncs
    /// the folder so the rename itself survives a crash.
    public func commit() throws {
        try prepare()
        defer { TemporaryFiles.shared.remove(temporaryPath) }
        guard rename(temporaryPath, path) == 0 else {
            let reason = FolderWalker.errnoText()
            unlink(temporaryPath)
            throw Failure(description: "cannot move the finished output to \(path): \(reason)")
        }
        let dirFD = open(Paths.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// Discards everything written; the target file is left as it was.
    public func abort() {
        if fd >= 0 { close(fd) }
        prepared = false
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

/// The temporary files (and staging folders) of writers still open, so that a process
/// that must exit at once (a second Ctrl-C) can remove them first.
public final class TemporaryFiles: @unchecked Sendable {
    public static let shared = TemporaryFiles()
    private let lock = NSLock()
    private var paths: Set<String> = []

    public func add(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    public func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Deletes every temporary file and staging folder still registered.
    public func removeAll() {
        lock.withLock {
            for p in paths where unlink(p) != 0 && (errno == EISDIR || errno == EPERM) {
                try? FileManager.default.removeItem(atPath: p)
            }
            paths.removeAll()
        }
    }
}

import Foundation
