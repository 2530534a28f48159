public import Foundation

/// One e-mail message (RFC 5322 / MIME) read by ``MailReader``: decoded headers, the body as plain text and the
/// attached files.
public struct MailMessage: Sendable, Equatable {
    /// The decoded Subject header (RFC 2047 encoded words undone, surrounding whitespace trimmed), or `nil` when
    /// there is none.
    public var subject: String?
    /// The sender as displayed, `Name <address>` ("Nord-Odal kommune <postmottak@…>"), or the bare address when
    /// there is no name or the name is the address itself; several From addresses are joined with ", ".
    public var from: String?
    /// The To recipients as displayed, one entry per address; members of a group are listed one by one.
    public var to: [String]
    /// The Date header, or `nil` when it is missing or cannot be parsed.
    public var date: Date?
    /// The message text: its text/plain body parts joined by blank lines or, when there are none, its text/html
    /// parts turned into plain text. Always UTF-8 (legacy charsets are converted); line breaks are `\n`.
    public var bodyText: String
    /// The attached files in message order: every part with a file name or `Content-Disposition: attachment`
    /// (inline ones with a name too), every part other than text/plain and text/html, and nested messages
    /// (message/rfc822) as `.eml` bytes. The body parts themselves (text/plain, text/html) are not listed.
    public var attachments: [MailAttachment]
    /// What was dropped, repaired or guessed while reading (limits hit, undecodable text, parser complaints).
    public var warnings: [String]

    /// Creates a message.
    /// - Parameters:
    ///   - subject: the decoded subject.
    ///   - from: the sender as displayed.
    ///   - to: the recipients as displayed.
    ///   - date: the sending date.
    ///   - bodyText: the body as plain text.
    ///   - attachments: the attached files in message order.
    ///   - warnings: what was dropped or repaired.
    public init(
        subject: String? = nil, from: String? = nil, to: [String] = [], date: Date? = nil, bodyText: String = "",
        attachments: [MailAttachment] = [], warnings: [String] = []
    ) {
        self.subject = subject
        self.from = from
        self.to = to
        self.date = date
        self.bodyText = bodyText
        self.attachments = attachments
        self.warnings = warnings
    }
}

/// One file attached to a ``MailMessage``, with its transfer encoding (base64, quoted-printable) undone.
public struct MailAttachment: Sendable, Equatable {
    /// A safe file name: decoded (RFC 2047 / RFC 2231), without `/` or `\`, control characters or leading dots,
    /// never empty. Parts without a name get `attachment-N.ext`, N being the position in the attachment list
    /// (1-based) and `ext` taken from the media type.
    public var fileName: String
    /// The declared media type, lowercased ("application/pdf"); as the sender declared it, not sniffed.
    public var mediaType: String
    /// The decoded bytes.
    public var data: Data

    /// Creates an attachment.
    /// - Parameters:
    ///   - fileName: the safe file name.
    ///   - mediaType: the declared media type.
    ///   - data: the decoded bytes.
    public init(fileName: String, mediaType: String, data: Data) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.data = data
    }
}
