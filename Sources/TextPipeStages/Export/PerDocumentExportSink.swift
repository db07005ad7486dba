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

    init(format: any ExportFormat, template: OutputPathTemplate) {
        self.format = format
        self.template = template
        extensionSuffix = template.text.hasSuffix("." + Swift.type(of: format).fileExtension)
            ? "." + Swift.type(of: format).fileExtension : ""
        staging = Paths.join(template.root, ".textpipe-export-\(String(SafeFileName.fnv1a(template.text), radix: 16)).tmp-\(getpid())")
        buffer.reserveCapacity(1 << 16)
    }

    var outputPaths: [String] { [Paths.join(template.root, template.text)] }

    func start() throws {
        try AtomicFileWriter.makeDirectories(template.root)
        Self.removeTree(staging)
        try AtomicFileWriter.makeDirectories(staging)
        TemporaryFiles.shared.add(staging)
        started = true
    }

    func write(_ document: Document) throws {
        records += 1
        let wanted = template.relativePath(for: document, number: records)
        buffer.removeAll(keepingCapacity: true)
        format.begin(into: &buffer)
        format.encode(document, into: &buffer)
        format.end(into: &buffer)
        var relative = wanted
        var attempt = 1
        while true {
            let full = Paths.join(staging, relative)
            try makeParent(of: full, for: document, relative: relative)
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

    private func makeParent(of full: String, for document: Document, relative: String) throws {
        let parent = Paths.directory(of: full)
        guard parent != staging else { return }
        do {
            try AtomicFileWriter.makeDirectories(parent)
        } catch {
            // A file of an earlier document has the name a folder needs (`a` and `a/b`).
            throw ExportFileError("cannot write document '\(document.id)' to \(Paths.join(template.root, relative)): "
                + "a file of an earlier document has the name of one of its folders; change the 'path' template")
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
