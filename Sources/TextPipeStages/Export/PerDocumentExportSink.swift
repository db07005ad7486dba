import Foundation
import TextPipe

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one file per document at a path made from a template (`{id}.md`).
///
/// Files are written into a hidden staging folder under the template's root and moved into
/// place only on `commit`, so a failed or interrupted run leaves the earlier files as they
/// were. The staging folder doubles as the record of names taken: a collision is found by
/// the file already being there, so memory does not grow with the number of documents.
/// Two documents that would get one name are both kept: the later one gets `~2`, `~3`, …
/// before its extension, and the summary says how many did.
final class PerDocumentExportSink: DocumentSink {
    private let format: any ExportFormat
    private let template: OutputPathTemplate
    private let extensionSuffix: String
    private let staging: String
    private var buffer: [UInt8] = []
    private var records = 0
    private var bytes = 0
    private var renamed: [(id: String, path: String)] = []
    private var renamedCount = 0
    private var started = false
    /// Files of the run that a document's name must not take (absolute paths).
    private var reserved: Set<String> = []
    /// Relative paths longer than this are shortened: file systems refuse long paths.
    static let longestPath = 1024

    init(format: any ExportFormat, template: OutputPathTemplate) {
        self.format = format
        self.template = template
        extensionSuffix = template.text.hasSuffix("." + Swift.type(of: format).fileExtension)
            ? "." + Swift.type(of: format).fileExtension : ""
        staging = Paths.join(template.root, ".textpipe-export-\(String(SafeFileName.fnv1a(template.text), radix: 16)).tmp-\(getpid())")
        buffer.reserveCapacity(1 << 16)
    }

    var outputPaths: [String] { [Paths.join(template.root, template.text)] }

    func avoid(_ paths: Set<String>) { reserved = paths }

    func start() throws {
        try AtomicFileWriter.makeDirectories(template.root)
        sweepStaleStaging()
        Self.removeTree(staging)
        try AtomicFileWriter.makeDirectories(staging)
        TemporaryFiles.shared.add(staging)
        started = true
    }

    func write(_ document: Document) throws {
        records += 1
        buffer.removeAll(keepingCapacity: true)
        format.begin(into: &buffer)
        format.encode(document, into: &buffer)
        format.end(into: &buffer)
        var wanted = template.relativePath(for: document, number: records)
        if wanted.utf8.count > Self.longestPath { wanted = shortened(wanted) }
        var relative = wanted
        var attempt = 1
        while true {
            let full = Paths.join(staging, relative)
            if reserved.contains(Paths.join(template.root, relative)) {
                attempt += 1
                relative = Self.numbered(wanted, attempt, extensionSuffix: extensionSuffix)
                continue
            }
            if !makeParent(of: full) {
                // A file of an earlier document has the name of one of this one's folders
                // (`a`, then `a/b`): the folders become part of the file name instead.
                wanted = wanted.replacingOccurrences(of: "/", with: "_")
                relative = attempt > 1 ? Self.numbered(wanted, attempt, extensionSuffix: extensionSuffix) : wanted
                continue
            }
            let fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                defer { close(fd) }
                try writeAll(fd, full: relative)
                break
            }
            guard errno == EEXIST else {
                throw ExportFileError("cannot create \(Paths.join(template.root, relative)) for document '\(document.id)': \(ExportFileError.errnoText())")
            }
            attempt += 1
            relative = Self.numbered(wanted, attempt, extensionSuffix: extensionSuffix)
        }
        if attempt > 1 {
            renamedCount += 1
            if renamed.count < 5 { renamed.append((document.id, relative)) }
        }
        bytes += buffer.count
    }

    /// `a/b.md` → `a/b~2.md`: the suffix goes before the format's extension when the name
    /// ends in it, else at the end.
    static func numbered(_ path: String, _ n: Int, extensionSuffix: String) -> String {
        if !extensionSuffix.isEmpty && path.hasSuffix(extensionSuffix) && path.count > extensionSuffix.count {
            return String(path.dropLast(extensionSuffix.count)) + "~\(n)" + extensionSuffix
        }
        return path + "~\(n)"
    }

    /// Makes the folders above `full`; false when a file already has one of their names.
    private func makeParent(of full: String) -> Bool {
        let parent = Paths.directory(of: full)
        guard parent != staging else { return true }
        return (try? AtomicFileWriter.makeDirectories(parent)) != nil && Paths.kind(of: parent).isDirectory
    }

    /// A path too long for file systems, cut to its start and a hash of the whole, with the
    /// format's extension kept.
    private func shortened(_ path: String) -> String {
        let hash = String(SafeFileName.fnv1a(path), radix: 16)
        let head = String(decoding: path.utf8.prefix(200), as: UTF8.self).replacingOccurrences(of: "/", with: "_")
        return head + "~" + hash + extensionSuffix
    }

    /// Removes staging folders that runs of this export left when they were killed: their
    /// process is gone.
    private func sweepStaleStaging() {
        let prefix = ".textpipe-export-\(String(SafeFileName.fnv1a(template.text), radix: 16)).tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: template.root)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { Self.removeTree(Paths.join(template.root, name)) }
        }
    }

    private func writeAll(_ fd: Int32, full: String) throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ExportFileError("cannot write \(Paths.join(template.root, full)): \(ExportFileError.errnoText())")
            }
            offset += n
        }
    }

    func finish() throws -> SinkSummary {
        guard started else { return SinkSummary() }
        // One sync of the file system instead of one per file: the files are durable
        // before any of them is moved into place.
        let fd = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            #if canImport(Glibc)
            _ = linuxSyncFileSystem(fd)
            #else
            sync()
            #endif
            close(fd)
        }
        var warnings: [String] = []
        if renamedCount > 0 {
            let examples = renamed.map { "'\($0.id)' → \($0.path)" }.joined(separator: ", ")
            warnings.append("\(renamedCount) document(s) would have had a file name already used under \(template.root), "
                + "so a number was added: \(examples)\(renamedCount > renamed.count ? ", …" : "")")
        }
        return SinkSummary(outputs: [Paths.join(template.root, template.text) + " (\(records) files)"],
                           recordsWritten: records, bytesWritten: bytes, warnings: warnings)
    }

    /// Moves every staged file into place (each rename is atomic), then removes the
    /// staging folder.
    func commit() throws {
        guard started else { return }
        defer {
            Self.removeTree(staging)
            TemporaryFiles.shared.remove(staging)
        }
        guard let walker = FileManager.default.enumerator(atPath: staging) else { return }
        var lastFolder = ""
        while let relative = walker.nextObject() as? String {
            let from = Paths.join(staging, relative)
            if Paths.kind(of: from).isDirectory { continue }
            let to = Paths.join(template.root, relative)
            let folder = Paths.directory(of: to)
            // The walk lists a folder's files together: one folder check per folder.
            if folder != lastFolder {
                try AtomicFileWriter.makeDirectories(folder)
                lastFolder = folder
            }
            guard rename(from, to) == 0 else {
                throw ExportFileError("cannot move the finished output to \(to): \(ExportFileError.errnoText())")
            }
        }
    }

    func abort() {
        guard started else { return }
        Self.removeTree(staging)
        TemporaryFiles.shared.remove(staging)
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// `write(2)`, named apart from the sink's own `write`.
private func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buf, count)
    #else
    return Darwin.write(fd, buf, count)
    #endif
}

#if canImport(Glibc)
/// `syncfs(2)`: Glibc's module map leaves it out.
@_silgen_name("syncfs") private func linuxSyncFileSystem(_ fd: Int32) -> Int32
#endif

/// A file of a per-document export could not be written.
struct ExportFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}
