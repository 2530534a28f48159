import Foundation
import IngestCore

/// Counts what a run produced and hands each outcome to the sink, for the closing summary.
struct RunTally {
    /// Documents written or printed.
    private(set) var documents = 0
    /// Of those, documents that came with their attachments from a bundle.
    private(set) var bundles = 0
    /// Files or documents that failed.
    private(set) var failed = 0
    /// The failures, one JSON object per line (`--failures`).
    private(set) var failureLines = Data()

    /// Delivers one outcome: its document to the sink, or its error to stderr.
    mutating func record(_ outcome: BatchOutcome, sink: any DocumentSink, progress: inout ProgressLine) {
        do throws(IngestError) {
            let document = try outcome.result.get()
            try sink.deliver(document, outcome: outcome)
            documents += 1
            if document.bundle != nil { bundles += 1 }
        } catch {
            progress.report(error)
            failed += 1
            failureLines.append(Self.jsonLine(error))
        }
    }

    private static func jsonLine(_ error: IngestError) -> Data {
        struct Failure: Encodable {
            var path: String
            var code: String
            var message: String
            var advice: String?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let failure = Failure(path: error.path, code: error.code.name, message: error.message, advice: error.advice)
        return ((try? encoder.encode(failure)) ?? Data()) + Data("\n".utf8)
    }

    /// "wrote 12 of 13 documents to out (3 bundles) (1 failed)" or "12 documents (3 bundles), 1 failed, in 2.1 s".
    func summary(elapsed: Double, destination: String?) -> String {
        let bundled = bundles > 0 ? " (\(bundles) \(bundles == 1 ? "bundle" : "bundles"))" : ""
        guard let destination else {
            let noun = documents == 1 ? "document" : "documents"
            return "\(documents) \(noun)\(bundled), \(failed) failed, in \(String(format: "%.1f", elapsed)) s"
        }
        let failures = failed > 0 ? " (\(failed) failed)" : ""
        return "wrote \(documents) of \(documents + failed) documents to \(destination)\(bundled)\(failures)"
    }
}
