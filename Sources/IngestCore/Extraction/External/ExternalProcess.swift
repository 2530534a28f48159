import Dispatch
import Foundation
import Synchronization

/// Runs an extractor executable (no shell) with a timeout and an output limit, reading stdout and stderr at once so a
/// chatty child cannot block on a full pipe.
enum ExternalProcess {
    /// How a run ended.
    enum Ending: Sendable, Equatable {
        /// The process exited with a status.
        case exited(Int32)
        /// The process was terminated by a signal.
        case signalled(Int32)
        /// The process ran longer than the timeout and was killed.
        case timedOut
        /// The process wrote more than the output limit and was killed.
        case outputTooLarge
    }

    /// What a run produced.
    struct Output: Sendable {
        var ending: Ending
        var stdout: Data
        var stderr: Data
    }

    /// Runs an executable and waits for it on a thread of its own (the wait blocks; the cooperative pool does not).
    /// - Parameters:
    ///   - executable: the program.
    ///   - arguments: its arguments.
    ///   - timeout: how long it may run.
    ///   - outputLimit: how many bytes it may write to stdout and stderr together.
    /// - Returns: how it ended and what it wrote.
    /// - Throws: when it cannot be started.
    static func run(_ executable: URL, _ arguments: [String], timeout: Duration, outputLimit: Int) async throws
        -> Output
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result { try runBlocking(executable, arguments, timeout: timeout, outputLimit: outputLimit) })
            }
        }
    }

    private static func runBlocking(_ executable: URL, _ arguments: [String], timeout: Duration, outputLimit: Int)
        throws -> Output
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let terminated = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in terminated.signal() }
        try process.run()
        let pid = process.processIdentifier
        let collector = OutputCollector(limit: outputLimit) { killGroup(pid) }
        let drained = DispatchGroup()
        for (index, handle) in [stdoutPipe.fileHandleForReading, stderrPipe.fileHandleForReading].enumerated() {
            drained.enter()
            Thread.detachNewThread {
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    collector.append(chunk, toStream: index)
                }
                drained.leave()
            }
        }
        var timedOut = false
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if terminated.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            killGroup(pid)
            terminated.wait()
        }
        // A grandchild that outlives the plugin may hold the pipes open; do not wait for it for long.
        _ = drained.wait(timeout: .now() + 1)
        let (stdout, stderr, overflowed) = collector.snapshot()
        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if overflowed {
            ending = .outputTooLarge
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signalled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return Output(ending: ending, stdout: stdout, stderr: stderr)
    }

    /// Kills the process's group when it leads one, and the process itself, with SIGKILL.
    private static func killGroup(_ pid: Int32) {
        if getpgid(pid) == pid { kill(-pid, SIGKILL) }
        kill(pid, SIGKILL)
    }
}

/// The bytes a child has written so far, shared by the two reading threads.
private final class OutputCollector: Sendable {
    private struct State {
        var streams = [Data(), Data()]
        var overflowed = false
    }

    private let state = Mutex(State())
    private let limit: Int
    private let onOverflow: @Sendable () -> Void

    init(limit: Int, onOverflow: @escaping @Sendable () -> Void) {
        self.limit = limit
        self.onOverflow = onOverflow
    }

    func append(_ chunk: Data, toStream index: Int) {
        let overflowedNow = state.withLock { state -> Bool in
            if state.overflowed { return false }
            if state.streams[0].count + state.streams[1].count + chunk.count > limit {
                state.overflowed = true
                return true
            }
            state.streams[index].append(chunk)
            return false
        }
        if overflowedNow { onOverflow() }
    }

    func snapshot() -> (Data, Data, Bool) {
        state.withLock { ($0.streams[0], $0.streams[1], $0.overflowed) }
    }
}
