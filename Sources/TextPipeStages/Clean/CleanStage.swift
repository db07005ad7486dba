import TextPipe

/// The `clean` stage: turns raw text (and, with the HTML extractor, web pages) into clean
/// text, keeping the map back to source offsets through every rewrite.
public struct CleanStage: DocumentStage {
    let html: HTMLCleaning
    let passes: [any TextPass]
    /// Line-based boilerplate removal, for documents that were not HTML.
    let textBoilerplate: TextBoilerplate?

    static let typographyChoices = ["quotes", "dashes", "ellipsis", "ligatures", "spaces"]

    public static let descriptor = StageDescriptor(
        name: "clean",
        summary: "Normalize text: Unicode form, control characters, whitespace, typography, hyphenation, mojibake.",
        parameters: [
            ParameterSpec("html", .choice(["auto", "strip", "keep"]), default: "auto",
                          "Turn HTML into text: `auto` does it for documents the reader marked as HTML and for text that starts like a page (`<!DOCTYPE html`, `<html`); `strip` for every document; `keep` never. Page title, description, author, date, keywords and language go to metadata."),
            ParameterSpec("image_alt_text", .boolean, default: false, "With HTML: keep the alt text of images as text."),
            ParameterSpec("unicode", .choice(["nfc", "nfkc", "none"]), default: "nfc",
                          "Unicode normalization form. `nfkc` also folds compatibility characters (ligatures, full-width forms, superscripts)."),
            ParameterSpec("controls", .choice(["remove", "keep"]), default: "remove",
                          "Remove control characters and invisible format characters (zero-width space, soft hyphen, BOM, bidi controls); newlines and tabs stay, ZWJ and ZWNJ stay."),
            ParameterSpec("whitespace", .choice(["collapse", "keep"]), default: "collapse",
                          "Collapse runs of spaces and tabs to one space, trim every line, turn \\r\\n and \\r into \\n."),
            ParameterSpec("max_blank_lines", .integer(min: 0, max: 10), default: 1,
                          "The most blank lines kept in a row (with `whitespace: collapse`)."),
            ParameterSpec("typography", .list(.choice(typographyChoices)), default: ["ligatures", "spaces"],
                          "Typographic normalizations to apply: `quotes` (curly to straight), `dashes` (en dash and minus to `-`, em dash to `--`), `ellipsis` (… to ...), `ligatures` (ﬁ to fi), `spaces` (no-break and other Unicode spaces to a space)."),
            ParameterSpec("dehyphenate", .boolean, default: true,
                          "Join words hyphenated across a line break (\"exam-\\nple\" → \"example\"); real compounds such as \"well-known\" keep their hyphen."),
            ParameterSpec("mojibake", .choice(["repair", "keep"]), default: "repair",
                          "Repair UTF-8 text that was decoded as Windows-1252 or Latin-1 (\"cafÃ©\" → \"café\")."),
            ParameterSpec("boilerplate", .choice(["keep", "remove"]), default: "keep",
                          "Remove boilerplate. For web pages: keep only the main text (navigation, headers, footers, cookie notices, share bars, related links and comments go). For plain text: drop whole lines such as \"No previous article\", share and newsletter prompts and copyright footers."),
        ],
        build: { params, _ in
            var passes: [any TextPass] = []
            if params.string("mojibake") == "repair" { passes.append(MojibakeRepair()) }
            var options: CharacterCleanup.Options = []
            if params.string("controls") == "remove" { options.insert(.controls) }
            for choice in params.strings("typography") ?? [] {
                switch choice {
                case "quotes": options.insert(.quotes)
                case "dashes": options.insert(.dashes)
                case "ellipsis": options.insert(.ellipsis)
                case "ligatures": options.insert(.ligatures)
                case "spaces": options.insert(.spaces)
                default: break
                }
            }
            if !options.isEmpty { passes.append(CharacterCleanup(options: options)) }
            if let form = UnicodeNormalization.Form(rawValue: params.string("unicode") ?? "nfc") {
                passes.append(UnicodeNormalization(form: form))
            }
            let removeBoilerplate = params.string("boilerplate") == "remove"
            let collapse = params.string("whitespace") != "keep"
            let dehyphenate = params.bool("dehyphenate") ?? true
            if collapse || dehyphenate {
                passes.append(WhitespaceNormalizer(collapse: collapse, maxBlankLines: params.int("max_blank_lines") ?? 1,
                                                   dehyphenate: dehyphenate))
            }
            let html = HTMLCleaning(
                mode: HTMLCleaning.Mode(rawValue: params.string("html") ?? "auto") ?? .auto,
                mainTextOnly: removeBoilerplate,
                extractor: HTMLTextExtractor(options: .init(imageAltText: params.bool("image_alt_text") ?? false)))
            return .transform(CleanStage(html: html, passes: passes, textBoilerplate: removeBoilerplate ? TextBoilerplate() : nil))
        })

    public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
        if html.applies(to: document) {
            html.apply(to: &document)
        } else {
            textBoilerplate?.apply(to: &document)
        }
        for pass in passes { pass.apply(to: &document) }
        return .keep
    }
}
