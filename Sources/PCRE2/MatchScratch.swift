import CPCRE2

/// Limits that stop a pathological pattern on a hostile text instead of letting it run
/// for hours. The defaults allow any reasonable pattern on documents of many megabytes.
public struct MatchLimits: Sendable, Hashable {
    /// Backtracking steps per match attempt (PCRE2's match limit).
    public var match: UInt32
    /// Nesting depth of backtracking (the interpreter's depth limit).
    public var depth: UInt32
    /// The JIT stack's maximum size in bytes, the JIT's equivalent of the depth limit.
    public var jitStack: Int

    public init(match: UInt32 = 5_000_000, depth: UInt32 = 100_000, jitStack: Int = 2 << 20) {
        self.match = match
        self.depth = depth
        self.jitStack = jitStack
    }
}

/// Per-worker match state: match data, the match context with its limits, and the JIT
/// stack. Not thread-safe: each worker owns one (see `StageContext.scratch`).
public final class MatchScratch {
    let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private var data: OpaquePointer
    private var dataPairs: Int

    public init(limits: MatchLimits = MatchLimits()) {
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.match)
        pcre2_set_depth_limit_8(context, limits.depth)
        jitStack = pcre2_jit_stack_create_8(32 << 10, max(32 << 10, limits.jitStack), nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
        dataPairs = 32
        data = pcre2_match_data_create_8(UInt32(dataPairs), nil)
    }

    deinit {
        pcre2_match_data_free_8(data)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
    }

    /// Match data with room for every group of `regex`.
    func matchData(for regex: Regex) -> OpaquePointer {
        if regex.captureCount + 1 > dataPairs {
            pcre2_match_data_free_8(data)
            dataPairs = regex.captureCount + 1
            data = pcre2_match_data_create_8(UInt32(dataPairs), nil)
        }
        return data
    }
}
