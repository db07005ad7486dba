/// A decoded character reference: where it ends in the source and its value, whose
/// UTF-8 bytes (at most 6) are packed into an integer so that decoding allocates nothing.
public struct HTMLDecodedReference: Sendable, Hashable {
    /// The source offset just after the reference (after its `;` when it has one).
    public let end: Int
    /// The value's UTF-8 bytes, little-endian, with the byte count in the top byte.
    let packed: UInt64

    init(end: Int, packed: UInt64) {
        self.end = end
        self.packed = packed
    }

    init(end: Int, scalar: UInt32) {
        var value: UInt64 = 0
        var count: UInt64 = 0
        for byte in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")! {
            value |= UInt64(byte) << (8 * count)
            count += 1
        }
        self.init(end: end, packed: value | count << 56)
    }

    /// The number of UTF-8 bytes of the value.
    public var byteCount: Int { Int(packed >> 56) }

    /// The value's first byte (enough to tell an ASCII whitespace value).
    var firstByte: UInt8 { UInt8(truncatingIfNeeded: packed) }

    /// Calls `body` with the value's UTF-8 bytes.
    public func withUTF8<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var bytes = packed.littleEndian
        return try withUnsafeBytes(of: &bytes) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<byteCount])) }
    }

    /// The value as a string.
    public var value: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }
}

/// Decodes HTML character references (`&amp;`, `&copy`, `&#8212;`, `&#x2019;`) by the
/// WHATWG tokenizer's rules.
public enum HTMLCharacterReference {
    /// Decodes the reference whose `&` is at `start`, reading no further than `limit`.
    /// Returns nil when the bytes are not a reference (an unknown name, `&` alone, `&#`
    /// without digits): the caller keeps them as literal text.
    ///
    /// In attribute values a legacy name without a semicolon followed by `=` or an ASCII
    /// letter or digit stays literal (`?a=1&copy=2`), as the spec requires.
    ///
    /// Hot path: works on raw bytes and never allocates.
    public static func decode(_ bytes: UnsafeRawBufferPointer, at start: Int, limit: Int, inAttribute: Bool)
        -> HTMLDecodedReference?
    {
        var i = start + 1
        guard i < limit else { return nil }
        if bytes[i] == UInt8(ascii: "#") { return decodeNumeric(bytes, at: start, limit: limit) }

        // The longest run of ASCII letters and digits: every name is one, plus maybe ";".
        let nameStart = i
        while i < limit && i - nameStart < HTMLEntityTable.maxNameLength && isASCIIAlphanumeric(bytes[i]) { i += 1 }
        let runLength = i - nameStart
        guard runLength > 0 else { return nil }
        if i < limit && bytes[i] == UInt8(ascii: ";"),
           let index = lookup(bytes.baseAddress! + nameStart, runLength + 1)
        {
            return HTMLDecodedReference(end: i + 1, packed: HTMLEntityTable.values[index])
        }
        // Legacy names match without a semicolon, longest first: "&notit;" is "¬it;".
        var length = min(runLength, HTMLEntityTable.maxLegacyNameLength)
        while length >= HTMLEntityTable.shortestLegacyNameLength {
            if let index = lookup(bytes.baseAddress! + nameStart, length) {
                let end = nameStart + length
                if inAttribute && end < limit && (bytes[end] == UInt8(ascii: "=") || isASCIIAlphanumeric(bytes[end])) {
                    return nil
                }
                return HTMLDecodedReference(end: end, packed: HTMLEntityTable.values[index])
            }
            length -= 1
        }
        return nil
    }

    /// Decodes every reference in `text` (for attribute values and metadata, not hot paths).
    public static func decodeAll(_ text: some StringProtocol, inAttribute: Bool) -> String {
        var source = String(text)
        guard source.utf8.contains(UInt8(ascii: "&")) else { return source }
        return source.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "&"),
                   let ref = decode(bytes, at: i, limit: bytes.count, inAttribute: inAttribute)
                {
                    ref.withUTF8 { out.append(contentsOf: $0) }
                    i = ref.end
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The value of a named reference, exactly as written (`"amp;"`, `"copy"`), or nil.
    public static func value(ofName name: String) -> String? {
        var name = name
        return name.withUTF8 { buffer -> String? in
            guard let base = buffer.baseAddress, let index = lookup(base, buffer.count) else { return nil }
            return HTMLDecodedReference(end: 0, packed: HTMLEntityTable.values[index]).value
        }
    }

    private static func decodeNumeric(_ bytes: UnsafeRawBufferPointer, at start: Int, limit: Int)
        -> HTMLDecodedReference?
    {
        var i = start + 2
        var hex = false
        if i < limit && (bytes[i] | 0x20) == UInt8(ascii: "x") {
            hex = true
            i += 1
        }
        let digitsStart = i
        var value: UInt32 = 0
        while i < limit {
            let b = bytes[i]
            let digit: UInt32
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digit = UInt32(b - UInt8(ascii: "0"))
            } else if hex && (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "f") {
                digit = UInt32((b | 0x20) - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            // Saturate: anything past U+10FFFF decodes to U+FFFD however long it is.
            value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + digit
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < limit && bytes[i] == UInt8(ascii: ";") { i += 1 }
        return HTMLDecodedReference(end: i, scalar: numericValue(value))
    }

    /// The code point a numeric reference stands for, after the spec's replacements.
    static func numericValue(_ value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return 0xFFFD
        case 0x80...0x9F: return windows1252[Int(value - 0x80)]
        default: return value
        }
    }

    /// What 0x80–0x9F mean in numeric references: the Windows-1252 characters at those
    /// bytes; the five bytes Windows-1252 leaves undefined stay C1 controls.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The table index of the name `length` bytes at `name`, by binary search within
    /// the bucket of its first byte.
    @inline(__always)
    static func lookup(_ name: UnsafeRawPointer, _ length: Int) -> Int? {
        let first = Int(name.load(as: UInt8.self)) - Int(UInt8(ascii: "A"))
        guard first >= 0 && first + 1 < HTMLEntityTable.firstByteBuckets.count else { return nil }
        var lo = Int(HTMLEntityTable.firstByteBuckets[first])
        var hi = Int(HTMLEntityTable.firstByteBuckets[first + 1])
        let blob = UnsafeRawPointer(HTMLEntityTable.names.utf8Start)
        let starts = HTMLEntityTable.nameStarts
        while lo < hi {
            let mid = (lo + hi) / 2
            let s = Int(starts[mid])
            let candidateLength = Int(starts[mid + 1]) - s
            let order = compare(name, length, blob + s, candidateLength)
            if order == 0 { return mid }
            if order < 0 { hi = mid } else { lo = mid + 1 }
        }
        return nil
    }

    @inline(__always)
    private static func compare(_ a: UnsafeRawPointer, _ aLength: Int, _ b: UnsafeRawPointer, _ bLength: Int) -> Int {
        let n = min(aLength, bLength)
        for k in 0..<n {
            let x = a.load(fromByteOffset: k, as: UInt8.self)
            let y = b.load(fromByteOffset: k, as: UInt8.self)
            if x != y { return x < y ? -1 : 1 }
        }
        return aLength - bLength
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || ((b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z"))
    }
}
