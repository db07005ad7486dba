import Foundation
import TextPipe
import TextPipeStages

/// `stage-benchmarks [MB] --exports`: how fast each export format writes the same tagged
/// documents, through the same sink the runner uses (start, write every document, finish,
/// commit — the final sync and rename included), on one thread as the runner's sink runs.
enum ExportBenchmarks {
    static let formats: [(String, OrderedFields)] = [
        ("jsonl", ["format": "jsonl"]),
        ("jsonl (text and metadata only)", ["format": "jsonl", "layers": []]),
        ("jsonl (spans only)", ["format": "jsonl", "text": false, "metadata": false]),
        ("jsonl (spans only, utf8)", ["format": "jsonl", "text": false, "metadata": false, "offsets": "utf8"]),
        ("jsonl (span text, source offsets)", ["format": "jsonl", "span_text": true, "source_offsets": true]),
        ("json", ["format": "json"]),
        ("csv (document rows)", ["format": "csv"]),
        ("csv (span rows)", ["format": "csv", "rows": "spans"]),
        ("markdown (one file)", ["format": "markdown"]),
        ("text (one file)", ["format": "text"]),
        ("sqlite", ["format": "sqlite"]),
        ("sqlite (span text)", ["format": "sqlite", "span_text": true]),
        ("sqlite (no text: no full-text index)", ["format": "sqlite", "text": false]),
        ("sqlite (tags layer only)", ["format": "sqlite", "layers": ["tags"]]),
    ]

    static func run(_ corpus: [Document], inputBytes: Int) throws {
        // The documents as the end of a pipeline has them: cleaned, segmented and tagged.
        let stages = [
            try StageBenchmarks.build("clean", [:]),
            try StageBenchmarks.build("segment", [:]),
            try StageBenchmarks.build("regex-tag", ["rules": .array([
                .object(["use": "money"]), .object(["use": "date"]),
                .object(["label": "NAME", "pattern": "\\b\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)*\\b"]),
            ])]),
        ]
        let context = StageContext(worker: 0, scratch: WorkerScratch())
        var documents: [Document] = []
        let t0 = DispatchTime.now().uptimeNanoseconds
        for var doc in corpus {
            for stage in stages { _ = try stage.process(&doc, context: context) }
            documents.append(doc)
        }
        let stageSeconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let spans = documents.reduce(0) { total, doc in doc.layers.reduce(total) { $0 + $1.spans.count } }
        let tags = documents.reduce(0) { $0 + (($1.layers["tags"] ?? []).count) }
        print("export: \(documents.count) documents, \(String(format: "%.1f", Double(inputBytes) / 1e6)) MB of text, "
            + "\(spans) spans (\(tags) tags, the rest paragraphs and sentences); best of 3 runs, one thread")
        // What the sink is compared with: the stages that made these documents, on one thread.
        print("the stages before (clean, segment, regex-tag with 3 rules) took " + String(format: "%.2f s on one thread: %.1f MB/s of text, %.0f docs/s\n",
              stageSeconds, Double(inputBytes) / 1e6 / stageSeconds, Double(documents.count) / stageSeconds))
        print("'in MB/s' is the text written per second: compare it with the stages' MB/s above\n")
        print("format".padding(toLength: 36, withPad: " ", startingAt: 0)
            + "   output MB   seconds   MB/s out   in MB/s   docs/s    spans/s")
        // Encoding alone, into memory: what the format costs without the file system.
        for (label, options) in [("jsonl encoding only, no file", ExportOptions(path: "", offsets: .codepoint, includeText: true,
                                                                                  includeMetadata: true, layers: nil, spanText: false)),
                                 ("jsonl spans encoding only, no file", ExportOptions(path: "", offsets: .codepoint, includeText: false,
                                                                                        includeMetadata: false, layers: nil, spanText: false))]
        {
            if let only = StageBenchmarks.only, !label.contains(only) { continue }
            let format = JSONLFormat(options: options)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 20)
            var size = 0
            let seconds = StageBenchmarks.measure(documents) { doc in
                buffer.removeAll(keepingCapacity: true)
                format.encode(doc, into: &buffer)
                size += buffer.count
                return buffer.count
            }
            size /= 3
            print(label.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(format: "%12.1f %9.3f %10.1f %9.1f %8.0f %10.0f", Double(size) / 1e6, seconds, Double(size) / 1e6 / seconds,
                         Double(inputBytes) / 1e6 / seconds, Double(documents.count) / seconds, Double(spans) / seconds))
        }
        let folder = NSTemporaryDirectory() + "textpipe-export-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (label, params) in formats {
            if let only = StageBenchmarks.only, !label.contains(only) { continue }
            var best = Double.infinity
            var size = 0
            for _ in 0..<3 {
                try? FileManager.default.removeItem(atPath: folder)
                let descriptor = ExportStage.descriptor
                let values = try descriptor.parameters(params, outputDirectory: folder)
                guard case .sink(let sink) = try descriptor.build(values, StageBuildContext(
                    pipelineName: "bench", pipelineDirectory: folder, outputDirectory: folder)) else { fatalError("export is a sink") }
                let t0 = DispatchTime.now().uptimeNanoseconds
                try sink.start()
                for doc in documents { try sink.write(doc) }
                let summary = try sink.finish()
                try sink.commit()
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
                size = summary.bytesWritten
            }
            print(label.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(format: "%12.1f %9.3f %10.1f %9.1f %8.0f %10.0f", Double(size) / 1e6, best, Double(size) / 1e6 / best,
                         Double(inputBytes) / 1e6 / best, Double(documents.count) / best, Double(spans) / best))
        }
    }
}
