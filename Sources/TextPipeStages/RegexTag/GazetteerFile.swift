import Foundation

/// Reads a term list: one term a line, optionally followed by a tab and a label, and
/// another tab and an id. Blank lines and lines starting with `#` are skipped.
enum GazetteerFile {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static func load(path: String, defaultLabel: String) throws -> [Gazetteer.Entry] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw Problem(description: exists ? "cannot read the gazetteer file \(path)" : "the gazetteer file \(path) does not exist")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Problem(description: "the gazetteer file \(path) is not UTF-8 text")
        }
        var entries: [Gazetteer.Entry] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let term = columns.first, !term.isEmpty else { continue }
            let label = columns.count > 1 && !columns[1].isEmpty ? columns[1] : defaultLabel
            let id = columns.count > 2 && !columns[2].isEmpty ? columns[2] : nil
            entries.append(Gazetteer.Entry(term: term, label: label, id: id))
        }
        if entries.isEmpty {
            throw Problem(description: "the gazetteer file \(path) has no terms")
        }
        return entries
    }
}
