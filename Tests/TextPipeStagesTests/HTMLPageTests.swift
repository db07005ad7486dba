import Testing
import TextPipe
@testable import TextPipeStages

/// A small original page and the exact text it must give.
struct HTMLPageCase: CustomTestStringConvertible, Sendable {
    let name: String
    let html: String
    let text: String
    var options = HTMLTextExtractor.Options()

    var testDescription: String { name }
}

/// The HTML test set: original pages, each with the exact text expected.
let htmlPages: [HTMLPageCase] = [
    HTMLPageCase(name: "news article with nav, share bar, comments and footer", html: """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Harbour bridge reopens after repairs | The Coastal Post</title>
          <meta name="description" content="The bridge reopened on Monday.">
          <script>window.dataLayer = [];</script>
          <style>body { font: 16px serif; }</style>
        </head>
        <body>
          <header class="site-header">
            <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
          </header>
          <main>
            <article class="story">
              <h1>Harbour bridge reopens after repairs</h1>
              <p class="byline">By <a href="/staff/ana">Ana Ruiz</a> &middot; 3 March 2025</p>
              <p>The old harbour bridge reopened on Monday after
                 eight months of repairs that cost &pound;4.2m.</p>
              <p>&ldquo;It&rsquo;s good to have it back,&rdquo; said one cyclist.</p>
              <div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a></div>
            </article>
            <section id="comments">
              <h2>Comments (2)</h2>
              <div class="comment"><p>Finally!</p></div>
            </section>
          </main>
          <footer><p>&copy; 2025 The Coastal Post</p></footer>
        </body>
        </html>
        """, text: """
        • Home

        • News

        Harbour bridge reopens after repairs

        By Ana Ruiz · 3 March 2025

        The old harbour bridge reopened on Monday after eight months of repairs that cost £4.2m.

        “It’s good to have it back,” said one cyclist.

        Share: Facebook X

        Comments (2)

        Finally!

        © 2025 The Coastal Post
        """),
    HTMLPageCase(name: "nested, numbered and valued lists", html: """
        <ul>
          <li>Fruit
            <ul><li>Apple</li><li>Pear</li></ul>
          </li>
          <li>Bread</li>
        </ul>
        <ol start="3"><li>Third</li><li value="10">Tenth</li><li>Eleventh</li></ol>
        <ol><li>One</li><li></li><li>Two</li></ol>
        """, text: """
        • Fruit

        • Apple

        • Pear

        • Bread

        3. Third

        10. Tenth

        11. Eleventh

        1. One

        3. Two
        """),
    HTMLPageCase(name: "table with caption, header cells and an empty cell", html: """
        <table>
          <caption>Results</caption>
          <thead><tr><th>Team</th><th>Points</th></tr></thead>
          <tbody>
            <tr><td>Reds</td><td>12</td></tr>
            <tr><td>Blues</td><td></td><td>n/a</td></tr>
          </tbody>
        </table>
        """, text: "Results\n\nTeam\tPoints\n\nReds\t12\n\nBlues\tn/a"),
    HTMLPageCase(name: "pre keeps whitespace and decodes references, dropping the first newline", html: """
        <p>Run this:</p>
        <pre>
        for i in 1..3 {
            print(i &lt; 2)
        }
        </pre>
        <p>Done.</p>
        """, text: "Run this:\n\nfor i in 1..3 {\n    print(i < 2)\n}\n\nDone."),
    HTMLPageCase(name: "named, legacy and numeric references in text", html: """
        <p>Caf&eacute; &amp; cr&egrave;me &mdash; 5&nbsp;&euro; &copy 2024 &#8220;ok&#x201D; &#150; &#x1F600;</p>
        """, text: "Café & crème — 5\u{A0}€ © 2024 “ok” – 😀"),
    HTMLPageCase(name: "unknown and broken references stay as written", html: """
        <p>&bogus; AT&T &; &#; &#xZZ; fish & chips &amp</p>
        """, text: "&bogus; AT&T &; &#; &#xZZ; fish & chips &"),
    HTMLPageCase(name: "unclosed p and li elements", html: """
        <p>First paragraph
        <p>Second paragraph
        <ul><li>one<li>two<li>three</ul>
        <p>Last
        """, text: "First paragraph\n\nSecond paragraph\n\n• one\n\n• two\n\n• three\n\nLast"),
    HTMLPageCase(name: "a < that starts no tag stays text", html: """
        <p>if x < y and y <= z then a <3 b << c</p><p>1 <2> 3</p>
        """, text: "if x < y and y <= z then a <3 b << c\n\n1 <2> 3"),
    HTMLPageCase(name: "end of input inside a comment hides the rest, as in a browser", html: """
        <p>Visible</p><!-- <p>commented out</p>
        <p>also hidden
        """, text: "Visible"),
    HTMLPageCase(name: "end of input inside a tag drops only the tag", html: """
        <p>Story text ends here</p><div class="trunc
        """, text: "Story text ends here"),
    HTMLPageCase(name: "a quote left open at the end ends at the next >", html: """
        <p>Read <a href="/more>the rest of the story
        """, text: "Read the rest of the story"),
    HTMLPageCase(name: "upper-case tags and attributes without quotes", html: """
        <HTML><BODY><DIV CLASS=main><H2>Title</H2><P ALIGN=center>Body <B>bold</B> text</P>
        <UL><LI>item</LI></UL><BR></DIV></BODY></HTML>
        """, text: "Title\n\nBody bold text\n\n• item"),
    HTMLPageCase(name: "script, style, noscript, template and iframe content is dropped", html: """
        <p>Before</p>
        <script type="text/javascript">document.write("<p>injected</p>");</script>
        <style>.x:before { content: "styled" }</style>
        <noscript><p>Enable JavaScript</p></noscript>
        <template><p>Template <template>nested</template> content</p></template>
        <iframe src="/ad">Your browser cannot show frames</iframe>
        <p>After</p>
        """, text: "Before\n\nAfter"),
    HTMLPageCase(name: "line breaks, and two in a row make a paragraph", html: """
        <p>12 Harbour Road<br>Seaford<br/>BN25 1AA</p>
        <p>one<br><br>two<br><br><br><br>three</p><p><br>leading br</p>
        """, text: "12 Harbour Road\nSeaford\nBN25 1AA\n\none\n\ntwo\n\nthree\n\nleading br"),
    HTMLPageCase(name: "headings and a horizontal rule", html: """
        <h1>Main</h1>Intro text<h2>Part <em>one</em></h2><hr><h3>Part two</h3><h6>Small</h6>
        """, text: "Main\n\nIntro text\n\nPart one\n\nPart two\n\nSmall"),
    HTMLPageCase(name: "blockquote and figure with caption", html: """
        <p>She wrote:</p><blockquote><p>Never again.</p><footer>— <cite>A. Writer</cite></footer></blockquote>
        <figure><img src="a.jpg" alt="A pier"><figcaption>The pier at dusk.</figcaption></figure>
        """, text: "She wrote:\n\nNever again.\n\n— A. Writer\n\nThe pier at dusk."),
    HTMLPageCase(name: "definition lists", html: """
        <dl><dt>HTML<dd>Markup language<dt>CSS</dt><dd>Style sheets</dd></dl>
        """, text: "HTML\n\nMarkup language\n\nCSS\n\nStyle sheets"),
    HTMLPageCase(name: "spacer paragraphs of no-break spaces leave no blank lines", html: """
        <p>Top</p><p>&nbsp;</p><p> &nbsp; </p><div><p>\u{A0}</p></div><p>Bottom</p>
        """, text: "Top\n\nBottom"),
    HTMLPageCase(name: "whitespace collapses across inline tags and source newlines", html: """
        <p>  Lots   of\tspace
           and <b> bold </b>   <i>words</i>  </p><p>no<span>space</span>between</p>
        """, text: "Lots of space and bold words\n\nnospacebetween"),
    HTMLPageCase(name: "SVG icons inside links are dropped, their labels kept", html: """
        <p><a href="/share"><svg viewBox="0 0 10 10"><title>Share icon</title><path d="M0 0"/></svg>Share</a>
        and <a href="/print"><svg><use href="#p"></use></svg>Print</a></p>
        """, text: "Share and Print"),
    HTMLPageCase(name: "forms: labels and buttons kept, select options dropped", html: """
        <form><label for="c">Country</label> <select id="c"><option>France</option><option>Spain</option></select>
        <button>Go</button></form><p>Next</p>
        """, text: "Country Go\n\nNext"),
    HTMLPageCase(name: "textarea content is kept as written", html: """
        <p>Message:</p><textarea>
        Dear sir,
          thank you &amp; goodbye</textarea>
        """, text: "Message:\n\nDear sir,\n  thank you & goodbye"),
    HTMLPageCase(name: "XHTML with an XML declaration, CDATA in script and a doctype", html: """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><body>
        <script>//<![CDATA[
        var a = "<p>x</p>";
        //]]></script>
        <p>XHTML body</p><![CDATA[hidden in HTML]]><p>end</p></body></html>
        """, text: "XHTML body\n\nend"),
    HTMLPageCase(name: "comments between words join them, conditional comments vanish", html: """
        <p>wo<!-- -->rd and <!--[if IE]><p>Old browser</p><![endif]-->more</p>
        """, text: "word and more"),
    HTMLPageCase(name: "multilingual text with multi-byte characters", html: """
        <h1>東京の天気</h1><p>Aujourd&#39;hui à Paris : 22&nbsp;°C ☀️</p><p>Привет, мир! 👋🏽</p>
        """, text: "東京の天気\n\nAujourd'hui à Paris : 22\u{A0}°C ☀️\n\nПривет, мир! 👋🏽"),
    HTMLPageCase(name: "details and summary", html: """
        <details><summary>Read more</summary><p>Hidden detail.</p></details>
        """, text: "Read more\n\nHidden detail."),
    HTMLPageCase(name: "an inline element left open across blocks", html: """
        <p><b>Bold start<p>still bold</b> plain</p><p><a href="/x">link <div>block in link</div></a> after</p>
        """, text: "Bold start\n\nstill bold plain\n\nlink\n\nblock in link\n\nafter"),
    HTMLPageCase(name: "layout table holding paragraphs", html: """
        <table width="100%"><tr><td valign="top"><p>Left column text.</p><p>More left.</p></td>
        <td><p>Right column.</p></td></tr></table>
        """, text: "Left column text.\n\nMore left.\n\nRight column."),
    HTMLPageCase(name: "image alt text when asked for", html: """
        <p>Look: <img src="cat.jpg" alt="A &amp; cat  sleeping"> there.</p><p><img src="x.png"></p>
        """, text: "Look: A & cat sleeping there.", options: .init(imageAltText: true)),
    HTMLPageCase(name: "image alt text is off by default", html: """
        <p>Look: <img src="cat.jpg" alt="A cat"> there.</p>
        """, text: "Look: there."),
    HTMLPageCase(name: "compact lists put items and rows on consecutive lines", html: """
        <p>Steps:</p><ol><li>Open</li><li>Close</li></ol><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table><p>End</p>
        """, text: "Steps:\n\n1. Open\n2. Close\n\na\tb\nc\n\nEnd", options: .init(compactLists: true)),
    HTMLPageCase(name: "empty, whitespace-only and markup-only pages give no text", html: """
        <!DOCTYPE html><html><head><title>Empty</title></head><body>
           <div> </div><p></p><br><hr>
        </body></html>
        """, text: ""),
    HTMLPageCase(name: "carriage returns count as whitespace, and as newlines in pre", html:
        "<p>one\r\ntwo\rthree</p><pre>a\r\nb\rc</pre>",
        text: "one two three\n\na\nb\nc"),
    HTMLPageCase(name: "references that decode to whitespace collapse like whitespace", html: """
        <p>a&#32;&#32;b&Tab;c&NewLine;&NewLine;d</p>
        """, text: "a b c d"),
    HTMLPageCase(name: "hidden elements are not shown, and an ancestor's end tag ends them", html: """
        <div><p>Shown</p><div hidden><p>Hidden</p><div>nested</div></div><span hidden>gone</span> <p>Also shown</p>
        <section><div class="modal" hidden>never closed</section><p>After</p><div hidden="until-found">Findable</div>
        <my-widget hidden>custom <my-widget>nested</my-widget> hidden</my-widget><p hidden>Kept: p may close implicitly
        </div>
        """, text: "Shown\n\nAlso shown\n\nAfter\n\nFindable\n\nKept: p may close implicitly"),
    HTMLPageCase(name: "plain text without any markup", html: "Just a line of text.\n\nAnd another.",
                 text: "Just a line of text. And another."),
]

@Suite("HTML pages to text")
struct HTMLPageTests {
    @Test("each page gives exactly its expected text", arguments: htmlPages)
    func page(_ page: HTMLPageCase) {
        let result = HTMLTextExtractor(options: page.options).extract(page.html)
        #expect(result.text == page.text)
    }

    @Test("blocks and their separators make up the whole text", arguments: htmlPages)
    func blocksCoverText(_ page: HTMLPageCase) {
        let result = HTMLTextExtractor(options: page.options).extract(page.html)
        var joined = ""
        for block in result.blocks {
            joined += String(repeating: "\n", count: block.newlinesBefore) + result.text(of: block)
        }
        #expect(joined == result.text)
        #expect(result.blocks.first?.newlinesBefore ?? 0 == 0)
        #expect(result.text(keeping: Array(repeating: true, count: result.blocks.count)).text == result.text)
        #expect(!result.text.contains("\n\n\n") || page.html.contains("<pre"))
    }
}
