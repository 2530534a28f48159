import IngestCore

/// The searchable store of extracted minutes: an embedded SQLite database (GRDB) with full-text search.
public struct MinutesStore: Sendable {}
