import Foundation
import TextPipe
import TextPipeStages

/// Times one stage over a corpus on one thread, and a plain byte scan of the same text
/// in the same run, so the ratio is meaningful on a noisy machine.
@main
struct StageBenchmarks {
    static func main() throws {
        let megabytes = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1]) ?? 20 : 20
        var corpus = Corpus(seed: 2026)
        var documents: [Document] = []
        var bytes = 0
        while Double(bytes) < megabytes * 1e6 {
            let text = corpus.article()
            bytes += text.utf8.count
            documents.append(Document(id: "doc\(documents.count)", text: text))
        }
        print("corpus: \(documents.count) synthetic news documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB")
        print("")
        // The floor: touch every byte once (count the periods).
        let scan = measure(documents, Self.byteScan)
        report("byte scan (floor)", bytes, scan, floor: scan)

        for (label, stage, params) in Self.cases {
            try time(label, stage, params, documents, bytes, floor: scan)
        }

        try gazetteer(documents, bytes, floor: scan)

        // The same articles as web pages: MB/s are of HTML input.
        var pages: [Document] = []
        var pageBytes = 0
        var pageCorpus = Corpus(seed: 2026)
        while Double(pageBytes) < megabytes * 1e6 {
            let html = pageCorpus.page()
            pageBytes += html.utf8.count
            pages.append(Document(id: "page\(pages.count).html", text: html, metadata: ["format": "html"]))
        }
        print("")
        print("pages: \(pages.count) synthetic news pages, \(String(format: "%.1f", Double(pageBytes) / 1e6)) MB of HTML")
        let pageScan = measure(pages, Self.byteScan)
        report("byte scan (floor)", pageBytes, pageScan, floor: pageScan)
        for (label, stage, params) in Self.pageCases {
            try time(label, stage, params, pages, pageBytes, floor: pageScan)
        }
    }

    /// A 100,000-term list (invented two-word names and places, plus terms that do occur
    /// in the corpus): build time, automaton size, and scan speed, case-sensitive and not.
    static func gazetteer(_ documents: [Document], _ bytes: Int, floor: Double) throws {
        var rng = Corpus(seed: 7)
        let syllables = ["ka", "lo", "mi", "ra", "ven", "dor", "sel", "tan", "bri", "gho", "pel", "zu", "ne", "sto", "wy"]
        var terms: [Gazetteer.Entry] = []
        while terms.count < 99_990 {
            let first = (0..<(2 + rng.next(2))).map { _ in rng.pick(syllables) }.joined().capitalized
            let second = (0..<(2 + rng.next(3))).map { _ in rng.pick(syllables) }.joined().capitalized
            terms.append(.init(term: first + " " + second, label: "NAME"))
        }
        for t in ["Northwind Analytics", "Zürich", "Rue Saint-Honoré", "U.S. Treasury", "The council", "Residents",
                  "Engineers", "Union leaders", "Amara Okafor", "Léa Dubois"] {
            terms.append(.init(term: t, label: "KNOWN"))
        }
        print("")
        for caseInsensitive in [false, true] {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let g = Gazetteer(entries: terms, options: .init(caseInsensitive: caseInsensitive))
            let build = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            var found = 0
            let seconds = measure(documents) { doc in
                let n = g.hits(in: doc.text).count
                found += n
                return n
            }
            print("gazetteer: \(terms.count) terms, \(caseInsensitive ? "case-insensitive" : "case-sensitive"): built in "
                  + String(format: "%.2f s, %d states, %.1f MB; %d hits per pass", build, g.stateCount,
                           Double(g.automatonBytes) / 1e6, found / 3))
            report("  gazetteer scan", bytes, seconds, floor: floor)
        }
    }

    static func time(_ label: String, _ stage: String, _ params: [String: JSONValue], _ documents: [Document],
                     _ bytes: Int, floor: Double) throws
    {
        let built = try build(stage, params)
        let context = StageContext(worker: 0, scratch: WorkerScratch())
        let seconds = measure(documents) { doc in
            var copy = doc
            _ = try? built.process(&copy, context: context)
            return copy.text.utf8.count
        }
        report(label, bytes, seconds, floor: floor)
    }

    static let pageCases: [(String, String, [String: JSONValue])] = [
        ("clean HTML to text", "clean", [:]),
        ("clean HTML, main text only", "clean", ["boilerplate": "remove"]),
    ]

    static func byteScan(_ doc: Document) -> Int {
        doc.text.utf8.withContiguousStorageIfAvailable { buf in
            var n = 0
            for b in buf where b == 0x2E { n &+= 1 }
            return n
        } ?? 0
    }

    static let cases: [(String, String, [String: JSONValue])] = [
        ("clean (defaults)", "clean", [:]),
        ("clean (all typography, nfkc)", "clean", ["typography": ["quotes", "dashes", "ellipsis", "ligatures", "spaces"], "unicode": "nfkc"]),
        ("segment (paragraphs, sentences)", "segment", [:]),
        ("segment (+ tokens)", "segment", ["units": ["paragraphs", "sentences", "tokens"]]),
    ]

    static func build(_ name: String, _ overrides: [String: JSONValue]) throws -> any DocumentStage {
        let registry = StageRegistry()
        BuiltinStages.register(into: registry)
        guard let d = registry.descriptor(named: name) else { fatalError("no stage \(name)") }
        var values = OrderedFields()
        for spec in d.parameters { values[spec.name] = overrides[spec.name] ?? spec.defaultValue }
        guard case .transform(let stage) = try d.build(StageParameters(stageName: name, values: values),
                                                       StageBuildContext(pipelineName: "b", pipelineDirectory: "/", outputDirectory: "/tmp"))
        else { fatalError("\(name) is not a per-document stage") }
        return stage
    }

    /// The best of three passes over all documents, in seconds.
    static func measure(_ documents: [Document], _ body: (Document) -> Int) -> Double {
        var best = Double.infinity
        var sink = 0
        for _ in 0..<3 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for doc in documents { sink &+= body(doc) }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        if sink == 42 { print("") }  // keeps the work from being optimized away
        return best
    }

    static func report(_ label: String, _ bytes: Int, _ seconds: Double, floor: Double) {
        let mbps = Double(bytes) / 1e6 / seconds
        print(label.padding(toLength: 34, withPad: " ", startingAt: 0)
              + String(format: "%9.1f MB/s  %7.3f s  %6.1fx the byte scan's time", mbps, seconds, seconds / floor))
    }
}
