import Foundation

/// The progress line shown on a terminal: documents, MB, docs/s and an ETA. The total is
/// counted by a background walk (file sizes only), so the ETA appears once it is known.
final class ProgressLine: @unchecked Sendable {
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private let lock = NSLock()
    private var totalBytes: Int?

    init(spec: InputSpec) {
        let thread = Thread { [weak self] in
            var bytes = 0
            for event in FolderWalker(spec: spec) {
                if case .file(_, _, let size) = event { bytes += size }
            }
            self?.lock.withLock { self?.totalBytes = bytes }
        }
        thread.start()
    }

    func update(documents: Int, bytes: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 200_000_000 else { return }
        lastDraw = now
        let seconds = Double(now - started) / 1e9
        let rate = seconds > 0 ? Double(documents) / seconds : 0
        let byteRate = seconds > 0 ? Double(bytes) / seconds : 0
        var line = "\(documents) docs  \(String(format: "%.1f", Double(bytes) / 1e6)) MB  \(Int(rate)) docs/s"
        if let total = lock.withLock({ totalBytes }), byteRate > 0 {
            let remaining = max(0, Double(total - bytes) / byteRate)
            line += String(format: "  ETA %d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
