/// What the runner does with a document that makes a stage throw.
public enum ErrorPolicy: String, Sendable, CaseIterable {
    /// Stop the run; outputs are discarded and the previous ones stay untouched.
    case fail
    /// Leave the document out, count it as failed and record the error.
    case skip
    /// Like `skip`, and also write the document as read, with the error, to the quarantine file.
    case quarantine
}

/// Input formats the readers understand.
public enum InputFormat: String, Sendable, CaseIterable {
    case text, markdown, html, jsonl

    /// The format for a file name by its extension; unknown extensions are read as text
    /// (after a check that the bytes are not binary).
    public static func forFile(named name: String) -> InputFormat {
        guard let dot = name.lastIndex(of: ".") else { return .text }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        case "jsonl", "ndjson", "jsonlines": return .jsonl
        default: return .text
        }
    }
}

/// Where documents come from.
public struct InputSpec: Sendable {
    /// A folder (walked recursively) or a single file, absolute.
    public var path: String
    public var include: [String]
    public var exclude: [String]
    public var hidden: Bool
    public var followSymlinks: Bool
    public var maxFileSize: Int
    /// Forces one reader for every file; `nil` chooses by extension.
    public var format: InputFormat?
    public var textField: String
    public var idField: String?
    public var titleField: String?
    /// Absolute folders never walked: the run's output folder, so that outputs inside the
    /// input folder are not read back as documents by the next run.
    public var excludedFolders: [String] = []

    public init(path: String, include: [String] = ["**"], exclude: [String] = [], hidden: Bool = false,
                followSymlinks: Bool = true, maxFileSize: Int = 64 << 20, format: InputFormat? = nil,
                textField: String = "text", idField: String? = nil, titleField: String? = nil)
    {
        self.path = path
        self.include = include
        self.exclude = exclude
        self.hidden = hidden
        self.followSymlinks = followSymlinks
        self.maxFileSize = maxFileSize
        self.format = format
        self.textField = textField
        self.idField = idField
        self.titleField = titleField
    }
}

/// A stage as configured in a pipeline file, parameters validated.
public struct ConfiguredStage: Sendable {
    public let descriptor: StageDescriptor
    public let parameters: StageParameters
    /// Where the stage's name is written in the pipeline file.
    public let location: SourceLocation
    /// The 1-based position in the `stages` list.
    public let position: Int

    /// A display name that tells repeated stages apart: `export`, `export#2`.
    public let label: String
}

/// A validated pipeline file, ready to be built and run.
public struct Pipeline: Sendable {
    public let file: String
    public let name: String
    public let input: InputSpec
    public let outputDirectory: String
    public let onError: ErrorPolicy
    public let stages: [ConfiguredStage]

    /// The run's side files, in the output folder.
    public var statisticsPath: String { Paths.join(outputDirectory, name + ".stats.json") }
    public var rejectsPath: String { Paths.join(outputDirectory, name + ".rejects.jsonl") }
    public var quarantinePath: String { Paths.join(outputDirectory, name + ".quarantine.jsonl") }

    public var buildContext: StageBuildContext {
        StageBuildContext(pipelineName: name, pipelineDirectory: Paths.directory(of: file),
                          outputDirectory: outputDirectory)
    }
}

/// Command-line changes applied to a pipeline file before it is validated.
public struct PipelineOverrides: Sendable {
    public var input: String?
    public var output: String?
    /// `STAGE.PARAM=VALUE`, `input.KEY=VALUE` or `KEY=VALUE` for top-level keys.
    public var settings: [String]
    /// The folder relative command-line paths are resolved against.
    public var workingDirectory: String

    public init(input: String? = nil, output: String? = nil, settings: [String] = [], workingDirectory: String) {
        self.input = input
        self.output = output
        self.settings = settings
        self.workingDirectory = workingDirectory
    }
}
