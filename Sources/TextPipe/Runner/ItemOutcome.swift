/// What happened to one input item, produced by a worker and consumed in order.
struct ItemOutcome: Sendable {
    enum End: Sendable {
        case completed
        case skipped(reason: String)
        case dropped(stage: Int, reason: String)
        case failed(stage: Int, message: String, original: Document)
        /// The run was stopped before this item was processed.
        case cancelled
    }

    var id: String
    let source: String
    let byteCount: Int
    /// The document as each sink saw it, in sink order (sinks before a drop still see it).
    var snapshots: [Document]
    var end: End
    var repaired: Bool
    /// Measured for the run report when the document went through every stage.
    var profile: DocumentProfile? = nil
}
