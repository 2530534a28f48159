/// An input and what its first bytes say it is.
///
/// The registry hands this to ``Extractor/confidence(for:)`` so an extractor judges an input by its real type,
/// not by its name, and to ``Extractor/extract(_:context:)`` with the source already described.
public struct SniffedInput: Sendable, Equatable {
    /// The bytes to read.
    public var input: ExtractionInput
    /// The type detected from the content (magic bytes first, extension second).
    public var detectedType: FileType
    /// For text, what the byte order mark says.
    public var encodingHint: TextEncodingHint
    /// The source description to put into the document (path, name, type, size, SHA-256).
    public var source: SourceInfo

    /// Creates a sniffed input.
    public init(input: ExtractionInput, detectedType: FileType, encodingHint: TextEncodingHint, source: SourceInfo) {
        self.input = input
        self.detectedType = detectedType
        self.encodingHint = encodingHint
        self.source = source
    }

    /// The file name's extension, lowercased, without the dot.
    public var fileExtension: String { input.fileExtension }
}
