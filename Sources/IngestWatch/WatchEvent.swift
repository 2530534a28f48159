/// A change in the watched folder, at the level the watcher decides on: one entry directly in the folder (a file,
/// or a folder that is read as a bundle).
enum WatchEvent: Sendable, Equatable {
    /// Something happened to the entry `name`. `complete` is true when the change may finish it: a file was closed
    /// after writing or moved in, anything happened inside a bundle folder, or a scan saw it change. A write that
    /// leaves the file open (`complete` false) only restarts its settle clock.
    case activity(name: String, complete: Bool)
    /// The entry `name` was deleted or moved out.
    case removed(name: String)
    /// Events were lost (the kernel queue overflowed): list the folder again.
    case rescan
    /// The watched folder itself was deleted or moved away.
    case folderGone
    /// A problem the watcher carries on after, for the log (a subfolder that could not be watched).
    case warning(String)
}

/// Where a watcher's events come from: inotify, or a scan every few hundred milliseconds.
protocol ChangeSource: Sendable {
    /// Starts delivering events to `deliver`, from another thread, in the order they happened.
    /// - Throws: ``WatchError`` when the folder cannot be watched.
    func start(deliver: @escaping @Sendable ([WatchEvent]) -> Void) throws(WatchError)
    /// Stops delivering events. A delivery already under way may still finish.
    func stop()
}
