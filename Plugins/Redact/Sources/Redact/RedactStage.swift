import Foundation
import TextPipe

/// The `redact` stage: replaces the spans of chosen labels (an earlier stage's tags, such
/// as `regex-tag`'s EMAIL and PHONE, or names from a gazetteer) with placeholders.
///
/// A template for a stage that rewrites the text. The new text comes with an `OffsetMap`
/// from `TextBuilder`, and `Document.replaceText` joins it to the maps of earlier
/// rewrites, so spans found after this stage still point into the source text. The
/// document's layers are carried over to the new text instead of being dropped.
public struct RedactStage: DocumentStage, DeclaredStage {
    let labels: [String]
    let layer: String
    let placeholder: String
    let countKey: String?

    public static let descriptor = StageDescriptor(
        name: "redact",
        summary: "Replace spans of chosen labels (e-mails, phone numbers, names) with placeholders, keeping offsets mapped to the source.",
        parameters: [
            ParameterSpec("labels", .list(.string, nonEmpty: true), required: true,
                          "The span labels to redact, such as EMAIL, PHONE or PERSON."),
            ParameterSpec("layer", .string, default: "tags", "The layer that holds the labelled spans."),
            ParameterSpec("placeholder", .string, default: "[{label}]",
                          "What replaces each span; `{label}` stands for the span's label."),
            ParameterSpec("count_key", .string, default: "redacted",
                          "The metadata key that receives the number of spans redacted per label; empty for none."),
        ],
        layerUse: { parameters in LayerUse(requires: [parameters.string("layer") ?? "tags"]) },
        details: """
            Overlapping spans are redacted as one, under the first one's label. Other spans are \
            moved to the new text: a span inside a redacted one becomes the placeholder and \
            loses its attributes (they may quote the redacted text); a span around it keeps \
            them. String metadata (an HTML title, a summary) gets the same replacement wherever it \
            repeats a redacted text. The source text stays available for source offsets, so \
            exports write only redacted text unless they are asked for the source.
            """,
        build: { parameters, _ in
            let placeholder = parameters.string("placeholder") ?? "[{label}]"
            let key = parameters.string("count_key") ?? "redacted"
            return .transform(RedactStage(labels: parameters.strings("labels") ?? [],
                                          layer: parameters.string("layer") ?? "tags",
                                          placeholder: placeholder, countKey: key.isEmpty ? nil : key))
        })

    public func process(_ document: inout Document, context: StageContext) throws -> StageResult {
        let chosen = (document.layers[layer] ?? []).filter { span in span.label.map(labels.contains) ?? false }
        let plan = RedactionPlan(spans: chosen) { label in placeholder.replacingOccurrences(of: "{label}", with: label) }
        if let countKey {
            var counts = OrderedFields()
            for label in labels { counts[label] = .int(plan.redactions.filter { $0.label == label }.count) }
            document.metadata[countKey] = .object(counts)
        }
        guard !plan.redactions.isEmpty else { return .keep }

        var builder = TextBuilder(capacity: document.byteCount)
        var text = document.text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var copied = 0
            for redaction in plan.redactions {
                builder.copy(raw, copied..<redaction.range.lowerBound)
                builder.replace(redaction.range, with: redaction.replacement)
                copied = redaction.range.upperBound
            }
            builder.copy(raw, copied..<raw.count)
        }
        redactMetadata(&document, plan)
        let layers = document.layers.map { (name: $0.name, spans: $0.spans.map(plan.moved)) }
        let (newText, map) = builder.finish()
        document.replaceText(newText, mapping: map)
        for (name, spans) in layers { document.layers[name] = spans }
        return .keep
    }

    /// Replaces each redacted text where string metadata repeats it (a page's title often
    /// names the person the text names), longest first so a name inside an address goes
    /// with the address.
    private func redactMetadata(_ document: inout Document, _ plan: RedactionPlan) {
        var replacements: [String: String] = [:]
        for redaction in plan.redactions {
            let original = String(document.text(in: redaction.range))
            if original.count >= 2 { replacements[original] = redaction.replacement }
        }
        let ordered = replacements.sorted { $0.key.count != $1.key.count ? $0.key.count > $1.key.count : $0.key < $1.key }
        func redacted(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(var text):
                for (original, replacement) in ordered where text.contains(original) {
                    text = text.replacingOccurrences(of: original, with: replacement)
                }
                return .string(text)
            case .array(let items): return .array(items.map(redacted))
            case .object(let fields): return .object(OrderedFields(fields.map { ($0.0, redacted($0.1)) }))
            default: return value
            }
        }
        for name in document.metadata.map(\.0) {
            if let value = document.metadata[name] { document.metadata[name] = redacted(value) }
        }
    }
}
