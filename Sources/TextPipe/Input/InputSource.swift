#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the walk into a stream of `InputItem`s, reading each file's bytes and splitting
/// JSONL files into records as it goes (a JSONL file is never held whole in memory).
public struct InputSource {
    public let spec: InputSpec

    public init(spec: InputSpec) { self.spec = spec }

    /// Folder-level problems found during the walk (symlink loops, unreadable folders).
    public struct Warning: Sendable {
        public let path: String
        public let reason: String
    }

    /// Produces items in input order. `emit` returns false to stop early (Ctrl-C, a failed
    /// run); `warn` receives folder problems; `isCancelled` is checked at every walk step,
    /// so a long walk that matches little still stops promptly.
    public func produce(emit: (InputItem) -> Bool, warn: (Warning) -> Void, isCancelled: () -> Bool = { false }) {
        var sequence = 0
        func send(_ id: String, _ source: String, _ payload: InputItem.Payload, _ bytes: Int) -> Bool {
            defer { sequence += 1 }
            return emit(InputItem(sequence: sequence, id: id, source: source, payload: payload, byteCount: bytes))
        }
        for event in FolderWalker(spec: spec) {
            if isCancelled() { return }
            switch event {
            case .skippedFolder(let path, let reason):
                warn(Warning(path: path, reason: reason))
            case .unreadableFile(let path, let reason):
                guard send(path, path, .skipped(reason: reason), 0) else { return }
            case .file(let path, let absolute, let size):
                let format = spec.format ?? InputFormat.forFile(named: path)
                if format == .jsonl {
                    guard readJSONL(relative: path, absolute: absolute, send: send) else { return }
                    continue
                }
                if size > spec.maxFileSize {
                    let reason = "file is \(ByteSize.describe(size)), over the \(ByteSize.describe(spec.maxFileSize)) limit (input.max_file_size)"
                    guard send(path, path, .skipped(reason: reason), 0) else { return }
                    continue
                }
                switch Self.readFile(absolute, expectedSize: size) {
                case .success(let bytes):
                    guard send(path, path, .file(bytes: bytes, format: format), bytes.count) else { return }
                case .failure(let reason):
                    guard send(path, path, .skipped(reason: reason.text), 0) else { return }
                }
            }
        }
    }

    struct ReadFailure: Error { let text: String }

    /// Reads a whole file with `read(2)`: one allocation of the right size, no `Data` bridging.
    static func readFile(_ path: String, expectedSize: Int) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadFailure(text: "cannot open: " + FolderWalker.errnoText())) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: max(expectedSize, 0))
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew since it was listed, or reports size 0 (procfs): keep reading.
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { buf in
                read(fd, buf.baseAddress! + filled, buf.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(text: "cannot read: " + FolderWalker.errnoText()))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    /// Streams a JSONL file in 1 MiB chunks, one item per non-blank line.
    private func readJSONL(relative: String, absolute: String, send: (String, String, InputItem.Payload, Int) -> Bool) -> Bool {
        let fd = open(absolute, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return send(relative, relative, .skipped(reason: "cannot open: " + FolderWalker.errnoText()), 0)
        }
        defer { close(fd) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var line: [UInt8] = []
        var lineNumber = 0
        var record = 0
        var oversized = false
        var atStart = true
        func finishLine() -> Bool {
            lineNumber += 1
            defer { line.removeAll(keepingCapacity: line.capacity <= 1 << 20); oversized = false }
            if !oversized && line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return true }
            record += 1
            let id = "\(relative)#\(record)"
            if oversized {
                return send(id, relative, .skipped(reason: "JSONL record on line \(lineNumber) is over the \(ByteSize.describe(spec.maxFileSize)) limit (input.max_file_size)"), 0)
            }
            if line.last == 0x0D { line.removeLast() }
            return send(id, relative, .jsonlRecord(bytes: line, line: lineNumber), line.count + 1)
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = "cannot read after line \(lineNumber): " + FolderWalker.errnoText()
                return send("\(relative)#\(record + 1)", relative, .skipped(reason: reason), 0)
            }
            if n == 0 { break }
            var start = 0
            if atStart {
                atStart = false
                // Lines are split on the byte 0x0A, which only works for UTF-8.
                if n >= 2 && (chunk[0] == 0xFF && chunk[1] == 0xFE || chunk[0] == 0xFE && chunk[1] == 0xFF) {
                    return send(relative, relative, .skipped(reason: "JSONL must be UTF-8, and this file is UTF-16; convert it (iconv -f UTF-16 -t UTF-8)"), 0)
                }
                if n >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { start = 3 }
            }
            while start < n {
                let newline = chunk[start..<n].firstIndex(of: 0x0A)
                let end = newline ?? n
                if !oversized {
                    if line.count + (end - start) > spec.maxFileSize {
                        oversized = true
                        line.removeAll()
                    } else {
                        line.append(contentsOf: chunk[start..<end])
                    }
                }
                if newline != nil {
                    guard finishLine() else { return false }
                    start = end + 1
                } else {
                    start = n
                }
            }
        }
        if !line.isEmpty || oversized { return finishLine() }
        return true
    }
}
