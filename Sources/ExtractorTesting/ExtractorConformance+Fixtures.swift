import Foundation
import IngestCore

extension ExtractorConformance {
    /// A fixture and the document extracted from it.
    struct Extracted: Sendable {
        /// The fixture, as reported.
        var fixture: String
        /// The document.
        var document: MinutesDocument
    }

    /// What became of one fixture.
    enum FixtureOutcome: Sendable {
        /// Sniffed, accepted and extracted.
        case extracted(SniffedInput, MinutesDocument)
        /// Refused or failed.
        case failed(ConformanceFailure)
    }

    /// Sniffs, judges and extracts every fixture, one by one, checking confidence and provenance.
    /// - Returns: the documents extracted, and the failures.
    func extractFixtures() async -> (documents: [Extracted], failures: [ConformanceFailure]) {
        var documents: [Extracted] = []
        var failures: [ConformanceFailure] = []
        for url in fixtures {
            let subject = Self.subject(url)
            switch await extractFixture(url) {
            case .failed(let failure):
                failures.append(failure)
            case .extracted(let sniffed, let document):
                documents.append(Extracted(fixture: subject, document: document))
                failures += provenanceFailures(document, sniffed: sniffed, subject: subject)
            }
        }
        return (documents, failures)
    }

    /// Sniffs one fixture, checks that the extractor accepts it, and extracts it.
    func extractFixture(_ url: URL) async -> FixtureOutcome {
        let subject = Self.subject(url)
        let sniffed: SniffedInput
        do {
            sniffed = try ExtractorRegistry(extractors: [extractor]).sniff(ExtractionInput(fileURL: url, path: subject))
        } catch {
            return .failed(ConformanceFailure(check: .extraction, subject: subject, message: "cannot sniff: \(error)"))
        }
        guard extractor.confidence(for: sniffed) != nil else {
            return .failed(
                ConformanceFailure(
                    check: .confidence, subject: subject,
                    message: "confidence(for:) refuses it (detected \(sniffed.detectedType.mediaType))"))
        }
        do {
            return .extracted(sniffed, try await extractor.extract(sniffed, context: context))
        } catch {
            return .failed(ConformanceFailure(check: .extraction, subject: subject, message: "\(error)"))
        }
    }

    /// Checks that a document names this extractor and the source the registry described.
    func provenanceFailures(_ document: MinutesDocument, sniffed: SniffedInput, subject: String)
        -> [ConformanceFailure]
    {
        // A bundle's document describes its minutes file; the bundle itself is in `bundle`.
        let name = document.bundle?.extractor.name ?? document.extractor.name
        let sha256 = document.bundle?.source.sha256 ?? document.source.sha256
        var failures: [ConformanceFailure] = []
        if name != extractor.identifier {
            failures.append(
                ConformanceFailure(
                    check: .provenance, subject: subject,
                    message: "the document names extractor '\(name)', not '\(extractor.identifier)'"))
        }
        if sniffed.detectedType != .folder, sha256 != sniffed.source.sha256 {
            failures.append(
                ConformanceFailure(
                    check: .provenance, subject: subject,
                    message: "source.sha256 is \(sha256), the registry computed \(sniffed.source.sha256)"))
        }
        return failures
    }
}
