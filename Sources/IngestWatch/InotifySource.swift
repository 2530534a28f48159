#if canImport(Glibc)
    @preconcurrency import Dispatch
    import Foundation
    import Glibc
    import Synchronization

    /// Watches a folder and every folder under it with Linux inotify, and turns the kernel's records into
    /// ``WatchEvent``s about the entries directly in the folder.
    ///
    /// One inotify descriptor, one watch per folder (inotify is not recursive): a folder created or moved in is
    /// watched, with everything under it, as soon as its record is read; a folder deleted or moved out is
    /// unwatched. A dispatch read source on the descriptor reads the records on a private queue. The descriptor
    /// belongs to this object: it is closed by the read source's cancel handler, which ``stop()`` or `deinit`
    /// triggers (dispatch must be done with a descriptor before it is closed).
    ///
    /// The kernel reports the deletion of a folder (`IN_DELETE_SELF`) only once nothing holds it open, and the
    /// watcher's lock holds it open: a timer checks every second that the folder is still there, the same inode.
    final class InotifySource: ChangeSource {
        /// What every watch reports: files closed after writing, written, created, moved and deleted; the folder
        /// itself deleted or moved. Links are not followed; events of unlinked files are dropped.
        static let mask: UInt32 =
            UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE)
            | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
            | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW) | UInt32(IN_EXCL_UNLINK)

        private let root: String
        private let descriptor: Int32
        private let queue = DispatchQueue(label: "ingest.watch.inotify")
        private let state = Mutex(State())

        private struct State {
            /// Watch descriptor → folder relative to the root ("" for the root).
            var folders: [Int32: String] = [:]
            var source: (any DispatchSourceRead)?
            var folderCheck: (any DispatchSourceTimer)?
            var deliver: (@Sendable ([WatchEvent]) -> Void)?
        }

        /// Creates an inotify instance for the folder at `root` (nothing is watched before ``start(deliver:)``).
        /// - Throws: ``WatchError`` with code `inotify-unavailable` when the kernel gives no instance.
        init(root: URL) throws(WatchError) {
            self.root = root.path
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else {
                throw WatchError(
                    code: .inotifyUnavailable, message: "inotify is not available (\(Self.lastError))",
                    advice: "raise fs.inotify.max_user_instances, or watch by scanning with --poll")
            }
        }

        deinit {
            let (source, folderCheck) = state.withLock { ($0.source, $0.folderCheck) }
            folderCheck?.cancel()
            if let source {
                source.cancel()  // its cancel handler closes the descriptor
            } else {
                close(descriptor)
            }
        }

        func start(deliver: @escaping @Sendable ([WatchEvent]) -> Void) throws(WatchError) {
            let rootDescriptor = inotify_add_watch(descriptor, root, Self.mask)
            guard rootDescriptor >= 0 else {
                let reason = Self.lastError
                throw WatchError(
                    code: .inotifyUnavailable, message: "cannot watch \(root) with inotify (\(reason))",
                    advice: errno == ENOSPC
                        ? "raise fs.inotify.max_user_watches (sysctl), or watch by scanning with --poll"
                        : "check the folder's permissions, or watch by scanning with --poll")
            }
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            let folderCheck = DispatchSource.makeTimerSource(queue: queue)
            let warnings = state.withLock { state in
                state.folders[rootDescriptor] = ""
                state.deliver = deliver
                state.source = source
                state.folderCheck = folderCheck
                var events: [WatchEvent] = []
                for name in FileStatus.names(in: root) where !DropFolder.isIgnored(name) {
                    if FileStatus.of(root + "/" + name)?.kind == .directory {
                        watchTree(name, state: &state, events: &events)
                    }
                }
                return events
            }
            let descriptor = descriptor
            source.setEventHandler { [weak self] in self?.readRecords() }
            source.setCancelHandler { close(descriptor) }
            source.resume()
            let rootPath = root
            let inode = FileStatus.of(rootPath)?.inode
            folderCheck.setEventHandler { [weak self] in
                guard FileStatus.of(rootPath)?.inode != inode else { return }
                self?.state.withLock { $0.deliver }?([.folderGone])
            }
            folderCheck.schedule(deadline: .now() + 1, repeating: 1, leeway: .milliseconds(200))
            folderCheck.resume()
            if !warnings.isEmpty { deliver(warnings) }
        }

        func stop() {
            state.withLock { state in
                state.deliver = nil
                state.source?.cancel()
                state.folderCheck?.cancel()
            }
        }

        /// Reads every record waiting on the descriptor and delivers the events they make.
        private func readRecords() {
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            var events: [WatchEvent] = []
            var deliver: (@Sendable ([WatchEvent]) -> Void)?
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }  // EAGAIN: nothing more for now
                let records = InotifyRecord.parse(Array(buffer[..<count]))
                deliver = state.withLock { state in
                    for record in records { translate(record, state: &state, events: &events) }
                    return state.deliver
                }
            }
            if let deliver, !events.isEmpty { deliver(events) }
        }

        /// Turns one record into events about entries of the root, watching and unwatching folders on the way.
        private func translate(_ record: InotifyRecord, state: inout State, events: inout [WatchEvent]) {
            let mask = record.mask
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Records were lost: watch anything new under the root and have the folder listed again.
                for name in FileStatus.names(in: root) where !DropFolder.isIgnored(name) {
                    if FileStatus.of(root + "/" + name)?.kind == .directory {
                        watchTree(name, state: &state, events: &events)
                    }
                }
                events.append(.rescan)
                return
            }
            guard let folder = state.folders[record.watchDescriptor] else { return }
            if mask & UInt32(IN_IGNORED) != 0 {
                state.folders[record.watchDescriptor] = nil
                if folder.isEmpty { events.append(.folderGone) }
                return
            }
            if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
                if folder.isEmpty { events.append(.folderGone) }
                return
            }
            guard let name = record.name else {
                events.append(.warning("skipped an entry of \(folder.isEmpty ? root : folder) whose name is not UTF-8"))
                return
            }
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            let arrived = mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0
            let left = mask & (UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)) != 0
            guard folder.isEmpty else {
                // Inside a bundle: whatever happens restarts the bundle's settle clock.
                let path = folder + "/" + name
                if isFolder && arrived { watchTree(path, state: &state, events: &events) }
                if isFolder && left { unwatchTree(path, state: &state) }
                let top = String(folder.prefix { $0 != "/" })
                events.append(.activity(name: top, complete: true))
                return
            }
            guard !DropFolder.isIgnored(name) else { return }
            if left {
                if isFolder { unwatchTree(name, state: &state) }
                events.append(.removed(name: name))
            } else if isFolder {
                if arrived {
                    watchTree(name, state: &state, events: &events)
                    events.append(.activity(name: name, complete: true))
                }
            } else if mask & (UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)) != 0 {
                events.append(.activity(name: name, complete: true))
            } else if mask & (UInt32(IN_MODIFY) | UInt32(IN_CREATE)) != 0 {
                events.append(.activity(name: name, complete: false))
            }
        }

        /// Watches the folder at `relative` and every folder under it (links are not followed).
        private func watchTree(_ relative: String, state: inout State, events: inout [WatchEvent]) {
            var pending = [relative]
            while let folder = pending.popLast() {
                let path = root + "/" + folder
                let watch = inotify_add_watch(descriptor, path, Self.mask)
                guard watch >= 0 else {
                    // Gone already (ENOENT) or replaced by a file (ENOTDIR): nothing to watch.
                    if errno != ENOENT && errno != ENOTDIR {
                        events.append(
                            .warning(
                                "cannot watch \(path) (\(Self.lastError)); changes in it are seen late: "
                                    + "raise fs.inotify.max_user_watches, or use --poll"))
                    }
                    continue
                }
                state.folders[watch] = folder
                for name in FileStatus.names(in: path) where FileStatus.of(path + "/" + name)?.kind == .directory {
                    pending.append(folder + "/" + name)
                }
            }
        }

        /// Stops watching the folder at `relative` and every folder under it.
        private func unwatchTree(_ relative: String, state: inout State) {
            for (watch, folder) in state.folders where folder == relative || folder.hasPrefix(relative + "/") {
                inotify_rm_watch(descriptor, watch)
                state.folders[watch] = nil
            }
        }

        private static var lastError: String { String(cString: strerror(errno)) }
    }
#endif
