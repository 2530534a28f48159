public import IngestCore

/// A folder's size and hash, computed over its files, so that an unchanged folder keeps its hash wherever it is.
public enum FolderDigest {
    /// `source` with `bytes` the sum of the members' sizes and `sha256` the hash of their sorted relative paths and
    /// hashes.
    public static func source(for source: SourceInfo, members: [ExtractedMember]) -> SourceInfo {
        var result = source
        result.bytes = members.reduce(0) { $0 + ($1.source?.bytes ?? 0) }
        let lines = members.map { "\($0.path)\u{0}\($0.source?.sha256 ?? "-")\n" }.sorted()
        result.sha256 = ContentHash.sha256(of: lines)
        return result
    }
}
