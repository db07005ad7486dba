#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the walker finds: a file to read, or something it could not use and why.
public enum WalkEvent: Sendable, Equatable {
    case file(relativePath: String, absolutePath: String, size: Int)
    /// A file that matched but cannot be read (a broken link): an input document that is skipped.
    case unreadableFile(relativePath: String, reason: String)
    /// A folder that was not walked (a symlink loop, no permission): a warning.
    case skippedFolder(relativePath: String, reason: String)
}

/// Walks a folder lazily and deterministically: entries in byte order of their names,
/// depth first, hidden names skipped unless asked, symlink loops detected.
///
/// Uses `opendir`/`readdir` directly: `FileManager`'s enumerator builds URLs and
/// attribute dictionaries per entry, which dominates the cost of walking large corpora.
public struct FolderWalker: Sequence, IteratorProtocol {
    private struct Frame {
        let relativePath: String
        let absolutePath: String
        var names: [String]
        var next: Int
        let identity: FileIdentity
    }

    private struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private let include: [GlobPattern]
    private let exclude: [GlobPattern]
    private let hidden: Bool
    private let followSymlinks: Bool
    /// Folders never entered (the output folder), by identity so that another path to
    /// the same folder (a symlink) is caught too.
    private let excludedFolders: Set<FileIdentity>
    private var stack: [Frame] = []
    private var pending: [WalkEvent] = []
    private var ancestors: Set<FileIdentity> = []
    private var badNames: [String] = []

    public init(spec: InputSpec) {
        include = spec.include.map(GlobPattern.init)
        exclude = spec.exclude.map(GlobPattern.init)
        hidden = spec.hidden
        followSymlinks = spec.followSymlinks
        excludedFolders = Set(spec.excludedFolders.compactMap { path in
            var st = stat()
            return stat(path, &st) == 0 ? FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)) : nil
        })
        var st = stat()
        guard stat(spec.path, &st) == 0 else {
            pending = [.skippedFolder(relativePath: spec.path, reason: Self.errnoText())]
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            openFolder(relative: "", absolute: spec.path, identity: FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)))
        } else {
            // A single file given as input: its id is its file name.
            pending = [.file(relativePath: Paths.fileName(of: spec.path), absolutePath: spec.path, size: Int(st.st_size))]
        }
    }

    public mutating func next() -> WalkEvent? {
        while true {
            if let event = pending.popLast() { return event }
            guard !stack.isEmpty else { return nil }
            let top = stack.count - 1
            if stack[top].next >= stack[top].names.count {
                ancestors.remove(stack[top].identity)
                stack.removeLast()
                continue
            }
            let name = stack[top].names[stack[top].next]
            stack[top].next += 1
            let relative = stack[top].relativePath.isEmpty ? name : stack[top].relativePath + "/" + name
            let absolute = stack[top].absolutePath + "/" + name
            if let event = visit(relative: relative, absolute: absolute) { return event }
        }
    }

    private mutating func visit(relative: String, absolute: String) -> WalkEvent? {
        var st = stat()
        guard lstat(absolute, &st) == 0 else {
            return included(relative) ? .unreadableFile(relativePath: relative, reason: Self.errnoText()) : nil
        }
        var mode = st.st_mode & S_IFMT
        if mode == S_IFLNK {
            guard followSymlinks else { return nil }
            guard stat(absolute, &st) == 0 else {
                return included(relative) ? .unreadableFile(relativePath: relative, reason: "broken symbolic link") : nil
            }
            mode = st.st_mode & S_IFMT
        }
        if mode == S_IFDIR {
            let identity = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
            if exclude.contains(where: { $0.excludesDirectory(relative) }) || excludedFolders.contains(identity) { return nil }
            if ancestors.contains(identity) {
                return .skippedFolder(relativePath: relative, reason: "symbolic link loop: it leads back to a folder above it")
            }
            openFolder(relative: relative, absolute: absolute, identity: identity)
            return pending.popLast()
        }
        guard mode == S_IFREG else { return nil }  // sockets, fifos, devices: not documents
        guard included(relative) else { return nil }
        return .file(relativePath: relative, absolutePath: absolute, size: Int(st.st_size))
    }

    private func included(_ relative: String) -> Bool {
        include.contains(where: { $0.matches(relative) }) && !exclude.contains(where: { $0.matches(relative) })
    }

    private mutating func openFolder(relative: String, absolute: String, identity: FileIdentity) {
        guard let dir = opendir(absolute) else {
            pending.append(.skippedFolder(relativePath: relative.isEmpty ? "." : relative, reason: Self.errnoText()))
            return
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let raw: [UInt8] = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { p in
                    Array(UnsafeBufferPointer(start: p, count: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))))
                }
            }
            if raw == [0x2E] || raw == [0x2E, 0x2E] { continue }
            if !hidden && raw.first == 0x2E { continue }
            guard let name = String(validating: raw, as: UTF8.self) else {
                // The path could not be opened from a repaired name, and an id must be text:
                // account for the file and say what to do.
                let repaired = String(decoding: raw, as: UTF8.self)
                badNames.append(relative.isEmpty ? repaired : relative + "/" + repaired)
                continue
            }
            names.append(name)
        }
        for name in badNames.sorted().reversed() {  // `pending` pops from the end
            pending.append(.unreadableFile(relativePath: name, reason: "the file name is not valid UTF-8; rename the file"))
        }
        badNames.removeAll()
        // Byte order, not locale order: the same on every machine.
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        ancestors.insert(identity)
        stack.append(Frame(relativePath: relative, absolutePath: absolute, names: names, next: 0, identity: identity))
    }

    static func errnoText() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
