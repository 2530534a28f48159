/// One requirement an extractor failed, as reported by ``ExtractorConformance``.
public struct ConformanceFailure: Sendable, Hashable, CustomStringConvertible {
    /// The requirement a failure concerns.
    public enum Check: String, Sendable, Hashable, CaseIterable {
        /// The extractor describes itself: identifier, version, summary, file types or extensions.
        case declaration
        /// The extractor accepts its own fixtures once the registry has sniffed them.
        case confidence
        /// The extractor extracts its own fixtures.
        case extraction
        /// The document names the extractor and the source's SHA-256 as the registry computed it.
        case provenance
        /// The document's JSON validates against the model's JSON Schema.
        case schema
        /// Hostile input gives an ``IngestError`` or a document.
        case garbage
        /// Two runs over the same input give equal documents.
        case determinism
        /// Extracting at once from many tasks gives the same documents as one by one.
        case concurrency
    }

    /// The requirement that failed.
    public var check: Check
    /// What the failure concerns: a fixture's path, a garbage input's name, or `extractor`.
    public var subject: String
    /// What went wrong.
    public var message: String

    /// Creates a failure.
    /// - Parameters:
    ///   - check: the requirement that failed.
    ///   - subject: the fixture, garbage input or `extractor` it concerns.
    ///   - message: what went wrong.
    public init(check: Check, subject: String, message: String) {
        self.check = check
        self.subject = subject
        self.message = message
    }

    /// "[check] subject: message".
    public var description: String { "[\(check.rawValue)] \(subject): \(message)" }
}
