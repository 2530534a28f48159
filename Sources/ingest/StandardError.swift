import Foundation
import IngestCore

/// Messages for the user on stderr, so stdout carries only documents.
enum StandardError {
    /// Writes one line to stderr.
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Reports a failed input as `ingest: error: PATH: message: advice`.
    static func report(_ error: IngestError) {
        write("ingest: error: \(error)")
    }

    /// Reports a failure that concerns no single input, as `ingest: error: message`.
    static func report(_ message: String) {
        write("ingest: error: \(message)")
    }
}
