import Foundation
import IngestCore

/// Why a pass could not read an archive at all, in libarchive's words.
struct ArchiveFailure {
    /// libarchive's message.
    var message: String
    /// The compression filters libarchive had recognised, outermost first.
    var compression: [String]

    /// The error to report.
    /// - Parameters:
    ///   - path: the input's path.
    ///   - zipEnd: the zip end record, when the input has one although libarchive did not recognise it.
    func error(path: String, zipEnd: ZipEndRecord?) -> IngestError {
        if message.localizedCaseInsensitiveContains("unrecognized archive format") {
            if let zipEnd { return .unreadableZip(path: path, part: zipEnd.splitPart, detail: message) }
            return .notAnArchive(path: path, compression: compression)
        }
        if message.localizedCaseInsensitiveContains("too many filters") {
            return .selfNestedCompression(path: path, detail: message)
        }
        if ArchivePass.soundsEncrypted(message) { return .encryptedArchive(path: path, detail: message) }
        return .damagedArchive(path: path, detail: message)
    }
}

/// One read of an archive with one libarchive handle and one set of formats.
struct ArchivePass {
    /// What the pass produced.
    enum Outcome {
        /// A listing, possibly empty, possibly cut short (its warnings say so).
        case listing(ArchiveListing)
        /// Nothing could be read.
        case unreadable(ArchiveFailure)
    }

    /// Consecutive unreadable headers after which the archive is given up on.
    static let maxConsecutiveSkips = 32

    let source: ArchiveSource
    let formats: ArchiveFormatSet
    let path: String
    let limits: ExtractionLimits
    /// The archive's size in bytes.
    let archiveBytes: Int

    /// Reads the archive.
    /// - Throws: ``IngestError`` with code `limit-exceeded` for a zip bomb, or when libarchive cannot be set up.
    func run() throws(IngestError) -> Outcome {
        let handle: ArchiveHandle
        do {
            handle = try ArchiveHandle(formats: formats)
        } catch {
            throw IngestError(code: .unreadable, path: path, message: "cannot set up libarchive (\(error.message))")
        }
        do {
            switch source {
            case .file(let filePath): try handle.openFile(filePath)
            case .memory(let bytes): try handle.openMemory(bytes)
            }
        } catch {
            return .unreadable(ArchiveFailure(message: error.message, compression: handle.filterNames))
        }
        var collector = ArchiveMemberCollector()
        var budget = ArchiveBudget(limits: limits, archiveBytes: archiveBytes)
        var skips = 0
        while true {
            switch handle.nextHeader() {
            case .end:
                return .listing(collector.listing)
            case .fatal(let message):
                if collector.isEmpty {
                    return .unreadable(ArchiveFailure(message: message, compression: handle.filterNames))
                }
                collector.warn("stopped after \(collector.count) members: the rest is damaged (libarchive: \(message))")
                return .listing(collector.listing)
            case .skipped(let message):
                skips += 1
                collector.warn("skipped an unreadable entry (libarchive: \(message))")
                guard skips <= Self.maxConsecutiveSkips else {
                    collector.warn("gave up after \(skips) unreadable entries in a row")
                    return .listing(collector.listing)
                }
                guard budget.admitEntry() else { return .listing(entryLimitReached(&collector)) }
            case .entry(let header, let warning):
                skips = 0
                guard budget.admitEntry() else { return .listing(entryLimitReached(&collector)) }
                guard var member = collector.member(for: header, warning: warning) else { continue }
                guard case .file = member.kind else {
                    collector.append(member)
                    continue
                }
                let stop = try readData(of: &member, header: header, handle: handle, budget: &budget)
                collector.append(member)
                if let stop {
                    collector.warn(stop)
                    return .listing(collector.listing)
                }
            }
        }
    }

    /// Warns that the entry limit stopped the reading.
    /// - Returns: the listing so far, with the warning.
    private func entryLimitReached(_ collector: inout ArchiveMemberCollector) -> ArchiveListing {
        collector.warn(
            "stopped after \(limits.maxArchiveEntries) entries, the entry limit: the rest were not read; "
                + "raise \(ArchiveBudget.Option.entries) if the archive is trusted")
        return collector.listing
    }

    /// Reads a regular file's data into `member`, or sets its problem.
    /// - Returns: a warning when the whole archive must stop being read, else nil.
    /// - Throws: ``IngestError`` with code `limit-exceeded` when the compression ratio gives a bomb away.
    private func readData(
        of member: inout ArchiveMember, header: ArchiveEntryHeader, handle: borrowing ArchiveHandle,
        budget: inout ArchiveBudget
    ) throws(IngestError) -> String? {
        if header.isEncrypted {
            member.addProblem("encrypted: the member needs a password, which ingest does not take", first: true)
            return nil
        }
        var data = Data()
        while true {
            switch handle.readData(appendingTo: &data) {
            case .bytes(0):
                member.data = data
                return nil
            case .bytes(let count):
                switch budget.add(count, entryBytes: data.count) {
                case .withinLimits:
                    continue
                case .ratioExceeded(let ratio):
                    throw .archiveBomb(
                        path: path, ratio: ratio, limit: limits.maxCompressionRatio, unpacked: budget.unpackedBytes,
                        archive: budget.archiveBytes)
                case .unpackedLimitReached:
                    let limit = ArchiveBudget.describe(bytes: Int64(limits.maxUnpackedBytes))
                    member.addProblem("not read: the archive reached the \(limit) unpacked limit", first: true)
                    return "stopped after unpacking \(ArchiveBudget.describe(bytes: budget.unpackedBytes)), over the "
                        + "\(limit) limit for all members together: the rest were not read; raise "
                        + "\(ArchiveBudget.Option.unpackedBytes) if the archive is trusted"
                case .entryTooLarge:
                    let limit = ArchiveBudget.describe(bytes: Int64(limits.maxEntryBytes))
                    member.addProblem(
                        "larger than the \(limit) entry limit; not read (raise \(ArchiveBudget.Option.entryBytes) "
                            + "if the archive is trusted)", first: true)
                    return nil
                }
            case .failed(let message, let isFatal):
                if Self.soundsEncrypted(message) {
                    member.addProblem("encrypted: \(message)", first: true)
                } else {
                    member.addProblem("unreadable: \(message)", first: true)
                }
                return isFatal ? "stopped at \(member.path): the archive is damaged (libarchive: \(message))" : nil
            }
        }
    }

    /// Whether a libarchive message is about encryption ("Passphrase required for this entry", "Encrypted file is
    /// unsupported", "The archive header is encrypted").
    static func soundsEncrypted(_ message: String) -> Bool {
        message.localizedCaseInsensitiveContains("passphrase") || message.localizedCaseInsensitiveContains("encrypt")
    }
}
