import Foundation
import GRDB
import IngestCore

/// The searchable store of extracted minutes: an SQLite database (GRDB) with full-text search.
///
/// One file holds every document saved, its agenda items, participants, attachments and abbreviations, and a
/// full-text index (FTS5) over document titles, agenda item titles and item text. The database runs in WAL mode
/// behind a `DatabasePool`: any number of reads run at once and alongside the single writer, and writes from many
/// tasks (or another `ingest` process) queue up. Every method is synchronous and safe to call from any task or
/// thread; a save holds the write lock for a few milliseconds.
///
/// ```swift
/// let store = try MinutesStore(path: MinutesStore.defaultPath)
/// let outcome = try store.save(document, path: "minutes/2024-03-14.pdf")
/// for hit in try store.search("skjenketider") { print(hit.itemTitle ?? "", hit.snippet) }
/// ```
public final class MinutesStore: Sendable {
    /// The store's file, as given to ``init(path:createIfMissing:)``.
    public let path: String
    let pool: DatabasePool

    /// Opens the store at `path`, creating it (and its parent folders) when it does not exist, and brings its
    /// schema up to date.
    /// - Parameters:
    ///   - path: the database file.
    ///   - createIfMissing: when `false`, a missing file is an error instead of a new, empty store (for commands
    ///     that only read).
    /// - Throws: ``StoreError`` when the folder cannot be created, the file is not a store, or a newer `ingest`
    ///   wrote it.
    public init(path: String, createIfMissing: Bool = true) throws(StoreError) {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard createIfMissing else { throw .missing(path: path) }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(
                    message: "cannot create the folder \(folder.path) for the store",
                    advice: "check that the path is writable, or choose another with --store PATH")
            }
        }
        var configuration = Configuration()
        configuration.label = "IngestStore"
        // Another process (the watcher, a second `ingest`) may hold the write lock for a moment: wait for it.
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if try pool.read(StoreSchema.migrator.hasBeenSuperseded) {
                throw StoreError(
                    message: "the store at \(path) was written by a newer version of ingest",
                    advice: "upgrade ingest, or use another store with --store PATH")
            }
            try StoreSchema.migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path, doing: "open")
        }
    }

    /// Where the store lives when no `--store PATH` is given: `$INGEST_STORE`, else
    /// `$XDG_DATA_HOME/ingest/minutes.sqlite`, else `~/.local/share/ingest/minutes.sqlite`.
    public static var defaultPath: String {
        defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// The default path for an environment (see ``defaultPath``).
    static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["INGEST_STORE"], !path.isEmpty { return path }
        let dataHome: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share")
        }
        return dataHome.appendingPathComponent("ingest/minutes.sqlite").path
    }

    /// Runs `updates` in one write transaction (IMMEDIATE): all of it is committed, or none.
    func write<T>(_ updates: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(updates)
        } catch {
            throw StoreError(error, path: path, doing: "write to")
        }
    }

    /// Runs `value` on a read-only snapshot.
    func read<T>(_ value: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(value)
        } catch {
            throw StoreError(error, path: path, doing: "read")
        }
    }
}
