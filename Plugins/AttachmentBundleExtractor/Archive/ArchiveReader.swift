import Foundation
public import IngestCore

/// Reads archives from untrusted sources with libarchive: zip, 7z, tar (all variants, compressed with gzip, bzip2,
/// xz, lzma, lzip, zstd, lz4 or compress), cpio and ISO 9660. One level only: members that are archives themselves
/// come back as files with data, and the caller decides whether to go deeper (``ExtractionLimits/maxNestingDepth``).
///
/// What it guarantees:
/// - Every ``ArchiveMember/path`` is a safe relative path (see ``ArchiveMember/path``); each rewritten path adds a
///   warning. Symlinks and hardlinks are reported with their targets, never followed, and no data is read through
///   them; links pointing outside the archive, members whose path runs through an earlier symlink, and duplicate
///   paths add warnings too.
/// - Limits are counted on the bytes actually unpacked, never on declared sizes, and nothing is preallocated:
///   - a member over ``ExtractionLimits/maxEntryBytes`` comes back without data, with a problem; reading continues.
///   - over ``ExtractionLimits/maxUnpackedBytes`` in total, or more than ``ExtractionLimits/maxArchiveEntries``
///     entries: reading stops, the members read so far are returned, and a warning names the limit.
///   - once more than 1 MiB has been unpacked, bytes unpacked so far over the archive's size above
///     ``ExtractionLimits/maxCompressionRatio`` **throws** ``IngestError/Code/limitExceeded``: an archive built to
///     explode is hostile, and its partial contents are not worth keeping. (The archive's size rather than the bytes
///     consumed so far, which misfire on ordinary .docx files; see `ArchiveBudget`.)
/// - Encrypted members come back without data, with a problem starting "encrypted:"; later members are still read.
/// - A zip the seekable reader rejects (or finds empty) is read again with libarchive's streaming zip reader.
///
/// The process must run in a UTF-8 locale (`setlocale(LC_ALL, "C.UTF-8")` at start-up, as `ingest` does), or
/// libarchive cannot convert UTF-8 names and they come back as `unnamed-N`. Names in legacy code pages (GBK,
/// Shift-JIS) are decoded with replacement characters.
public enum ArchiveReader {
    /// Reads every member of an archive.
    /// - Parameters:
    ///   - input: the archive, on disk or in memory.
    ///   - limits: the limits to enforce; see the type's documentation for what each does.
    /// - Returns: the members in stored order, and warnings.
    /// - Throws: ``IngestError`` when the input is missing, empty or too large, is not an archive
    ///   (`unsupported-type`), cannot be read at all (`damaged`, with libarchive's message), has an encrypted
    ///   listing (`encrypted`), or looks like a zip bomb (`limit-exceeded`).
    public static func read(_ input: ExtractionInput, limits: ExtractionLimits) throws(IngestError) -> ArchiveListing {
        let size = try input.byteCount()
        guard size > 0 else { throw .emptyFile(path: input.path) }
        guard size <= limits.maxFileBytes else {
            throw .tooLarge(path: input.path, bytes: size, limit: limits.maxFileBytes)
        }
        switch input.content {
        case .file(let url):
            return try read(ArchiveSource.file(url.path), path: input.path, size: size, limits: limits)
        case .bytes(let data):
            // The bytes stay valid for the whole read: every handle opened on them ends inside this closure.
            let result = data.withUnsafeBytes { bytes in
                Result { () throws(IngestError) in
                    try read(ArchiveSource.memory(bytes), path: input.path, size: size, limits: limits)
                }
            }
            return try result.get()
        }
    }

    /// Reads with the standard formats, then once more with the streaming zip reader when that found nothing.
    private static func read(
        _ source: ArchiveSource, path: String, size: Int, limits: ExtractionLimits
    ) throws(IngestError) -> ArchiveListing {
        func pass(_ formats: ArchiveFormatSet) throws(IngestError) -> ArchivePass.Outcome {
            try ArchivePass(source: source, formats: formats, path: path, limits: limits, archiveBytes: size).run()
        }
        let first = try pass(.standard)
        if case .listing(let listing) = first, !listing.members.isEmpty { return listing }
        let retry = try pass(.zipStreamable)
        if case .listing(var listing) = retry, !listing.members.isEmpty {
            let reason: String =
                switch first {
                case .listing: "the zip's central directory lists no members"
                case .unreadable(let failure): failure.message
                }
            listing.warnings.insert("read with the streaming zip reader: \(reason)", at: 0)
            return listing
        }
        switch first {
        case .listing(let listing):
            return listing
        case .unreadable(let failure):
            throw failure.error(path: path, zipEnd: ZipEndRecord.find(in: source, size: size))
        }
    }
}
