/// A JSONL side file of the run (rejects, quarantine): written atomically, created only
/// when it has records, and removed when a later run of the same pipeline has none, so
/// it never describes an older run.
final class RecordLog {
    let path: String
    private var writer: AtomicFileWriter?
    private(set) var count = 0

    init(path: String) { self.path = path }

    func append(_ record: (inout JSONWriter) -> Void) throws {
        if writer == nil { writer = try AtomicFileWriter(path: path) }
        var w = JSONWriter(capacity: 256)
        record(&w)
        w.byte(0x0A)
        try writer!.write(w.bytes)
        count += 1
    }

    /// Writes and syncs the records (phase one).
    func prepare() throws { try writer?.prepare() }

    /// Publishes the file, or removes a stale one when there were no records.
    func commit() throws -> String? {
        if let writer {
            try writer.commit()
            return path
        }
        _ = path.withCString { unlink($0) }
        return nil
    }

    func abort() { writer?.abort() }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
