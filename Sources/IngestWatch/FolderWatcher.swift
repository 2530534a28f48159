import IngestCore

/// Watches a folder and ingests the files dropped into it.
public struct FolderWatcher: Sendable {}
