/// Limits every extractor honours, in one place, with their defaults.
///
/// A limit that is hit is never silent: the extractor either truncates and adds a warning to the document, or
/// throws ``IngestError`` with code ``IngestError/Code/limitExceeded``.
public struct ExtractionLimits: Sendable, Equatable, Codable {
    /// The largest input file read, in bytes. Default 512 MiB.
    public var maxFileBytes: Int
    /// The most pages read from a paged document; later pages are dropped with a warning. Default 5,000.
    public var maxPages: Int
    /// The most characters of text handed to the minutes parser; the rest is dropped with a warning.
    /// Default 20 million.
    public var maxTextCharacters: Int
    /// How deep documents may nest (attachments of attachments, archives in archives). Default 10.
    public var maxNestingDepth: Int
    /// The most attachments extracted per document. Default 1,000.
    public var maxAttachments: Int
    /// The most entries read from one archive (zip, tar, 7z); the rest are skipped with a warning. Default 10,000.
    public var maxArchiveEntries: Int
    /// The largest archive member unpacked, in bytes, counted while reading (declared sizes lie). Default 256 MiB.
    public var maxEntryBytes: Int
    /// The most bytes unpacked from one archive, all members together. Default 2 GiB.
    public var maxUnpackedBytes: Int
    /// The largest ratio of unpacked to packed bytes accepted once a member has unpacked more than 1 MiB
    /// (a zip bomb's ratio is in the thousands). Default 100, as in Apache Tika.
    public var maxCompressionRatio: Int
    /// How long one file may take in an out-of-process or isolated extractor before its process is killed.
    /// In-process extraction cannot be stopped safely, so it is not timed. Default 60 seconds.
    public var timePerFile: Duration
    /// The most memory an isolated worker process may use while it extracts one file (resident set, and an
    /// `RLIMIT_DATA` backstop), in bytes. Default 2 GiB.
    public var maxWorkerMemoryBytes: Int

    /// Creates limits; every parameter has the documented default.
    public init(
        maxFileBytes: Int = 512 << 20,
        maxPages: Int = 5_000,
        maxTextCharacters: Int = 20_000_000,
        maxNestingDepth: Int = 10,
        maxAttachments: Int = 1_000,
        maxArchiveEntries: Int = 10_000,
        maxEntryBytes: Int = 256 << 20,
        maxUnpackedBytes: Int = 2 << 30,
        maxCompressionRatio: Int = 100,
        timePerFile: Duration = .seconds(60),
        maxWorkerMemoryBytes: Int = 2 << 30
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxPages = maxPages
        self.maxTextCharacters = maxTextCharacters
        self.maxNestingDepth = maxNestingDepth
        self.maxAttachments = maxAttachments
        self.maxArchiveEntries = maxArchiveEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxUnpackedBytes = maxUnpackedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.timePerFile = timePerFile
        self.maxWorkerMemoryBytes = maxWorkerMemoryBytes
    }
}
