public import IngestCore

/// One file of a bundle or a collection folder after extraction: its path inside the bundle, what the registry
/// found it to be, and its document or the reason it has none.
public struct ExtractedMember: Sendable {
    /// The path inside the bundle or collection ("2023/Vedlegg 2 - Tertialrapport.pdf").
    public var path: String
    /// The file as sniffed, when it could be read at all.
    public var source: SourceInfo?
    /// The extracted document, or why extraction failed.
    public var result: Result<MinutesDocument, IngestError>

    /// Creates a member.
    public init(path: String, source: SourceInfo?, result: Result<MinutesDocument, IngestError>) {
        self.path = path
        self.source = source
        self.result = result
    }

    /// The document, when extraction succeeded.
    public var document: MinutesDocument? { try? result.get() }

    /// The last path component.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}
