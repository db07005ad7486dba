import TextPipe

/// The stages that ship with TextPipe. Each stage folder declares its own descriptor;
/// this list is the one place that gathers them.
public enum BuiltinStages {
    public static let descriptors: [StageDescriptor] = [
        ExportStage.descriptor,
        FilterStage.descriptor,
        CleanStage.descriptor,
        SegmentStage.descriptor,
        RegexTagStage.descriptor,
        SummarizeStage.descriptor,
    ]

    /// Registers every built-in stage (idempotent).
    public static func register(into registry: StageRegistry = .shared) {
        for d in descriptors {
            // Built-ins have unique names; a clash here is a programming error.
            try! registry.register(d, origin: "built-in")
        }
    }
}
