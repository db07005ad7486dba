import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads plugins into a stage registry. Each step that can go wrong is checked before the
/// next, so that a plugin that would not work is refused with a message instead of
/// crashing the program later:
///
/// 1. the path is a plugin package with a current build, or a shared library;
/// 2. `dlopen` binds the plugin's TextPipe symbols to this program's TextPipe, and no second
///    TextPipe library gets loaded;
/// 3. the entry point says which TextPipe build the plugin was compiled against, and it is
///    this program's build (`TextPipeBuild.current`);
/// 4. only then is the plugin asked to register its stages, and every name must be free.
public struct PluginLoader {
    public let registry: StageRegistry

    public init(registry: StageRegistry = .shared) {
        self.registry = registry
    }

    /// Loads the plugin at `path` (absolute: a package folder or a library); `written` is
    /// the path as the user gave it, for messages. Returns the names of the stages it added.
    @discardableResult
    public func load(_ path: String, written: String? = nil) throws(PluginError) -> [String] {
        let shown = written ?? path
        let (library, package) = try Self.library(for: path, written: shown)
        let handle = try open(library, shown: shown, package: package)
        guard let symbol = dlsym(handle, PluginEntryPoint.symbol) else {
            throw .notAPlugin(path: shown, reason: "\(library) has no '\(PluginEntryPoint.symbol)' entry point; a plugin exports it with @_cdecl (see Docs/Plugins.md)")
        }
        let entry = unsafeBitCast(symbol, to: PluginEntryPoint.Function.self)
        guard let record = entry(PluginEntryPoint.Request.describe.rawValue, nil),
              let built = BuildInfo(record: String(cString: record))
        else {
            throw .notAPlugin(path: shown, reason: "its entry point does not say which TextPipe it was built against")
        }
        guard built == TextPipeBuild.current else {
            throw .buildMismatch(plugin: shown, built: built, host: TextPipeBuild.current, rebuild: Self.rebuildAdvice(package))
        }
        let registrar = PluginRegistrar(registry: registry, origin: "plugin " + Self.realPath(library))
        if let failure = entry(PluginEntryPoint.Request.register.rawValue, Unmanaged.passUnretained(registrar).toOpaque()) {
            let message = String(cString: failure)
            free(UnsafeMutableRawPointer(mutating: failure))
            if let clash = registrar.clash { throw .nameClash(plugin: shown, clash: clash) }
            throw .entryPointFailed(plugin: shown, message: message)
        }
        return registrar.registered
    }

    /// The library to load for a plugin path, and its package when the path is a folder.
    public static func library(for path: String, written: String) throws(PluginError) -> (String, PluginPackage?) {
        let kind = Paths.kind(of: path)
        guard kind.exists else { throw .missing(written: written, resolved: path) }
        guard kind.isDirectory else { return (path, nil) }
        let package = try PluginPackage(path: path, shown: written)
        let configuration = TextPipeBuild.current.configuration
        let library = package.libraryPath(configuration: configuration)
        guard Paths.kind(of: library).exists else {
            let other = configuration == "debug" ? "release" : "debug"
            let builtOther = Paths.kind(of: package.libraryPath(configuration: other)).exists
            throw .notBuilt(package: commandPath(path), library: library, configuration: configuration,
                            builtConfiguration: builtOther ? other : nil)
        }
        if let newer = package.fileNewer(than: library) {
            throw .stale(package: commandPath(path), library: library, newerFile: newer)
        }
        return (library, package)
    }

    /// `dlopen` with every symbol bound now, so that a missing one fails here rather than
    /// when a stage first calls it.
    private func open(_ library: String, shown: String, package: PluginPackage?) throws(PluginError) -> UnsafeMutableRawPointer {
        if let problem = Self.notALibrary(library) { throw .notAPlugin(path: shown, reason: problem) }
        let before = Self.loadedTextPipeLibraries()
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            // A plugin built against other TextPipe sources can name symbols this program
            // lacks; its build record, read from the file, then explains why.
            if let built = Self.buildRecord(inFile: library), built != TextPipeBuild.current {
                throw .buildMismatch(plugin: shown, built: built, host: TextPipeBuild.current,
                                     rebuild: "it needs symbols this textpipe lacks; " + Self.rebuildAdvice(package))
            }
            throw .loadFailed(plugin: shown, reason: reason)
        }
        if let copy = Self.loadedTextPipeLibraries().subtracting(before).sorted().first {
            throw .secondTextPipe(plugin: shown, copy: copy)
        }
        return handle
    }

    static func rebuildAdvice(_ package: PluginPackage?) -> String {
        let sources = TextPipeBuild.sourcePackage.map { " (\($0))" } ?? ""
        let target = package.map { commandPath($0.path) } ?? "its package"
        return "rebuild it with 'textpipe plugin build \(target)', with its Package.swift depending on the TextPipe package this textpipe was built from\(sources); if it is refused again after that, textpipe itself is older than those sources: rebuild textpipe first ('swift build')"
    }

    /// Why a file cannot be a loadable library, judged by its first bytes, if it cannot.
    static func notALibrary(_ path: String) -> String? {
        // Only a regular file: opening a FIFO would wait forever, a device could be anything.
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return "\(path) is not a regular file (a plugin is a package folder or the .so its build makes)"
        }
        guard let file = FileHandle(forReadingAtPath: path) else { return "\(path) cannot be read" }
        defer { try? file.close() }
        guard let data = try? file.read(upToCount: 4) else { return "\(path) cannot be read" }
        let head = [UInt8](data)
        #if os(macOS)
        let magics: [[UInt8]] = [[0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]]
        #else
        let magics: [[UInt8]] = [[0x7f, 0x45, 0x4c, 0x46]]
        #endif
        return magics.contains(head) ? nil : "\(path) is not a shared library (a plugin is a package folder or the .so its build makes)"
    }

    /// The build record compiled into a plugin file (`TextPipeBuild.compiledAgainst`),
    /// found by its marker, without loading the file.
    public static func buildRecord(inFile path: String) -> BuildInfo? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let marker = Data(BuildInfo.marker.utf8)
        var searchFrom = data.startIndex
        while let found = data.range(of: marker, in: searchFrom..<data.endIndex) {
            let end = data[found.lowerBound...].firstIndex(of: 0) ?? data.endIndex
            if let info = BuildInfo(record: String(decoding: data[found.lowerBound..<end], as: UTF8.self)) { return info }
            searchFrom = found.upperBound
        }
        return nil
    }

    /// `path` as a command typed in the current folder can use it: relative when it is
    /// inside the current folder, absolute otherwise.
    static func commandPath(_ path: String) -> String {
        let cwd = Paths.currentDirectory
        if path == cwd { return "." }
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The loaded libraries named libTextPipe.* (by path).
    static func loadedTextPipeLibraries() -> Set<String> {
        var paths = Set<String>()
        #if os(macOS)
        for i in 0..<_dyld_image_count() {
            if let name = _dyld_get_image_name(i) { paths.insert(String(cString: name)) }
        }
        #else
        // The memory map names every mapped file; Glibc's module does not offer
        // dl_iterate_phdr. Read to the end: /proc files report no size, and a reader that
        // trusts the size stops after the first page.
        let maps = FileHandle(forReadingAtPath: "/proc/self/maps").map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) } ?? ""
        for line in maps.split(separator: "\n") {
            if let slash = line.firstIndex(of: "/") { paths.insert(String(line[slash...])) }
        }
        #endif
        return paths.filter { Paths.fileName(of: $0).hasPrefix("libTextPipe.") }
    }
}
