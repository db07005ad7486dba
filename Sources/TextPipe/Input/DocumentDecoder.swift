/// Turns an input item's bytes into a `Document`: detects the encoding from a byte-order
/// mark, repairs invalid UTF-8 (counting what it replaced), refuses binary files, and
/// parses JSONL records. Runs on workers, so decoding is parallel.
public struct DocumentDecoder: Sendable {
    public let spec: InputSpec

    public init(spec: InputSpec) { self.spec = spec }

    /// Why an item did not become a document.
    public struct Skip: Error, Sendable {
        public let reason: String
    }

    public func decode(_ item: InputItem) -> Result<Document, Skip> {
        switch item.payload {
        case .skipped(let reason):
            return .failure(Skip(reason: reason))
        case .file(let bytes, let format):
            return decodeFile(bytes, format: format, item: item)
        case .jsonlRecord(let bytes, let line):
            return decodeRecord(bytes, line: line, item: item)
        }
    }

    private func decodeFile(_ bytes: [UInt8], format: InputFormat, item: InputItem) -> Result<Document, Skip> {
        var metadata = OrderedFields()
        metadata["source"] = .string(item.source)
        metadata["format"] = .string(format.rawValue)
        metadata["bytes"] = .int(bytes.count)
        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(bytes) {
        case .failure(let skip): return .failure(skip)
        case .success(let d): decoded = d
        }
        metadata["encoding"] = .string(decoded.encoding)
        if decoded.repairs > 0 { metadata["repaired_sequences"] = .int(decoded.repairs) }
        return .success(Document(id: item.id, text: decoded.text, metadata: metadata))
    }

    private func decodeRecord(_ bytes: [UInt8], line: Int, item: InputItem) -> Result<Document, Skip> {
        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(bytes, allowBinarySniff: false) {
        case .failure(let skip): return .failure(skip)
        case .success(let d): decoded = d
        }
        var text = decoded.text
        let parsed: JSONValue
        do {
            parsed = try text.withUTF8 { try JSONParser.parse(UnsafeRawBufferPointer($0)) }
        } catch {
            return .failure(Skip(reason: "line \(line) is not valid JSON: \(error)"))
        }
        guard case .object(let fields) = parsed else {
            return .failure(Skip(reason: "line \(line) is \(parsed.kindDescription), not a JSON object"))
        }
        guard let textValue = fields[spec.textField] else {
            return .failure(Skip(reason: "line \(line) has no '\(spec.textField)' field (input.text_field)"))
        }
        guard case .string(let body) = textValue else {
            return .failure(Skip(reason: "line \(line): '\(spec.textField)' is \(textValue.kindDescription), not a string"))
        }
        var id = item.id
        if let idField = spec.idField {
            switch fields[idField] {
            case .string(let s)?: id = s
            case .int(let i)?: id = String(i)
            case nil: return .failure(Skip(reason: "line \(line) has no '\(idField)' field (input.id_field)"))
            case let other?: return .failure(Skip(reason: "line \(line): '\(idField)' is \(other.kindDescription), not a string"))
            }
        }
        var provenance = OrderedFields()
        provenance["source"] = .string(item.source)
        provenance["format"] = .string(InputFormat.jsonl.rawValue)
        provenance["line"] = .int(line)
        if decoded.repairs > 0 { provenance["repaired_sequences"] = .int(decoded.repairs) }
        // The record's own fields keep their names; where one has a name the reader uses
        // (a record with its own "source"), the reader's value moves to "input_NAME".
        var metadata = OrderedFields()
        for (key, value) in provenance {
            metadata[fields[key] == nil ? key : "input_" + key] = value
        }
        for (key, value) in fields where key != spec.textField && key != spec.idField {
            metadata[key] = value
        }
        if let titleField = spec.titleField, titleField != "title", let title = fields[titleField] {
            metadata["title"] = title
        }
        return .success(Document(id: id, text: body, metadata: metadata))
    }
}

/// Bytes to text: BOM detection, binary detection and UTF-8 repair.
public enum TextDecoding {
    public struct Decoded: Sendable {
        public let text: String
        public let encoding: String
        /// How many invalid sequences were replaced with U+FFFD.
        public let repairs: Int
    }

    public static func decode(_ bytes: [UInt8], allowBinarySniff: Bool = true) -> Result<Decoded, DocumentDecoder.Skip> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let (text, repairs) = utf8(bytes[3...])
            return .success(Decoded(text: text, encoding: "utf-8-bom", repairs: repairs))
        }
        if bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            let (text, repairs) = utf16(bytes[2...], bigEndian: false)
            return .success(Decoded(text: text, encoding: "utf-16le", repairs: repairs))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            let (text, repairs) = utf16(bytes[2...], bigEndian: true)
            return .success(Decoded(text: text, encoding: "utf-16be", repairs: repairs))
        }
        if let bigEndian = looksLikeUTF16WithoutBOM(bytes) {
            let (text, repairs) = utf16(bytes[...], bigEndian: bigEndian)
            return .success(Decoded(text: text, encoding: bigEndian ? "utf-16be" : "utf-16le", repairs: repairs))
        }
        if allowBinarySniff, let kind = binaryKind(bytes) {
            return .failure(DocumentDecoder.Skip(reason: "binary file (\(kind))"))
        }
        let (text, repairs) = utf8(bytes[...])
        return .success(Decoded(text: text, encoding: "utf-8", repairs: repairs))
    }

    /// UTF-16 text without a byte-order mark, recognised by its zero bytes: mostly-Latin
    /// text has a zero in every other byte, and only there. Returns whether it is big-endian.
    static func looksLikeUTF16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(1024)
        guard sample.count >= 8, sample.count % 2 == 0 || bytes.count > 1024 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let pairs = sample.count / 2
        if zeroOdd * 10 >= pairs * 7 && zeroEven == 0 { return false }
        if zeroEven * 10 >= pairs * 7 && zeroOdd == 0 { return true }
        return nil
    }

    /// A name for the kind of binary data, or `nil` for text. Known signatures first, then
    /// a NUL byte or many control bytes in the first 8 KiB (text never has them).
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x25, 0x50, 0x44, 0x46, 0x2D], "PDF document"),
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
            ([0xFF, 0xD8, 0xFF], "JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "GIF image"),
            ([0x50, 0x4B, 0x03, 0x04], "ZIP archive or Office document"),
            ([0x1F, 0x8B], "gzip data"),
            ([0x28, 0xB5, 0x2F, 0xFD], "zstd data"),
            ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
            ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66], "SQLite database"),
        ]
        for (magic, name) in signatures where bytes.starts(with: magic) { return name }
        let sample = bytes.prefix(8192)
        var controls = 0
        for b in sample {
            if b == 0 { return "contains NUL bytes" }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
        }
        if sample.count >= 32 && controls * 10 > sample.count { return "mostly control bytes" }
        return nil
    }

    /// Decodes UTF-8; invalid sequences become U+FFFD and are counted.
    static func utf8(_ bytes: ArraySlice<UInt8>) -> (String, Int) {
        // Fast path: validation without repair allocates once.
        if let valid = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
            return (valid, 0)
        }
        var iterator = bytes.makeIterator()
        let (scalars, repairs) = repairing(Unicode.UTF8.ForwardParser(), &iterator)
        return (String(scalars), repairs)
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (String, Int) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var iterator = units.makeIterator()
        var (scalars, repairs) = repairing(Unicode.UTF16.ForwardParser(), &iterator)
        repairs += bytes.count % 2  // a dangling odd byte
        if bytes.count % 2 == 1 { scalars.append("\u{FFFD}") }
        return (String(scalars), repairs)
    }

    /// Decodes code units, replacing each invalid sequence with U+FFFD and counting them.
    private static func repairing<Parser: Unicode.Parser, Units: IteratorProtocol>(
        _ parser: Parser, _ units: inout Units
    ) -> (String.UnicodeScalarView, Int) where Units.Element == Parser.Encoding.CodeUnit {
        var parser = parser
        var repairs = 0
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch parser.parseScalar(from: &units) {
            case .valid(let encoded): scalars.append(Parser.Encoding.decode(encoded))
            case .error:
                repairs += 1
                scalars.append("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
        return (scalars, repairs)
    }
}
