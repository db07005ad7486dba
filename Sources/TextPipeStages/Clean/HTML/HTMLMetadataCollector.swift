import TextPipe

/// Collects a page's metadata from `<title>`, `<meta>` and `<html lang>`. When several
/// sources give the same field, the most specific wins (priority 0 first), then the first
/// in the page: `<title>` before og:title, name=description before og:description.
struct HTMLMetadataCollector {
    /// The fields, in the order they are reported.
    enum Field: Int, CaseIterable {
        case title, description, author, date, keywords, language

        var key: String { "\(self)" }
    }

    private var values: [(value: String, priority: Int)?] = Array(repeating: nil, count: Field.allCases.count)

    mutating func offer(_ field: Field, _ value: String, priority: Int) {
        guard !value.isEmpty else { return }
        if let current = values[field.rawValue], current.priority <= priority { return }
        values[field.rawValue] = (value, priority)
    }

    mutating func offerTitle(_ text: String) {
        offer(.title, collapseWhitespace(text), priority: 0)
    }

    /// What a `<meta>` tag (the tokenizer's last tag) says, if it is one we know.
    mutating func offer(meta tokenizer: HTMLTokenizer, source: UnsafeRawBufferPointer) {
        guard let content = tokenizer.attribute("content") else { return }
        func lowercased(_ range: Range<Int>) -> String {
            String(decoding: source[range].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
                .trimmingWhitespace
        }
        var target: (Field, Int)?
        if let name = tokenizer.attribute("name") {
            target = Self.byName[lowercased(name)]
        }
        if target == nil, let property = tokenizer.attribute("property") {
            target = Self.byProperty[lowercased(property)]
        }
        if target == nil, let equiv = tokenizer.attribute("http-equiv"), lowercased(equiv) == "content-language" {
            target = (.language, 1)
        }
        guard let (field, priority) = target else { return }
        let raw = String(decoding: UnsafeRawBufferPointer(rebasing: source[content]), as: UTF8.self)
        offer(field, collapseWhitespace(HTMLCharacterReference.decodeAll(raw, inAttribute: true)), priority: priority)
    }

    private static let byName: [String: (Field, Int)] = [
        "description": (.description, 0), "author": (.author, 0), "date": (.date, 1), "keywords": (.keywords, 0),
        "dc.title": (.title, 2), "dc.description": (.description, 2), "dc.creator": (.author, 2),
        "dc.date": (.date, 2), "dc.date.issued": (.date, 2), "pubdate": (.date, 3), "dc.language": (.language, 2),
        "twitter:title": (.title, 3), "twitter:description": (.description, 3),
    ]

    private static let byProperty: [String: (Field, Int)] = [
        "og:title": (.title, 1), "og:description": (.description, 1),
        "article:published_time": (.date, 0), "article:author": (.author, 1),
    ]

    /// The fields found, in `Field` order.
    var fields: OrderedFields {
        var fields = OrderedFields()
        for field in Field.allCases {
            if let value = values[field.rawValue] { fields[field.key] = .string(value.value) }
        }
        return fields
    }
}
