import Foundation
import IngestCore
import PDFMinutesExtractor
import PlainTextExtractor
import Synchronization
import Testing

/// The registry the tests extract through: the PDF extractor and, for embedded text files and inputs whose content
/// is text, the plain-text extractor.
let registry = ExtractorRegistry(extractors: [PDFMinutesExtractor(), PlainTextExtractor()])

/// Extracts one input through ``registry``.
/// - Returns: the document, or the one error the registry or extractor threw.
func extract(_ input: ExtractionInput, password: String? = nil) async -> Result<MinutesDocument, IngestError> {
    do {
        return .success(
            try await registry.extract(input, context: ExtractionContext(registry: registry, password: password)))
    } catch {
        return .failure(error)
    }
}

/// Extracts a file through ``registry``, reporting it under `path`.
func extract(_ url: URL, path: String? = nil, password: String? = nil) async -> Result<MinutesDocument, IngestError> {
    await extract(ExtractionInput(fileURL: url, path: path), password: password)
}

extension Result where Success == MinutesDocument, Failure == IngestError {
    /// The document, or `nil` for a failure.
    var document: MinutesDocument? {
        if case .success(let document) = self { return document }
        return nil
    }

    /// The error, or `nil` for a document.
    var error: IngestError? {
        if case .failure(let error) = self { return error }
        return nil
    }

    /// "document (extractor, N pages, M items)" or the error, for messages.
    var summary: String {
        switch self {
        case .success(let document):
            "document (\(document.extractor.name), \(document.pages.count) pages, "
                + "\(document.agendaItems.count) items, warnings: \(document.warnings))"
        case .failure(let error): "error \(error.code): \(error)"
        }
    }
}

/// Runs `operation` on a thread of its own and waits at most `limit` for it.
///
/// poppler can loop without end on hostile input, inside one synchronous call. Run on Swift's shared pool (one
/// thread per core), two such calls would stop every test; run here, a stuck call keeps only its own thread busy,
/// the caller gets `nil` after `limit` and can report the file, and the process still ends when the tests do.
/// - Returns: the operation's result, or `nil` when it did not finish in time.
func withDeadline<Value: Sendable>(
    _ limit: Duration, name: String, _ operation: @escaping @Sendable () async -> Value
) async -> Value? {
    let first = FirstResult<Value?>()
    let executor = DedicatedThreadExecutor(name: name)
    Task(executorPreference: executor) {
        first.offer(await operation())
        executor.finish()
    }
    let timer = Task {
        do {
            try await Task.sleep(for: limit)
            first.offer(nil)
        } catch {
            // Cancelled: the operation finished first.
        }
    }
    let result = await first.value()
    timer.cancel()
    return result
}

/// A task executor that runs every job on one thread it owns, until ``finish()``.
final class DedicatedThreadExecutor: TaskExecutor, Sendable {
    private struct State {
        var jobs: [UnownedJob] = []
        var finished = false
    }

    private let state = Mutex(State())
    /// Signalled once per job enqueued and once by ``finish()``.
    private let signal = DispatchSemaphore(value: 0)

    /// Starts the thread.
    init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        state.withLock { $0.jobs.append(job) }
        signal.signal()
    }

    /// Lets the thread end once the jobs enqueued so far have run. Enqueue nothing after this.
    func finish() {
        state.withLock { $0.finished = true }
        signal.signal()
    }

    private func run() {
        while true {
            signal.wait()
            let next = state.withLock { state -> (job: UnownedJob?, finished: Bool) in
                state.jobs.isEmpty ? (nil, state.finished) : (state.jobs.removeFirst(), false)
            }
            if let job = next.job {
                job.runSynchronously(on: asUnownedTaskExecutor())
            } else if next.finished {
                return
            }
        }
    }
}

/// The first of several offered values, for one waiter.
final class FirstResult<Value: Sendable>: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Value, Never>)
        case offered(Value)
        case delivered
    }

    private let state = Mutex(State.empty)

    /// Offers a value; only the first one counts.
    func offer(_ value: Value) {
        let waiter = state.withLock { state -> CheckedContinuation<Value, Never>? in
            switch state {
            case .empty:
                state = .offered(value)
                return nil
            case .waiting(let continuation):
                state = .delivered
                return continuation
            case .offered, .delivered:
                return nil
            }
        }
        waiter?.resume(returning: value)
    }

    /// Waits for the first value. Call once.
    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Value? in
                if case .offered(let value) = state {
                    state = .delivered
                    return value
                }
                state = .waiting(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// The result of running a command-line tool.
struct ToolRun {
    var status: Int32
    var output: String
    var errors: String
}

/// Runs a tool (found on `PATH`) and collects its output.
/// - Throws: when the tool cannot be started.
func runTool(_ name: String, _ arguments: [String]) throws -> ToolRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes before waiting, so a full pipe cannot block the tool; stderr on a thread of its own.
    let errorData = LockedData()
    let errorsRead = DispatchSemaphore(value: 0)
    Thread {
        errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
        errorsRead.signal()
    }.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    errorsRead.wait()
    return ToolRun(
        status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
        errors: String(decoding: errorData.get(), as: UTF8.self))
}

/// Bytes handed from one thread to another.
private final class LockedData: Sendable {
    private let data = Mutex(Data())
    func set(_ value: Data) { data.withLock { $0 = value } }
    func get() -> Data { data.withLock { $0 } }
}

/// Runs a tool that must succeed.
/// - Throws: when it cannot be started; records an issue when it fails.
@discardableResult
func runToolExpectingSuccess(_ name: String, _ arguments: [String]) throws -> ToolRun {
    let run = try runTool(name, arguments)
    #expect(run.status == 0, "\(name) \(arguments.joined(separator: " ")) failed: \(run.errors)")
    return run
}

/// The fields `pdfinfo` prints ("Title", "Producer", "Pages" …), by name.
func pdfinfo(_ url: URL) throws -> [String: String] {
    let run = try runToolExpectingSuccess("pdfinfo", ["-enc", "UTF-8", url.path])
    var fields: [String: String] = [:]
    for line in run.output.split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
}
