/// The bridge between `regex-tag` rules (`use: NAME`) and the library of ready patterns.
enum ReadyPatterns {
    struct Ready {
        let pattern: String
        let label: String
        let validator: (@Sendable (Substring) -> Bool)?
    }

    static var names: [String] { [] }

    static func pattern(named name: String) -> Ready? { nil }
}
