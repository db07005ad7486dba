import Foundation
import TextPipe
import TextPipeStages

/// `summarize` on one core: documents per second for news-length documents, each method,
/// then the cost per MB as one document grows to 10 MB (flat means linear). With sumy
/// installed, sumy's LexRank and TextRank run on the same sentences in the same run.
enum SummarizeBenchmark {
    static func run(_ corpus: [Document], peerDirectory: String?) throws {
        let segment = try StageBenchmarks.build("segment", [:])
        let context = StageContext(worker: 0, scratch: WorkerScratch())
        func segmented(_ docs: [Document]) -> [Document] {
            docs.map { doc in
                var copy = doc
                _ = try? segment.process(&copy, context: context)
                return copy
            }
        }
        // The fixture articles read like news; the synthetic ones repeat a small vocabulary.
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Fixtures/summaries")
        let articles = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".txt") }
            .sorted().compactMap { try? String(contentsOf: fixtures.appendingPathComponent($0), encoding: .utf8) }
            .filter { $0.utf8.count > 1_000 && $0.utf8.count < 4_000 }
        let news = segmented((0..<10_000).map { Document(id: "n\($0)", text: articles[$0 % articles.count]) })
        let synthetic = segmented(Array(corpus.prefix(10_000)))
        var oursOnNews = 0.0
        for (title, docs) in [("fixture news articles", news), ("synthetic articles", synthetic)] {
            let bytes = docs.reduce(0) { $0 + $1.byteCount }
            print("\nsummarize, one core: \(docs.count) \(title), mean \(bytes / docs.count) bytes, sentences already found")
            for (label, params) in cases {
                let stage = try StageBenchmarks.build("summarize", params)
                let seconds = StageBenchmarks.measure(docs) { doc in
                    var copy = doc
                    _ = try? stage.process(&copy, context: context)
                    return copy.layers["summary"]?.count ?? 0
                }
                if oursOnNews == 0 { oursOnNews = Double(docs.count) / seconds }
                print(label.padding(toLength: 44, withPad: " ", startingAt: 0)
                      + String(format: "%9.0f docs/s  %7.1f MB/s", Double(docs.count) / seconds, Double(bytes) / 1e6 / seconds))
            }
        }

        // Growth: one document of n articles; time per MB against the 2 KB figure.
        for (label, params) in [("combined", ["sentences": 3]), ("textrank", ["method": "textrank", "sentences": 3]),
                                ("lexrank", ["method": "lexrank", "sentences": 3])] as [(String, [String: JSONValue])] {
            print("\nsummarize (\(label), 3 sentences), one document growing: time per MB")
            let stage = try StageBenchmarks.build("summarize", params)
            var base: Double?
            for size in [2_000, 100_000, 1_000_000, 10_000_000] {
                var text = ""
                var i = 0
                while text.utf8.count < size {
                    text += corpus[i % corpus.count].text + "\n\n"
                    i += 1
                }
                let doc = segmented([Document(id: "big", text: text)])
                let repeats = max(1, 2_000_000 / size)
                let seconds = StageBenchmarks.measure(Array(repeating: doc[0], count: repeats)) { doc in
                    var copy = doc
                    _ = try? stage.process(&copy, context: context)
                    return copy.layers["summary"]?.count ?? 0
                } / Double(repeats)
                let perMB = seconds / (Double(text.utf8.count) / 1e6)
                base = base ?? perMB
                let sentences = doc[0].layers["sentences"]?.count ?? 0
                print(String(format: "  %10d bytes, %7d sentences: %8.4f s per document, %7.4f s per MB (%4.2fx the 2 KB cost)",
                             text.utf8.count, sentences, seconds, perMB, perMB / base!))
            }
        }

        try comparePeers(news, directory: peerDirectory, ours: oursOnNews)
    }

    static let cases: [(String, [String: JSONValue])] = [
        ("combined, 3 sentences (default)", ["sentences": 3]),
        ("combined, 3 sentences + 10 keywords", ["sentences": 3, "keywords": 10]),
        ("combined, 40%", ["ratio": 0.4]),
        ("lead, 3 sentences", ["method": "lead", "sentences": 3]),
        ("textrank, 3 sentences", ["method": "textrank", "sentences": 3]),
        ("lexrank, 3 sentences", ["method": "lexrank", "sentences": 3]),
        ("centroid, 3 sentences", ["method": "centroid", "sentences": 3]),
    ]

    /// Runs ../peers/summarize_sumy.py on the same segmented articles, if Python and sumy are there.
    static func comparePeers(_ docs: [Document], directory: String?, ours: Double) throws {
        let dir = directory ?? NSTemporaryDirectory() + "textpipe-summarize-peers"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var lines = ""
        for doc in docs.prefix(1_000) {
            let sentences = (doc.layers["sentences"] ?? []).dropFirst().map { JSONValue.string(String(doc.text(of: $0))) }
            lines += JSONValue.array(sentences).jsonText + "\n"
        }
        try lines.write(toFile: dir + "/sentences.jsonl", atomically: true, encoding: .utf8)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("peers/summarize_sumy.py").path
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", script, dir + "/sentences.jsonl", "--ours", String(ours)]
        print("\npeers, one core, the first 1,000 fixture articles above, same sentences:")
        fflush(nil)  // flush our buffered output first: the script writes to the same stdout
        do {
            try python.run()
            python.waitUntilExit()
        } catch {
            print("  python3 not found: peers skipped")
        }
    }
}
