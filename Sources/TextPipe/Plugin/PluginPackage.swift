import Foundation

/// A plugin package folder: a SwiftPM package whose first library product, declared
/// `type: .dynamic`, is the plugin. It is found where `swift build` puts it.
public struct PluginPackage: Sendable {
    /// The package folder, absolute.
    public let path: String
    /// The name of the plugin's library product.
    public let productName: String

    /// `lib` + name + this platform's extension for loadable libraries.
    public static func libraryFileName(product: String) -> String {
        #if os(macOS)
        return "lib\(product).dylib"
        #else
        return "lib\(product).so"
        #endif
    }

    /// Reads the package's manifest; throws when the folder is not a plugin package.
    /// `shown` names the folder in messages (as the user wrote it).
    public init(path: String, shown: String? = nil) throws(PluginError) {
        let shown = shown ?? path
        let manifest = Paths.join(path, "Package.swift")
        guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else {
            throw .notAPlugin(path: shown, reason: "the folder has no Package.swift; a plugin is a SwiftPM package folder or a built library (.so)")
        }
        guard let product = Self.libraryProduct(in: text) else {
            throw .notAPlugin(path: shown, reason: "its Package.swift declares no library product; a plugin declares `.library(name: NAME, type: .dynamic, targets: [...])`")
        }
        guard product.isDynamic else {
            throw .notAPlugin(path: shown, reason: "its library product '\(product.name)' is not dynamic; add `type: .dynamic` to it")
        }
        self.path = path
        self.productName = product.name
    }

    /// Where `swift build -c CONFIGURATION` puts the plugin's library.
    public func libraryPath(configuration: String) -> String {
        Paths.join(path, ".build/\(configuration)/" + Self.libraryFileName(product: productName))
    }

    /// A file of the package (its manifest or a source) changed after `library` was built,
    /// if one did: the first one found, relative to the package.
    public func fileNewer(than library: String) -> String? {
        guard let built = Self.modificationTime(library) else { return nil }
        if let t = Self.modificationTime(Paths.join(path, "Package.swift")), t > built { return "Package.swift" }
        let sources = Paths.join(path, "Sources")
        guard let walker = FileManager.default.enumerator(atPath: sources) else { return nil }
        for case let relative as String in walker {
            // Files only: a folder's time changes with any file added beside the sources.
            guard walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            if let t = Self.modificationTime(Paths.join(sources, relative)), t > built { return "Sources/" + relative }
        }
        return nil
    }

    static func modificationTime(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// The first `.library(name: "…", …)` of a manifest, and whether it says `.dynamic`.
    /// A plain text scan: plugin manifests are short and written from the template.
    static func libraryProduct(in manifest: String) -> (name: String, isDynamic: Bool)? {
        guard let call = manifest.range(of: ".library(") else { return nil }
        let rest = manifest[call.upperBound...]
        // The arguments end at the parenthesis that closes `.library(`.
        var depth = 1
        var end = rest.endIndex
        for i in rest.indices {
            if rest[i] == "(" { depth += 1 }
            if rest[i] == ")" { depth -= 1; if depth == 0 { end = i; break } }
        }
        let arguments = rest[..<end]
        guard let nameLabel = arguments.range(of: "name:"),
              let open = arguments[nameLabel.upperBound...].firstIndex(of: "\""),
              let close = arguments[arguments.index(after: open)...].firstIndex(of: "\"")
        else { return nil }
        let name = String(arguments[arguments.index(after: open)..<close])
        return name.isEmpty ? nil : (name, arguments.contains(".dynamic"))
    }
}
