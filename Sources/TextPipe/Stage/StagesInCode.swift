extension StageDescriptor {
    /// Builds this stage from parameters given in code, checked like a pipeline file's: for
    /// tests of a stage, and for programs that run stages without a pipeline file. Throws
    /// `PipelineErrors` for invalid parameters, and whatever the stage's build throws.
    public func makeTransform(_ values: OrderedFields = OrderedFields(), baseDirectory: String = Paths.currentDirectory,
                              outputDirectory: String = Paths.currentDirectory) throws -> any DocumentStage
    {
        let checked = try parameters(values, baseDirectory: baseDirectory, outputDirectory: outputDirectory)
        let context = StageBuildContext(pipelineName: name, pipelineDirectory: baseDirectory, outputDirectory: outputDirectory)
        guard case .transform(let stage) = try build(checked, context) else {
            throw ParameterError("", "stage '\(name)' is a sink, not a per-document stage")
        }
        return stage
    }
}

extension DocumentStage {
    /// Runs the stage on one document as worker 0 with fresh scratch state: for tests.
    public func run(_ document: inout Document) throws -> StageResult {
        try process(&document, context: StageContext(worker: 0, scratch: WorkerScratch()))
    }
}
