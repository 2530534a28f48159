import Foundation
import IngestCore

/// What `ingest` asks a worker: extract one input with one extractor. When ``filePath`` is `nil` the content
/// follows in a second frame (an archive member, an attachment). The parent has sniffed the input already; the
/// worker takes its findings instead of reading and hashing the input again.
struct WorkRequest: Codable, Sendable {
    /// The extractor's identifier.
    var extractor: String
    /// The input's path as the user sees it (`bundle.zip!Referat.pdf`).
    var path: String
    /// The file to read, or `nil` when the bytes follow.
    var filePath: String?
    /// The type the parent detected from the content.
    var detectedType: FileType
    /// The byte-order mark the parent found.
    var encodingHint: TextEncodingHint
    /// The source description the parent computed (size, SHA-256).
    var source: SourceInfo
    /// The limits of the run.
    var limits: ExtractionLimits
    /// The password for encrypted documents.
    var password: String?
    /// How deep the input is nested.
    var depth: Int
}

/// What a worker answers: a document or a typed error.
struct WorkResponse: Codable, Sendable {
    /// The document, when extraction succeeded.
    var document: MinutesDocument? = nil
    /// The error, when it failed.
    var error: WireError? = nil
}

/// An ``IngestError`` on the wire.
struct WireError: Codable, Sendable {
    var code: String
    var path: String
    var message: String
    var advice: String?

    init(_ error: IngestError) {
        code = error.code.name
        path = error.path
        message = error.message
        advice = error.advice
    }

    var ingestError: IngestError {
        IngestError(code: IngestError.Code(code), path: path, message: message, advice: advice)
    }
}
