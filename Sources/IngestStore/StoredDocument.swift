public import Foundation
public import IngestCore

/// One record of the store: a document as it was saved, with its bookkeeping.
public struct StoredDocument: Sendable, Equatable {
    /// The record's id (what `ingest show ID` takes).
    public var id: Int64
    /// The path the document was saved under.
    public var path: String
    /// The content hash the record is keyed by: the bundle's when the document came in one, else the file's.
    public var sha256: String
    /// The extractor that produced the document.
    public var extractor: ExtractorInfo
    /// When the record was saved.
    public var ingestedAt: Date
    /// The record that replaced this one when the file at ``path`` changed, or `nil` for the current version.
    public var supersededBy: Int64?
    /// The document, exactly as saved.
    public var document: MinutesDocument

    /// Creates a stored document.
    public init(
        id: Int64, path: String, sha256: String, extractor: ExtractorInfo, ingestedAt: Date, supersededBy: Int64?,
        document: MinutesDocument
    ) {
        self.id = id
        self.path = path
        self.sha256 = sha256
        self.extractor = extractor
        self.ingestedAt = ingestedAt
        self.supersededBy = supersededBy
        self.document = document
    }
}
