import Foundation

/// A term list matched in one pass over the text, whatever its size: an Aho–Corasick
/// automaton over UTF-8 bytes, built once and shared by all workers.
///
/// Case-insensitive lists are matched against a lower-cased copy of the text (a byte
/// loop for ASCII; with a map back to the original offsets when non-ASCII letters change
/// length). Whole-word matching checks that no letter or digit, of any script, touches
/// the match on either side.
public final class Gazetteer: Sendable {
    public struct Entry: Sendable, Hashable {
        public var term: String
        public var label: String?
        public var id: String?
        public init(term: String, label: String? = nil, id: String? = nil) {
            self.term = term
            self.label = label
            self.id = id
        }
    }

    public struct Options: Sendable, Hashable {
        public var caseInsensitive: Bool
        public var wholeWord: Bool
        public init(caseInsensitive: Bool = false, wholeWord: Bool = true) {
            self.caseInsensitive = caseInsensitive
            self.wholeWord = wholeWord
        }
    }

    /// A match: byte range in the text and the entry it found.
    public struct Hit: Sendable, Hashable {
        public var range: Range<Int>
        public var entry: Int
    }

    public let entries: [Entry]
    public let options: Options

    // The automaton, in flat arrays. Node 0 is the root; its transitions are a dense table
    // because most bytes of a text are read there.
    private let rootNext: [Int32]
    private let edgeStart: [Int32]     // per node: first edge in edgeBytes/edgeTarget
    private let edgeBytes: [UInt8]     // per node, sorted
    private let edgeTarget: [Int32]
    private let fail: [Int32]
    private let outputEntry: [Int32]   // per node: an entry ending here, or -1
    private let outputNext: [Int32]    // per node: the nearest node on the fail chain with output, or -1
    private let termBytes: [Int32]     // per entry: length of its folded term in bytes

    /// Builds the automaton. Duplicate terms keep their first entry; empty terms are ignored.
    public init(entries: [Entry], options: Options = Options()) {
        self.entries = entries
        self.options = options
        // A trie with children as linked lists while building.
        var firstChild: [Int32] = [-1], nextSibling: [Int32] = [-1], byteOf: [UInt8] = [0], output: [Int32] = [-1]
        var lengths = [Int32](repeating: 0, count: entries.count)
        for (index, entry) in entries.enumerated() {
            // Terms are compared as clean text: NFC, one space between words.
            let normalized = entry.term.precomposedStringWithCanonicalMapping
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            let folded = options.caseInsensitive ? Self.fold(normalized) : Array(normalized.utf8)
            guard !folded.isEmpty else { continue }
            lengths[index] = Int32(folded.count)
            var node: Int32 = 0
            for b in folded {
                var child = firstChild[Int(node)]
                while child != -1 && byteOf[Int(child)] != b { child = nextSibling[Int(child)] }
                if child == -1 {
                    child = Int32(byteOf.count)
                    byteOf.append(b)
                    firstChild.append(-1)
                    nextSibling.append(firstChild[Int(node)])
                    output.append(-1)
                    firstChild[Int(node)] = child
                }
                node = child
            }
            if output[Int(node)] == -1 { output[Int(node)] = Int32(index) }
        }
        let count = byteOf.count
        // Flatten children into sorted edge lists.
        var start = [Int32](repeating: 0, count: count + 1)
        var bytes: [UInt8] = []
        var targets: [Int32] = []
        bytes.reserveCapacity(count)
        targets.reserveCapacity(count)
        for node in 0..<count {
            start[node] = Int32(bytes.count)
            var kids: [(UInt8, Int32)] = []
            var c = firstChild[node]
            while c != -1 { kids.append((byteOf[Int(c)], c)); c = nextSibling[Int(c)] }
            kids.sort { $0.0 < $1.0 }
            for (b, t) in kids { bytes.append(b); targets.append(t) }
        }
        start[count] = Int32(bytes.count)
        var root = [Int32](repeating: 0, count: 256)
        for e in Int(start[0])..<Int(start[1]) { root[Int(bytes[e])] = targets[e] }

        func child(_ node: Int32, _ b: UInt8) -> Int32 {
            if node == 0 { return root[Int(b)] }
            var lo = Int(start[Int(node)]), hi = Int(start[Int(node) + 1])
            while lo < hi {
                let mid = (lo + hi) / 2
                if bytes[mid] < b { lo = mid + 1 } else { hi = mid }
            }
            return lo < Int(start[Int(node) + 1]) && bytes[lo] == b ? targets[lo] : -1
        }
        // Breadth-first: failure links and output links.
        var failLinks = [Int32](repeating: 0, count: count)
        var outNext = [Int32](repeating: -1, count: count)
        var queue: [Int32] = []
        queue.reserveCapacity(count)
        for e in Int(start[0])..<Int(start[1]) { queue.append(targets[e]) }
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            let f = failLinks[Int(u)]
            outNext[Int(u)] = output[Int(f)] != -1 ? f : outNext[Int(f)]
            for e in Int(start[Int(u)])..<Int(start[Int(u) + 1]) {
                let v = targets[e], b = bytes[e]
                var g = f
                var next = child(g, b)
                while next == -1 && g != 0 {
                    g = failLinks[Int(g)]
                    next = child(g, b)
                }
                failLinks[Int(v)] = next == -1 || next == v ? 0 : next
                queue.append(v)
            }
        }
        rootNext = root
        edgeStart = start
        edgeBytes = bytes
        edgeTarget = targets
        fail = failLinks
        outputEntry = output
        outputNext = outNext
        termBytes = lengths
    }

    /// The number of automaton states (for the benchmark's memory figures).
    public var stateCount: Int { fail.count }

    /// Approximate memory held by the automaton, in bytes.
    public var automatonBytes: Int {
        rootNext.count * 4 + edgeStart.count * 4 + edgeBytes.count + edgeTarget.count * 4 + fail.count * 4
            + outputEntry.count * 4 + outputNext.count * 4 + termBytes.count * 4
    }

    /// Every match in `text`, in order of their end, then start (overlaps included).
    public func hits(in text: String) -> [Hit] {
        var text = text
        return text.withUTF8 { hits(in: UnsafeRawBufferPointer($0)) }
    }

    public func hits(in original: UnsafeRawBufferPointer) -> [Hit] {
        guard options.caseInsensitive else {
            // Line breaks and tabs read as spaces (same length, so offsets hold).
            let spaced = [UInt8](unsafeUninitializedCapacity: original.count) { buf, n in
                for i in 0..<original.count {
                    let b = original[i]
                    buf[i] = b == 0x0A || b == 0x09 || b == 0x0D ? 0x20 : b
                }
                n = original.count
            }
            return spaced.withUnsafeBytes { scan($0, origin: nil, original: original) }
        }
        // Hot path: fold ASCII bytes in one loop; only texts with non-ASCII letters pay
        // for Unicode case mapping and an offset map.
        var asciiOnly = true
        for b in original where b >= 0x80 { asciiOnly = false; break }
        if asciiOnly {
            let folded = [UInt8](unsafeUninitializedCapacity: original.count) { buf, n in
                for i in 0..<original.count { buf[i] = Self.foldASCII(original[i]) }
                n = original.count
            }
            return folded.withUnsafeBytes { scan($0, origin: nil, original: original) }
        }
        var folded: [UInt8] = []
        var origin: [Int32] = []
        folded.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        var i = 0
        while i < original.count {
            let b = original[i]
            if b < 0x80 {
                folded.append(Self.foldASCII(b))
                origin.append(Int32(i))
                i += 1
                continue
            }
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            let end = min(i + width, original.count)
            let scalarText = String(decoding: UnsafeRawBufferPointer(rebasing: original[i..<end]), as: UTF8.self)
            let scalar = scalarText.unicodeScalars.first ?? "\u{FFFD}"
            for fb in Self.foldScalar(scalar).utf8 {
                folded.append(fb)
                origin.append(Int32(i))
            }
            i = end
        }
        return folded.withUnsafeBytes { scan($0, origin: origin, original: original) }
    }

    private func scan(_ s: UnsafeRawBufferPointer, origin: [Int32]?, original: UnsafeRawBufferPointer) -> [Hit] {
        var hits: [Hit] = []
        var state: Int32 = 0
        let n = s.count
        rootNext.withUnsafeBufferPointer { root in
        edgeStart.withUnsafeBufferPointer { start in
        edgeBytes.withUnsafeBufferPointer { bytes in
        edgeTarget.withUnsafeBufferPointer { targets in
        fail.withUnsafeBufferPointer { failLinks in
            // Hot loop: one byte at a time; at the root a table lookup, elsewhere a short
            // scan of the node's sorted edges, following failure links on a miss.
            var i = 0
            while i < n {
                let b = s[i]
                while true {
                    if state == 0 {
                        state = root[Int(b)]
                        break
                    }
                    var e = Int(start[Int(state)])
                    let end = Int(start[Int(state) + 1])
                    while e < end && bytes[e] < b { e += 1 }
                    if e < end && bytes[e] == b {
                        state = targets[e]
                        break
                    }
                    state = failLinks[Int(state)]
                }
                if state != 0 && (outputEntry[Int(state)] != -1 || outputNext[Int(state)] != -1) {
                    var node = outputEntry[Int(state)] != -1 ? state : outputNext[Int(state)]
                    while node != -1 {
                        let entry = Int(outputEntry[Int(node)])
                        let foldedEnd = i + 1
                        let foldedStart = foldedEnd - Int(termBytes[entry])
                        let range: Range<Int>
                        var whole = true
                        if let origin {
                            let lo = Int(origin[foldedStart])
                            let hi = foldedEnd < origin.count ? Int(origin[foldedEnd]) : original.count
                            range = lo..<hi
                            // A match must start and end at a source character's edge, not
                            // inside the several folded bytes one character became.
                            whole = (foldedStart == 0 || origin[foldedStart] != origin[foldedStart - 1])
                                && (foldedEnd == origin.count || origin[foldedEnd] != origin[foldedEnd - 1])
                        } else {
                            range = foldedStart..<foldedEnd
                        }
                        if whole && (!options.wholeWord || Self.isWordBoundary(original, range)) && !range.isEmpty {
                            hits.append(Hit(range: range, entry: entry))
                        }
                        node = outputNext[Int(node)]
                    }
                }
                i += 1
            }
        }}}}}
        return hits
    }

    /// Folds a term the way texts are folded.
    static func fold(_ term: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in term.unicodeScalars {
            if scalar.isASCII {
                out.append(foldASCII(UInt8(scalar.value)))
            } else {
                out.append(contentsOf: foldScalar(scalar).utf8)
            }
        }
        return out
    }

    /// ASCII case folding; tab, line feed and carriage return read as a space, so a term
    /// written with a space matches across a line break.
    @inline(__always) static func foldASCII(_ b: UInt8) -> UInt8 {
        if b &- 0x41 < 26 { return b | 0x20 }
        if b == 0x09 || b == 0x0A || b == 0x0D { return 0x20 }
        return b
    }

    /// Case folding of one non-ASCII character: lower case, with the cases where lower
    /// case is not folding fixed (final sigma, dotted capital I).
    static func foldScalar(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x03C2: return "\u{03C3}"  // ς → σ
        case 0x0130: return "i"          // İ → i, not i + combining dot
        default: return String(scalar).lowercased()
        }
    }

    /// Whether no word character touches `range` from outside, and the range starts and
    /// ends on character boundaries.
    static func isWordBoundary(_ s: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        if range.lowerBound < s.count && s[range.lowerBound] & 0xC0 == 0x80 { return false }
        if range.upperBound < s.count && s[range.upperBound] & 0xC0 == 0x80 { return false }
        if range.lowerBound > 0 {
            var p = range.lowerBound - 1
            while p > 0 && s[p] & 0xC0 == 0x80 { p -= 1 }
            if isWordCharacter(s, at: p) { return false }
        }
        if range.upperBound < s.count && isWordCharacter(s, at: range.upperBound) { return false }
        return true
    }

    static func isWordCharacter(_ s: UnsafeRawBufferPointer, at i: Int) -> Bool {
        let b = s[i]
        if b < 0x80 {
            return (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x5F
        }
        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard i + width <= s.count,
              let scalar = String(decoding: UnsafeRawBufferPointer(rebasing: s[i..<(i + width)]), as: UTF8.self).unicodeScalars.first
        else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }
}
