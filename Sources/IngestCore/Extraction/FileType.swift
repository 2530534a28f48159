/// A file type as Ingest detects it: a media type, with the well-known ones named.
///
/// Extractors for new formats declare their own: `FileType(mediaType: "text/markdown")`.
public struct FileType: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The IANA media type ("application/pdf").
    public var mediaType: String

    /// Creates a file type from a media type.
    public init(mediaType: String) {
        self.mediaType = mediaType
    }

    /// The media type.
    public var description: String { mediaType }

    /// A PDF document (`%PDF-`).
    public static let pdf = FileType(mediaType: "application/pdf")
    /// A zip archive (`PK\x03\x04`).
    public static let zip = FileType(mediaType: "application/zip")
    /// A gzip stream (`\x1f\x8b`).
    public static let gzip = FileType(mediaType: "application/gzip")
    /// A POSIX tar archive (`ustar` at offset 257).
    public static let tar = FileType(mediaType: "application/x-tar")
    /// A 7-Zip archive.
    public static let sevenZip = FileType(mediaType: "application/x-7z-compressed")
    /// An e-mail message (RFC 5322 headers).
    public static let email = FileType(mediaType: "message/rfc822")
    /// Plain text in some character encoding.
    public static let plainText = FileType(mediaType: "text/plain")
    /// A JPEG image.
    public static let jpeg = FileType(mediaType: "image/jpeg")
    /// A PNG image.
    public static let png = FileType(mediaType: "image/png")
    /// A folder on disk (a bundle of files).
    public static let folder = FileType(mediaType: "inode/directory")
    /// A file with no content.
    public static let empty = FileType(mediaType: "application/x-empty")
    /// Bytes of no recognised type.
    public static let binary = FileType(mediaType: "application/octet-stream")
}
