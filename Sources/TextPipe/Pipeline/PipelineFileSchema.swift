/// The keys of a pipeline file outside `stages`, declared once for validation, the JSON
/// Schema and the reference docs.
public enum PipelineFileSchema {
    public static let formatVersion = 1

    public static let topLevel: [ParameterSpec] = [
        ParameterSpec("textpipe", .integer(min: 1, max: 1), required: true,
                      "The pipeline file format version. Always 1 for now."),
        ParameterSpec("name", .string, "The pipeline's name; default outputs are named after it. Defaults to the file name."),
        ParameterSpec("description", .string, "Free text for people reading the file."),
        ParameterSpec("input", .record(input), required: true, "Where documents come from."),
        ParameterSpec("output", .path(relativeTo: .pipelineFile), default: "out",
                      "The output folder. Export paths, statistics, rejects and quarantine files go here."),
        ParameterSpec("on_error", .choice(ErrorPolicy.allCases.map(\.rawValue)), default: "fail",
                      "What a document that makes a stage throw does: `fail` stops the run, `skip` leaves it out, `quarantine` also writes it with its error to NAME.quarantine.jsonl."),
        ParameterSpec("plugins", .list(.path(relativeTo: .pipelineFile)), default: [],
                      "Stage plugins to load before the stages are checked: plugin package folders (such as `../Plugins/WordStats`) or built libraries (`.so`). Their stages are then used like built-in ones. See Plugins.md."),
        ParameterSpec("stages", .list(.string, nonEmpty: true), required: true,
                      "The stages, in order. Each entry is `- NAME: {PARAMETERS}` or just `- NAME`."),
    ]

    public static let input: [ParameterSpec] = [
        ParameterSpec("path", .path(relativeTo: .pipelineFile), required: true,
                      "A folder, walked recursively, or a single file."),
        ParameterSpec("include", .list(.string), default: ["**"],
                      "Glob patterns of the files to read, relative to `path` (`*`, `?`, `**`, `[abc]`, `{a,b}`)."),
        ParameterSpec("exclude", .list(.string), default: [],
                      "Glob patterns of files and folders to leave out; an excluded folder is not entered."),
        ParameterSpec("hidden", .boolean, default: false, "Read hidden files and folders (names starting with `.`)."),
        ParameterSpec("follow_symlinks", .boolean, default: true,
                      "Follow symbolic links to files and folders; loops are detected and reported."),
        ParameterSpec("max_file_size", .byteSize, default: "64MiB",
                      "Files larger than this (and JSONL records longer than this) are skipped with a reason."),
        ParameterSpec("format", .choice(["auto"] + InputFormat.allCases.map(\.rawValue)), default: "auto",
                      "The reader for every file; `auto` chooses by extension (`.md`, `.html`, `.jsonl`; anything else is text)."),
        ParameterSpec("text_field", .string, default: "text", "JSONL: the field that holds a record's text."),
        ParameterSpec("id_field", .string,
                      "JSONL: the field that holds a record's id. Without it, ids are `FILE#N` (N counts records from 1)."),
        ParameterSpec("title_field", .string, default: "title",
                      "JSONL: the field copied to the `title` metadata key, if present."),
    ]
}
