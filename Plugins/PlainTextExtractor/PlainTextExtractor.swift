public import IngestCore

/// Reads minutes from plain text files.
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

    /// Extracts a text file.
    public func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument {
        let data = try input.input.readAll(limit: context.limits.maxFileBytes)
        let text = String(decoding: data, as: UTF8.self)
        return MinutesDocument(source: input.source, extractor: info, structure: MinutesParser().parse(text: text))
    }
}
