import IngestCore

/// Reads a bundle of minutes plus attachments (a zip, a folder, an e-mail) into one document.
public struct AttachmentBundleExtractor: Sendable {
    /// Creates the extractor.
    public init() {}
}
