#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one C function a plugin exports, and the protocol the loader speaks with it.
///
/// A plugin writes:
///
/// ```swift
/// @_cdecl("textpipe_plugin")
/// public func textpipePlugin(_ request: Int32, _ host: UnsafeMutableRawPointer?) -> UnsafePointer<CChar>? {
///     PluginEntryPoint.handle(request, host) { registrar in
///         try registrar.register(MyStage.self)
///     }
/// }
/// ```
///
/// The loader first asks `describe`: the answer is the `TextPipeBuild.compiledAgainst`
/// literal of the TextPipe the plugin was compiled against, a C string in the plugin's own
/// binary. Answering it runs no TextPipe code, so it is safe whatever build the plugin
/// came from. Only when that build is this process's build does the loader ask `register`.
public enum PluginEntryPoint {
    /// The symbol the loader looks up.
    public static let symbol = "textpipe_plugin"

    /// The C type of the entry point: `const char *textpipe_plugin(int32_t, void *)`.
    public typealias Function = @convention(c) (Int32, UnsafeMutableRawPointer?) -> UnsafePointer<CChar>?

    /// Requests; their numbers are part of the plugin ABI and never change.
    public enum Request: Int32 {
        /// Return the build record (a static C string); `host` is nil.
        case describe = 1
        /// Register the stages with the `PluginRegistrar` that `host` points to (unretained).
        /// Return nil on success, or an error message allocated with `malloc` that the
        /// loader frees.
        case register = 2
    }

    /// Answers the loader's requests; a plugin's entry point calls it with its own
    /// registration code. Always emitted into the plugin, so that `describe` returns the
    /// plugin's literal and touches nothing of the TextPipe it is loaded into.
    @_alwaysEmitIntoClient
    public static func handle(_ request: Int32, _ host: UnsafeMutableRawPointer?,
                              register: (PluginRegistrar) throws -> Void) -> UnsafePointer<CChar>?
    {
        switch request {
        case 1:  // describe: the literal only, no TextPipe call
            return UnsafeRawPointer(TextPipeBuild.compiledAgainst.utf8Start).assumingMemoryBound(to: CChar.self)
        case 2:  // register: the loader has checked that the builds match
            guard let host else { return UnsafePointer(strdup("the loader passed no registrar")) }
            let registrar = Unmanaged<PluginRegistrar>.fromOpaque(host).takeUnretainedValue()
            do {
                try register(registrar)
                return nil
            } catch {
                return UnsafePointer(strdup(String(describing: error)))
            }
        default:
            return nil
        }
    }
}
