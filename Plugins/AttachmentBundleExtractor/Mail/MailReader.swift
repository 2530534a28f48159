import Foundation
public import IngestCore

/// Reads one e-mail message (RFC 5322 / MIME, as in an `.eml` file) from untrusted input, with GMime 3 doing the
/// parsing.
///
/// File and in-memory inputs take the same path: the bytes are read (up to `limits.maxFileBytes`) and parsed from
/// memory. A whole message stored as UTF-16 is transcoded to UTF-8 first. Limits are never silent: attachments
/// past `limits.maxAttachments`, and decoded parts past `limits.maxFileBytes` bytes in total, are dropped with a
/// warning in ``MailMessage/warnings``.
///
/// Input that holds no message is an error, not an empty message: an empty or whitespace-only file throws
/// ``IngestCore/IngestError/Code/emptyFile``, bytes without a header block (plain text, a PDF)
/// ``IngestCore/IngestError/Code/damaged``.
public enum MailReader {
    /// Multipart nesting entered by the part walk; GMime itself stops parsing nesting at 1,024 levels.
    static let maxMultipartDepth = 64

    /// Reads one message.
    /// - Parameters:
    ///   - input: the message bytes, a file or in memory.
    ///   - limits: `maxFileBytes` caps the input and the decoded parts together, `maxAttachments` the attachments.
    /// - Returns: the decoded headers, body text and attachments.
    /// - Throws: ``IngestCore/IngestError`` when the input cannot be read, is too large, empty, or not an e-mail.
    public static func read(_ input: ExtractionInput, limits: ExtractionLimits) throws(IngestError) -> MailMessage {
        try read(input, limits: limits, decodedByteBudget: limits.maxFileBytes)
    }

    /// ``read(_:limits:)`` with the decoded-bytes budget separate from the input limit (for tests: base64 and
    /// quoted-printable shrink, so real input rarely decodes to more bytes than it has).
    static func read(
        _ input: ExtractionInput, limits: ExtractionLimits, decodedByteBudget: Int
    ) throws(IngestError) -> MailMessage {
        var data = try input.readAll(limit: limits.maxFileBytes)
        guard !data.isEmpty else { throw .emptyFile(path: input.path) }
        var warnings: [String] = []
        if let transcoded = MailTextDecoding.utf16MessageAsUTF8(data) {
            data = transcoded.data
            warnings.append("the message is stored as \(transcoded.encoding); transcoded to UTF-8 before parsing")
        }
        guard data.contains(where: { !isASCIIWhitespace($0) }) else {
            throw IngestError(
                code: .emptyFile, path: input.path, message: "holds only whitespace, no e-mail message",
                advice: "check that the message was saved completely")
        }
        let parsed: GMimeParsedMessage
        do {
            parsed = try GMimeParsedMessage(parsing: data)
        } catch {
            switch error {
            case .noMessage:
                throw IngestError(
                    code: .damaged, path: input.path, message: "is not an e-mail message (no header fields found)",
                    advice: "check that it is an RFC 5322 message as saved by a mail program (.eml)")
            case .outOfResources(let what):
                throw .unreadable(path: input.path, reason: "GMime could not create a \(what)")
            }
        }

        let subject = parsed.subject?.trimmingCharacters(in: .whitespacesAndNewlines)
        var message = MailMessage(
            subject: subject?.isEmpty == false ? subject : nil, from: parsed.from, to: parsed.to, date: parsed.date)
        var collector = PartCollector(maxAttachments: limits.maxAttachments, byteBudget: decodedByteBudget)
        let tooDeep = parsed.forEachPart(maxDepth: maxMultipartDepth) { info, readBytes in
            collector.take(info, readBytes)
        }
        message.bodyText = collector.bodyText
        message.attachments = collector.attachments
        warnings += collector.warnings
        if collector.skippedAttachments > 0 {
            let total = collector.attachments.count + collector.skippedAttachments
            warnings.append(
                "the message has \(total) attachments, over the limit of \(limits.maxAttachments); "
                    + "only the first \(collector.attachments.count) were kept")
        }
        if tooDeep { warnings.append("MIME parts nested deeper than \(maxMultipartDepth) levels were skipped") }
        warnings += MailParserIssue.warnings(for: parsed.issues)
        message.warnings = warnings
        return message
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }
}

/// Sorts leaf parts into body text and attachments, within the limits.
private struct PartCollector {
    let maxAttachments: Int
    let byteBudget: Int
    var plainBodies: [String] = []
    var htmlBodies: [String] = []
    var attachments: [MailAttachment] = []
    var warnings: [String] = []
    var skippedAttachments = 0
    var decodedBytes = 0

    init(maxAttachments: Int, byteBudget: Int) {
        self.maxAttachments = maxAttachments
        self.byteBudget = byteBudget
    }

    mutating func take(_ info: MailPartInfo, _ readBytes: () -> Data?) -> MailWalkStep {
        let isBody = info.isBodyText
        if !isBody && attachments.count >= maxAttachments {
            skippedAttachments += 1
            return .next
        }
        guard let bytes = readBytes() else {
            warnings.append("a \(info.mediaType) part could not be decoded and was skipped")
            return .next
        }
        guard bytes.count <= byteBudget - decodedBytes else {
            warnings.append(
                "the decoded parts exceed \(byteBudget) bytes (the file size limit); the rest of the message was skipped"
            )
            return .stop
        }
        decodedBytes += bytes.count
        if isBody {
            let (text, warning) = MailTextDecoding.decode(bytes, charset: info.charset)
            if let warning { warnings.append(warning) }
            let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                of: "\r", with: "\n")
            if info.mediaType == "text/html" {
                htmlBodies.append(normalised)
            } else {
                plainBodies.append(normalised)
            }
        } else {
            let name = MailFileName.safe(info.fileName, mediaType: info.mediaType, position: attachments.count + 1)
            attachments.append(MailAttachment(fileName: name, mediaType: info.mediaType, data: bytes))
        }
        return .next
    }

    /// The text/plain parts, or else the text/html parts as plain text, separated by blank lines.
    var bodyText: String {
        if !plainBodies.isEmpty { return plainBodies.joined(separator: "\n\n") }
        return htmlBodies.map { HTMLText.plainText(fromHTML: $0) }.joined(separator: "\n\n")
    }
}
