/// Turns entry headers into members with safe paths, and notices what a user should hear about: rewritten paths,
/// links pointing outside the archive, paths running through an earlier symlink, duplicate paths, names that were
/// not UTF-8.
struct ArchiveMemberCollector {
    private var members: [ArchiveMember] = []
    private var warnings: [String] = []
    private var seenPaths: Set<String> = []
    private var symlinkPaths: Set<String> = []
    private var headers = 0
    private var warnedAboutLossyNames = false

    /// The listing so far.
    var listing: ArchiveListing { ArchiveListing(members: members, warnings: warnings) }
    /// Members so far.
    var count: Int { members.count }
    /// Whether no member was collected yet (warnings may have been).
    var isEmpty: Bool { members.isEmpty }

    /// Adds a warning.
    mutating func warn(_ warning: String) { warnings.append(warning) }

    /// Adds a member (with its data read, or its problem set).
    mutating func append(_ member: ArchiveMember) { members.append(member) }

    /// Builds the member for a header, without data.
    /// - Parameters:
    ///   - header: the entry's header.
    ///   - warning: libarchive's warning about the header, if any.
    /// - Returns: the member; nil for an entry that names the archive's root folder itself ("./"), which is dropped.
    mutating func member(for header: ArchiveEntryHeader, warning: String?) -> ArchiveMember? {
        headers += 1
        let kind = Self.kind(of: header)
        let rawPath = header.name ?? ""
        let sanitized = ArchivePath.sanitize(rawPath)
        var member = ArchiveMember(path: sanitized.path, rawPath: rawPath, kind: kind)
        if header.nameWasLossy && !warnedAboutLossyNames {
            warnedAboutLossyNames = true
            warn("member names are not UTF-8 (a legacy code page such as GBK or Shift-JIS): shown with \u{FFFD}")
        }
        if sanitized.path.isEmpty {
            if kind == .directory && header.name != nil {
                if sanitized.wasUnsafe { warn("skipped the folder \(Self.quoted(rawPath)): it names the root") }
                return nil
            }
            member.path = "unnamed-\(headers)"
            let reason =
                header.name == nil ? "has no readable name" : "has an empty or unsafe name \(Self.quoted(rawPath))"
            member.addProblem("entry \(headers) \(reason); named \(member.path)")
            warn("entry \(headers) \(reason): named it \(member.path)")
        } else if sanitized.wasUnsafe {
            let note = "unsafe path \(Self.quoted(rawPath)) rewritten to \(member.path)"
            member.addProblem(note)
            warn(note)
        }
        if let warning { warn("\(member.path): \(warning)") }
        noteLinksAndCollisions(of: &member)
        return member
    }

    private mutating func noteLinksAndCollisions(of member: inout ArchiveMember) {
        let path = member.path
        if let symlink = Self.ancestors(of: path).first(where: symlinkPaths.contains) {
            let note = "path runs through the symlink \(symlink)"
            member.addProblem(note)
            warn("\(path): \(note)")
        }
        if !seenPaths.insert(path).inserted {
            warn("\(path): duplicate path, an earlier member has the same one")
        }
        switch member.kind {
        case .symlink(let target):
            symlinkPaths.insert(path)
            if ArchivePath.escapesRoot(target: target, from: path, isHardlink: false) {
                let note = "symlink pointing outside the archive, to \(Self.quoted(target))"
                member.addProblem(note)
                warn("\(path): \(note)")
            }
        case .hardlink(let target):
            if ArchivePath.escapesRoot(target: target, from: path, isHardlink: true) {
                let note = "hardlink pointing outside the archive, to \(Self.quoted(target))"
                member.addProblem(note)
                warn("\(path): \(note)")
            }
        default:
            break
        }
    }

    private static func kind(of header: ArchiveEntryHeader) -> ArchiveMember.Kind {
        if let target = header.hardlinkTarget { return .hardlink(target: target) }
        switch header.fileType {
        case ArchiveHandle.typeRegular: return .file
        case ArchiveHandle.typeDirectory: return .directory
        case ArchiveHandle.typeSymlink: return .symlink(target: header.symlinkTarget ?? "")
        default: return .other
        }
    }

    /// "a", "a/b" for "a/b/c".
    private static func ancestors(of path: String) -> [String] {
        let components = path.split(separator: "/")
        return (1..<max(1, components.count)).map { components.prefix($0).joined(separator: "/") }
    }

    private static func quoted(_ name: String) -> String { name.debugDescription }
}

extension ArchiveMember {
    /// Adds a problem after any already there, or before them when it says why the data is missing (`first`), so
    /// that ``problem`` starts with "encrypted:" for an encrypted member whatever else is noted.
    mutating func addProblem(_ problem: String, first: Bool = false) {
        guard let existing = self.problem else {
            self.problem = problem
            return
        }
        self.problem = first ? "\(problem); \(existing)" : "\(existing); \(problem)"
    }
}
