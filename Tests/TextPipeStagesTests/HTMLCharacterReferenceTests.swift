import Testing
@testable import TextPipeStages

@Suite("HTML character references")
struct HTMLCharacterReferenceTests {
    func text(_ s: String) -> String { HTMLCharacterReference.decodeAll(s, inAttribute: false) }
    func attribute(_ s: String) -> String { HTMLCharacterReference.decodeAll(s, inAttribute: true) }

    @Test("the table holds all 2,231 names, sorted, each found by lookup")
    func wholeTable() {
        #expect(HTMLEntityTable.count == 2231)
        #expect(HTMLEntityTable.nameStarts.count == 2232)
        #expect(HTMLEntityTable.values.count == 2231)
        let blob = UnsafeRawPointer(HTMLEntityTable.names.utf8Start)
        var previous: [UInt8] = []
        var legacy = 0
        for i in 0..<HTMLEntityTable.count {
            let s = Int(HTMLEntityTable.nameStarts[i])
            let n = Int(HTMLEntityTable.nameStarts[i + 1]) - s
            let name = Array(UnsafeRawBufferPointer(start: blob + s, count: n))
            #expect(previous.lexicographicallyPrecedes(name), "sorted at \(i)")
            #expect(HTMLCharacterReference.lookup(blob + s, n) == i)
            if name.last != UInt8(ascii: ";") { legacy += 1 }
            previous = name
        }
        #expect(legacy == 106)
    }

    @Test("named references with a semicolon, including two-code-point values",
          arguments: [
              ("&amp;", "&"), ("&lt;&gt;", "<>"), ("&eacute;", "é"), ("&mdash;", "—"), ("&hellip;", "…"),
              ("&rsquo;", "\u{2019}"), ("&nbsp;", "\u{A0}"), ("&NotEqualTilde;", "\u{2242}\u{338}"),
              ("&fjlig;", "fj"), ("&Tab;", "\t"), ("&NewLine;", "\n"), ("&CounterClockwiseContourIntegral;", "\u{2233}"),
              ("&bne;", "=\u{20E5}"), ("&Ascr;", "\u{1D49C}"),
          ])
    func semicolonNames(_ source: String, _ expected: String) {
        #expect(text(source) == expected)
        #expect(attribute(source) == expected)
    }

    @Test("legacy names decode without a semicolon in text, taking the longest match",
          arguments: [
              ("&amp", "&"), ("&copy 2024", "© 2024"), ("&copy2024", "©2024"), ("AT&Tx", "AT&Tx"),
              ("&notit;", "¬it;"), ("&notin;", "∉"), ("&notin", "¬in"), ("&ampx;", "&x;"), ("&ltfoo", "<foo"),
              ("&eacutex", "éx"), ("&frac12", "½"), ("&AMP", "&"), ("&times;3", "×3"),
          ])
    func legacyNames(_ source: String, _ expected: String) {
        #expect(text(source) == expected)
    }

    @Test("in attribute values a legacy name followed by = or a letter or digit stays literal",
          arguments: [
              ("?a=1&copy=2", "?a=1&copy=2"), ("x&copyright", "x&copyright"), ("&copy2", "&copy2"),
              ("&copy;2", "©2"), ("&copy 2", "© 2"), ("&copy", "©"), ("a&amp;b", "a&b"), ("a&ampb", "a&ampb"),
              ("&lt=", "&lt="), ("&lt-", "<-"), ("&notin;", "∉"),
          ])
    func attributeRule(_ source: String, _ expected: String) {
        #expect(attribute(source) == expected)
    }

    @Test("unknown and incomplete references stay literal",
          arguments: ["&bogus;", "&", "& amp;", "&;", "&#;", "&#x;", "&#xyz;", "&#", "&#x", "&zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz;",
                      "&Amp;", "&1;"])
    func unknown(_ source: String) {
        #expect(text(source) == source)
    }

    @Test("numeric references by the spec's rules",
          arguments: [
              ("&#8212;", "—"), ("&#x2019;", "\u{2019}"), ("&#X2019;", "\u{2019}"), ("&#x41", "A"), ("&#65x", "Ax"),
              ("&#0;", "\u{FFFD}"), ("&#x0;", "\u{FFFD}"), ("&#xD800;", "\u{FFFD}"), ("&#xDFFF;", "\u{FFFD}"),
              ("&#x110000;", "\u{FFFD}"), ("&#99999999999999999999999;", "\u{FFFD}"), ("&#x10FFFF;", "\u{10FFFF}"),
              ("&#x80;", "€"), ("&#150;", "–"), ("&#x92;", "\u{2019}"), ("&#x9F;", "Ÿ"), ("&#x81;", "\u{81}"),
              ("&#x9D;", "\u{9D}"), ("&#127757;", "🌍"), ("&#0065;", "A"), ("&#x00000041;", "A"), ("&#xa0;", "\u{A0}"),
          ])
    func numeric(_ source: String, _ expected: String) {
        #expect(text(source) == expected)
        #expect(attribute(source) == expected)
    }

    @Test("a decoded reference reports where it ends")
    func ends() {
        var source = "x&amp;y&copy2&#65;z&#x42"
        source.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            #expect(HTMLCharacterReference.decode(bytes, at: 1, limit: bytes.count, inAttribute: false)?.end == 6)
            #expect(HTMLCharacterReference.decode(bytes, at: 7, limit: bytes.count, inAttribute: false)?.end == 12)
            #expect(HTMLCharacterReference.decode(bytes, at: 7, limit: bytes.count, inAttribute: true) == nil)
            #expect(HTMLCharacterReference.decode(bytes, at: 13, limit: bytes.count, inAttribute: false)?.end == 18)
            #expect(HTMLCharacterReference.decode(bytes, at: 19, limit: bytes.count, inAttribute: false)?.end == 24)
            // The limit is respected: "&amp;" cut to "&am" is not a reference.
            #expect(HTMLCharacterReference.decode(bytes, at: 1, limit: 4, inAttribute: false) == nil)
        }
    }

    @Test("value(ofName:) looks names up as written")
    func byName() {
        #expect(HTMLCharacterReference.value(ofName: "hearts;") == "♥")
        #expect(HTMLCharacterReference.value(ofName: "hearts") == nil)
        #expect(HTMLCharacterReference.value(ofName: "gt") == ">")
        #expect(HTMLCharacterReference.value(ofName: "") == nil)
    }
}
