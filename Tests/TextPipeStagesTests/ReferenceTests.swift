import Foundation
import Testing
import TextPipe
import TextPipeStages

/// The committed reference files are generated from the registry; these tests fail when
/// a stage declaration changes and the files were not regenerated.
@Suite("Generated reference files")
struct ReferenceTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Docs")

    static func registry() -> StageRegistry {
        let r = StageRegistry()
        BuiltinStages.register(into: r)
        return r
    }

    @Test("Docs/StageReference.md matches the registry (regenerate: textpipe stages --markdown > Docs/StageReference.md)")
    func stageReference() throws {
        let committed = try String(contentsOf: Self.docs.appendingPathComponent("StageReference.md"), encoding: .utf8)
        #expect(committed == StageReference.markdown(registry: Self.registry()))
    }

    @Test("Docs/textpipe.schema.json matches the registry (regenerate: textpipe schema > Docs/textpipe.schema.json)")
    func schema() throws {
        let committed = try String(contentsOf: Self.docs.appendingPathComponent("textpipe.schema.json"), encoding: .utf8)
        #expect(committed == PipelineSchema.generate(registry: Self.registry()).prettyJSONText + "\n")
    }

    @Test("every built-in parameter is documented and every stage has a summary")
    func documented() {
        for d in Self.registry().all {
            #expect(!d.summary.isEmpty, "\(d.name) has no summary")
            for p in d.parameters { #expect(!p.documentation.isEmpty, "\(d.name).\(p.name) has no documentation") }
        }
    }
}
