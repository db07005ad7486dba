/// Turns one path component taken from document ids and metadata into a file or folder
/// name that is valid on Linux, macOS and Windows and cannot leave its folder.
public enum SafeFileName {
    /// Component length limit in UTF-8 bytes: 255 is the common file-system limit, and
    /// the margin leaves room for a collision suffix and the writer's temporary name.
    static let maxBytes = 200
    /// Names Windows reserves for devices, with or without an extension (`CON`, `nul.txt`).
    static let reservedNames = Set(["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
        + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    public static func make(_ component: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in component.unicodeScalars {
            switch s {
            // Separators and the characters Windows forbids; control characters can't be
            // typed and break tools.
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": scalars.append("_")
            case _ where s.value < 0x20 || s.value == 0x7F: scalars.append("_")
            default: scalars.append(s)
            }
        }
        var name = String(scalars)
        // A leading dot would hide the file (and `.` and `..` name folders); Windows drops
        // trailing dots and spaces.
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        while let last = name.last, last == "." || last == " " { name = String(name.dropLast()) + "_" }
        if name.isEmpty { name = "_" }
        let base = name.split(separator: ".", maxSplits: 1).first.map { String($0).uppercased() } ?? ""
        if reservedNames.contains(base.trimmingTrailingSpaces) { name = "_" + name }
        return truncated(name)
    }

    /// Cuts an over-long name at a character boundary and appends a hash of the whole, so
    /// that two long names that share their start stay apart; the extension is kept.
    static func truncated(_ name: String) -> String {
        guard name.utf8.count > maxBytes else { return name }
        let dot = name.lastIndex(of: ".").flatMap { name.utf8.distance(from: $0, to: name.endIndex) <= 16 ? $0 : nil }
        let ext = dot.map { String(name[$0...]) } ?? ""
        let hash = "~" + String(fnv1a(name), radix: 16)
        var head = ""
        for c in name[..<(dot ?? name.endIndex)] {
            if head.utf8.count + c.utf8.count + hash.utf8.count + ext.utf8.count > maxBytes { break }
            head.append(c)
        }
        return head + hash + ext
    }

    static func fnv1a(_ s: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
