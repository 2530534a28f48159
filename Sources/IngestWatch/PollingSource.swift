import Foundation
import Synchronization

/// Watches a folder by scanning it: every `interval`, the fingerprint (sizes, modification times, inodes) of each
/// entry, and of everything inside the folders, is compared with the last scan's.
///
/// For file systems that do not deliver inotify events (NFS, SMB and other network mounts, some FUSE file systems,
/// a folder shared into a container or VM). An entry that appears or changes counts as complete activity: it is
/// taken once it stays unchanged for the settle time. A writer that pauses longer than that while keeping the
/// file open is caught by ``OpenWriterCheck`` where the kernel can tell.
final class PollingSource: ChangeSource {
    private let folder: DropFolder
    private let interval: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Creates a scanner.
    /// - Parameters:
    ///   - folder: the watched folder.
    ///   - interval: the time between the end of one scan and the start of the next.
    init(folder: DropFolder, interval: Duration) {
        self.folder = folder
        self.interval = interval
    }

    func start(deliver: @escaping @Sendable ([WatchEvent]) -> Void) throws(WatchError) {
        let folder = folder
        let interval = interval
        let baseline = Self.scan(folder)
        let scanner = Task.detached {
            var known = baseline
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { break }
                guard FileStatus.of(folder.root.path)?.kind == .directory else {
                    deliver([.folderGone])
                    break
                }
                let current = Self.scan(folder)
                let events = Self.changes(from: known, to: current)
                known = current
                if !events.isEmpty { deliver(events) }
            }
        }
        task.withLock { $0 = scanner }
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    /// The fingerprint of every input of the folder.
    static func scan(_ folder: DropFolder) -> [String: EntryFingerprint] {
        var entries: [String: EntryFingerprint] = [:]
        for name in FileStatus.names(in: folder.root.path) where !DropFolder.isIgnored(name) {
            let fingerprint = EntryFingerprint.of(folder.path(of: name))
            if fingerprint.exists { entries[name] = fingerprint }
        }
        return entries
    }

    /// The events that turn one scan into the next: entries that appeared or changed, and entries that went.
    static func changes(from old: [String: EntryFingerprint], to new: [String: EntryFingerprint]) -> [WatchEvent] {
        var events: [WatchEvent] = []
        for name in old.keys.sorted() where new[name] == nil {
            events.append(.removed(name: name))
        }
        for (name, fingerprint) in new.sorted(by: { $0.key < $1.key }) where old[name] != fingerprint {
            events.append(.activity(name: name, complete: true))
        }
        return events
    }
}
