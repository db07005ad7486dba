/// A unit of input read by the source thread, decoded into a `Document` by a worker.
public struct InputItem: Sendable {
    public enum Payload: Sendable {
        /// A whole file's bytes.
        case file(bytes: [UInt8], format: InputFormat)
        /// One line of a JSONL file (the `line`-th line, 1-based).
        case jsonlRecord(bytes: [UInt8], line: Int)
        /// Nothing to decode: the item is already known to be skipped.
        case skipped(reason: String)
    }

    /// Position in input order: sinks receive documents sorted by it.
    public let sequence: Int
    public let id: String
    /// The source file, relative to the input root.
    public let source: String
    public let payload: Payload
    /// Bytes of input this item accounts for (for MB/s figures).
    public let byteCount: Int
}
