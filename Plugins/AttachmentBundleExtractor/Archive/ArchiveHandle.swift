import CArchive
import Foundation

/// The formats a handle bids for. Zip comes in two readers: the seekable one trusts the central directory,
/// the streamable one walks local headers and reads some damaged zips the seekable one rejects.
enum ArchiveFormatSet {
    /// zip (both readers), 7-Zip, tar (all variants), cpio and ISO 9660. Never mtree or raw: plain text must not
    /// read as an archive.
    case standard
    /// Only the streamable zip reader: the retry for damaged zips.
    case zipStreamable
}

/// What `archive_read_next_header` gave, copied out of libarchive into Swift values.
enum ArchiveHeaderResult {
    /// An entry; `warning` is set when libarchive returned ARCHIVE_WARN (a name it could not convert, say).
    case entry(ArchiveEntryHeader, warning: String?)
    /// No more entries.
    case end
    /// This header could not be read, but later ones may be (ARCHIVE_RETRY or ARCHIVE_FAILED).
    case skipped(String)
    /// The archive cannot be read any further (ARCHIVE_FATAL).
    case fatal(String)
}

/// One entry's header, as plain values.
struct ArchiveEntryHeader {
    /// The name as stored, decoded (UTF-8 where libarchive could convert it, else a lossy decode); nil when
    /// libarchive gave no name at all.
    var name: String?
    /// True when the name was not valid UTF-8 and was decoded with replacement characters.
    var nameWasLossy: Bool
    /// The `AE_IF*` file type bits.
    var fileType: UInt32
    /// The symlink target as stored, for symlinks.
    var symlinkTarget: String?
    /// The hardlink target as stored, for hardlinks.
    var hardlinkTarget: String?
    /// True when the entry's data (or metadata) is encrypted.
    var isEncrypted: Bool
}

/// What one `archive_read_data` call gave.
enum ArchiveDataResult {
    /// This many bytes were written to the buffer; 0 means the entry's data is complete.
    case bytes(Int)
    /// The data cannot be read; `isFatal` when the archive cannot be read any further either.
    case failed(String, isFatal: Bool)
}

/// The one owner of a libarchive read handle (`struct archive *`): configures it, opens it, reads from it and
/// frees it in `deinit`. No libarchive pointer leaves this type; everything it returns is a Swift value.
///
/// Not copyable, so the handle is freed exactly once. Memory given to ``openMemory(_:)`` must stay valid for the
/// handle's whole life: call it inside the `withUnsafeBytes` that also ends the handle's life.
struct ArchiveHandle: ~Copyable {
    private let archive: OpaquePointer
    /// Where ``readData(appendingTo:)`` lets libarchive write, before copying into `Data`.
    private let buffer: UnsafeMutableRawBufferPointer

    /// libarchive file-type bits (`AE_IFMT` and friends; the C macros carry casts Swift does not import).
    static let typeMask: UInt32 = 0o170000
    static let typeRegular: UInt32 = 0o100000
    static let typeDirectory: UInt32 = 0o040000
    static let typeSymlink: UInt32 = 0o120000

    /// Creates a handle that bids for `formats` and undoes every compression filter libarchive has built in.
    /// - Throws: a message when libarchive cannot allocate or configure a handle.
    init(formats: ArchiveFormatSet) throws(ArchiveHandleError) {
        guard let archive = archive_read_new() else { throw ArchiveHandleError("libarchive could not allocate") }
        // Built-in filters only: lzop, lrzip and grzip would run an external program on untrusted input.
        let filters: [(OpaquePointer?) -> Int32] = [
            archive_read_support_filter_gzip, archive_read_support_filter_bzip2, archive_read_support_filter_xz,
            archive_read_support_filter_lzma, archive_read_support_filter_lzip, archive_read_support_filter_zstd,
            archive_read_support_filter_lz4, archive_read_support_filter_compress,
        ]
        let formatList: [(OpaquePointer?) -> Int32] =
            switch formats {
            case .standard:
                [
                    archive_read_support_format_zip, archive_read_support_format_7zip,
                    archive_read_support_format_tar, archive_read_support_format_gnutar,
                    archive_read_support_format_cpio, archive_read_support_format_iso9660,
                ]
            case .zipStreamable:
                [archive_read_support_format_zip_streamable]
            }
        for register in filters + formatList {
            // ARCHIVE_WARN means "works through an external program"; none of these does, so insist on OK.
            guard register(archive) == ARCHIVE_OK else {
                let error = ArchiveHandleError(Self.errorMessage(of: archive))
                _ = archive_read_free(archive)  // Not yet owned by self, so freed here; the status adds nothing.
                throw error
            }
        }
        self.archive = archive
        self.buffer = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        // Also closes. A failed close of a read-only source leaves nothing to do, so the status is not used.
        _ = archive_read_free(archive)
        buffer.deallocate()
    }

    /// Opens a file by path.
    func openFile(_ path: String) throws(ArchiveHandleError) {
        let status = archive_read_open_filename(archive, path, 64 * 1024)
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN else { throw ArchiveHandleError(errorMessage) }
    }

    /// Opens bytes in memory; `bytes` must outlive the handle.
    func openMemory(_ bytes: UnsafeRawBufferPointer) throws(ArchiveHandleError) {
        guard let base = bytes.baseAddress else { throw ArchiveHandleError("no bytes") }
        let status = archive_read_open_memory(archive, base, bytes.count)
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN else { throw ArchiveHandleError(errorMessage) }
    }

    /// Reads the next header and copies what matters out of the entry.
    func nextHeader() -> ArchiveHeaderResult {
        var entryPointer: OpaquePointer?
        let status = archive_read_next_header(archive, &entryPointer)
        switch status {
        case ARCHIVE_EOF:
            return .end
        case ARCHIVE_OK, ARCHIVE_WARN:
            guard let entry = entryPointer else { return .fatal("libarchive returned no entry") }
            return .entry(Self.header(of: entry), warning: status == ARCHIVE_WARN ? errorMessage : nil)
        case ARCHIVE_RETRY, ARCHIVE_FAILED:
            return .skipped(errorMessage)
        default:
            return .fatal(errorMessage)
        }
    }

    /// Reads the next chunk (up to 64 KiB) of the current entry's data and appends it to `data`.
    func readData(appendingTo data: inout Data) -> ArchiveDataResult {
        guard let base = buffer.baseAddress else { return .failed("no buffer", isFatal: true) }
        let count = archive_read_data(archive, base, buffer.count)
        guard count >= 0 else { return .failed(errorMessage, isFatal: count == ARCHIVE_FATAL) }
        data.append(base.assumingMemoryBound(to: UInt8.self), count: count)
        return .bytes(count)
    }

    /// The names of the compression filters in use, outermost first ("gzip"); empty for none.
    var filterNames: [String] {
        let count = archive_filter_count(archive)
        guard count > 1 else { return [] }
        // Filter 0 is the innermost; the last one is the raw source ("none"), which is not a compression.
        return (0..<(count - 1)).reversed().compactMap { archive_filter_name(archive, $0).map { String(cString: $0) } }
    }

    /// The last error libarchive recorded, or a generic text when it recorded none.
    var errorMessage: String { Self.errorMessage(of: archive) }

    private static func errorMessage(of archive: OpaquePointer) -> String {
        // libarchive ends some messages with a newline ("… wrong size (read 5000000, expected 10)\n").
        let message = archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
        return message.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func header(of entry: OpaquePointer) -> ArchiveEntryHeader {
        let name = decode(utf8: archive_entry_pathname_utf8(entry), raw: archive_entry_pathname(entry))
        let hardlink = decode(utf8: archive_entry_hardlink_utf8(entry), raw: archive_entry_hardlink(entry))
        let symlink = decode(utf8: archive_entry_symlink_utf8(entry), raw: archive_entry_symlink(entry))
        return ArchiveEntryHeader(
            name: name?.text, nameWasLossy: name?.lossy ?? false,
            fileType: UInt32(archive_entry_filetype(entry)) & typeMask,
            symlinkTarget: symlink?.text, hardlinkTarget: hardlink?.text,
            isEncrypted: archive_entry_is_encrypted(entry) != 0)
    }

    /// The UTF-8 form when libarchive could convert the name; else the stored bytes, decoded as UTF-8 with
    /// replacement characters when they are in a legacy code page (GBK, Shift-JIS, CP437).
    private static func decode(
        utf8: UnsafePointer<CChar>?, raw: UnsafePointer<CChar>?
    ) -> (text: String, lossy: Bool)? {
        if let utf8 { return (String(cString: utf8), false) }
        guard let raw else { return nil }
        let bytes = UnsafeBufferPointer(start: raw, count: strlen(raw)).map { UInt8(bitPattern: $0) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
        return (String(decoding: bytes, as: UTF8.self), true)
    }
}

/// A libarchive failure, as libarchive's own message.
struct ArchiveHandleError: Error {
    /// libarchive's message.
    var message: String

    init(_ message: String) { self.message = message }
}
