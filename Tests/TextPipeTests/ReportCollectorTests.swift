import Testing
import TestSupport
@testable import TextPipe

@Suite("run report collectors")
struct ReportCollectorTests {
    @Test("power-of-two bins: 0 alone, then [1,1], [2,3], [4,7], …; the last bin is open", arguments: [
        (0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (1023, 10), (1024, 11), (Int.max, 5),
    ])
    func powersOfTwo(_ value: Int, _ bin: Int) {
        var h = Histogram(scale: .powersOfTwo, bins: 6)
        h.add(value)
        #expect(h.counts.firstIndex(of: 1) == min(bin, 5))
    }

    @Test("linear bins, ranges and summary values")
    func linear() {
        var h = Histogram(scale: .linear(width: 5), bins: 3)
        for v in [0, 4, 5, 9, 10, 400] { h.add(v) }
        #expect(h.counts == [2, 2, 2])
        #expect(h.range(ofBin: 1) == (5, 9) && h.range(ofBin: 2).upper == nil)
        #expect(h.minimum == 0 && h.maximum == 400 && h.total == 6 && h.sum == 428)
        #expect(h.usedBins == 0..<3)
    }

    @Test("frequent items are exact below capacity")
    func exactBelowCapacity() {
        var f = FrequentItems(capacity: 10)
        for w in ["a", "b", "a", "c", "a", "b"] { f.add(w) }
        #expect(f.top(2) == [.init(text: "a", count: 3, overcount: 0), .init(text: "b", count: 2, overcount: 0)])
    }

    @Test("past capacity the heavy hitters stay, with counts that bound the truth and say by how much")
    func heavyHittersStay() {
        var f = FrequentItems(capacity: 20)
        var random = SeededRandom(seed: 7)
        var truth: [String: Int] = [:]
        for i in 0..<20_000 {
            let word = i % 4 == 0 ? "frequent" : i % 10 == 1 ? "common" : "rare\(random.next() % 5_000)"
            truth[word, default: 0] += 1
            f.add(word)
        }
        let top = f.top(2)
        #expect(top.map(\.text) == ["frequent", "common"])
        for item in f.top(20) {
            #expect(item.count >= truth[item.text]! && item.count - item.overcount <= truth[item.text]!)
        }
        #expect(f.distinctTracked == 20 && f.total == 20_000)
    }

    @Test("a document's profile counts characters, words per sentence and labelled spans")
    func documentProfile() {
        var doc = Document(id: "d", text: "Zoë met Ann.\nThey left  at 10.")
        doc.layers["sentences"] = [Span(start: 0, end: 13), Span(start: 14, end: 31)]
        doc.layers["tags"] = [Span(start: 0, end: 4, label: "PERSON"), Span(start: 9, end: 12, label: "PERSON"), Span(start: 0, end: 4)]
        let p = DocumentProfile(doc)
        #expect(p.characters == 30)
        #expect(p.sentenceWords == [3, 4])
        #expect(p.tags.map(\.text) == ["Zoë", "Ann"])
    }
}
