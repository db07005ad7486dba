/// Names one stage instance's per-worker scratch objects: a stage keeps one as a `let`
/// and asks `context.scratch.object(for: key) { … }` for its worker's buffer. A class so
/// that each stage instance has its own identity, even when the stage is a struct.
public final class WorkerScratchKey: Sendable {
    public init() {}
}
