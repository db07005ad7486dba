import Testing
@testable import TextPipeCommandLine

/// How `textpipe plugin new` names a stage and points the new package at TextPipe.
@Suite("plugin new")
struct PluginNewTests {
    @Test("a stage is named by the package name in lowercase words joined by hyphens", arguments: [
        ("Demo", "demo"), ("WordStats", "word-stats"), ("HTMLTitle", "html-title"), ("Redact2", "redact2"),
        ("PDFToText", "pdf-to-text"), ("x", "x"),
    ])
    func stageName(package: String, stage: String) {
        #expect(PluginNew.stageName(for: package) == stage)
    }

    @Test("a package inside the TextPipe package refers to it relatively, one elsewhere absolutely", arguments: [
        ("/src/textpipe", "/src/textpipe/Plugins/Demo", "../.."),
        ("/src/textpipe/", "/src/textpipe/Demo", ".."),
        ("/src/textpipe", "/src/textpipe-plugins/Demo", "/src/textpipe"),
        ("/src/textpipe", "/home/me/Demo", "/src/textpipe"),
    ])
    func reference(textPipe: String, folder: String, expected: String) {
        #expect(PluginNew.reference(to: textPipe, from: folder) == expected)
    }
}
