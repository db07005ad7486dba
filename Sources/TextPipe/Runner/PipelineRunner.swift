import Foundation

/// Runs a loaded pipeline over its input.
///
/// Threads: one source thread walks and reads files; `jobs` workers decode documents and
/// run the per-document stages; the calling thread hands results to the sinks in input
/// order. A window of `jobs × 64` items (and 256 MB) in flight bounds memory whatever the
/// input size, and sequence numbers make the output byte-identical for any number of workers.
public final class PipelineRunner {
    public struct Options: Sendable {
        public var jobs: Int
        /// Items read but not yet handed to the sinks, at most.
        public var window: Int
        /// Bytes of input read but not yet handed to the sinks, at most (one larger item
        /// may still pass alone).
        public var windowBytes: Int
        public var showProgress: Bool
        public var cancellation: CancellationFlag
        /// Collect `RunStatistics.profile` (lengths, tags, failures) for the run report.
        public var collectProfile: Bool

        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int? = nil,
                    windowBytes: Int = 256 << 20, showProgress: Bool = false,
                    cancellation: CancellationFlag = CancellationFlag(), collectProfile: Bool = false)
        {
            self.jobs = max(1, jobs)
            self.window = window ?? max(1, jobs) * 64
            self.windowBytes = windowBytes
            self.showProgress = showProgress
            self.cancellation = cancellation
            self.collectProfile = collectProfile
        }
    }

    public let pipeline: Pipeline
    private let stages: [BuiltStage]
    private let options: Options

    public init(loaded: PipelineLoader.Loaded, options: Options) {
        self.pipeline = loaded.pipeline
        self.stages = loaded.stages
        self.options = options
    }

    /// Paths of the run's side files.
    public var statisticsPath: String { pipeline.statisticsPath }
    public var rejectsPath: String { pipeline.rejectsPath }
    public var quarantinePath: String { pipeline.quarantinePath }

    /// Runs to the end (or until cancelled or failed) and returns the statistics, which
    /// are also written to NAME.stats.json.
    public func run() -> RunStatistics {
        let started = DispatchTime.now().uptimeNanoseconds
        var stats = RunStatistics(
            pipeline: pipeline.name, jobs: options.jobs,
            stages: zip(pipeline.stages, stages).map { configured, built in
                StageStatistics(label: configured.label, kind: { if case .sink = built { return .sink } else { return .transform } }())
            })
        if options.collectProfile { stats.profile = RunProfile() }
        let sinks: [(index: Int, sink: any DocumentSink)] = stages.enumerated().compactMap { i, s in
            if case .sink(let sink) = s { return (i, sink) } else { return nil }
        }
        let rejects = RecordLog(path: rejectsPath)
        let quarantine = RecordLog(path: quarantinePath)
        func abortAll() {
            for s in sinks { s.sink.abort() }
            rejects.abort()
            quarantine.abort()
        }
        do {
            let sideFiles: Set<String> = [pipeline.statisticsPath, rejectsPath, quarantinePath]
            for s in sinks {
                let others = sinks.filter { $0.index != s.index }.flatMap { $0.sink.outputPaths }
                s.sink.avoid(sideFiles.union(others))
            }
            for s in sinks { try s.sink.start() }
        } catch {
            abortAll()
            stats.status = .failed
            stats.failure = "cannot start the outputs: \(error)"
            return finishStatistics(stats, started: started)
        }

        let cancellation = options.cancellation
        let queue = WorkQueue<InputItem>()
        let results = ReorderBuffer<ItemOutcome>()
        let window = InFlightWindow(maxItems: options.window, maxBytes: options.windowBytes)
        let warnings = WarningList()
        let timings = StageTimings(count: stages.count)
        let progress = options.showProgress ? ProgressLine(spec: pipeline.input) : nil

        // Source thread: walk, read, enqueue; waits on the window so memory stays bounded.
        let spec = pipeline.input
        let sourceThread = Thread {
            let source = InputSource(spec: spec)
            var produced = 0
            source.produce(emit: { item in
                guard window.acquire(bytes: item.byteCount, cancellation: cancellation) else { return false }
                queue.push(item)
                produced += 1
                return true
            }, warn: { warnings.append("\($0.path): \($0.reason)") }, isCancelled: { cancellation.isCancelled })
            results.setTotal(produced)
            queue.close()
        }
        sourceThread.stackSize = 1 << 20
        sourceThread.start()

        let workerStages = stages.map { stage -> (any DocumentStage)? in
            if case .transform(let t) = stage { return t } else { return nil }
        }
        let decoder = DocumentDecoder(spec: spec)
        let collectProfile = options.collectProfile
        var workerThreads: [Thread] = []
        let finished = DispatchGroup()
        for worker in 0..<options.jobs {
            finished.enter()
            let thread = Thread {
                let context = StageContext(worker: worker, scratch: WorkerScratch())
                var elapsed = [UInt64](repeating: 0, count: workerStages.count)
                var bytesIn = [UInt64](repeating: 0, count: workerStages.count)
                while let item = queue.pop() {
                    let outcome = cancellation.isCancelled
                        ? ItemOutcome(id: item.id, source: item.source, byteCount: item.byteCount, snapshots: [], end: .cancelled, repaired: false)
                        : Self.process(item, decoder: decoder, stages: workerStages, context: context,
                                       elapsed: &elapsed, bytesIn: &bytesIn, collectProfile: collectProfile)
                    results.put(item.sequence, outcome)
                }
                timings.add(elapsed, bytesIn: bytesIn)
                finished.leave()
            }
            // Stages may recurse (HTML trees, regex engines): give workers room.
            thread.stackSize = 8 << 20
            workerThreads.append(thread)
            thread.start()
        }

        // Sink side, on this thread: deliver in input order.
        var sequence = 0
        var sinkElapsed = [UInt64](repeating: 0, count: stages.count)
        var failure: String?
        while let outcome = results.take(sequence) {
            sequence += 1
            window.release(bytes: outcome.byteCount)
            if failure != nil || cancellation.isCancelled { continue }  // draining
            stats.inputItems += 1
            stats.inputBytes += outcome.byteCount
            do {
                try deliver(outcome, sinks: sinks, stats: &stats, sinkElapsed: &sinkElapsed,
                            rejects: rejects, quarantine: quarantine)
            } catch let error as RunFailure {
                failure = error.message
                cancellation.cancel()
            } catch {
                failure = "\(error)"
                cancellation.cancel()
            }
            progress?.update(documents: stats.inputItems, bytes: stats.inputBytes)
        }
        finished.wait()
        progress?.clear()

        for (i, ns) in timings.total.enumerated() { stats.stages[i].seconds += Double(ns) / 1e9 }
        for (i, bytes) in timings.bytesIn.enumerated() { stats.stages[i].bytesIn += Int(bytes) }
        for (i, ns) in sinkElapsed.enumerated() { stats.stages[i].seconds += Double(ns) / 1e9 }
        stats.warnings = warnings.items
        if stats.inputItems == 0 && !cancellation.isCancelled {
            stats.warnings.append("no input file matched: input.path is \(spec.path), include is "
                + spec.include.joined(separator: ", ") + (spec.exclude.isEmpty ? "" : ", exclude is " + spec.exclude.joined(separator: ", ")))
        }

        if let failure {
            abortAll()
            stats.status = .failed
            stats.failure = failure
        } else if cancellation.isCancelled {
            abortAll()
            stats.status = .interrupted
        } else {
            // Two phases: every output is written and synced before any is published.
            var published: [String] = []
            do {
                var pending: [String] = []
                for s in sinks {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    let summary = try s.sink.finish()
                    pending += summary.outputs
                    stats.warnings += summary.warnings.map { "stage '\(stats.stages[s.index].label)': \($0)" }
                    stats.stages[s.index].seconds += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                }
                try rejects.prepare()
                try quarantine.prepare()
                for s in sinks { try s.sink.commit() }
                published = pending
                if let path = try rejects.commit() { published.append(path) }
                if let path = try quarantine.commit() { published.append(path) }
                stats.outputs = published
            } catch {
                abortAll()
                stats.status = .failed
                stats.failure = "cannot finish the outputs: \(error)"
                stats.outputs = published
            }
        }
        return finishStatistics(stats, started: started)
    }

    private func finishStatistics(_ stats: RunStatistics, started: UInt64) -> RunStatistics {
        var stats = stats
        stats.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        do {
            let writer = try AtomicFileWriter(path: statisticsPath)
            var w = JSONWriter()
            w.value(stats.json)
            w.byte(0x0A)
            try writer.write(w.bytes)
            try writer.commit()
            stats.statisticsFile = statisticsPath
        } catch {
            stats.warnings.append("cannot write \(statisticsPath): \(error)")
        }
        return stats
    }

    struct RunFailure: Error { let message: String }

    /// Hands one outcome to the sinks and records it in the statistics.
    private func deliver(_ outcome: ItemOutcome, sinks: [(index: Int, sink: any DocumentSink)],
                         stats: inout RunStatistics, sinkElapsed: inout [UInt64],
                         rejects: RecordLog, quarantine: RecordLog) throws
    {
        if case .skipped(let reason) = outcome.end {
            stats.skipped += 1
            stats.skipReasons[Self.reasonCategory(reason), default: 0] += 1
            try rejects.append { w in
                Self.rejectRecord(&w, outcome, status: "skipped", stage: "input", reason: reason)
            }
            return
        }
        stats.documentsRead += 1
        if outcome.repaired { stats.repairedDocuments += 1 }
        // Count the document into each stage it reached.
        let lastStage: Int
        switch outcome.end {
        case .dropped(let stage, _), .failed(let stage, _, _): lastStage = stage
        default: lastStage = stats.stages.count - 1
        }
        if lastStage >= 0 {
            for i in 0...lastStage { stats.stages[i].documentsIn += 1 }
        }
        for (k, s) in sinks.enumerated() where k < outcome.snapshots.count {
            let t0 = DispatchTime.now().uptimeNanoseconds
            stats.stages[s.index].bytesIn += outcome.snapshots[k].byteCount
            do {
                try s.sink.write(outcome.snapshots[k])
            } catch {
                throw RunFailure(message: "stage '\(stats.stages[s.index].label)' cannot write document '\(outcome.id)': \(error)")
            }
            sinkElapsed[s.index] += DispatchTime.now().uptimeNanoseconds - t0
        }
        switch outcome.end {
        case .completed:
            stats.completed += 1
            for i in stats.stages.indices { stats.stages[i].documentsOut += 1 }
            if let profile = outcome.profile { stats.profile?.add(profile) }
        case .dropped(let stage, let reason):
            stats.dropped += 1
            for i in 0..<stage { stats.stages[i].documentsOut += 1 }
            stats.stages[stage].dropped += 1
            stats.stages[stage].dropReasons[reason, default: 0] += 1
            try rejects.append { w in
                Self.rejectRecord(&w, outcome, status: "dropped", stage: stats.stages[stage].label, reason: reason)
            }
        case .failed(let stage, let message, let original):
            let label = stats.stages[stage].label
            for i in 0..<stage { stats.stages[i].documentsOut += 1 }
            stats.stages[stage].failed += 1
            stats.failed += 1
            stats.profile?.addFailure(id: outcome.id, stage: label, message: message)
            switch pipeline.onError {
            case .fail:
                throw RunFailure(message: "document '\(outcome.id)' failed in stage '\(label)': \(message)"
                    + " (on_error is 'fail'; set it to 'skip' or 'quarantine' to go on past failing documents)")
            case .skip:
                try rejects.append { w in Self.rejectRecord(&w, outcome, status: "failed", stage: label, reason: message) }
            case .quarantine:
                try rejects.append { w in Self.rejectRecord(&w, outcome, status: "quarantined", stage: label, reason: message) }
                try quarantine.append { w in
                    w.byte(0x7B)
                    w.key("id", first: true); w.string(outcome.id)
                    w.key("source"); w.string(outcome.source)
                    w.key("stage"); w.string(label)
                    w.key("error"); w.string(message)
                    w.key("text"); w.string(original.text)
                    w.key("metadata"); w.object(original.metadata)
                    w.byte(0x7D)
                }
            }
        case .skipped, .cancelled:
            break
        }
    }

    private static func rejectRecord(_ w: inout JSONWriter, _ outcome: ItemOutcome, status: String, stage: String, reason: String) {
        w.byte(0x7B)
        w.key("id", first: true); w.string(outcome.id)
        w.key("source"); w.string(outcome.source)
        w.key("status"); w.string(status)
        w.key("stage"); w.string(stage)
        w.key("reason"); w.string(reason)
        w.byte(0x7D)
    }

    /// Groups skip reasons for the summary; the rejects file keeps each full reason.
    static func reasonCategory(_ reason: String) -> String {
        if reason.hasPrefix("file is ") || reason.hasPrefix("JSONL record on line") {
            return "over the size limit (input.max_file_size)"
        }
        if reason.hasPrefix("line ") {
            // "line 12 is not valid JSON: …" → "JSONL record is not valid JSON"
            let rest = reason.drop(while: { $0 != " " }).dropFirst().drop(while: { $0.isNumber })
            let head = rest.split(separator: ":", maxSplits: 1).first.map(String.init) ?? String(rest)
            return "JSONL record" + head
        }
        return reason
    }

    /// Decodes an item and runs it through the per-document stages (on a worker).
    private static func process(_ item: InputItem, decoder: DocumentDecoder, stages: [(any DocumentStage)?],
                                context: StageContext, elapsed: inout [UInt64], bytesIn: inout [UInt64],
                                collectProfile: Bool) -> ItemOutcome
    {
        var outcome = ItemOutcome(id: item.id, source: item.source, byteCount: item.byteCount, snapshots: [],
                                  end: .completed, repaired: false)
        var document: Document
        switch decoder.decode(item) {
        case .failure(let skip):
            outcome.end = .skipped(reason: skip.reason)
            return outcome
        case .success(let d):
            document = d
        }
        outcome.id = document.id
        outcome.repaired = document.metadata["repaired_sequences"] != nil
        let original = document
        for (index, stage) in stages.enumerated() {
            guard let stage else {
                outcome.snapshots.append(document)  // a sink: it sees the document as it is here
                continue
            }
            bytesIn[index] += UInt64(document.byteCount)
            let t0 = DispatchTime.now().uptimeNanoseconds
            do {
                let result = try stage.process(&document, context: context)
                elapsed[index] += DispatchTime.now().uptimeNanoseconds - t0
                if case .drop(let reason) = result {
                    outcome.end = .dropped(stage: index, reason: reason)
                    return outcome
                }
            } catch {
                elapsed[index] += DispatchTime.now().uptimeNanoseconds - t0
                outcome.end = .failed(stage: index, message: "\(error)", original: original)
                return outcome
            }
        }
        if collectProfile { outcome.profile = DocumentProfile(document) }
        return outcome
    }
}

/// Per-stage time and bytes in, summed over workers when they finish.
final class StageTimings: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var total: [UInt64]
    private(set) var bytesIn: [UInt64]
    init(count: Int) {
        total = [UInt64](repeating: 0, count: count)
        bytesIn = total
    }
    func add(_ values: [UInt64], bytesIn bytes: [UInt64]) {
        lock.withLock {
            for (i, v) in values.enumerated() { total[i] += v }
            for (i, v) in bytes.enumerated() { bytesIn[i] += v }
        }
    }
}

final class WarningList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ s: String) { lock.withLock { list.append(s) } }
    var items: [String] { lock.withLock { list } }
}
