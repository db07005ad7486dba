/// What a stage decides for a document.
public enum StageResult: Sendable, Equatable {
    case keep
    /// Remove the document from the stream; the reason is counted and recorded.
    case drop(reason: String)
}

/// A per-document stage. Instances are shared by all workers, so they are `Sendable`;
/// scratch state that must not be shared (match data, buffers) goes in `context.scratch`.
public protocol DocumentStage: Sendable {
    func process(_ document: inout Document, context: StageContext) throws -> StageResult
}

/// A stage that receives every document in input order on one thread, and has a
/// `finish` step: exports, corpus statistics.
public protocol DocumentSink: AnyObject {
    /// The files this sink will write (absolute), known at build time so that validation
    /// can catch two stages writing the same file.
    var outputPaths: [String] { get }
    /// Tells the sink the files the run writes besides its own (other sinks' outputs, the
    /// statistics, rejects and quarantine files), before `start`: a sink that makes file
    /// names from documents must never choose one of them.
    func avoid(_ paths: Set<String>)
    /// Called once before the first document; open files here, never at build time
    /// (`textpipe validate` builds stages but must not create outputs).
    func start() throws
    func write(_ document: Document) throws
    /// Completes the outputs and makes them durable without publishing them yet (for
    /// files: write the last bytes and sync the temporary file). A throw here leaves
    /// every output of the run unchanged.
    func finish() throws -> SinkSummary
    /// Publishes the finished outputs (for files: rename into place). Called only after
    /// every sink finished, so one sink's failure cannot leave another half-published.
    func commit() throws
    /// Discards partial outputs after a failed or interrupted run.
    func abort()
}

extension DocumentSink {
    public var outputPaths: [String] { [] }
    public func avoid(_ paths: Set<String>) {}
    public func start() throws {}
    public func commit() throws {}
}

/// What a sink reports when it finishes.
public struct SinkSummary: Sendable {
    public var outputs: [String]
    public var recordsWritten: Int
    public var bytesWritten: Int
    /// Things the user should know about the outputs (names changed to avoid a clash);
    /// the run lists them with its warnings.
    public var warnings: [String]
    public init(outputs: [String] = [], recordsWritten: Int = 0, bytesWritten: Int = 0, warnings: [String] = []) {
        self.outputs = outputs
        self.recordsWritten = recordsWritten
        self.bytesWritten = bytesWritten
        self.warnings = warnings
    }
}

/// Per-worker context passed to `DocumentStage.process`.
public struct StageContext {
    /// The worker's index, from 0 to jobs - 1.
    public let worker: Int
    /// Scratch objects owned by this worker alone.
    public let scratch: WorkerScratch

    public init(worker: Int, scratch: WorkerScratch) {
        self.worker = worker
        self.scratch = scratch
    }
}

/// Mutable per-worker objects, created on first use and reused for every document
/// that worker processes. Never shared between threads.
public final class WorkerScratch {
    private var objects: [ObjectIdentifier: AnyObject] = [:]
    public init() {}

    /// The worker's instance of `T` for `owner` (usually the stage instance), made on first use.
    public func object<T: AnyObject>(for owner: AnyObject, make: () throws -> T) rethrows -> T {
        let key = ObjectIdentifier(owner)
        if let existing = objects[key] as? T { return existing }
        let made = try make()
        objects[key] = made
        return made
    }
}

/// A stage instance built from validated parameters.
public enum BuiltStage {
    case transform(any DocumentStage)
    case sink(any DocumentSink)
}

/// Everything a stage may need while it is being built.
public struct StageBuildContext: Sendable {
    /// The pipeline's name, used for default output names.
    public let pipelineName: String
    /// The pipeline file's folder (absolute).
    public let pipelineDirectory: String
    /// The run's output folder (absolute).
    public let outputDirectory: String

    public init(pipelineName: String, pipelineDirectory: String, outputDirectory: String) {
        self.pipelineName = pipelineName
        self.pipelineDirectory = pipelineDirectory
        self.outputDirectory = outputDirectory
    }
}

/// The layers a configured stage reads and writes.
public struct LayerUse: Sendable, Equatable {
    public var requires: [String]
    public var provides: [String]
    public init(requires: [String] = [], provides: [String] = []) {
        self.requires = requires
        self.provides = provides
    }
}

/// How a stage type declares itself: the one declaration that drives validation,
/// `textpipe stages`, the JSON Schema and the stage reference.
public struct StageDescriptor: Sendable {
    public enum Kind: String, Sendable { case transform, sink }

    public let name: String
    public let summary: String
    public let kind: Kind
    public let parameters: [ParameterSpec]
    /// Every layer the stage can require or provide (for docs and hints); `layerUse`
    /// says which ones a given configuration does.
    public let layers: LayerUse
    public let layerUse: (@Sendable (StageParameters) -> LayerUse)?
    public let build: @Sendable (StageParameters, StageBuildContext) throws -> BuiltStage
    /// Longer documentation for the stage reference (Markdown), optional.
    public let details: String?

    public init(
        name: String, summary: String, kind: Kind = .transform, parameters: [ParameterSpec] = [],
        requires: [String] = [], provides: [String] = [],
        layerUse: (@Sendable (StageParameters) -> LayerUse)? = nil,
        details: String? = nil,
        build: @escaping @Sendable (StageParameters, StageBuildContext) throws -> BuiltStage
    ) {
        self.name = name
        self.summary = summary
        self.kind = kind
        self.parameters = parameters
        self.layers = LayerUse(requires: requires, provides: provides)
        self.layerUse = layerUse
        self.details = details
        self.build = build
    }

    /// The layers used with these parameters.
    public func layers(for parameters: StageParameters) -> LayerUse {
        layerUse?(parameters) ?? layers
    }
}
