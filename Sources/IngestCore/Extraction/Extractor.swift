/// Turns the bytes of one format into a ``MinutesDocument``.
///
/// An extractor describes itself (``identifier``, ``version``, ``fileTypes``, ``fileExtensions``), says how well it
/// can take an input whose type the registry has sniffed (``confidence(for:)``), and extracts it.
///
/// Implementation requirements:
/// - Be a value type (or otherwise `Sendable`): the registry calls one extractor from many tasks at once.
/// - Never crash on input data: throw ``IngestError`` with a message that says what happened and what to do.
/// - Hand text to ``MinutesParser`` rather than parsing minutes yourself, so every format gets the same structure.
/// - Honour ``ExtractionContext/limits``; warn in the document when you truncate.
///
/// ```swift
/// struct MarkdownExtractor: Extractor {
///     let identifier = "markdown"
///     let version = "1.0.0"
///     let summary = "Markdown minutes"
///     let fileTypes = [FileType(mediaType: "text/markdown")]
///     let fileExtensions = ["md"]
///
///     func extract(_ input: SniffedInput, context: ExtractionContext) async throws -> MinutesDocument {
///         let text = String(decoding: try input.input.readAll(limit: context.limits.maxFileBytes), as: UTF8.self)
///         let structure = MinutesParser().parse(text: text)
///         return MinutesDocument(source: input.source, extractor: info, structure: structure)
///     }
/// }
/// ```
public protocol Extractor: Sendable {
    /// A short, stable, lowercase identifier ("pdf", "plain-text"), used by `--extractor`.
    var identifier: String { get }
    /// The extractor's version, recorded in every document it produces.
    var version: String { get }
    /// One line saying what the extractor reads, for `ingest extractors`.
    var summary: String { get }
    /// The types the extractor reads, by media type.
    var fileTypes: [FileType] { get }
    /// The file extensions (lowercase, no dot) the extractor reads when the content carries no signature.
    var fileExtensions: [String] { get }
    /// Whether the extractor hands its input to native (C, C++) code that a hostile file can crash or hang.
    /// `ingest` runs such extractors in supervised worker processes (see `IngestIsolation`). Default `false`.
    var runsNativeCode: Bool { get }

    /// How well the extractor can take an input; `nil` when it cannot take it at all.
    ///
    /// The default: ``ExtractionConfidence/content`` when the detected type is one of ``fileTypes``,
    /// ``ExtractionConfidence/fileExtension`` when the content is text without a signature and the extension is
    /// one of ``fileExtensions``, otherwise `nil`. Bytes of no known type are never taken by extension alone (a
    /// binary blob named `.txt` is refused); an extractor for a binary format without magic bytes overrides this.
    func confidence(for input: SniffedInput) -> ExtractionConfidence?

    /// Extracts the input into a document.
    /// - Parameters:
    ///   - input: the input, its detected type and its source description.
    ///   - context: options, limits and the registry (for nested documents).
    /// - Returns: the extracted document.
    /// - Throws: ``IngestError`` when the input cannot be extracted.
    func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument
}

extension Extractor {
    /// The identifier and version, as recorded in documents.
    public var info: ExtractorInfo { ExtractorInfo(name: identifier, version: version) }

    /// Pure Swift by default.
    public var runsNativeCode: Bool { false }

    /// The default judgement: content type first, extension second.
    public func confidence(for input: SniffedInput) -> ExtractionConfidence? {
        if fileTypes.contains(input.detectedType) { return .content }
        if input.detectedType == .plainText, fileExtensions.contains(input.fileExtension) { return .fileExtension }
        return nil
    }
}

/// How sure an extractor is that it can read an input. Higher wins.
public struct ExtractionConfidence: Comparable, Sendable, Hashable {
    /// The rank; higher wins.
    public var rank: Int

    /// Creates a confidence with a rank.
    public init(rank: Int) { self.rank = rank }

    /// Judged by the file name's extension only.
    public static let fileExtension = ExtractionConfidence(rank: 10)
    /// The detected content type is one the extractor reads.
    public static let content = ExtractionConfidence(rank: 50)
    /// The extractor looked deeper than the type and is sure (a minutes bundle, a known producer).
    public static let certain = ExtractionConfidence(rank: 90)

    /// Orders by rank.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
