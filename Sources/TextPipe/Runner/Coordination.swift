import Foundation

/// A flag that stops a run: set by Ctrl-C or by a failure, read by every thread.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    public init() {}
    public var isCancelled: Bool { lock.withLock { cancelled } }
    public func cancel() { lock.withLock { cancelled = true } }
}

/// A FIFO handed from the source thread to the workers.
final class WorkQueue<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var closed = false

    func push(_ item: Item) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next item, or `nil` once the queue is closed and empty.
    func pop() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        // Compact now and then so the array does not grow with the run.
        if head >= 1024 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Results keyed by input position, taken out in order by the sink thread.
final class ReorderBuffer<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Int: Result] = [:]
    private var total: Int?
    /// The position the sink is waiting for: only its arrival wakes the sink, which keeps
    /// thread wake-ups to about one per document.
    private var awaited = -1

    func put(_ sequence: Int, _ result: Result) {
        condition.lock()
        results[sequence] = result
        if sequence == awaited { condition.signal() }
        condition.unlock()
    }

    /// Called by the source when it has produced everything.
    func setTotal(_ n: Int) {
        condition.lock()
        total = n
        condition.signal()
        condition.unlock()
    }

    /// The result at `sequence`, waiting for it; `nil` when the source produced fewer items.
    func take(_ sequence: Int) -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let r = results.removeValue(forKey: sequence) { return r }
            if let total, sequence >= total { return nil }
            awaited = sequence
            condition.wait()
        }
    }
}

/// Bounds what is in flight between the source and the sinks, by item count and by bytes,
/// so memory stays flat however many documents a run reads and however large they are.
/// One item is always let through, so a document larger than the byte budget still runs.
final class InFlightWindow: @unchecked Sendable {
    private let condition = NSCondition()
    private let maxItems: Int
    private let maxBytes: Int
    private var items = 0
    private var bytes = 0

    init(maxItems: Int, maxBytes: Int) {
        self.maxItems = max(1, maxItems)
        self.maxBytes = max(1, maxBytes)
    }

    /// Waits for room for an item of `size` bytes; false if the run was cancelled meanwhile.
    func acquire(bytes size: Int, cancellation: CancellationFlag) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items > 0 && (items >= maxItems || bytes + size > maxBytes) {
            if cancellation.isCancelled { return false }
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
        }
        if cancellation.isCancelled { return false }
        items += 1
        bytes += size
        return true
    }

    func release(bytes size: Int) {
        condition.lock()
        items -= 1
        bytes -= size
        condition.signal()
        condition.unlock()
    }
}
