import Testing
import TextPipe
@testable import TextPipeStages

@Suite("HTML metadata")
struct HTMLMetadataTests {
    func metadata(_ html: String) -> OrderedFields { HTMLTextExtractor().extract(html).metadata }

    @Test("title, meta fields and language come out in a fixed order, whatever the page's order")
    func allFields() {
        let fields = metadata("""
            <html lang="fr"><head>
            <meta name="keywords" content="port, pont">
            <meta property="article:published_time" content="2025-03-03T08:00:00Z">
            <meta name="author" content="Ana Ruiz">
            <meta name="description" content="Le pont rouvre.">
            <title>Le pont</title>
            </head><body><p>x</p></body></html>
            """)
        #expect(fields.keys == ["title", "description", "author", "date", "keywords", "language"])
        #expect(fields["title"] == "Le pont")
        #expect(fields["description"] == "Le pont rouvre.")
        #expect(fields["author"] == "Ana Ruiz")
        #expect(fields["date"] == "2025-03-03T08:00:00Z")
        #expect(fields["keywords"] == "port, pont")
        #expect(fields["language"] == "fr")
    }

    @Test("the title's references are decoded and its whitespace collapsed; the first title wins")
    func title() {
        let fields = metadata("<title>\n  Fish &amp; Chips\n  &mdash; Menu </title><title>Second</title><p>x")
        #expect(fields["title"] == "Fish & Chips — Menu")
        #expect(HTMLTextExtractor().extract("<title>Fish</title><p>x").text == "x")
    }

    @Test("Open Graph and other fallbacks are used only when the main field is missing")
    func fallbacks() {
        let withMain = metadata("""
            <meta property="og:title" content="OG title"><meta property="og:description" content="OG description">
            <meta property="article:author" content="https://example.com/ana"><title>Real title</title>
            <meta name="description" content="Real description"><meta name="author" content="Ana">
            """)
        #expect(withMain["title"] == "Real title")
        #expect(withMain["description"] == "Real description")
        #expect(withMain["author"] == "Ana")
        let fallbackOnly = metadata("""
            <meta property="og:title" content="OG title"><meta property="og:description" content="OG description">
            <meta property="article:author" content="Ana R."><meta name="date" content="2024-01-02">
            <meta http-equiv="Content-Language" content="de-CH">
            """)
        #expect(fallbackOnly["title"] == "OG title")
        #expect(fallbackOnly["description"] == "OG description")
        #expect(fallbackOnly["author"] == "Ana R.")
        #expect(fallbackOnly["date"] == "2024-01-02")
        #expect(fallbackOnly["language"] == "de-CH")
    }

    @Test("published time beats a plain date, and html lang beats content-language")
    func priorities() {
        let fields = metadata("""
            <html lang="en"><meta name="date" content="2024-01-01"><meta http-equiv="content-language" content="fr">
            <meta property="article:published_time" content="2024-05-05">
            """)
        #expect(fields["date"] == "2024-05-05")
        #expect(fields["language"] == "en")
    }

    @Test("attribute names and values are read case-insensitively, unquoted, with the attribute reference rule")
    func attributeForms() {
        let fields = metadata("""
            <META NAME=Description CONTENT="Tom &amp; Jerry &copy=2 &copy 2024 &quot;live&quot;">
            <meta name=AUTHOR content=Ana>
            """)
        #expect(fields["description"] == "Tom & Jerry &copy=2 © 2024 \"live\"")
        #expect(fields["author"] == "Ana")
    }

    @Test("empty values, unknown names and metadata inside template or SVG are ignored")
    func ignored() {
        let fields = metadata("""
            <meta name="description" content="   "><meta name="viewport" content="width=device-width">
            <meta charset="utf-8"><template><meta name="author" content="Nobody"><title>No</title></template>
            <svg><title>Icon</title></svg><meta name="robots" content="index">
            """)
        #expect(fields.isEmpty)
    }

    @Test("a page without metadata has none")
    func none() {
        #expect(metadata("<p>Just text</p>").isEmpty)
    }
}
