import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `lstat(2)` says about one path, as plain values: links are not followed.
struct FileStatus: Sendable, Hashable {
    /// The kinds of entry the watcher tells apart.
    enum Kind: Sendable, Hashable {
        /// A regular file.
        case regular
        /// A folder.
        case directory
        /// Anything else: a symbolic link, a FIFO, a socket, a device. Never opened (a FIFO would block).
        case other
    }

    /// The kind of entry.
    var kind: Kind
    /// The size in bytes.
    var size: Int64
    /// The modification time, in nanoseconds since 1970.
    var modified: Int64
    /// The inode number: a file replaced by another (renamed over it) has another one.
    var inode: UInt64

    /// The status of `path`, or `nil` when it does not exist (or cannot be examined).
    static func of(_ path: String) -> FileStatus? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let kind: Kind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .regular
            case S_IFDIR: .directory
            default: .other
            }
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return FileStatus(kind: kind, size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
    }

    /// The names in the folder at `path` (without `.` and `..`), or an empty list when it cannot be read.
    static func names(in path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }
}

/// The state of an entry and, for a folder, of everything in it: two equal fingerprints mean nothing was written,
/// added, removed or replaced in between (as far as sizes, times and inodes tell).
struct EntryFingerprint: Sendable, Hashable {
    /// Each path under the entry ("" for the entry itself) with its status, sorted by path.
    var stamps: [Stamp]

    /// One path's status.
    struct Stamp: Sendable, Hashable {
        /// The path relative to the entry; "" for the entry itself.
        var path: String
        /// Its status.
        var status: FileStatus
    }

    /// Whether the entry exists at all.
    var exists: Bool { !stamps.isEmpty }

    /// Takes the fingerprint of the file or folder at `path`; empty when it does not exist. Links are not followed.
    /// - Parameter limit: the most paths recorded; a folder with more is cut there (its fingerprint still changes
    ///   when anything in the recorded part does).
    static func of(_ path: String, limit: Int = 100_000) -> EntryFingerprint {
        guard let status = FileStatus.of(path) else { return EntryFingerprint(stamps: []) }
        var stamps = [Stamp(path: "", status: status)]
        if status.kind == .directory {
            var pending = [""]
            while let folder = pending.popLast(), stamps.count < limit {
                let absolute = folder.isEmpty ? path : path + "/" + folder
                for name in FileStatus.names(in: absolute).sorted() {
                    let relative = folder.isEmpty ? name : folder + "/" + name
                    guard let child = FileStatus.of(path + "/" + relative) else { continue }
                    stamps.append(Stamp(path: relative, status: child))
                    if child.kind == .directory { pending.append(relative) }
                }
            }
            stamps.sort { $0.path < $1.path }
        }
        return EntryFingerprint(stamps: stamps)
    }

    /// The regular files of the entry, as paths relative to it ("" for a file entry).
    var regularFiles: [String] {
        stamps.filter { $0.status.kind == .regular }.map(\.path)
    }
}
