import Testing
@testable import TextPipe

@Suite("Globs, byte sizes and suggestions")
struct GlobAndSizeTests {
    @Test("glob matching", arguments: [
        ("*.txt", "a.txt", true),
        ("*.txt", "deep/er/a.txt", true),          // no slash: matches the name at any depth
        ("*.txt", "a.txt.bak", false),
        ("news/*.txt", "news/a.txt", true),
        ("news/*.txt", "news/x/a.txt", false),     // * stays within a segment
        ("news/**/*.txt", "news/a.txt", true),     // **/ may match nothing
        ("news/**/*.txt", "news/x/y/a.txt", true),
        ("**", "any/thing/at/all", true),
        ("**/d.txt", "d.txt", true),
        ("**/d.txt", "sub/d.txt", true),
        ("**/d.txt", "xd.txt", false),             // **/ matches whole segments only
        ("**/d.txt", "sub/bad.txt", false),
        ("sub/**/d.txt", "sub/x/d.txt", true),
        ("sub/**/d.txt", "sub/xd.txt", false),
        ("./sub/*.txt", "sub/a.txt", true),        // ./ is the input folder itself
        ("sub/", "sub/x/a.txt", true),              // a trailing / means the whole folder
        ("**/*.{md,html}", "x/page.html", true),
        ("**/*.{md,html}", "x/page.htm", false),
        ("file?.txt", "file1.txt", true),
        ("file?.txt", "file10.txt", false),
        ("[ab]*.txt", "b-side.txt", true),
        ("[!ab]*.txt", "b-side.txt", false),
        ("[a-c]?.md", "c1.md", true),
        ("é*.txt", "été.txt", true),
        ("?té.txt", "été.txt", true),               // ? is one character, not one byte
        ("[é]t[é].txt", "été.txt", true),           // classes hold whole characters
        ("[à-ê]*", "été.txt", true),
        ("\\[draft\\]*.txt", "[draft] notes.txt", true),  // escaped brackets are literal
        ("\\[draft\\]*.txt", "d notes.txt", false),
    ])
    func globs(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test("excluded folders are pruned by the folder itself or FOLDER/**")
    func folderExclusion() {
        #expect(GlobPattern("drafts/**").excludesDirectory("drafts"))
        #expect(GlobPattern("drafts").excludesDirectory("a/drafts"))
        #expect(!GlobPattern("drafts/*.txt").excludesDirectory("drafts"))
    }

    @Test("invalid globs are reported", arguments: ["", "a{b", "a}b", "[abc", "/abs/*.txt"])
    func invalidGlobs(_ pattern: String) {
        #expect(GlobPattern.problem(in: pattern) != nil)
    }

    @Test("byte sizes", arguments: [
        ("1048576", 1_048_576), ("64MB", 64_000_000), ("64 MiB", 67_108_864), ("512k", 524_288),
        ("1.5GB", 1_500_000_000), ("10 bytes", 10),
    ])
    func byteSizes(_ text: String, _ expected: Int) {
        #expect(ByteSize.parse(text) == expected)
    }

    @Test("bad byte sizes are rejected", arguments: ["lots", "-5MB", "12 parsecs", ""])
    func badByteSizes(_ text: String) {
        #expect(ByteSize.parse(text) == nil)
    }

    @Test("did-you-mean finds typos and stays quiet for unrelated words")
    func suggestions() {
        #expect(Suggestion.nearest(to: "exprot", in: ["export", "filter"]) == "export")
        #expect(Suggestion.nearest(to: "segmnet", in: ["segment", "summarize"]) == "segment")
        #expect(Suggestion.nearest(to: "Input", in: ["input", "output"]) == "input")
        #expect(Suggestion.nearest(to: "banana", in: ["export", "filter"]) == nil)
    }
}
