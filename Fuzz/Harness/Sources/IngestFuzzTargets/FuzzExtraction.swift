import AttachmentBundleExtractor
import Dispatch
public import Foundation
public import IngestCore
import PDFMinutesExtractor
import PlainTextExtractor

/// An extraction the fuzzer runs: a registry, the extractor forced on every input, and the name the input gets.
///
/// Each registry holds only the extractors its target needs, so that nested files (a PDF attached to an e-mail)
/// do not turn one target into all of them. Members run one at a time (`parallelism` 1) so that a run is
/// reproducible.
public struct FuzzExtraction: Sendable {
    /// The registry inputs go through.
    public var registry: ExtractorRegistry
    /// The extractor forced on every input (the sniffer's choice would send mutated bytes elsewhere).
    public var extractor: String
    /// The path inputs are reported under; its extension matters (`.eml` selects the e-mail path).
    public var path: String

    /// The plain-text extractor alone.
    public static let plainText = FuzzExtraction(
        registry: ExtractorRegistry(extractors: [PlainTextExtractor()]), extractor: "plain-text", path: "fuzz.txt")
    /// The bundle extractor reading an e-mail; attachments go to the text extractor or fail as unsupported.
    public static let mail = FuzzExtraction(
        registry: ExtractorRegistry(extractors: [PlainTextExtractor(), AttachmentBundleExtractor()]),
        extractor: "bundle", path: "fuzz.eml")
    /// The PDF extractor; embedded PDFs nest through it.
    public static let pdf = FuzzExtraction(
        registry: ExtractorRegistry(extractors: [PDFMinutesExtractor()]), extractor: "pdf", path: "fuzz.pdf")
    /// The bundle extractor reading an archive; members go to the text extractor, nested archives nest.
    public static let archive = FuzzExtraction(
        registry: ExtractorRegistry(extractors: [PlainTextExtractor(), AttachmentBundleExtractor()]),
        extractor: "bundle", path: "fuzz.archive")
    /// The minutes parser with every built-in vocabulary.
    public static let parser = MinutesParser()

    /// Extracts one input and waits for the result; errors are an accepted outcome and are dropped.
    /// - Parameter data: the input bytes.
    public func run(_ data: Data) {
        let done = DispatchSemaphore(value: 0)
        let input = ExtractionInput(data: data, path: path)
        let context = ExtractionContext(registry: registry, parallelism: 1)
        Task { [self] in
            _ = try? await registry.extract(input, context: context, forcing: extractor)
            done.signal()
        }
        done.wait()
    }
}
