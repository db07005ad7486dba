import Testing
@testable import TextPipeStages

/// Tokens described as short strings: `<p a="1" b>`, `</p>`, `"text"`, `!comment`, …
func describeTokens(_ html: String) -> [String] {
    var html = html
    return html.withUTF8 { buffer in
        let bytes = UnsafeRawBufferPointer(buffer)
        func s(_ r: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
        var tokenizer = HTMLTokenizer(bytes)
        var out: [String] = []
        var last = 0
        while let t = tokenizer.next() {
            precondition(t.range.lowerBound >= last && t.range.upperBound <= bytes.count)
            last = t.range.upperBound
            switch t.kind {
            case .text: out.append("\"\(s(t.content))\"")
            case .rawText: out.append("raw(\(t.element.name)):\(s(t.content))")
            case .escapableRawText: out.append("rcdata(\(t.element.name)):\(s(t.content))")
            case .startTag:
                var d = "<" + s(t.content).lowercased()
                for a in tokenizer.attributes {
                    d += " " + s(a.name).lowercased()
                    if !a.value.isEmpty { d += "=\"\(s(a.value))\"" }
                }
                out.append(d + (t.selfClosing ? "/>" : ">"))
            case .endTag: out.append("</\(s(t.content).lowercased())>")
            case .comment: out.append("!" + s(t.content))
            case .doctype: out.append("doctype:" + s(t.content))
            case .cdata: out.append("cdata:" + s(t.content))
            case .bogusComment: out.append("?" + s(t.content))
            }
        }
        return out
    }
}

@Suite("HTML tokenizer")
struct HTMLTokenizerTests {
    @Test("attributes: quoted, unquoted, valueless, duplicate, odd spacing and case")
    func attributes() {
        #expect(describeTokens(#"<A HREF="x y" Class='c' data-x=1 hidden id = a/b checked>"#)
            == [#"<a href="x y" class="c" data-x="1" hidden id="a/b" checked>"#])
        #expect(describeTokens(#"<p id=a id=b>"#) == [#"<p id="a" id="b">"#])
        #expect(describeTokens(#"<img src=a.png/>"#) == [#"<img src="a.png/">"#])
        #expect(describeTokens(#"<br/><br />"#) == ["<br/>", "<br/>"])
        #expect(describeTokens(#"<a =x b="1"c=2>"#) == [#"<a =x b="1" c="2">"#])
        #expect(describeTokens(#"<a b=>x"#) == ["<a b>", "\"x\""])
    }

    @Test("the first of duplicate attributes wins")
    func duplicateAttribute() {
        var html = #"<p ID=first id=second class=x>"#
        html.withUTF8 { buffer in
            var t = HTMLTokenizer(UnsafeRawBufferPointer(buffer))
            _ = t.next()
            #expect(t.attribute("id") == 6..<11)
            #expect(t.attribute("class") == 28..<29)
            #expect(t.attribute("lang") == nil)
        }
    }

    @Test("a < that starts no tag is text")
    func strayLessThan() {
        #expect(describeTokens("x < y") == ["\"x < y\""])
        #expect(describeTokens("a <3 b") == ["\"a <3 b\""])
        #expect(describeTokens("<<p>") == ["\"<\"", "<p>"])
        #expect(describeTokens("1<2 and 3 > 2<") == ["\"1<2 and 3 > 2<\""])
        #expect(describeTokens("</") == ["\"</\""])
        #expect(describeTokens("a</>b") == ["\"a\"", "?", "\"b\""])
    }

    @Test("comments, including <!--> and ones left open")
    func comments() {
        #expect(describeTokens("a<!-- c -->b") == ["\"a\"", "! c ", "\"b\""])
        #expect(describeTokens("a<!-->b") == ["\"a\"", "!", "\"b\""])
        #expect(describeTokens("a<!--->b") == ["\"a\"", "!", "\"b\""])
        #expect(describeTokens("a<!-- x -- y --!>b") == ["\"a\"", "! x -- y ", "\"b\""])
        #expect(describeTokens("a<!-- <p>never closed") == ["\"a\"", "! <p>never closed"])
        #expect(describeTokens("a<!--") == ["\"a\"", "!"])
    }

    @Test("doctype, processing instructions, bogus comments and CDATA")
    func declarations() {
        #expect(describeTokens("<!DOCTYPE html><p>") == ["doctype: html", "<p>"])
        #expect(describeTokens("<!doctype html>") == ["doctype: html"])
        #expect(describeTokens(#"<?xml version="1.0"?>x"#) == [#"??xml version="1.0"?"#, "\"x\""])
        #expect(describeTokens("</ p>x") == ["? p", "\"x\""])
        #expect(describeTokens("<!ELEMENT x>y") == ["?ELEMENT x", "\"y\""])
        // CDATA is a bogus comment in HTML content, text inside SVG and MathML.
        #expect(describeTokens("<![CDATA[a<b]]>c") == ["?[CDATA[a<b]]", "\"c\""])
        #expect(describeTokens("<math><![CDATA[a<b]]></math>") == ["<math>", "cdata:a<b", "</math>"])
        #expect(describeTokens("<svg><![CDATA[open") == ["<svg>", "cdata:open"])
    }

    @Test("script and style content is raw text; title and textarea decode references but parse no tags")
    func rawText() {
        #expect(describeTokens("<script>if (a<b) x='</p>';</script>y")
            == ["<script>", "raw(script):if (a<b) x='</p>';", "</script>", "\"y\""])
        #expect(describeTokens("<STYLE>p{}</style >z") == ["<style>", "raw(style):p{}", "</style>", "\"z\""])
        #expect(describeTokens("<script></script>") == ["<script>", "</script>"])
        #expect(describeTokens("<noscript><p>no</p></noscript>") == ["<noscript>", "raw(noscript):<p>no</p>", "</noscript>"])
        #expect(describeTokens("<title>a <b> &amp;</title>") == ["<title>", "rcdata(title):a <b> &amp;", "</title>"])
        #expect(describeTokens("<textarea><p></textarea>") == ["<textarea>", "rcdata(textarea):<p>", "</textarea>"])
        #expect(describeTokens("<script>var s = '</scripty>';</script>") == ["<script>", "raw(script):var s = '</scripty>';", "</script>"])
        // An unclosed script runs to the end, as in a browser.
        #expect(describeTokens("<script>x<p>y") == ["<script>", "raw(script):x<p>y"])
        #expect(describeTokens("<plaintext><b>x</plaintext>") == ["<plaintext>", "raw(plaintext):<b>x</plaintext>"])
    }

    @Test("an unclosed title or textarea does not swallow the page")
    func unclosedTitle() {
        #expect(describeTokens("<title>Page<p>Body") == ["<title>", "\"Page\"", "<p>", "\"Body\""])
        #expect(describeTokens("<title>a<title>b") == ["<title>", "\"a\"", "<title>", "\"b\""])
    }

    @Test("inside SVG, title and style are not raw text; HTML tags break out")
    func foreignContent() {
        #expect(describeTokens("<svg><title>i</title><style>a<b>c</style></svg>")
            == ["<svg>", "<title>", "\"i\"", "</title>", "<style>", "\"a\"", "<b>", "\"c\"", "</style>", "</svg>"])
        // `<b</style>` is one tag named "b<", as in a browser.
        #expect(describeTokens("<b</style>") == ["<b< style>"])
        #expect(describeTokens("<svg><p>x<title>t</title>")
            == ["<svg>", "<p>", "\"x\"", "<title>", "rcdata(title):t", "</title>"])
        #expect(describeTokens("<svg/><title>t</title>") == ["<svg/>", "<title>", "rcdata(title):t", "</title>"])
    }

    @Test("the end of the input inside a tag or attribute")
    func endOfInput() {
        #expect(describeTokens("text <b class=\"x") == ["\"text \""])
        #expect(describeTokens("text <b") == ["\"text \""])
        #expect(describeTokens("text <b c") == ["\"text \""])
        #expect(describeTokens("text <b c=d") == ["\"text \""])
        #expect(describeTokens("text <b c=") == ["\"text \""])
        #expect(describeTokens("text </b") == ["\"text \""])
        // A quote left open ends at the first > instead of swallowing the rest.
        #expect(describeTokens("<a href=\"x>Hello world") == ["<a href=\"x\">", "\"Hello world\""])
        #expect(describeTokens("<a href='x>Hi</a>") == ["<a href=\"x\">", "\"Hi\"", "</a>"])
    }

    @Test("NUL bytes and invalid UTF-8 are kept in text and never crash the tokenizer")
    func oddBytes() {
        #expect(describeTokens("a\u{0}b<p\u{0}>c") == ["\"a\u{0}b\"", "<p\u{0}>", "\"c\""])
        let bytes: [UInt8] = [0xFF, 0x3C, 0x70, 0x3E, 0xC3, 0x3C, 0x2F, 0x70, 0x3E, 0xE2, 0x82]
        bytes.withUnsafeBytes { raw in
            var t = HTMLTokenizer(raw)
            var kinds: [HTMLToken.Kind] = []
            while let token = t.next() { kinds.append(token.kind) }
            #expect(kinds == [.text, .startTag, .text, .endTag, .text])
        }
    }

    @Test("tag names are matched without regard to case")
    func caseInsensitive() {
        var html = "<DIV><Table><tBoDy><TR><Td><BR><SCRIPT>x</ScRiPt>"
        html.withUTF8 { buffer in
            var t = HTMLTokenizer(UnsafeRawBufferPointer(buffer))
            var elements: [HTMLElement] = []
            while let token = t.next() { elements.append(token.element) }
            #expect(elements == [.div, .table, .tbody, .tr, .td, .br, .script, .script, .script])
        }
    }
}
