import Foundation
import IngestCore

/// Writes files so that a reader (or a folder watcher) never sees a half-written one.
enum AtomicFile {
    /// Writes `data` to `url` atomically.
    ///
    /// Foundation's `.atomic` option writes a hidden temporary file (`.dat.nosync…`) in the destination's own
    /// folder and renames it over the destination (checked with strace on Linux), so the rename never crosses
    /// a file system and a watcher that skips dot-files sees only the finished file.
    /// - Parameters:
    ///   - data: the bytes.
    ///   - url: the destination file.
    ///   - path: the input the file belongs to, for the error message.
    /// - Throws: ``IngestError`` with code `output-failed` when the file cannot be written.
    static func write(_ data: Data, to url: URL, reportedAs path: String) throws(IngestError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw IngestError(
                code: .outputFailed, path: path, message: "cannot write \(url.path) (\(error.localizedDescription))",
                advice: "check that the output folder is writable and the disk is not full")
        }
    }
}
