import Foundation
import Testing
import TextPipe
import TextPipeStages

@Suite("Source offsets through clean and segment")
struct SourceOffsetTests {
    typealias TP = TextPipeProcess

    /// The words of a text: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// What a slice of HTML shows: tags removed, character references decoded.
    static func visibleText(_ html: String) -> String {
        let noTags = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return HTMLCharacterReference.decodeAll(noTags, inAttribute: false)
    }

    @Test("every sentence of every HTML sample maps back to the same words in the original file",
          arguments: ["harbour-bridge-reopens.html", "museum-paintings-recovered.html", "startup-funding-round-broken.html"])
    func htmlSentences(_ sample: String) throws {
        let dir = TP.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try Data(contentsOf: URL(fileURLWithPath: TP.repositoryRoot + "/Pipelines/samples/news/" + sample))
        TP.write("\(dir)/in/\(sample)", [UInt8](original))
        TP.write("\(dir)/p.yaml", """
            textpipe: 1
            name: s
            input: {path: in}
            stages:
              - clean: {boilerplate: remove}
              - segment
              - export: {offsets: utf8, source_offsets: true, span_text: true, layers: [sentences]}
            """)
        let result = try TP.run(["run", "p.yaml"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try TP.jsonLines("\(dir)/out/s.jsonl").first)
        let sentences = try #require(record["layers"]?.objectValue?["sentences"]?.arrayValue)
        #expect(sentences.count > 10)
        let bytes = [UInt8](original)
        for sentence in sentences.compactMap(\.objectValue) {
            let start = try #require(sentence["source_start"]?.intValue)
            let end = try #require(sentence["source_end"]?.intValue)
            #expect(start < end && end <= bytes.count)
            let slice = String(decoding: bytes[start..<end], as: UTF8.self)
            var text = sentence["text"]?.stringValue ?? ""
            // A list item's number or bullet is generated: it stands for the <li> tag itself.
            if slice.hasPrefix("<li"), let marker = text.range(of: #"^(\d+\. |• )"#, options: .regularExpression) {
                text.removeSubrange(marker)
            }
            #expect(Self.words(Self.visibleText(slice)) == Self.words(text), "'\(text)' maps to '\(slice)'")
        }
    }
}
