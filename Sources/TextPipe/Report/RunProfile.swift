/// What the run report shows beyond the counts of `RunStatistics`: length distributions,
/// the most frequent tags per label and the failed documents. Collected only when a
/// report is asked for, and in memory that does not grow with the number of documents.
public struct RunProfile: Sendable {
    /// Labels tracked one by one; tags of later labels are only counted together.
    public static let maxLabels = 50
    /// Distinct tag texts tracked per label (see `FrequentItems`).
    public static let tagsTrackedPerLabel = 500
    /// Failed documents kept with their errors; the rest are only counted.
    public static let maxFailures = 100
    /// Longer tag texts are cut, so no single tag can hold much memory.
    public static let maxTagBytes = 120
    /// The layer whose spans are the sentences (what `segment` writes).
    public static let sentenceLayer = "sentences"

    public struct Failure: Sendable, Equatable {
        public let id: String
        public let stage: String
        public let message: String
    }

    /// Characters (code points) of each document that went through every stage.
    public var documentLengths = Histogram(scale: .powersOfTwo, bins: 26)
    /// Words of each sentence of those documents, in bins of 5 words; the last bin holds 100 and more.
    public var sentenceLengths = Histogram(scale: .linear(width: 5), bins: 21)
    /// Labels in the order they first occurred, with their most frequent tag texts.
    public private(set) var tags: [(label: String, items: FrequentItems)] = []
    private var labelIndex: [String: Int] = [:]
    /// Tags whose label came after the first `maxLabels` labels.
    public private(set) var tagsOfOtherLabels = 0
    public private(set) var failures: [Failure] = []
    public private(set) var failureCount = 0

    public init() {}

    mutating func add(_ document: DocumentProfile) {
        documentLengths.add(document.characters)
        for words in document.sentenceWords { sentenceLengths.add(words) }
        for tag in document.tags {
            if let i = labelIndex[tag.label] {
                tags[i].items.add(tag.text)
            } else if tags.count < Self.maxLabels {
                labelIndex[tag.label] = tags.count
                var items = FrequentItems(capacity: Self.tagsTrackedPerLabel)
                items.add(tag.text)
                tags.append((tag.label, items))
            } else {
                tagsOfOtherLabels += 1
            }
        }
    }

    mutating func addFailure(id: String, stage: String, message: String) {
        failureCount += 1
        if failures.count < Self.maxFailures { failures.append(Failure(id: id, stage: stage, message: message)) }
    }
}

/// The measurements of one finished document, taken on the worker that ran it so the
/// ordered sink thread only adds numbers up.
struct DocumentProfile: Sendable {
    var characters = 0
    var sentenceWords: [Int] = []
    var tags: [(label: String, text: String)] = []

    init(_ document: Document) {
        var text = document.text
        text.withUTF8 { bytes in
            // Hot path (every document): count on bytes. A code point starts at every byte
            // that is not a continuation byte (10xxxxxx).
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            characters = n
            for span in document.layers[RunProfile.sentenceLayer] ?? [] {
                let lower = min(max(span.start, 0), bytes.count), upper = min(max(span.end, lower), bytes.count)
                sentenceWords.append(Self.words(in: UnsafeBufferPointer(rebasing: bytes[lower..<upper])))
            }
        }
        for (_, spans) in document.layers {
            for span in spans {
                guard let label = span.label else { continue }
                tags.append((label, Self.tagText(document.text(of: span))))
            }
        }
    }

    /// Runs of letters and digits; any non-ASCII byte counts as part of a word, which is
    /// right for letters of every script.
    static func words(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for b in bytes {
            let wordByte = b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
            if wordByte && !inWord { count += 1 }
            inWord = wordByte
        }
        return count
    }

    /// A tag's text on one line, cut to `RunProfile.maxTagBytes` at a character boundary.
    static func tagText(_ text: Substring) -> String {
        var out = ""
        for c in text {
            let piece: Character = c.isNewline || c == "\t" ? " " : c
            if out.utf8.count + piece.utf8.count > RunProfile.maxTagBytes {
                out += "…"
                break
            }
            out.append(piece)
        }
        return out
    }
}
