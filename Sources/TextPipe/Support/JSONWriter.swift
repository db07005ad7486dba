/// Appends JSON to a byte buffer. Hand-written because exports write millions of small
/// objects: `JSONEncoder` allocates per value and cannot stream into one buffer. The
/// per-token methods are `@inlinable` so that exports in other modules write a span's
/// punctuation and numbers without a call per byte.
public struct JSONWriter {
    public var bytes: [UInt8]

    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inlinable @inline(__always) public mutating func raw(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inlinable @inline(__always) public mutating func byte(_ b: UInt8) { bytes.append(b) }

    @inlinable public mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        var v = value.magnitude
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch for up to 20 digits
        let count = withUnsafeMutableBytes(of: &tmp) { buf -> Int in
            var i = buf.count
            repeat {
                i -= 1
                buf[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            } while v > 0
            if value < 0 { bytes.append(0x2D) }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i...]))
            return buf.count - i
        }
        _ = count
    }

    public mutating func double(_ value: Double) {
        guard value.isFinite else { raw("null"); return }
        if value.rounded() == value && abs(value) < 1e15 {
            int(Int(value))
            raw(".0")
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Writes a JSON string literal. Hot path: runs of bytes that need no escaping are
    /// copied in bulk, and only `"`, `\` and control bytes are looked at individually.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in string(utf8: UnsafeRawBufferPointer(utf8)) }
    }

    public mutating func string(utf8: UnsafeRawBufferPointer) {
        bytes.append(0x22)
        var runStart = 0
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C {
                i += 1
                continue
            }
            if runStart < i { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<i])) }
            switch b {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            default:
                raw("\\u00")
                bytes.append(Self.hex[Int(b >> 4)])
                bytes.append(Self.hex[Int(b & 0xF)])
            }
            i += 1
            runStart = i
        }
        if runStart < n { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<n])) }
        bytes.append(0x22)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let s): string(s)
        case .array(let a):
            bytes.append(0x5B)
            for (i, e) in a.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                value(e)
            }
            bytes.append(0x5D)
        case .object(let o): object(o)
        }
    }

    public mutating func object(_ o: OrderedFields) {
        bytes.append(0x7B)
        var first = true
        for (k, v) in o {
            if !first { bytes.append(0x2C) }
            first = false
            string(k)
            bytes.append(0x3A)
            value(v)
        }
        bytes.append(0x7D)
    }

    /// Writes `"key":` (with a leading comma unless `first`).
    @inlinable @inline(__always) public mutating func key(_ k: StaticString, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        bytes.append(0x22)
        raw(k)
        bytes.append(0x22)
        bytes.append(0x3A)
    }
}

extension JSONValue {
    /// The value as compact JSON text.
    public var jsonText: String {
        var w = JSONWriter(capacity: 64)
        w.value(self)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

extension JSONValue {
    /// The value as indented JSON text (two spaces), for files people read.
    public var prettyJSONText: String {
        var out = ""
        Self.pretty(self, indent: "", into: &out)
        return out
    }

    private static func pretty(_ v: JSONValue, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch v {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                pretty(item, indent: inner, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let fields) where !fields.isEmpty:
            out += "{\n"
            var i = 0
            for (k, value) in fields {
                out += inner + JSONValue.string(k).jsonText + ": "
                pretty(value, indent: inner, into: &out)
                i += 1
                out += i < fields.count ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            out += v.jsonText
        }
    }
}
