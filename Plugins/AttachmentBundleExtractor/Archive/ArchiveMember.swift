public import Foundation

/// One member of an archive, as read by ``ArchiveReader``.
public struct ArchiveMember: Sendable, Equatable {
    /// What kind of entry the member is. Links are reported, never followed.
    public enum Kind: Sendable, Equatable {
        /// A regular file; its contents are in ``ArchiveMember/data`` when they could be read.
        case file
        /// A folder.
        case directory
        /// A symbolic link; `target` is the target as stored (it may point anywhere, e.g. `/etc/passwd`).
        case symlink(target: String)
        /// A hard link to another member or path; `target` is the target as stored.
        case hardlink(target: String)
        /// Anything else: a device, a FIFO, a socket.
        case other
    }

    /// A safe relative path: "/"-separated, no leading "/", no "." or ".." components, backslashes read as
    /// separators, Unicode NFC. It never leaves the archive's root. Empty names become `unnamed-N` (N counts from 1).
    public var path: String
    /// The name as stored in the archive, for warnings: as libarchive gives it (it turns UTF-8 names into NFC),
    /// decoded with replacement characters when it was not UTF-8.
    public var rawPath: String
    /// The kind of entry.
    public var kind: Kind
    /// The contents of a regular file that was read completely; nil for other kinds and for files that could not be
    /// read (see ``problem``).
    public var data: Data?
    /// Why ``data`` is nil for a file, or why the path was rewritten: "encrypted: …", "larger than the 256 MiB entry
    /// limit", "unsafe path ../../x rewritten to x". Nil when nothing went wrong.
    public var problem: String?

    /// Creates a member.
    /// - Parameters:
    ///   - path: the safe relative path.
    ///   - rawPath: the name as stored.
    ///   - kind: the kind of entry.
    ///   - data: the contents, for a file that was read.
    ///   - problem: what went wrong, if anything.
    public init(path: String, rawPath: String, kind: Kind, data: Data? = nil, problem: String? = nil) {
        self.path = path
        self.rawPath = rawPath
        self.kind = kind
        self.data = data
        self.problem = problem
    }
}

/// Everything read from one archive: its members in stored order, and what the reader noticed on the way.
public struct ArchiveListing: Sendable {
    /// The members, in the order the archive stores them.
    public var members: [ArchiveMember]
    /// One line per event worth telling the user: a rewritten path, a link pointing outside the archive, a limit
    /// that stopped the reading, a damaged tail.
    public var warnings: [String]

    /// Creates a listing.
    /// - Parameters:
    ///   - members: the members, in stored order.
    ///   - warnings: what the reader noticed.
    public init(members: [ArchiveMember] = [], warnings: [String] = []) {
        self.members = members
        self.warnings = warnings
    }
}
