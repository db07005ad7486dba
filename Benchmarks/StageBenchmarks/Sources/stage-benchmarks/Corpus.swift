/// Deterministic synthetic English news prose: sentences with the features stages care
/// about (abbreviations, numbers, quotes, multi-byte characters), no external data.
struct Corpus {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func pick(_ words: [String]) -> String { words[next(words.count)] }

    static let subjects = ["The council", "Dr. Amara Okafor", "Northwind Analytics Ltd.", "The minister", "Residents",
                           "Mr. J. R. Hartwell", "The U.S. Treasury", "Union leaders", "Engineers", "Prof. Léa Dubois"]
    static let verbs = ["said", "announced", "warned", "confirmed", "argued", "reported", "insisted", "estimated"]
    static let objects = ["that the bridge would reopen in spring", "a budget of $4.2 billion for 2027",
                          "that inflation fell to 3.5% in Sept.", "new rules for the port at 9:30 a.m. on Monday",
                          "a delay of approx. six weeks", "that the café on Rue Saint-Honoré would close",
                          "the results of the v2.14.1 update", "a rise in fares, i.e. about 4 per cent",
                          "talks with officials in Zürich and 東京", "a plan to cut emissions by half"]
    static let tails = ["", ", according to a statement", " after a long meeting", ", citing the report",
                        " despite objections", " (see page 4)"]

    mutating func sentence() -> String {
        switch next(10) {
        case 0: return "\u{201C}We will not wait,\u{201D} \(pick(Self.subjects).lowercased()) \(pick(Self.verbs))."
        case 1: return "Why did \(pick(Self.subjects).lowercased()) wait so long?"
        default: return "\(pick(Self.subjects)) \(pick(Self.verbs)) \(pick(Self.objects))\(pick(Self.tails))."
        }
    }

    mutating func paragraph() -> String {
        (0..<(2 + next(5))).map { _ in sentence() }.joined(separator: " ")
    }

    /// A news-length plain-text document (~2 KB) with a headline.
    mutating func article() -> String {
        "Headline number \(next(1000)) about the city\n\n" + (0..<(3 + next(4))).map { _ in paragraph() }.joined(separator: "\n\n")
    }

    /// The same kind of article as a web page, with the furniture real pages carry:
    /// navigation, a cookie banner, a share bar, related links, comments and a footer.
    mutating func page() -> String {
        let title = "Headline number \(next(1000)) about the city"
        var html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title) | The Courier</title>
            <meta name="description" content="\(sentence())"><meta name="author" content="Staff reporter">
            <style>body{font-family:serif}.nav a{color:#333}</style>
            <script>window.dataLayer=[];function track(e){dataLayer.push(e)}</script></head><body>
            <header class="site-header"><a class="logo" href="/">The Courier</a>
            <nav class="nav"><ul><li><a href="/news">News</a></li><li><a href="/business">Business</a></li>
            <li><a href="/sport">Sport</a></li><li><a href="/culture">Culture &amp; Arts</a></li></ul></nav></header>
            <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
            <main><article class="story"><h1>\(title)</h1><p class="byline">By Staff &mdash; 3 March 2026</p>

            """
        for _ in 0..<(3 + next(4)) {
            html += "<p>" + paragraph().replacingOccurrences(of: "&", with: "&amp;") + "</p>\n"
        }
        html += """
            </article><div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
            <aside class="related"><h2>Related</h2><ul>
            """
        for _ in 0..<5 { html += "<li><a href=\"/a/\(next(9999))\">\(pick(Self.subjects)) \(pick(Self.verbs)) more</a></li>" }
        html += "</ul></aside><section id=\"comments\"><h2>Comments</h2>"
        for _ in 0..<3 { html += "<div class=\"comment\"><p>\(sentence())</p><span>reader\(next(99))</span></div>" }
        html += "</section></main><footer><p>&copy; 2026 Courier Media. All rights reserved.</p></footer></body></html>\n"
        return html
    }
}
