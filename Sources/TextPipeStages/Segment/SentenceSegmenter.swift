/// Rule-based English sentence boundary detection over UTF-8 bytes.
///
/// The scan stops only at bytes that can end a sentence (`.`, `!`, `?`, `…`, CJK full
/// stops) and at line breaks; everything else is skipped with one comparison per byte.
/// At each stop it reads the terminal cluster (`?!`, `...`, `. . .`), the closing quotes,
/// brackets and citation marks after it, the word before it and the word after it, and
/// decides by the rules in `SentenceScan+Rules.swift`; the scan itself is in
/// `SentenceScan.swift`.
struct SentenceSegmenter: Sendable {
    let abbreviations: Abbreviations

    init(abbreviations: Abbreviations = Abbreviations()) {
        self.abbreviations = abbreviations
    }

    /// Appends the sentences of one paragraph (trimmed, non-empty byte ranges in order,
    /// all inside `paragraph`) to `out`.
    func segment(_ t: TextBytes, paragraph: Range<Int>, into out: inout [Range<Int>]) {
        guard !paragraph.isEmpty else { return }
        var scan = SentenceScan(t: t, paragraph: paragraph, abbreviations: abbreviations)
        scan.run(into: &out)
    }
}
