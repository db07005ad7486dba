/// What a plugin's entry point registers its stage types with. It belongs to the loading
/// program; the plugin only calls it once the loader has checked that both were built from
/// the same TextPipe.
public final class PluginRegistrar {
    private let registry: StageRegistry
    /// Where the stages come from, as `textpipe stages NAME` shows it.
    public let origin: String
    /// The names registered so far, in order.
    public private(set) var registered: [String] = []
    /// The name clash that stopped the registration, if one did: the loader reports it as a
    /// clash, not as a failure of the plugin's code.
    public private(set) var clash: StageRegistry.NameClash?

    public init(registry: StageRegistry, origin: String) {
        self.registry = registry
        self.origin = origin
    }

    /// Registers a stage type; throws when its name is taken by another stage.
    public func register(_ stage: any DeclaredStage.Type) throws {
        try register(stage.descriptor)
    }

    public func register(_ descriptor: StageDescriptor) throws {
        do {
            try registry.register(descriptor, origin: origin)
        } catch let found as StageRegistry.NameClash {
            clash = found
            throw found
        }
        registered.append(descriptor.name)
    }
}
