import ArgumentParser
import Foundation
import IngestCore
import IngestStore

/// Delivers each document to another sink and then saves it in the store (`ingest FILE… --store PATH`).
///
/// The document is saved under its input's absolute path. Content the store already holds is not saved again:
/// `ingest: unchanged: PATH (record N)` goes to stderr; a new version of a stored file is noted there too.
struct StoringSink: DocumentSink {
    /// The sink that prints or writes the document first.
    var next: any DocumentSink
    /// The store.
    var store: MinutesStore

    /// Opens (creating) the store at `path`, or reports why it cannot and exits with status 1.
    static func open(_ path: String, wrapping next: any DocumentSink) throws -> StoringSink {
        do {
            return StoringSink(next: next, store: try MinutesStore(path: path))
        } catch {
            StandardError.report("--store \(path): \(error)")
            throw ExitCode.failure
        }
    }

    func deliver(_ document: MinutesDocument, outcome: BatchOutcome) throws(IngestError) {
        try next.deliver(document, outcome: outcome)
        let saved: SaveOutcome
        do {
            saved = try store.save(document, path: Self.absolute(outcome.path))
        } catch {
            throw IngestError(
                code: .outputFailed, path: outcome.path, message: "cannot save to the store: \(error.message)",
                advice: error.advice)
        }
        switch saved {
        case .inserted: break
        case .unchanged(let id): Self.note("unchanged: \(outcome.path) (record \(id))")
        case .newVersion(let id, let previous):
            Self.note("new version: \(outcome.path) (record \(id), replaces record \(previous))")
        }
    }

    /// `path` made absolute, so the same file is the same record from any working folder.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// A note on stderr, on a line of its own even when a progress line is showing.
    private static func note(_ text: String) {
        if ProgressLine.isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        StandardError.write("ingest: \(text)")
    }
}
