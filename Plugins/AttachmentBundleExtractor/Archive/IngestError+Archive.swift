import IngestCore

/// The errors ``ArchiveReader`` throws, each with libarchive's own words where it had some.
extension IngestError {
    /// The input is not in an archive format the reader takes (a PDF, a text file, a bare `.gz` of one file).
    static func notAnArchive(path: String, compression: [String]) -> IngestError {
        let what =
            compression.isEmpty
            ? "not an archive"
            : "\(compression.joined(separator: "+"))-compressed data, but not an archive inside"
        return IngestError(
            code: .unsupportedType, path: path, message: "\(what) (zip, 7z, tar, cpio or ISO 9660)",
            advice: "give the file itself rather than as an archive, or check that it is not damaged")
    }

    /// A zip libarchive does not recognise: one part of a split (multi-volume) zip, or a damaged one.
    /// - Parameter part: the part number from the end record (1-based), when it says the zip is split.
    static func unreadableZip(path: String, part: Int?, detail: String) -> IngestError {
        guard let part else { return .damagedArchive(path: path, detail: detail) }
        return IngestError(
            code: .damaged, path: path,
            message: "one part (number \(part)) of a split zip, which cannot be read alone (libarchive: \(detail))",
            advice: "join the parts first (zip -s 0 part.zip --out whole.zip) and give the whole archive")
    }

    /// The input is compressed inside itself over and over (a gzip quine): libarchive gives up after 25 layers.
    static func selfNestedCompression(path: String, detail: String) -> IngestError {
        IngestError(
            code: .damaged, path: path,
            message: "compressed inside itself layer after layer, like a gzip quine (libarchive: \(detail))",
            advice: "it holds no archive to read; leave it out")
    }

    /// libarchive could not read the archive at all.
    static func damagedArchive(path: String, detail: String) -> IngestError {
        IngestError(
            code: .damaged, path: path, message: "damaged or unsupported archive (libarchive: \(detail))",
            advice: "check that the file was copied completely; split or multi-volume archives must be joined first")
    }

    /// The archive's listing itself is encrypted, so not even the names can be read.
    static func encryptedArchive(path: String, detail: String) -> IngestError {
        IngestError(
            code: .encrypted, path: path, message: "archive is encrypted (libarchive: \(detail))",
            advice: "unpack it with the password first and give the files it contains")
    }

    /// Unpacking produces far more bytes than it consumes.
    static func archiveBomb(path: String, ratio: Int64, limit: Int, unpacked: Int64, archive: Int64) -> IngestError {
        IngestError(
            code: .limitExceeded, path: path,
            message: "looks like a zip bomb: ratio \(ratio):1 exceeds \(limit):1 (unpacked "
                + "\(ArchiveBudget.describe(bytes: unpacked)) so far from a \(ArchiveBudget.describe(bytes: archive)) "
                + "archive)",
            advice: "raise \(ArchiveBudget.Option.ratio) if the archive is trusted")
    }
}
