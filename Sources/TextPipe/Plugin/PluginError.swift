/// Why a plugin could not be built or loaded. Every message says what to do about it.
public enum PluginError: Error, Sendable, CustomStringConvertible {
    /// Nothing at the path.
    case missing(written: String, resolved: String)
    /// Something is there, but not a plugin package or a plugin library.
    case notAPlugin(path: String, reason: String)
    /// A plugin package without a library built for this textpipe's configuration.
    case notBuilt(package: String, library: String, configuration: String, builtConfiguration: String?)
    /// The package's sources changed after its library was built.
    case stale(package: String, library: String, newerFile: String)
    /// The plugin was compiled against another build of TextPipe.
    case buildMismatch(plugin: String, built: BuildInfo, host: BuildInfo, rebuild: String)
    /// `dlopen` refused the library.
    case loadFailed(plugin: String, reason: String)
    /// Loading the plugin also loaded a second TextPipe library.
    case secondTextPipe(plugin: String, copy: String)
    /// A stage name the plugin registers is taken.
    case nameClash(plugin: String, clash: StageRegistry.NameClash)
    /// The plugin's registration code threw.
    case entryPointFailed(plugin: String, message: String)
    /// `swift build` failed or could not start.
    case buildFailed(package: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let written, let resolved):
            return "no plugin at '\(written)' (resolved to \(resolved)); a plugin is a package folder (Plugins/NAME) or a built library (.so)"
        case .notAPlugin(let path, let reason):
            return "\(path) is not a TextPipe plugin: \(reason)"
        case .notBuilt(let package, let library, let configuration, let built):
            let found = built.map { " (it is built for \($0) only)" } ?? ""
            return "the plugin package \(package) is not built for this \(configuration) textpipe\(found): \(library) is missing; "
                + "build it with 'textpipe plugin build \(package)', or pass --build-plugins"
        case .stale(let package, let library, let newer):
            return "the plugin package \(package) changed after it was built (\(newer) is newer than \(library)); "
                + "rebuild it with 'textpipe plugin build \(package)', or pass --build-plugins"
        case .buildMismatch(let plugin, let built, let host, let rebuild):
            let differ = built.differences(from: host).joined(separator: ", ")
            return "the plugin \(plugin) was built against another build of TextPipe (\(differ) differ): "
                + "the plugin has \(built), this textpipe has \(host); \(rebuild)"
        case .loadFailed(let plugin, let reason):
            return "cannot load the plugin \(plugin): \(reason)"
        case .secondTextPipe(let plugin, let copy):
            return "loading the plugin \(plugin) also loaded a second TextPipe library (\(copy)), so its stages would not be this program's; "
                + "the program must provide TextPipe to plugins (the textpipe executable does; a program of your own needs "
                + "the linker flags in Docs/Plugins.md)"
        case .nameClash(let plugin, let clash):
            return "the plugin \(plugin) cannot be used: \(clash)"
        case .entryPointFailed(let plugin, let message):
            return "the plugin \(plugin) failed while registering its stages: \(message)"
        case .buildFailed(let package, let reason):
            return "building the plugin package \(package) failed: \(reason)"
        }
    }
}
