import Foundation
import IngestCore

/// A one-line progress display on stderr for long runs: done and total, failures, rate, and the file last
/// finished. Shown only when stderr is a terminal (never in pipes, logs or CI) and documents do not go to the same
/// terminal.
struct ProgressLine {
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private var done = 0
    private var failed = 0

    /// - Parameters:
    ///   - total: how many inputs the run has.
    ///   - documentsGoToTerminal: true when documents are printed on stdout and stdout is a terminal.
    init(total: Int, documentsGoToTerminal: Bool) {
        self.total = total
        enabled = total > 1 && isatty(STDERR_FILENO) == 1 && !documentsGoToTerminal
    }

    /// Counts one finished input and redraws the line.
    mutating func advance(path: String, succeeded: Bool) {
        done += 1
        if !succeeded { failed += 1 }
        guard enabled else { return }
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let rate = String(format: "%.1f", Double(done) / seconds)
        let failures = failed > 0 ? ", \(failed) failed" : ""
        let name = path.count > 50 ? "…" + path.suffix(49) : path
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)\(failures)] \(rate) files/s  \(name)".utf8))
    }

    /// Reports a failed input on a clean line and counts it.
    mutating func report(_ error: IngestError, path: String) {
        clear()
        StandardError.report(error)
        advance(path: path, succeeded: false)
    }

    /// Erases the line, so an error message or the summary starts on a clean line.
    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// The closing summary ("33 documents, 0 failed, in 4.3 s"), when the progress line was shown.
    func finish() {
        guard enabled else { return }
        clear()
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        StandardError.write("ingest: \(done - failed) documents, \(failed) failed, in \(seconds) s")
    }
}
