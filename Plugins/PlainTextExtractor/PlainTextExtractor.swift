public import IngestCore

/// Reads minutes from plain text files.
///
/// The encoding is found by ``TextDecoder`` (byte order mark, then UTF-8, then Windows-1252 / ISO-8859-1) and
/// recorded in `properties["encoding"]`; the line endings (LF, CRLF, CR) are converted to LF before the text goes
/// to ``MinutesParser`` and recorded in `properties["lineEndings"]`.
public struct PlainTextExtractor: Extractor {
    /// "plain-text".
    public let identifier = "plain-text"
    /// The extractor's version.
    public let version = "0.1.0"
    /// One line for `ingest extractors`.
    public let summary = "Plain-text minutes (UTF-8, UTF-16, Windows-1252, ISO-8859-1; LF, CRLF, CR)"
    /// Plain text.
    public let fileTypes: [FileType] = [.plainText]
    /// Text file extensions.
    public let fileExtensions = ["txt", "text"]

    /// Creates the extractor.
    public init() {}

    /// Takes text by its content, whatever the file is called.
    ///
    /// - `text/plain` content: ``ExtractionConfidence/content``, with any extension.
    /// - `message/rfc822` content: ``ExtractionConfidence/fileExtension`` only, so that an e-mail extractor, once
    ///   registered, wins; until then e-mails are read as text.
    /// - Anything else, including `application/octet-stream` named `.txt`: `nil`.
    /// - Parameter input: the sniffed input.
    /// - Returns: the confidence, or `nil` when the content is not text.
    public func confidence(for input: SniffedInput) -> ExtractionConfidence? {
        switch input.detectedType {
        case .plainText: .content
        case .email: .fileExtension
        default: nil
        }
    }

    /// Extracts a text file.
    /// - Parameters:
    ///   - input: the sniffed input; `--extractor plain-text` may force any type except ones with a signature
    ///     (PDF, zip, images …).
    ///   - context: the limits to honour.
    /// - Returns: the document, with `properties["encoding"]` and `properties["lineEndings"]` set.
    /// - Throws: ``IngestError`` with code ``IngestError/Code/extractorMismatch`` for content with a signature,
    ///   ``IngestError/Code/undecodableText`` when the bytes contradict their byte order mark, and the codes of
    ///   ``ExtractionInput/readAll(limit:)``.
    public func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument
    {
        let path = input.input.path
        let textual: Set<FileType> = [.plainText, .email, .binary, .empty]
        guard textual.contains(input.detectedType) else {
            throw IngestError(
                code: .extractorMismatch, path: path,
                message: "the content is \(input.detectedType.mediaType), not text",
                advice: "leave out --extractor to let Ingest choose an extractor for \(input.detectedType.mediaType)")
        }
        let data = try input.input.readAll(limit: context.limits.maxFileBytes)
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(data, hint: input.encodingHint)
        } catch {
            throw IngestError(
                code: .undecodableText, path: path, message: "cannot decode the text: it \(error.reason)",
                advice: "check that the file was copied completely, or save it again as UTF-8")
        }
        var warnings = decoded.warnings
        switch input.detectedType {
        case .email:
            warnings.append(
                "message/rfc822 content read as plain text (no e-mail extractor took it): headers and MIME parts "
                    + "are not decoded")
        case .binary:
            warnings.append("the content looks binary (NUL or control bytes); read as text because it was forced")
        default:
            break
        }
        var (text, lineEnding) = LineEnding.normalize(decoded.text)
        let limit = context.limits.maxTextCharacters
        // A character takes at least one UTF-8 byte: count characters only when the text could be over the limit.
        if text.utf8.count > limit, text.count > limit {
            text = String(text.prefix(limit))
            warnings.append("text truncated to the limit of \(limit) characters")
        }
        let properties = ["encoding": decoded.encoding.rawValue, "lineEndings": lineEnding.rawValue]
        return MinutesDocument(
            source: input.source, extractor: info, structure: MinutesParser().parse(text: text),
            properties: properties, warnings: warnings)
    }
}
