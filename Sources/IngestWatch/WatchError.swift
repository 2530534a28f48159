/// Why a folder cannot be watched, and what the user can do about it.
///
/// Errors about single files never end up here: a file that cannot be extracted goes to `failed/` with a report,
/// and the watcher carries on. A ``WatchError`` stops the watcher.
public struct WatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A short, stable name ("folder-not-found").
        public var name: String

        /// Creates a code.
        public init(_ name: String) { self.name = name }

        /// The name.
        public var description: String { name }

        /// The folder does not exist or is not a folder.
        public static let folderNotFound = Code("folder-not-found")
        /// Another watcher holds the folder.
        public static let alreadyWatched = Code("already-watched")
        /// inotify is not available (or out of instances or watches) for this folder.
        public static let inotifyUnavailable = Code("inotify-unavailable")
        /// The watched folder was deleted or moved away while being watched.
        public static let folderGone = Code("folder-gone")
        /// `processed/` or `failed/` cannot be created.
        public static let layoutFailed = Code("layout-failed")
    }

    /// The kind of failure.
    public var code: Code
    /// What happened.
    public var message: String
    /// What the user can do about it.
    public var advice: String?

    /// Creates an error.
    public init(code: Code, message: String, advice: String? = nil) {
        self.code = code
        self.message = message
        self.advice = advice
    }

    /// "message: advice", ready for stderr.
    public var description: String {
        guard let advice else { return message }
        return "\(message): \(advice)"
    }
}
