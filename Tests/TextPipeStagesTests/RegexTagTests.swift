import Foundation
import Testing
import TextPipe
@testable import TextPipeStages

@Suite("regex-tag")
struct RegexTagTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// Loads a one-stage pipeline with `regex-tag` configured by `yaml` and runs it on `text`.
    func tagged(_ stageYAML: String, _ text: String, before: [String] = []) throws -> [(String, String, OrderedFields)] {
        let doc = try run(stageYAML, text, before: before)
        let layer = doc.layers.names.last ?? "tags"
        return (doc.layers[layer] ?? []).map { (String(doc.text(of: $0)), $0.label ?? "", $0.attributes) }
    }

    func run(_ stageYAML: String, _ text: String, before: [String] = []) throws -> Document {
        let registry = StageRegistry()
        BuiltinStages.register(into: registry)
        let yaml = "textpipe: 1\ninput: {path: .}\nstages:\n" + before.map { "  - \($0)\n" }.joined() + "  - regex-tag:\n" + stageYAML
        let loaded = try PipelineLoader(registry: registry).load(yaml: yaml, file: Self.fixtures + "/p.yaml")
        var doc = Document(id: "t", text: text)
        for stage in loaded.stages {
            if case .transform(let t) = stage { _ = try t.process(&doc, context: StageContext(worker: 0, scratch: WorkerScratch())) }
        }
        return doc
    }

    @Test("rules tag spans with labels; named groups become attributes; a group can be the span")
    func rules() throws {
        let found = try tagged("""
                  rules:
                    - { label: MONEY, pattern: '(?<currency>[$€£])(?<amount>\\d+(?:\\.\\d+)?)' }
                    - { label: YEAR, pattern: 'in (\\d{4})', group: 1 }
                    - { label: ORG, pattern: 'nato', flags: [caseless] }
            """, "NATO spent €4.5 in 2026 and $12.")
        #expect(found.map { [$0.0, $0.1] } == [["NATO", "ORG"], ["€4.5", "MONEY"], ["2026", "YEAR"], ["$12", "MONEY"]])
        #expect(found[1].2 == ["currency": "€", "amount": "4.5"])
    }

    @Test("ready patterns by name bring their label and validator; a misspelt name is located with a suggestion")
    func readyPatterns() throws {
        let found = try tagged("""
                  rules:
                    - { use: email }
                    - { use: money }
                    - { use: credit_card, label: PAYMENT }
            """, "Mail ann@example.org about the €1,250.00 fee; card 4111 1111 1111 1111 passes Luhn, 4111 1111 1111 1112 does not.")
        #expect(found.map { [$0.0, $0.1] } == [["ann@example.org", "EMAIL"], ["€1,250.00", "MONEY"], ["4111 1111 1111 1111", "PAYMENT"]])
        do {
            _ = try run("      rules: [{ use: emial }]\n", "")
            Issue.record("accepted an unknown pattern name")
        } catch let e as PipelineErrors {
            #expect(e.diagnostics.first?.message.hasPrefix("stage 'regex-tag': there is no ready pattern 'emial'; did you mean 'email'?") == true)
        }
    }

    @Test("overlaps: longest wins by default; priority and all on request")
    func overlaps() throws {
        let rules = """
                  rules:
                    - { label: CITY, pattern: 'York', priority: 2 }
                    - { label: PLACE, pattern: 'New York City' }
            """
        #expect(try tagged(rules, "to New York City").map(\.1) == ["PLACE"])
        #expect(try tagged(rules + "\n      overlaps: priority", "to New York City").map(\.1) == ["CITY"])
        #expect(try tagged(rules + "\n      overlaps: all", "to New York City").map(\.1) == ["PLACE", "CITY"])
    }

    @Test("gazetteers from files: labels and ids per line, case and whole-word options")
    func gazetteers() throws {
        let found = try tagged("""
                  gazetteers:
                    - { file: gazetteers/cities.tsv, label: PLACE, case: insensitive }
            """, "From LYON to São Paulo via London, not Londoner or new york.")
        #expect(found.map { [$0.0, $0.1] } == [["LYON", "CITY"], ["São Paulo", "CITY"], ["London", "PLACE"], ["new york", "CITY"]])
        #expect(found[0].2 == ["id": "Q456"])
    }

    @Test("scope: sentences keeps a match from crossing a sentence boundary")
    func scope() throws {
        let rule = "      rules: [{ label: PAIR, pattern: 'end\\. Start' }]\n"
        #expect(try tagged(rule, "The end. Start again.").count == 1)
        #expect(try tagged(rule + "      scope: sentences\n", "The end. Start again.", before: ["segment"]).isEmpty)
    }

    @Test("the layer name is configurable and spans are added to an existing layer in order")
    func layerName() throws {
        let doc = try run("      rules: [{ label: X, pattern: 'b' }]\n      layer: marks\n", "abc")
        #expect(doc.layers["marks"]?.count == 1)
        #expect(doc.layers["tags"] == nil)
    }

    @Test("bad parameters are located: an invalid pattern with PCRE2's message, a missing group, a missing file")
    func badParameters() {
        func diagnostics(_ yaml: String) -> [String] {
            do { _ = try run(yaml, ""); return [] } catch let e as PipelineErrors {
                return e.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
            } catch { return ["\(error)"] }
        }
        #expect(diagnostics("      rules: [{ label: A, pattern: '(ab' }]\n")
                == ["5:36 stage 'regex-tag': pattern '(ab': missing closing parenthesis at offset 3"])
        #expect(diagnostics("      rules: [{ label: A, pattern: 'a(b)', group: 2 }]\n")
                == ["5:51 stage 'regex-tag': the pattern has 1 group(s); there is no group 2"])
        #expect(diagnostics("      rules: [{ label: A, pattern: '(?<amt>a)', group: amount }]\n")
                == ["5:56 stage 'regex-tag': the pattern has no group named 'amount'"])
        #expect(diagnostics("      gazetteers: [{ file: nowhere.txt, label: A }]\n")
                == ["5:28 stage 'regex-tag': the gazetteer file \(Self.fixtures)/nowhere.txt does not exist"])
        #expect(diagnostics("      rules: [{ pattern: 'a' }]\n") == ["5:15 stage 'regex-tag': a rule needs a 'label'"])
    }

    @Test("a catastrophic pattern fails the document with a clear reason instead of hanging")
    func catastrophic() throws {
        do {
            _ = try run("      rules: [{ label: B, pattern: 'b' }, { label: A, pattern: '(a+)+$' }]\n      match_limit: 10000\n",
                        String(repeating: "a", count: 60) + "!")
            Issue.record("the catastrophic pattern finished")
        } catch {
            #expect("\(error)" == "rules[2] (A, pattern '(a+)+$') hit the match limit (match_limit) on this text")
        }
    }
}
