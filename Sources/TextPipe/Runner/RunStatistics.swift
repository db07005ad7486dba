/// Counts for one stage of a run.
public struct StageStatistics: Sendable {
    public let label: String
    public let kind: StageDescriptor.Kind
    public var documentsIn = 0
    public var documentsOut = 0
    public var dropped = 0
    public var failed = 0
    /// Bytes of text (UTF-8) of the documents that entered the stage: with `seconds`, its throughput.
    public var bytesIn = 0
    /// Time spent in the stage, summed over workers.
    public var seconds = 0.0
    /// Drop reasons and how often each occurred.
    public var dropReasons: [String: Int] = [:]
}

/// What a run did: written to NAME.stats.json and printed at the end.
public struct RunStatistics: Sendable {
    public enum Status: String, Sendable { case completed, failed, interrupted }

    public var pipeline: String
    public var status: Status = .completed
    public var jobs: Int
    public var seconds = 0.0
    /// Items found in the input: documents read plus items skipped before any stage.
    public var inputItems = 0
    public var inputBytes = 0
    public var documentsRead = 0
    public var skipped = 0
    public var skipReasons: [String: Int] = [:]
    public var repairedDocuments = 0
    public var dropped = 0
    public var failed = 0
    /// Documents that went through every stage.
    public var completed = 0
    public var stages: [StageStatistics]
    public var warnings: [String] = []
    public var outputs: [String] = []
    public var failure: String?
    /// Where the statistics were written, once they were (not part of the JSON).
    public var statisticsFile: String?
    /// Lengths, tags and failures for the run report; `nil` unless the runner was asked
    /// to collect them (not part of the JSON).
    public var profile: RunProfile?

    /// Every input item is in exactly one of these.
    public var accountedFor: Int { completed + dropped + failed + skipped }

    public var json: JSONValue {
        func reasons(_ r: [String: Int]) -> JSONValue {
            .object(OrderedFields(r.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int($0.value)) }))
        }
        var stageValues: [JSONValue] = []
        for s in stages {
            var f = OrderedFields()
            f["stage"] = .string(s.label)
            f["kind"] = .string(s.kind.rawValue)
            f["in"] = .int(s.documentsIn)
            f["out"] = .int(s.documentsOut)
            f["dropped"] = .int(s.dropped)
            f["failed"] = .int(s.failed)
            f["bytes_in"] = .int(s.bytesIn)
            f["seconds"] = .double((s.seconds * 1e6).rounded() / 1e6)
            if !s.dropReasons.isEmpty { f["drop_reasons"] = reasons(s.dropReasons) }
            stageValues.append(.object(f))
        }
        var f = OrderedFields()
        f["pipeline"] = .string(pipeline)
        f["status"] = .string(status.rawValue)
        if let failure { f["failure"] = .string(failure) }
        f["jobs"] = .int(jobs)
        f["seconds"] = .double((seconds * 1e6).rounded() / 1e6)
        f["input"] = .object([
            "items": .int(inputItems), "bytes": .int(inputBytes), "documents": .int(documentsRead),
            "skipped": .int(skipped), "skip_reasons": reasons(skipReasons),
            "repaired_documents": .int(repairedDocuments),
        ])
        f["documents"] = .object([
            "completed": .int(completed), "dropped": .int(dropped), "failed": .int(failed), "skipped": .int(skipped),
        ])
        f["stages"] = .array(stageValues)
        f["warnings"] = .array(warnings.map(JSONValue.string))
        f["outputs"] = .array(outputs.map(JSONValue.string))
        return .object(f)
    }

    /// A human-readable summary table.
    public var summary: String {
        var lines: [String] = []
        let rate = seconds > 0 ? Double(documentsRead) / seconds : 0
        lines.append("\(pipeline): \(status.rawValue) in \(Self.format(seconds))s with \(jobs) job(s): "
            + "\(inputItems) input item(s), \(ByteSize.describe(inputBytes)), \(Int(rate.rounded())) docs/s")
        lines.append("  completed \(completed), dropped \(dropped), failed \(failed), skipped \(skipped)"
            + (repairedDocuments > 0 ? " (\(repairedDocuments) with repaired encoding)" : ""))
        let width = max(12, (stages.map(\.label.count).max() ?? 0) + 2)
        lines.append("  " + "stage".padding(toLength: width, withPad: " ", startingAt: 0)
            + "     in     out dropped  failed    time")
        for s in stages {
            lines.append("  " + s.label.padding(toLength: width, withPad: " ", startingAt: 0)
                + Self.col(s.documentsIn, 7) + Self.col(s.documentsOut, 8) + Self.col(s.dropped, 8)
                + Self.col(s.failed, 8) + Self.col(Self.format(s.seconds) + "s", 8))
        }
        for (reason, n) in skipReasons.sorted(by: { $0.key < $1.key }) { lines.append("  skipped \(n): \(reason)") }
        for w in warnings { lines.append("  warning: \(w)") }
        return lines.joined(separator: "\n")
    }

    static func format(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }

    private static func col(_ v: Int, _ w: Int) -> String { col(String(v), w) }
    private static func col(_ s: String, _ w: Int) -> String {
        String(repeating: " ", count: max(0, w - s.count)) + s
    }
}

import Foundation
