import Foundation
import IngestCore

/// A one-line progress display on stderr for long runs: files done and total, failures, rate, and the file or
/// folder last finished. Shown only when stderr is a terminal (never in pipes, logs or CI) and documents do not go
/// to the same terminal.
struct ProgressLine {
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private var done = 0
    private var failed = 0

    /// - Parameters:
    ///   - total: how many files the run reads.
    ///   - documentsGoToTerminal: true when documents are printed on stdout and stdout is a terminal.
    init(total: Int, documentsGoToTerminal: Bool) {
        self.total = total
        enabled = total > 1 && Self.isTerminal && !documentsGoToTerminal
    }

    /// Whether stderr is a terminal.
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Seconds since the run started.
    var elapsed: Double { Date().timeIntervalSince(start) }

    /// Counts finished files and redraws the line.
    mutating func advance(files: Int, path: String) {
        done += files
        guard enabled else { return }
        let rate = String(format: "%.1f", Double(done) / max(elapsed, 0.001))
        let failures = failed > 0 ? ", \(failed) failed" : ""
        let name = path.count > 50 ? "…" + path.suffix(49) : path
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)\(failures)] \(rate) files/s  \(name)".utf8))
    }

    /// Reports a failure on a clean line and counts it.
    mutating func report(_ error: IngestError) {
        clear()
        StandardError.report(error)
        failed += 1
    }

    /// Erases the line, so an error message or the summary starts on a clean line.
    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
