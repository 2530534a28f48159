import Foundation
public import IngestCore

/// Supervised worker processes that extract files for `ingest`: started on demand (at most ``size`` at once),
/// reused across files, replaced when one dies or has served ``filesPerWorker`` files.
///
/// A worker that crashes, runs past ``ExtractionLimits/timePerFile`` or uses more than
/// ``ExtractionLimits/maxWorkerMemoryBytes`` becomes an ``IngestError`` for that one file; the next file gets a
/// fresh worker.
public actor WorkerPool {
    /// How to start a worker: `ingest worker` by default.
    public struct Command: Sendable {
        /// The program.
        public var executable: String
        /// Its arguments, before the memory limit the pool adds.
        public var arguments: [String]

        /// Creates a command.
        public init(executable: String, arguments: [String]) {
            self.executable = executable
            self.arguments = arguments
        }

        /// This very program, run as `PROGRAM worker`.
        public static var ingestWorker: Command {
            let executable =
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0]
            return Command(executable: executable, arguments: ["worker"])
        }
    }

    /// How many workers may run at once.
    public let size: Int
    /// How many files a worker serves before it is replaced (bounds leaks in C libraries).
    public let filesPerWorker: Int
    private let command: Command
    private let memoryLimit: Int
    private var idle: [(worker: WorkerProcess, served: Int)] = []
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Creates a pool; no process starts before the first file.
    /// - Parameters:
    ///   - command: how to start a worker.
    ///   - size: the most workers at once (the number of files extracted in parallel).
    ///   - memoryLimit: the memory limit of every worker, in bytes (``ExtractionLimits/maxWorkerMemoryBytes``).
    ///   - filesPerWorker: files served before a worker is replaced.
    public init(command: Command = .ingestWorker, size: Int, memoryLimit: Int, filesPerWorker: Int = 500) {
        self.command = command
        self.size = max(1, size)
        self.memoryLimit = memoryLimit
        self.filesPerWorker = max(1, filesPerWorker)
    }

    /// Extracts one input in a worker.
    /// - Parameters:
    ///   - sniffed: the sniffed input (a file, or bytes that are sent to the worker).
    ///   - extractor: the identifier of the extractor the worker runs.
    ///   - context: the limits (the time and memory limits apply here), password and depth.
    /// - Returns: the document.
    /// - Throws: ``IngestError``: the extractor's own, or one saying the worker crashed, timed out or ran out of
    ///   memory.
    public nonisolated func extract(_ sniffed: SniffedInput, extractor: String, context: ExtractionContext)
        async throws(IngestError) -> MinutesDocument
    {
        let input = sniffed.input
        var request = WorkRequest(
            extractor: extractor, path: input.path, filePath: nil, detectedType: sniffed.detectedType,
            encodingHint: sniffed.encodingHint, source: sniffed.source, limits: context.limits,
            password: context.password, depth: context.depth)
        var content: [Data] = []
        switch input.content {
        case .file(let url):
            request.filePath = url.path
        case .bytes(let data):
            content = [data]
        }
        guard let header = try? JSONEncoder().encode(request) else {
            throw IngestError(code: .extractorFailed, path: input.path, message: "cannot encode the request")
        }
        let response = try await self.response(
            to: [header] + content, extractor: extractor, path: input.path, timeout: context.limits.timePerFile)
        if let document = response.document { return document }
        throw response.error?.ingestError
            ?? IngestError(code: .extractorFailed, path: input.path, message: "the worker answered nothing")
    }

    /// Sends one request to a worker and returns its decoded answer, the worker handed back to the pool (or
    /// replaced). A worker whose answer cannot be decoded is stopped.
    private func response(to message: [Data], extractor: String, path: String, timeout: Duration)
        async throws(IngestError) -> WorkResponse
    {
        let (worker, served) = try await acquire(path: path)
        let memoryLimit = memoryLimit
        // The answer is decoded on the exchange's own thread, not on this actor: with several workers, one big
        // document's decoding must not hold up handing out and taking back the others.
        let (outcome, response) = await Self.onOwnThread {
            let outcome = worker.exchange(message, timeout: timeout, memoryLimit: memoryLimit)
            guard case .answer(let data) = outcome else { return (outcome, nil as WorkResponse?) }
            return (outcome, try? JSONDecoder().decode(WorkResponse.self, from: data))
        }
        switch outcome {
        case .answer:
            guard let response else {
                release(nil)
                worker.stop()
                throw error(for: .exited(1), diagnostics: "unreadable answer", extractor: extractor, path: path)
            }
            if served + 1 < filesPerWorker {
                release((worker, served + 1))
            } else {
                release(nil)
                worker.stop()
            }
            return response
        case .ended(let ending, let diagnostics):
            release(nil)
            throw error(for: ending, diagnostics: diagnostics, extractor: extractor, path: path, timeout: timeout)
        }
    }

    /// Stops the idle workers (each exits when its stdin closes). Workers still busy stop when their file is done
    /// or when `ingest` exits.
    public func shutDown() {
        for (worker, _) in idle { worker.stop() }
        idle.removeAll()
    }

    private func acquire(path: String) async throws(IngestError) -> (WorkerProcess, Int) {
        while true {
            if let reused = idle.popLast() { return reused }
            if running < size {
                running += 1
                do {
                    return (try WorkerProcess(executable: command.executable, arguments: arguments), 0)
                } catch {
                    running -= 1
                    throw IngestError(
                        code: .extractorFailed, path: path,
                        message: "cannot start a worker process (\(command.executable)): \(error)",
                        advice: "check that \(command.executable) exists, or run with --no-isolate")
                }
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// Hands a worker back (or gives up its slot when `nil`) and wakes one waiting request.
    private func release(_ worker: (WorkerProcess, Int)?) {
        if let worker { idle.append(worker) } else { running -= 1 }
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }

    private var arguments: [String] { command.arguments + ["--max-memory", String(memoryLimit + memoryLimit / 2)] }

    private func error(
        for ending: WorkerProcess.Ending, diagnostics: String, extractor: String, path: String,
        timeout: Duration = .zero
    ) -> IngestError {
        let mebibytes = { (bytes: Int) in "\(bytes >> 20) MiB" }
        let detail = diagnostics.isEmpty ? "" : " (\(diagnostics))"
        switch ending {
        case .timedOut:
            return IngestError(
                code: .extractorTimedOut, path: path,
                message: "extractor \(extractor) timed out after \(timeout.components.seconds) s and was stopped",
                advice: "raise --timeout if the file is large and trusted; the rest of the run is unaffected")
        case .outOfMemory(let resident):
            return IngestError(
                code: .limitExceeded, path: path,
                message: "extractor \(extractor) used more than the memory limit of \(mebibytes(memoryLimit)) "
                    + "(\(mebibytes(resident)) when it was stopped)",
                advice: "raise --max-memory if the file is trusted")
        case .signalled(let signal, let resident):
            let nearLimit =
                resident >= memoryLimit / 2 ? " with \(mebibytes(resident)) in use, near the memory limit" : ""
            return IngestError(
                code: .extractorCrashed, path: path,
                message: "extractor \(extractor) crashed: \(SignalName.of(signal))\(nearLimit)\(detail)",
                advice: nearLimit.isEmpty
                    ? "the file is probably damaged; the rest of the run is unaffected"
                    : "raise --max-memory if the file is trusted")
        case .exited(let status):
            return IngestError(
                code: .extractorCrashed, path: path,
                message: "extractor \(extractor) stopped with exit status \(status)\(detail)",
                advice: "the file is probably damaged; the rest of the run is unaffected")
        }
    }

    /// Runs blocking work on a thread of its own, so the cooperative pool is never blocked.
    private static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}
