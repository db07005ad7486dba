/// The TextPipe version. Plugins are checked against it.
public enum TextPipeVersion {
    public static let string = "0.1.0"
}
