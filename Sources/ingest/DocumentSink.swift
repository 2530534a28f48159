import Foundation
import IngestCore

/// Where the documents of a run go.
protocol DocumentSink {
    /// Delivers one document.
    /// - Throws: ``IngestError`` with code `output-failed` when it cannot be written.
    func deliver(_ document: MinutesDocument, outcome: BatchOutcome) throws(IngestError)
}

/// Prints documents on stdout: pretty JSON one after another, or one per line.
struct StandardOutputSink: DocumentSink {
    /// The JSON form.
    var format: DocumentJSON.Format

    func deliver(_ document: MinutesDocument, outcome: BatchOutcome) throws(IngestError) {
        FileHandle.standardOutput.write(try DocumentJSON.encode(document, format: format) + Data("\n".utf8))
    }
}

/// Writes one pretty JSON file per document into a folder, atomically, at the outcome's ``BatchOutcome/outputPath``
/// (made unique within the run).
final class DirectorySink: DocumentSink {
    private let directory: URL
    private var used: Set<String> = []

    /// Creates the folder if needed.
    /// - Throws: ``IngestError`` when the folder cannot be created.
    init(directory: String) throws(IngestError) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        } catch {
            throw IngestError(
                code: .outputFailed, path: directory, message: "cannot create the output folder",
                advice: "check that the path is writable and not a file")
        }
    }

    func deliver(_ document: MinutesDocument, outcome: BatchOutcome) throws(IngestError) {
        let relative = uniquePath(outcome.outputPath)
        let url = directory.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw IngestError(
                code: .outputFailed, path: outcome.path, message: "cannot create \(url.deletingLastPathComponent().path)",
                advice: "check that the output folder is writable")
        }
        try AtomicFile.write(try DocumentJSON.encode(document, format: .pretty) + Data("\n".utf8), to: url, reportedAs: outcome.path)
    }

    /// `path`, or `path` with -2, -3 … before `.json` when an earlier document of the run took it.
    private func uniquePath(_ path: String) -> String {
        OutputNames.claim(path, taken: &used) { "\(path.dropLast(5))-\($0).json" }
    }
}
