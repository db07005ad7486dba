import Foundation
import Yams

/// Loads a pipeline file: parses it, applies command-line overrides, validates every part
/// and builds the stages, reporting every problem it finds in one pass.
public struct PipelineLoader {
    public let registry: StageRegistry
    /// Build the pipeline's plugin packages (`swift build`) before loading them.
    public var buildPlugins: Bool

    /// `registry` holds the stages every pipeline can use; a pipeline's plugins add theirs
    /// to a copy, so that one pipeline file never sees another's plugins.
    public init(registry: StageRegistry = .shared, buildPlugins: Bool = false) {
        self.registry = registry
        self.buildPlugins = buildPlugins
    }

    /// A loaded pipeline: validated, with its stages built.
    public struct Loaded {
        public let pipeline: Pipeline
        public let stages: [BuiltStage]
    }

    /// Loads and builds `file`. Throws `PipelineErrors` with every diagnostic found.
    public func load(file: String, overrides: PipelineOverrides? = nil) throws(PipelineErrors) -> Loaded {
        let cwd = overrides?.workingDirectory ?? Paths.currentDirectory
        let path = Paths.absolute(file, base: cwd)
        let displayName = file
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw PipelineErrors([Diagnostic("the pipeline file is not valid UTF-8", at: fileStart(displayName, path))])
            }
            text = decoded
        } catch let e as PipelineErrors {
            throw e
        } catch {
            let reason = Paths.kind(of: path).exists ? "cannot read the pipeline file" : "no such pipeline file"
            throw PipelineErrors([Diagnostic(reason, at: SourceLocation(file: displayName, line: 0, column: 0, baseDirectory: cwd))])
        }
        return try load(yaml: text, file: displayName, absolutePath: path, overrides: overrides)
    }

    /// Loads a pipeline from YAML text; `file` names it in messages and anchors relative paths.
    public func load(yaml: String, file: String, absolutePath: String? = nil,
                     overrides: PipelineOverrides? = nil) throws(PipelineErrors) -> Loaded
    {
        let cwd = overrides?.workingDirectory ?? Paths.currentDirectory
        let path = absolutePath ?? Paths.absolute(file, base: cwd)
        let base = Paths.directory(of: path)
        var root: ConfigNode
        switch ConfigParser.parse(yaml: yaml, file: file, baseDirectory: base) {
        case .failure(let d): throw PipelineErrors([d])
        case .success(let node): root = node
        }
        var diagnostics: [Diagnostic] = []
        if let overrides {
            diagnostics += OverrideApplier(workingDirectory: cwd).apply(overrides, to: &root)
        }
        guard root.mappingEntries != nil else {
            throw PipelineErrors(diagnostics + [Diagnostic("a pipeline file must be a mapping with the keys "
                + PipelineFileSchema.topLevel.map(\.name).joined(separator: ", "), at: root.location)])
        }
        var validation = Validation(registry: registry, root: root, file: file, path: path, buildPlugins: buildPlugins)
        validation.run()
        diagnostics += validation.diagnostics
        guard diagnostics.isEmpty, let pipeline = validation.pipeline else {
            if diagnostics.isEmpty {  // a safety net: an invalid pipeline always says why
                diagnostics.append(Diagnostic("the pipeline file is not valid", at: root.location))
            }
            throw PipelineErrors(Self.ordered(diagnostics))
        }
        var stages: [BuiltStage] = []
        for stage in pipeline.stages {
            do {
                stages.append(try stage.descriptor.build(stage.parameters, pipeline.buildContext))
            } catch let e as ParameterError {
                let at = stage.parameters.locations[e.parameter] ?? stage.location
                diagnostics.append(Diagnostic("stage '\(stage.label)': \(e.message)", at: at))
            } catch {
                diagnostics.append(Diagnostic("stage '\(stage.label)' cannot be built: \(error)", at: stage.location))
            }
        }
        if diagnostics.isEmpty { diagnostics += Self.outputCollisions(pipeline, stages) }
        guard diagnostics.isEmpty else { throw PipelineErrors(Self.ordered(diagnostics)) }
        return Loaded(pipeline: pipeline, stages: stages)
    }

    /// A `plugins` entry of a pipeline file.
    struct PluginEntry {
        let written: String
        let resolved: String
        let location: SourceLocation
    }

    fileprivate static func pluginEntries(_ values: [JSONValue], _ validator: ParameterValidator) -> [PluginEntry] {
        values.indices.compactMap { i in
            guard let resolved = validator.resolvedPaths["plugins[\(i + 1)]"],
                  let at = validator.locations["plugins[\(i + 1)]"] else { return nil }
            return PluginEntry(written: values[i].stringValue ?? resolved, resolved: resolved, location: at)
        }
    }

    /// Builds (when asked) and loads plugins into `registry`; each problem is located at
    /// the entry that names the plugin.
    static func loadPlugins(_ plugins: [PluginEntry], into registry: StageRegistry, build: Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let loader = PluginLoader(registry: registry)
        for plugin in plugins {
            do {
                if build, Paths.kind(of: plugin.resolved).isDirectory {
                    try PluginBuilder().build(try PluginPackage(path: plugin.resolved))
                }
                try loader.load(plugin.resolved, written: plugin.written)
            } catch {
                problems.append(Diagnostic(error.description, at: plugin.location))
            }
        }
        return problems
    }

    /// Loads the plugins a pipeline file names into this loader's registry, without
    /// checking the rest of the file: for `textpipe stages --pipeline`.
    public func loadPlugins(ofFile file: String) throws(PipelineErrors) {
        let path = Paths.absolute(file, base: Paths.currentDirectory)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PipelineErrors([Diagnostic("cannot read the pipeline file", at: SourceLocation(file: file, line: 0, column: 0, baseDirectory: Paths.currentDirectory))])
        }
        let root: ConfigNode
        switch ConfigParser.parse(yaml: text, file: file, baseDirectory: Paths.directory(of: path)) {
        case .failure(let d): throw PipelineErrors([d])
        case .success(let node): root = node
        }
        guard let node = root["plugins"] else { return }
        var validator = ParameterValidator(outputDirectory: "/")
        guard let spec = PipelineFileSchema.topLevel.first(where: { $0.name == "plugins" }),
              let values = validator.validate(node, as: spec.type, path: "plugins", name: "plugins", context: "")?.arrayValue
        else { throw PipelineErrors(validator.diagnostics) }
        let problems = Self.loadPlugins(Self.pluginEntries(values, validator), into: registry, build: buildPlugins)
        if !problems.isEmpty { throw PipelineErrors(problems) }
    }

    /// Two sinks writing one file, or a sink writing over a side file of the run, would
    /// lose data at the end of a run: catch it before any document is read.
    static func outputCollisions(_ pipeline: Pipeline, _ stages: [BuiltStage]) -> [Diagnostic] {
        var owners: [String: String] = [
            pipeline.statisticsPath: "the run's statistics file",
            pipeline.rejectsPath: "the run's rejects file",
            pipeline.quarantinePath: "the run's quarantine file",
        ]
        var found: [Diagnostic] = []
        for (configured, built) in zip(pipeline.stages, stages) {
            guard case .sink(let sink) = built else { continue }
            for path in sink.outputPaths {
                if let owner = owners[path] {
                    found.append(Diagnostic("stage '\(configured.label)' would write \(path), which is also \(owner); give it another 'path'",
                                            at: configured.parameters.locations["path"] ?? configured.location))
                } else {
                    owners[path] = "written by stage '\(configured.label)'"
                }
            }
        }
        return found
    }

    /// Command-line problems first, in the order given, then the file's in line order.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            let fromFileA = (la?.line ?? 0) > 0, fromFileB = (lb?.line ?? 0) > 0
            if fromFileA != fromFileB { return !fromFileA }
            if fromFileA, la!.line != lb!.line { return la!.line < lb!.line }
            if fromFileA, la!.column != lb!.column { return la!.column < lb!.column }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func fileStart(_ file: String, _ path: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1, baseDirectory: Paths.directory(of: path))
    }
}

/// The validation pass over one pipeline file.
private struct Validation {
    /// The stages this file can use: the loader's, plus its plugins' once they are loaded.
    var registry: StageRegistry
    let root: ConfigNode
    let file: String
    let path: String
    let buildPlugins: Bool
    var diagnostics: [Diagnostic] = []
    var pipeline: Pipeline?
    /// Whether a plugin failed to load: an unknown stage may be one of its.
    var pluginFailed = false

    init(registry: StageRegistry, root: ConfigNode, file: String, path: String, buildPlugins: Bool) {
        self.registry = registry
        self.root = root
        self.file = file
        self.path = path
        self.buildPlugins = buildPlugins
    }

    mutating func run() {
        let topNames = PipelineFileSchema.topLevel.map(\.name)
        for (key, _) in root.mappingEntries ?? [] {
            guard let name = key.scalarText else {
                diagnostics.append(Diagnostic("keys must be plain names, found \(key.kindDescription)", at: key.location))
                continue
            }
            if !topNames.contains(name) {
                diagnostics.append(Diagnostic("unknown key '\(name)'\(Suggestion.didYouMean(name, in: topNames))"
                    + (Suggestion.nearest(to: name, in: topNames) == nil ? "; a pipeline file has: " + topNames.joined(separator: ", ") : ""),
                    at: key.location))
            }
        }
        // Validate everything but `stages` as a record first: it fixes the output folder
        // that export paths are relative to.
        let headerSpecs = PipelineFileSchema.topLevel.filter { $0.name != "stages" }
        let header = ConfigNode(.mapping((root.mappingEntries ?? []).filter {
            $0.key.scalarText != "stages" && topNames.contains($0.key.scalarText ?? "")
        }), at: root.location)
        var v = ParameterValidator(outputDirectory: "/")
        let values = v.validateRecord(header, fields: headerSpecs, pathPrefix: "", context: "", at: root.location)
        diagnostics += v.diagnostics.map { d in
            if d.message.contains("required key 'textpipe'") {
                return Diagnostic("missing 'textpipe: \(PipelineFileSchema.formatVersion)' (the pipeline file format version)", at: d.location)
            }
            if d.message.hasPrefix("'textpipe' must be"), let node = root["textpipe"] {
                if case .int = node.json {
                    return Diagnostic("unsupported pipeline file version '\(node.scalarText ?? "?")'; this textpipe reads version \(PipelineFileSchema.formatVersion)", at: d.location)
                }
                return Diagnostic("'textpipe' must be the number \(PipelineFileSchema.formatVersion), found \(node.kindDescription) '\(node.scalarText ?? "")' (write it without quotes)", at: d.location)
            }
            return d
        }
        let outputDirectory = v.resolvedPaths["output"] ?? Paths.absolute("out", base: Paths.directory(of: path))
        var input = makeInput(values["input"]?.objectValue, resolvedPaths: v.resolvedPaths, locations: v.locations)
        input?.excludedFolders = [outputDirectory]
        if let input, Paths.sameFile(input.path, outputDirectory) {
            diagnostics.append(Diagnostic("the output folder is the input folder, so each run would read the last one's outputs; choose another 'output'",
                                          at: v.locations["output"] ?? v.locations["input.path"] ?? root.location))
        }

        if let name = values["name"]?.stringValue, let problem = Self.problem(inName: name) {
            diagnostics.append(Diagnostic("'name' \(problem); it names the output files", at: v.locations["name"] ?? root.location))
        }
        let plugins = values["plugins"]?.arrayValue ?? []
        loadPlugins(PipelineLoader.pluginEntries(plugins, v))
        let stages = validateStages(outputDirectory: outputDirectory)
        guard diagnostics.isEmpty, let input, let stages else { return }
        pipeline = Pipeline(
            file: path,
            name: values["name"]?.stringValue ?? Paths.stem(of: path),
            input: input,
            outputDirectory: outputDirectory,
            onError: ErrorPolicy(rawValue: values["on_error"]?.stringValue ?? "fail") ?? .fail,
            stages: stages)
    }

    /// Why a pipeline name cannot name files in the output folder, if it cannot.
    static func problem(inName name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.contains("/") || name.contains("\\") || name.contains("\0") { return "must not contain '/', '\\' or NUL" }
        if name.hasPrefix(".") { return "must not start with '.'" }
        return nil
    }

    private mutating func makeInput(_ fields: OrderedFields?, resolvedPaths: [String: String],
                                    locations: [String: SourceLocation]) -> InputSpec?
    {
        guard let fields, let inputPath = resolvedPaths["input.path"] else { return nil }
        let kind = Paths.kind(of: inputPath)
        if !kind.exists {
            diagnostics.append(Diagnostic("the input folder '\(fields["path"]?.stringValue ?? inputPath)' does not exist (resolved to \(inputPath))",
                                          at: locations["input.path"] ?? root.location))
            return nil
        }
        let format = fields["format"]?.stringValue.flatMap(InputFormat.init(rawValue:))
        var include = fields["include"]?.arrayValue?.compactMap(\.stringValue) ?? ["**"]
        if include.isEmpty { include = ["**"] }
        for (i, pattern) in (include + (fields["exclude"]?.arrayValue?.compactMap(\.stringValue) ?? [])).enumerated() {
            if let problem = GlobPattern.problem(in: pattern) {
                let key = i < include.count ? "input.include[\(i + 1)]" : "input.exclude[\(i - include.count + 1)]"
                diagnostics.append(Diagnostic("invalid glob '\(pattern)': \(problem)", at: locations[key] ?? root.location))
            }
        }
        return InputSpec(
            path: inputPath,
            include: include,
            exclude: fields["exclude"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            hidden: fields["hidden"]?.boolValue ?? false,
            followSymlinks: fields["follow_symlinks"]?.boolValue ?? true,
            maxFileSize: fields["max_file_size"]?.intValue ?? (64 << 20),
            format: format,
            textField: fields["text_field"]?.stringValue ?? "text",
            idField: fields["id_field"]?.stringValue,
            titleField: fields["title_field"]?.stringValue)
    }

    /// Loads the listed plugins into a copy of the registry, each error at its entry.
    private mutating func loadPlugins(_ plugins: [PipelineLoader.PluginEntry]) {
        guard !plugins.isEmpty else { return }
        registry = registry.copy()
        let problems = PipelineLoader.loadPlugins(plugins, into: registry, build: buildPlugins)
        diagnostics += problems
        pluginFailed = !problems.isEmpty
    }

    private mutating func validateStages(outputDirectory: String) -> [ConfiguredStage]? {
        guard let stagesNode = root["stages"] else {
            diagnostics.append(Diagnostic("the pipeline file is missing the required key 'stages' (a list of stages)", at: root.location))
            return nil
        }
        guard let items = stagesNode.sequenceItems else {
            diagnostics.append(Diagnostic("'stages' must be a list of stages, found \(stagesNode.kindDescription)", at: stagesNode.location))
            return nil
        }
        if items.isEmpty {
            diagnostics.append(Diagnostic("'stages' is empty; a pipeline needs at least one stage", at: stagesNode.location))
            return nil
        }
        let known = registry.names
        var configured: [ConfiguredStage] = []
        var ok = true
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let nameNode: ConfigNode
            let paramsNode: ConfigNode?
            if let entries = item.mappingEntries, entries.count == 1 {
                nameNode = entries[0].key
                paramsNode = entries[0].value
            } else if item.scalarText != nil, item.json != .null {
                nameNode = item
                paramsNode = nil
            } else {
                let found = item.mappingEntries.map { "a mapping with \($0.count) keys" } ?? item.kindDescription
                diagnostics.append(Diagnostic("each stage must be written as '- NAME: {PARAMETERS}' or '- NAME', found \(found)"
                    + (item.mappingEntries.map { $0.count > 1 ? " (is the indentation of the parameters right?)" : "" } ?? ""),
                    at: item.location))
                ok = false
                continue
            }
            let name = nameNode.scalarText ?? ""
            guard let descriptor = registry.descriptor(named: name) else {
                diagnostics.append(Diagnostic("unknown stage '\(name)'\(Suggestion.didYouMean(name, in: known))"
                    + (pluginFailed ? " (a plugin of this file failed to load; the stage may be one of its)"
                       : Suggestion.nearest(to: name, in: known) == nil ? "; known stages: " + known.joined(separator: ", ") : ""),
                    at: nameNode.location))
                ok = false
                continue
            }
            seen[name, default: 0] += 1
            let label = seen[name]! > 1 ? "\(name)#\(seen[name]!)" : name
            var v = ParameterValidator(outputDirectory: outputDirectory)
            let values = v.validateRecord(paramsNode, fields: descriptor.parameters, pathPrefix: "",
                                          context: "stage '\(label)'", at: nameNode.location)
            diagnostics += v.diagnostics
            if !v.diagnostics.isEmpty { ok = false }
            let parameters = StageParameters(stageName: name, values: values, locations: v.locations,
                                             resolvedPaths: v.resolvedPaths)
            configured.append(ConfiguredStage(descriptor: descriptor, parameters: parameters, location: nameNode.location,
                                              position: index + 1, label: label))
        }
        // Layers are checked even when some parameters are wrong, so that every problem
        // shows up in one pass.
        checkLayers(configured)
        return ok ? configured : nil
    }

    /// Every layer a stage requires must be provided by a stage before it.
    private mutating func checkLayers(_ stages: [ConfiguredStage]) {
        var available = Set<String>()
        for (i, stage) in stages.enumerated() {
            let use = stage.descriptor.layers(for: stage.parameters)
            for layer in use.requires where !available.contains(layer) {
                var message = "stage '\(stage.label)' requires the '\(layer)' layer, which no stage before it provides"
                if let later = stages[(i + 1)...].first(where: { $0.descriptor.layers(for: $0.parameters).provides.contains(layer) }) {
                    message += "; move '\(later.label)' before '\(stage.label)'"
                } else if let earlier = stages[..<i].last(where: { $0.descriptor.layers.provides.contains(layer) }) {
                    message += "; '\(earlier.label)' comes before it but is not configured to provide '\(layer)' (check its parameters)"
                } else if let provider = registry.all.first(where: { $0.layers.provides.contains(layer) }) {
                    message += "; add '\(provider.name)' before it"
                }
                diagnostics.append(Diagnostic(message, at: stage.location))
            }
            available.formUnion(use.provides)
        }
    }
}

/// Applies `--input`, `--output` and `--set` to a parsed pipeline file.
struct OverrideApplier {
    let workingDirectory: String

    private func location(_ text: String) -> SourceLocation {
        SourceLocation(file: "<command line: \(text)>", line: 0, column: 0, baseDirectory: workingDirectory)
    }

    func apply(_ overrides: PipelineOverrides, to root: inout ConfigNode) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let input = overrides.input {
            let at = location("--input \(input)")
            setValue(ConfigNode(.scalar(input, plain: false), at: at), keys: ["input", "path"], in: &root)
        }
        if let output = overrides.output {
            let at = location("--output \(output)")
            setValue(ConfigNode(.scalar(output, plain: false), at: at), keys: ["output"], in: &root)
        }
        for setting in overrides.settings {
            let at = location("--set \(setting)")
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else {
                diagnostics.append(Diagnostic("expected STAGE.PARAMETER=VALUE", at: at))
                continue
            }
            let key = String(setting[..<eq])
            let valueText = String(setting[setting.index(after: eq)...])
            // A value is taken as it is typed (numbers and booleans recognised, `#`, `*`
            // and `:` kept); only a value that starts like a YAML list, mapping or quoted
            // string is parsed as YAML.
            let valueNode: ConfigNode
            if let first = valueText.first, "[{\"'".contains(first) {
                switch ConfigParser.parse(yaml: valueText, file: at.file, baseDirectory: workingDirectory) {
                case .success(var node):
                    Self.relocate(&node, to: at)
                    valueNode = node
                case .failure(let d):
                    diagnostics.append(Diagnostic("the value is not valid YAML: \(d.message)", at: at))
                    continue
                }
            } else {
                valueNode = ConfigNode(.scalar(valueText, plain: true), at: at)
            }
            let parts = key.split(separator: ".").map(String.init)
            let topNames = PipelineFileSchema.topLevel.map(\.name)
            if parts.count == 1 || (parts.count == 2 && parts[0] == "input") {
                guard topNames.contains(parts[0]) else {
                    diagnostics.append(Diagnostic("expected STAGE.PARAMETER=VALUE or a pipeline key; '\(parts[0])' is neither"
                        + Suggestion.didYouMean(parts[0], in: topNames), at: at))
                    continue
                }
                setValue(valueNode, keys: parts, in: &root)
                continue
            }
            guard parts.count == 2 else {
                diagnostics.append(Diagnostic("expected STAGE.PARAMETER=VALUE", at: at))
                continue
            }
            if let problem = setStageParameter(stage: parts[0], parameter: parts[1], value: valueNode, in: &root) {
                diagnostics.append(Diagnostic(problem, at: at))
            }
        }
        return diagnostics
    }

    private static func relocate(_ node: inout ConfigNode, to location: SourceLocation) {
        node.location = location
        switch node.value {
        case .scalar: break
        case .sequence(var items):
            for i in items.indices { relocate(&items[i], to: location) }
            node.value = .sequence(items)
        case .mapping(var entries):
            for i in entries.indices {
                relocate(&entries[i].key, to: location)
                relocate(&entries[i].value, to: location)
            }
            node.value = .mapping(entries)
        }
    }

    /// Sets `keys` (a path of mapping keys) to `value`, creating mappings on the way.
    private func setValue(_ value: ConfigNode, keys: [String], in node: inout ConfigNode) {
        guard let first = keys.first else { node = value; return }
        var entries = node.mappingEntries ?? []
        let keyNode = ConfigNode(.scalar(first, plain: true), at: value.location)
        if let i = entries.firstIndex(where: { $0.key.scalarText == first }) {
            var child = entries[i].value
            if keys.count > 1 && child.mappingEntries == nil { child = ConfigNode(.mapping([]), at: value.location) }
            setValue(value, keys: Array(keys.dropFirst()), in: &child)
            entries[i].value = child
        } else {
            var child = ConfigNode(.mapping([]), at: value.location)
            setValue(value, keys: Array(keys.dropFirst()), in: &child)
            entries.append((keyNode, child))
        }
        node.value = .mapping(entries)
    }

    /// `stage` is a stage name, `name#N` for its N-th occurrence, or a 1-based position.
    private func setStageParameter(stage: String, parameter: String, value: ConfigNode, in root: inout ConfigNode) -> String? {
        guard var entries = root.mappingEntries,
              let si = entries.firstIndex(where: { $0.key.scalarText == "stages" }),
              var items = entries[si].value.sequenceItems
        else { return "the pipeline file has no 'stages' list to apply it to" }
        func stageName(_ item: ConfigNode) -> String? {
            item.mappingEntries?.count == 1 ? item.mappingEntries![0].key.scalarText : item.scalarText
        }
        var target: Int?
        if let position = Int(stage) {
            guard position >= 1 && position <= items.count else {
                return "there is no stage number \(position); the pipeline has \(items.count)"
            }
            target = position - 1
        } else {
            let parts = stage.split(separator: "#", maxSplits: 1).map(String.init)
            let occurrence = parts.count == 2 ? Int(parts[1]) : nil
            let matches = items.indices.filter { stageName(items[$0]) == parts[0] }
            if matches.isEmpty {
                let names = items.compactMap(stageName)
                return "the pipeline has no stage '\(parts[0])'\(Suggestion.didYouMean(parts[0], in: names))"
            }
            if let occurrence {
                guard occurrence >= 1 && occurrence <= matches.count else {
                    return "the pipeline has \(matches.count) '\(parts[0])' stage(s), not \(occurrence)"
                }
                target = matches[occurrence - 1]
            } else if matches.count > 1 {
                return "the pipeline has \(matches.count) '\(parts[0])' stages; write '\(parts[0])#N' to pick one"
            } else {
                target = matches[0]
            }
        }
        guard let t = target, let name = stageName(items[t]) else { return "that stage is not written as '- NAME: {…}'" }
        var params = items[t].mappingEntries?.first?.value ?? ConfigNode(.mapping([]), at: value.location)
        if params.mappingEntries == nil { params = ConfigNode(.mapping([]), at: value.location) }
        setValue(value, keys: [parameter], in: &params)
        let nameNode = items[t].mappingEntries?.first?.key ?? items[t]
        items[t] = ConfigNode(.mapping([(nameNode, params)]), at: items[t].location)
        _ = name
        entries[si].value = ConfigNode(.sequence(items), at: entries[si].value.location)
        root.value = .mapping(entries)
        return nil
    }
}
