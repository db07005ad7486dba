/// Parses byte sizes written as `1048576`, `64MB`, `64 MiB`, `1.5G`, `512k`.
/// Decimal suffixes (kB, MB, GB) are powers of 1000, binary ones (KiB, MiB, GiB) of 1024;
/// a bare letter (K, M, G) is binary, as in `ulimit` and most tools.
public enum ByteSize {
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var numberEnd = trimmed.startIndex
        while numberEnd < trimmed.endIndex, trimmed[numberEnd].isNumber || trimmed[numberEnd] == "." {
            numberEnd = trimmed.index(after: numberEnd)
        }
        guard let number = Double(trimmed[..<numberEnd]), number >= 0 else { return nil }
        let unit = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces).lowercased()
        let multiplier: Double
        switch unit {
        case "", "b", "byte", "bytes": multiplier = 1
        case "kb": multiplier = 1e3
        case "mb": multiplier = 1e6
        case "gb": multiplier = 1e9
        case "tb": multiplier = 1e12
        case "k", "kib": multiplier = 1024.0
        case "m", "mib": multiplier = 1_048_576.0
        case "g", "gib": multiplier = 1_073_741_824.0
        case "t", "tib": multiplier = Double(1 << 40)
        default: return nil
        }
        let value = number * multiplier
        guard value < Double(Int.max) else { return nil }
        return Int(value.rounded())
    }

    /// "64.0 MB"-style text for messages.
    public static func describe(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        let units = ["kB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var i = 0
        while value >= 1000 && i < units.count - 1 { value /= 1000; i += 1 }
        return String(format: "%.1f", value) + " " + units[i]
    }
}

import Foundation
