import IngestCore

/// Counts what an archive has cost so far against ``ExtractionLimits``: entries, bytes unpacked per member and in
/// total, and the compression ratio. Counts are of bytes actually produced; declared sizes lie.
///
/// The ratio is bytes unpacked so far over the archive's whole size. Bytes consumed so far would be a tighter
/// measure, but it misfires on ordinary files: a .docx in the corpus holds a 1.4 MB EMF picture deflated 130:1, and
/// midway through it the running ratio is 124:1 while the whole document's is 70:1. Over the whole size, a bomb is
/// still caught once it has unpacked `maxCompressionRatio` times its own size, and members that share their
/// compressed bytes (overlapping-entry bombs) are caught the same way.
struct ArchiveBudget {
    /// What the last chunk did to the budget, most serious first.
    enum Verdict: Equatable {
        /// Within every limit.
        case withinLimits
        /// Unpacked bytes per byte of archive exceed the ratio limit: a bomb.
        case ratioExceeded(ratio: Int64)
        /// All members together have unpacked more than the limit.
        case unpackedLimitReached
        /// The current member has unpacked more than the per-entry limit.
        case entryTooLarge
    }

    /// The ratio is judged only after this many bytes were unpacked: small archives of text legitimately compress
    /// hundreds to one.
    static let ratioThreshold: Int64 = 1 << 20

    /// The command-line options that raise each limit, for advice in messages.
    enum Option {
        static let entries = "--max-entries"
        static let entryBytes = "--max-entry-size"
        static let unpackedBytes = "--max-unpacked"
        static let ratio = "--max-ratio"
    }

    let limits: ExtractionLimits
    /// The archive's size in bytes, as stored.
    let archiveBytes: Int64
    /// Entry headers seen.
    private(set) var entries = 0
    /// Bytes unpacked from all members so far, including those of members dropped for size.
    private(set) var unpackedBytes: Int64 = 0

    init(limits: ExtractionLimits, archiveBytes: Int) {
        self.limits = limits
        self.archiveBytes = Int64(max(1, archiveBytes))
    }

    /// Counts one more entry header.
    /// - Returns: false when the entry limit has already been reached; the entry is then not counted.
    mutating func admitEntry() -> Bool {
        guard entries < limits.maxArchiveEntries else { return false }
        entries += 1
        return true
    }

    /// Counts a chunk of unpacked bytes.
    /// - Parameters:
    ///   - count: the bytes in the chunk.
    ///   - entryBytes: the bytes the current member has unpacked, this chunk included.
    mutating func add(_ count: Int, entryBytes: Int) -> Verdict {
        unpackedBytes += Int64(count)
        if unpackedBytes > Self.ratioThreshold {
            let ratio = unpackedBytes / archiveBytes
            if ratio > Int64(limits.maxCompressionRatio) { return .ratioExceeded(ratio: ratio) }
        }
        if unpackedBytes > Int64(limits.maxUnpackedBytes) { return .unpackedLimitReached }
        if entryBytes > limits.maxEntryBytes { return .entryTooLarge }
        return .withinLimits
    }

    /// "256 MiB", "1.5 MiB", "20 KiB", "512 bytes": sizes for messages.
    static func describe(bytes: Int64) -> String {
        func scaled(_ unit: Int64, _ name: String) -> String {
            let tenths = (bytes * 10 + unit / 2) / unit
            return tenths % 10 == 0 ? "\(tenths / 10) \(name)" : "\(tenths / 10).\(tenths % 10) \(name)"
        }
        if bytes >= 1 << 30 { return scaled(1 << 30, "GiB") }
        if bytes >= 1 << 20 { return scaled(1 << 20, "MiB") }
        if bytes >= 1 << 10 { return scaled(1 << 10, "KiB") }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
