import Redact
import TextPipe

/// The plugin's entry point: textpipe checks the build it reports, then lets it register.
@_cdecl("textpipe_plugin")
public func textpipePlugin(_ request: Int32, _ host: UnsafeMutableRawPointer?) -> UnsafePointer<CChar>? {
    PluginEntryPoint.handle(request, host) { registrar in
        try registrar.register(RedactStage.self)
    }
}
