import Foundation
import PCRE2
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
        // `--export DIR` writes the corpus and the 20 rules for the peer scripts in ../peers.
        if let i = CommandLine.arguments.firstIndex(of: "--export"), i + 1 < CommandLine.arguments.count {
            let dir = CommandLine.arguments[i + 1]
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try documents.map(\.text).joined(separator: "\n\u{1E}\n").write(toFile: dir + "/corpus.txt", atomically: true, encoding: .utf8)
            try JSONValue.array(twentyRules.map(JSONValue.string)).jsonText.write(toFile: dir + "/rules.json", atomically: true, encoding: .utf8)
            print("exported the corpus and the 20 rules to \(dir)")
        }
        if CommandLine.arguments.contains("--exports") {
            try ExportBenchmarks.run(documents, inputBytes: bytes)
            return
        }
        print("")
        // The floor: touch every byte once (count the periods).
        let scan = measure(documents, Self.byteScan)
        report("byte scan (floor)", bytes, scan, floor: scan)

        for (label, stage, params) in Self.cases {
            try time(label, stage, params, documents, bytes, floor: scan)
        }

        if only == nil {
            try gazetteer(documents, bytes, floor: scan)
            try regexRules(documents, bytes, floor: scan)
        }
        if only == nil || "summarize".contains(only!) {
            try SummarizeBenchmark.run(documents, peerDirectory: nil)
            if only != nil { return }
        }

        // The same articles as web pages: MB/s are of HTML input.
        var pages: [Document] = []
        var pageBytes = 0
        var pageCorpus = Corpus(seed: 2026)
        while Double(pageBytes) < megabytes * 1e6 {
            let html = pageCorpus.page()
            pageBytes += html.utf8.count
            pages.append(Document(id: "page\(pages.count).html", text: html, metadata: ["format": "html"]))
        }
        try timePages("pages: \(pages.count) synthetic news pages", pages, pageBytes)

        // `--html DIR`: the same page measurements on real pages of your own (every
        // *.html / *.htm file below DIR).
        if let i = CommandLine.arguments.firstIndex(of: "--html"), i + 1 < CommandLine.arguments.count {
            let dir = CommandLine.arguments[i + 1]
            var real: [Document] = []
            var realBytes = 0
            let files = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String }.sorted() ?? []
            for file in files where file.hasSuffix(".html") || file.hasSuffix(".htm") {
                guard let data = FileManager.default.contents(atPath: dir + "/" + file) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                realBytes += text.utf8.count
                real.append(Document(id: file, text: text, metadata: ["format": "html"]))
            }
            try timePages("real pages: \(real.count) files from \(dir)", real, realBytes)
        }
    }

    /// The HTML configurations over a set of pages, beside a byte scan of the same pages.
    static func timePages(_ title: String, _ pages: [Document], _ bytes: Int) throws {
        print("")
        print(title + ", " + String(format: "%.1f", Double(bytes) / 1e6) + " MB of HTML")
        let scan = measure(pages, Self.byteScan)
        report("byte scan (floor)", bytes, scan, floor: scan)
        for (label, stage, params) in Self.pageCases {
            try time(label, stage, params, pages, bytes, floor: scan)
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

    /// Twenty rules of the kind news pipelines use.
    static let twentyRules: [String] = [
        #"\b\d{4}-\d{2}-\d{2}\b"#, #"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b"#,
        #"[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|bn|m)\b)?"#, #"\b\d+(?:\.\d+)?\s?%"#,
        #"\b(?:Dr|Mr|Mrs|Ms|Prof)\.\s\p{Lu}\w+"#, #"\b\p{Lu}\w+\s(?:Ltd|Inc|Corp|Co)\."#,
        #"\b\d{1,2}:\d{2}(?:\s?[ap]\.m\.)?"#, #"\bv\d+\.\d+(?:\.\d+)?\b"#, #"\b[\w.+-]+@[\w-]+\.[\w.]+\b"#,
        #"https?://\S+"#, #"\b(?:NATO|UN|EU|ECB|IMF)\b"#, #"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"#,
        #"\b\d+(?:st|nd|rd|th)\b"#, #"#\w+"#, #"(?<!\w)@\w+"#, #"\b(?:said|warned|announced|confirmed)\b"#,
        #"\b\p{Lu}{2,}\b"#, #"\b\d{1,3}(?:,\d{3})+\b"#, #"“[^”]{1,200}”"#, #"\b(?:approx|est|i\.e|e\.g)\."#,
    ]

    /// regex-tag with 20 rules against the sum of 20 raw PCRE2 JIT scans of the same
    /// patterns over the same text: what the stage's own bookkeeping costs.
    static func regexRules(_ documents: [Document], _ bytes: Int, floor: Double) throws {
        print("")
        let regexes = try twentyRules.map { try Regex($0) }
        let scratch = MatchScratch()
        var rawMatches = 0
        let raw = measure(documents) { doc in
            var text = doc.text
            var n = 0
            text.withUTF8 { buf in
                for regex in regexes {
                    try? regex.forEachMatch(in: UnsafeRawBufferPointer(buf), scratch: scratch, validUTF8: true) { _ in n += 1; return true }
                }
            }
            rawMatches += n
            return n
        }
        print("20 raw PCRE2 JIT scans: \(rawMatches / 3) matches per pass")
        report("  20 raw scans (sum)", bytes, raw, floor: floor)
        for overlaps in ["all", "longest"] {
            let rules: [JSONValue] = twentyRules.enumerated().map { i, p in .object(["label": .string("R\(i)"), "pattern": .string(p)]) }
            let stage = try build("regex-tag", ["rules": .array(rules), "overlaps": .string(overlaps)])
            let context = StageContext(worker: 0, scratch: WorkerScratch())
            var spans = 0
            let seconds = measure(documents) { doc in
                var copy = doc
                _ = try? stage.process(&copy, context: context)
                let n = copy.layers["tags"]?.count ?? 0
                spans += n
                return n
            }
            report("  regex-tag, 20 rules, overlaps: \(overlaps)", bytes, seconds, floor: floor)
            print(String(format: "    %d spans per pass; %.2fx the raw scans' time (target: at most 1.5x)", spans / 3, seconds / raw))
        }
    }

    /// `--only TEXT` runs only the stage configurations whose label contains TEXT (for profiling).
    static let only: String? = CommandLine.arguments.firstIndex(of: "--only").flatMap {
        $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil
    }

    static func time(_ label: String, _ stage: String, _ params: [String: JSONValue], _ documents: [Document],
                     _ bytes: Int, floor: Double) throws
    {
        if let only, !label.contains(only) { return }
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
        ("clean HTML to text, no other pass", "clean", ["unicode": "none", "controls": "keep", "typography": [],
                                                        "whitespace": "keep", "dehyphenate": false, "mojibake": "keep"]),
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
        return try d.makeTransform(OrderedFields(overrides.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
                                   outputDirectory: "/tmp")
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
        print(label.padding(toLength: 44, withPad: " ", startingAt: 0)
              + String(format: "%9.1f MB/s  %7.3f s  %6.1fx the byte scan's time", mbps, seconds, seconds / floor))
    }
}
