import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The watched folder's layout: which entries are inputs, and the `processed/` and `failed/` folders that finished
/// inputs are moved into.
///
/// Moves are renames inside one file system, so an input is always in exactly one place, whole. A name already
/// taken in `processed/` or `failed/` gets a suffix (`minutes-2.pdf`); nothing there is ever overwritten. Moves
/// are made one at a time under a lock, and ``lock()`` keeps a second watcher out of the folder, so the check for
/// a free name and the rename cannot race.
final class DropFolder: Sendable {
    /// The watched folder, absolute and standardised.
    let root: URL
    /// Where stored inputs go.
    let processed: URL
    /// Where inputs that could not be extracted go, with a `NAME.error.json` report beside each.
    let failed: URL
    /// Serialises the choice of a free name and the rename.
    private let moves = Mutex(())

    /// The folder names the watcher owns inside the watched folder.
    static let processedName = "processed"
    static let failedName = "failed"

    /// Creates the layout for a watched folder (nothing is created on disk yet).
    init(root: URL) {
        self.root = root.standardizedFileURL
        processed = self.root.appendingPathComponent(Self.processedName, isDirectory: true)
        failed = self.root.appendingPathComponent(Self.failedName, isDirectory: true)
    }

    /// Whether an entry directly in the watched folder is left alone: hidden entries (editors' and atomic writers'
    /// temporary files) and the watcher's own folders.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name == processedName || name == failedName
    }

    /// The absolute path of an entry of the watched folder.
    func path(of name: String) -> String {
        root.appendingPathComponent(name).path
    }

    /// The inputs directly in the watched folder now, with their status, oldest first.
    func listInputs() -> [(name: String, status: FileStatus)] {
        FileStatus.names(in: root.path)
            .filter { !Self.isIgnored($0) }
            .compactMap { name in FileStatus.of(path(of: name)).map { (name, $0) } }
            .sorted { ($0.status.modified, $0.name) < ($1.status.modified, $1.name) }
    }

    /// Checks that the watched folder exists and creates `processed/` and `failed/`.
    /// - Parameter createFolders: false with `--keep` (nothing is moved; `failed/` is created with the first report).
    /// - Throws: ``WatchError`` when the folder is missing or the subfolders cannot be created.
    func prepare(createFolders: Bool) throws(WatchError) {
        guard FileStatus.of(root.path)?.kind == .directory else {
            throw WatchError(
                code: .folderNotFound, message: "no folder at \(root.path)",
                advice: "create it first (mkdir -p \(root.path)), or check the path")
        }
        if createFolders {
            try createFolder(processed)
            try createFolder(failed)
        }
    }

    /// Tidies what a killed watcher may have left: temporary reports in `failed/`. Call with the lock held.
    func removeLeftovers() {
        removePartialReports()
    }

    /// Moves a stored input into `processed/`.
    /// - Returns: the name it has there.
    /// - Throws: a message when it cannot be moved.
    func moveToProcessed(_ name: String) throws(DropFolderError) -> String {
        try moves.withLock { _ throws(DropFolderError) in
            try ensureFolder(processed)
            let target = freeName(for: name, in: processed)
            try renameEntry(path(of: name), to: processed.appendingPathComponent(target).path)
            return target
        }
    }

    /// Writes the report of a failed input beside where it goes in `failed/` (atomically: a temporary file renamed
    /// into place), then moves the input there; with `keepingInput`, only writes the report, as `failed/NAME.error.json`.
    /// - Returns: the report's path.
    /// - Throws: a message when the report cannot be written or the input not moved; the input then stays put.
    func moveToFailed(_ name: String, report: Data, keepingInput: Bool) throws(DropFolderError) -> String {
        try moves.withLock { _ throws(DropFolderError) in
            try ensureFolder(failed)
            // A report without its input is left over from a crash between the two steps: the free-name check
            // looks at the input's name only, so such a report is overwritten, not kept as a second one.
            let target = keepingInput ? name : freeName(for: name, in: failed)
            let reportURL = failed.appendingPathComponent(target + ".error.json")
            try writeAtomically(report, to: reportURL)
            if !keepingInput {
                try renameEntry(path(of: name), to: failed.appendingPathComponent(target).path)
            }
            return reportURL.path
        }
    }

    /// Takes an exclusive lock on the watched folder for as long as the returned owner lives.
    /// - Throws: ``WatchError`` with code `already-watched` when another watcher holds it.
    func lock() throws(WatchError) -> FolderLock {
        try FolderLock(path: root.path)
    }

    /// Writes `data` to a hidden temporary file beside `url` (`.NAME.partial`), then renames it into place, so
    /// `url` is either absent or complete. A temporary file left by a crash is removed by ``prepare(createFolders:)``.
    private func writeAtomically(_ data: Data, to url: URL) throws(DropFolderError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            "." + url.lastPathComponent + Self.partialSuffix)
        do {
            try data.write(to: temporary)
        } catch {
            throw DropFolderError("cannot write \(temporary.path) (\(error.localizedDescription))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw DropFolderError("cannot rename \(temporary.path) to \(url.path) (\(reason))")
        }
    }

    /// What ends the name of a report being written.
    static let partialSuffix = ".partial"

    /// Removes the temporary reports a killed watcher left in `failed/` (only a watcher writes there, and the lock
    /// keeps others out while this one runs).
    private func removePartialReports() {
        for name in FileStatus.names(in: failed.path)
        where name.hasPrefix(".") && name.hasSuffix(".error.json" + Self.partialSuffix) {
            unlink(failed.appendingPathComponent(name).path)
        }
    }

    /// `name` if nothing in `folder` has it, else `stem-2.ext`, `stem-3.ext` … (a folder: `name-2` …).
    private func freeName(for name: String, in folder: URL) -> String {
        guard FileStatus.of(folder.appendingPathComponent(name).path) != nil else { return name }
        let isFolder = FileStatus.of(path(of: name))?.kind == .directory
        let dot = isFolder ? nil : name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let stem = dot.map { String(name[..<$0]) } ?? name
        let suffix = dot.map { String(name[$0...]) } ?? ""
        var number = 2
        while true {
            let candidate = "\(stem)-\(number)\(suffix)"
            if FileStatus.of(folder.appendingPathComponent(candidate).path) == nil { return candidate }
            number += 1
        }
    }

    private func renameEntry(_ source: String, to target: String) throws(DropFolderError) {
        guard rename(source, target) == 0 else {
            let reason = String(cString: strerror(errno))
            throw DropFolderError("cannot move \(source) to \(target) (\(reason))")
        }
    }

    private func ensureFolder(_ url: URL) throws(DropFolderError) {
        guard FileStatus.of(url.path)?.kind != .directory else { return }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw DropFolderError("cannot create \(url.path) (\(error.localizedDescription))")
        }
    }

    private func createFolder(_ url: URL) throws(WatchError) {
        do {
            try ensureFolder(url)
        } catch {
            throw WatchError(
                code: .layoutFailed, message: error.message,
                advice: "check that the watched folder is writable, or use --keep to leave files where they are")
        }
    }
}

/// Why a move or a report in the watched folder failed.
struct DropFolderError: Error, Sendable, CustomStringConvertible {
    /// What happened.
    var message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}

/// An exclusive `flock(2)` on a folder, held until the owner is dropped (or the process dies, even by `kill -9`:
/// the kernel releases it with the descriptor). Two watchers on one folder would race for its files.
struct FolderLock: ~Copyable {
    private let descriptor: Int32

    /// Locks the folder at `path`.
    /// - Throws: ``WatchError`` when the folder cannot be opened or another process holds the lock.
    init(path: String) throws(WatchError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw WatchError(
                code: .folderNotFound, message: "cannot open \(path) (\(String(cString: strerror(errno))))",
                advice: "check the path and its permissions")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw WatchError(
                code: .alreadyWatched, message: "another `ingest watch` is watching \(path)",
                advice: "stop it first (Ctrl-C, or kill its process); one watcher per folder")
        }
        self.descriptor = descriptor
    }

    /// Releases the lock.
    consuming func release() {}

    deinit {
        close(descriptor)
    }
}
