import Foundation
@testable import TextPipe

/// Small stages for testing the core without the built-in ones.
enum TestStages {
    struct Words: DocumentStage {
        func process(_ document: inout Document, context: StageContext) throws -> StageResult {
            var spans: [Span] = []
            var start: Int?
            for (i, b) in document.text.utf8.enumerated() {
                let letter = b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
                if letter && start == nil { start = i }
                if !letter, let s = start { spans.append(Span(start: s, end: i)); start = nil }
            }
            if let s = start { spans.append(Span(start: s, end: document.byteCount)) }
            document.layers["words"] = spans
            return .keep
        }
    }

    struct Trouble: Error, CustomStringConvertible {
        var description: String { "the text says boom" }
    }

    /// Throws on "boom", drops on "drop", and sleeps a little at random so workers finish out of order.
    struct Picky: DocumentStage {
        func process(_ document: inout Document, context: StageContext) throws -> StageResult {
            usleep(UInt32(document.id.hashValue & 0x3FF))
            if document.text.contains("boom") { throw Trouble() }
            if document.text.contains("drop") { return .drop(reason: "asked to drop") }
            document.metadata["picked"] = .bool(true)
            return .keep
        }
    }

    final class Collector: DocumentSink, @unchecked Sendable {
        private(set) var ids: [String] = []
        private(set) var finished = false
        private(set) var aborted = false
        func write(_ document: Document) throws { ids.append(document.id) }
        func finish() throws -> SinkSummary { finished = true; return SinkSummary(recordsWritten: ids.count) }
        func abort() { aborted = true }
    }

    /// Sinks made by `collect` stages, by the `name` parameter, so tests can inspect them.
    final class Collectors: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [String: Collector] = [:]
        func make(_ name: String) -> Collector {
            lock.withLock { let c = Collector(); made[name] = c; return c }
        }
        subscript(name: String) -> Collector? { lock.withLock { made[name] } }
    }

    static func registry(collectors: Collectors = Collectors()) -> StageRegistry {
        let r = StageRegistry()
        try! r.register(StageDescriptor(name: "words", summary: "Find words.", provides: ["words"]) { _, _ in .transform(Words()) })
        try! r.register(StageDescriptor(name: "picky", summary: "Throw, drop or keep.") { _, _ in .transform(Picky()) })
        try! r.register(StageDescriptor(
            name: "needs-words", summary: "Require words.", parameters: [
                ParameterSpec("limit", .integer(min: 1, max: 10), default: 3, "A bounded number."),
                ParameterSpec("mode", .choice(["fast", "exact"]), default: "fast", "A choice."),
                ParameterSpec("ratio", .number(min: 0, max: 1), "A fraction."),
                ParameterSpec("names", .list(.string), "Some names."),
                ParameterSpec("rules", .list(.record([
                    ParameterSpec("label", .string, required: true, "A label."),
                    ParameterSpec("weight", .number(), default: 1.0, "A weight."),
                ])), "Nested records."),
            ], requires: ["words"]) { params, _ in
                if params.strings("names")?.contains("forbidden") == true {
                    throw ParameterError("names[1]", "the name 'forbidden' is not allowed")
                }
                return .transform(Words())
            })
        try! r.register(StageDescriptor(
            name: "collect", summary: "Collect ids.", kind: .sink,
            parameters: [ParameterSpec("name", .string, default: "main", "Which collector.")]) { params, _ in
                .sink(collectors.make(params.string("name") ?? "main"))
            })
        return r
    }
}
