/// A stage type with the declaration that registers it: what a plugin's entry point, a
/// program that embeds TextPipe, and the built-in stage list register.
public protocol DeclaredStage {
    static var descriptor: StageDescriptor { get }
}
