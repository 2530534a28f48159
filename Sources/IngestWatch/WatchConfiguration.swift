public import Foundation

/// How a ``FolderWatcher`` watches and what it does with the files.
public struct WatchConfiguration: Sendable {
    /// How changes in the folder are noticed.
    public enum Mode: Sendable, Equatable {
        /// Linux inotify: the kernel reports files closed after writing and moved in (the default).
        case events
        /// A scan of sizes and modification times every `interval`, for file systems without inotify (network
        /// mounts, some FUSE and container file systems).
        case polling(interval: Duration)
    }

    /// The watched folder.
    public var folder: URL
    /// How changes are noticed.
    public var mode: Mode
    /// How long a file must be quiet after it was closed or moved in (a folder: after anything happened in it)
    /// before it is taken; further writes restart the clock.
    public var settle: Duration
    /// How many files are processed at once.
    public var jobs: Int
    /// Leave files where they are instead of moving them into `processed/` or `failed/`.
    public var keepFiles: Bool
    /// How long to wait before trying a file again after the store could not be written or the file not moved.
    public var retryDelay: Duration

    /// Creates a configuration.
    /// - Parameters:
    ///   - folder: the folder to watch.
    ///   - mode: inotify (default) or polling.
    ///   - settle: the quiet time before a file is taken; default 200 ms.
    ///   - jobs: files processed at once, at least 1; default the number of cores.
    ///   - keepFiles: leave files in place; default false (move them).
    ///   - retryDelay: the wait before retrying after a store or move failure; default 5 s.
    public init(
        folder: URL, mode: Mode = .events, settle: Duration = .milliseconds(200), jobs: Int? = nil,
        keepFiles: Bool = false, retryDelay: Duration = .seconds(5)
    ) {
        self.folder = folder
        self.mode = mode
        self.settle = settle
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.keepFiles = keepFiles
        self.retryDelay = retryDelay
    }
}

/// What a watcher did in one run, for its closing log line.
public struct WatchSummary: Sendable, Equatable {
    /// Inputs extracted and saved as new records (new documents or new versions).
    public var stored = 0
    /// Inputs whose content the store already had.
    public var unchanged = 0
    /// Inputs that could not be extracted.
    public var failed = 0

    /// Creates an empty summary.
    public init() {}
}
