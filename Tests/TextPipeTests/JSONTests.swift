import Testing
@testable import TextPipe

@Suite("JSON writer and parser")
struct JSONTests {
    @Test("strings escape quotes, backslashes and control characters, and keep UTF-8 as is")
    func stringEscaping() {
        var w = JSONWriter()
        w.string("a\"b\\c\nd\te\u{01}f é 🌍")
        #expect(String(decoding: w.bytes, as: UTF8.self) == #""a\"b\\c\nd\te\u0001f é 🌍""#)
    }

    @Test("integers of every size are written exactly", arguments: [0, 7, 10, -1, -10, 1234567890, Int.max, Int.min + 1])
    func integers(_ value: Int) {
        var w = JSONWriter()
        w.int(value)
        #expect(String(decoding: w.bytes, as: UTF8.self) == String(value))
    }

    @Test("non-finite doubles become null so the output stays valid JSON")
    func nonFinite() {
        #expect(JSONValue.double(.nan).jsonText == "null")
        #expect(JSONValue.double(1.5).jsonText == "1.5")
        #expect(JSONValue.double(2).jsonText == "2.0")
    }

    @Test("objects keep key order through a write and parse round trip")
    func roundTrip() throws {
        let value: JSONValue = .object(["z": 1, "a": [true, nil, "x"], "m": .object(["k": 2.5])])
        let parsed = try JSONParser.parse(value.jsonText)
        #expect(parsed == value)
        #expect(parsed.objectValue?.keys == ["z", "a", "m"])
    }

    @Test("escapes decode, including surrogate pairs; lone surrogates become U+FFFD")
    func escapes() throws {
        #expect(try JSONParser.parse(#""\u00e9\u2014\ud83c\udf0d\n""#) == .string("é—🌍\n"))
        #expect(try JSONParser.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
        #expect(try JSONParser.parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))  // the A survives
    }

    @Test("malformed JSON is rejected with the byte offset", arguments: [
        ("{\"a\": }", 6), ("[1, 2", 5), ("{\"a\" 1}", 5), ("\"abc", 4), ("tru", 0), ("{} x", 3),
    ])
    func malformed(_ input: String, _ offset: Int) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(input) }
        do { _ = try JSONParser.parse(input) } catch { #expect(error.offset == offset) }
    }

    @Test("deep nesting is an error, not a stack overflow")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test("numbers that fit neither Int nor Double are kept digit for digit")
    func bigNumbers() throws {
        for text in ["123456789012345678901234", "1e400", "-98765432109876543210"] {
            let v = try JSONParser.parse(text)
            #expect(v == .number(text))
            #expect(v.jsonText == text)
        }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("01") }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("1.") }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("1e") }
    }

    @Test("numbers: integers stay integers, others become doubles")
    func numbers() throws {
        #expect(try JSONParser.parse("-12") == .int(-12))
        #expect(try JSONParser.parse("1e3") == .double(1000))
        #expect(try JSONParser.parse("0.25") == .double(0.25))
        #expect(throws: JSONParseError.self) { try JSONParser.parse("-") }
    }
}
