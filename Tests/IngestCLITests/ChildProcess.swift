import Foundation

/// Runs a program as a child process and collects its exit status and output.
enum ChildProcess {
    /// What a run produced.
    struct Output {
        /// The exit status.
        var status: Int32
        /// Everything written to stdout.
        var stdout: Data
        /// Everything written to stderr, decoded as UTF-8.
        var stderr: String

        /// stdout decoded as UTF-8.
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs a program with no standard input and waits for it to exit.
    /// - Parameters:
    ///   - executable: the program.
    ///   - arguments: its arguments.
    ///   - directory: the working directory.
    /// - Returns: the exit status and what was written to stdout and stderr.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL) async throws -> Output {
        // Files, not pipes: nothing can block on a full pipe buffer, however much the child writes.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("IngestCLITests-output-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try stdoutHandle.close()
        try stderrHandle.close()
        return Output(
            status: status,
            stdout: try Data(contentsOf: stdoutURL),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}
