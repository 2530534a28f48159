import AttachmentBundleExtractor
import IngestCore
import PDFMinutesExtractor
import PlainTextExtractor

/// The extractors this build of `ingest` knows, in order of preference for equally confident matches.
///
/// Adding a format: create its folder in `Plugins/`, add the target to `Package.swift`, and add one line here.
enum BuiltInExtractors {
    static let all: [any Extractor] = [
        PDFMinutesExtractor(),
        PlainTextExtractor(),
        AttachmentBundleExtractor(),
    ]
}
