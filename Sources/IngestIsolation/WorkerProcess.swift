import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One worker process, seen from `ingest`: started with `posix_spawn`, fed requests on its stdin, answering on its
/// stdout, its stderr kept (the last few KiB) to explain a crash.
///
/// A value: the process id and the parent's ends of the pipes. ``exchange(_:timeout:memoryLimit:)`` blocks, so
/// callers run it on a thread of their own.
struct WorkerProcess: Sendable {
    /// How a request ended when it got no answer.
    enum Ending: Sendable, Equatable {
        /// The worker exited with a status.
        case exited(Int32)
        /// The worker was killed by a signal; `residentBytes` is its last measured memory.
        case signalled(Int32, residentBytes: Int)
        /// The worker ran past the time limit and was killed.
        case timedOut
        /// The worker used more memory than the limit and was killed.
        case outOfMemory(residentBytes: Int)
    }

    /// What one request produced.
    enum Outcome: Sendable {
        /// The worker's answer.
        case answer(Data)
        /// The worker ended instead (and is gone).
        case ended(Ending, diagnostics: String)
    }

    /// The worker's process id.
    let pid: pid_t
    private let requests: Int32
    private let answers: Int32
    private let stderrTail: StderrTail

    /// The largest answer accepted.
    static let maxAnswerBytes = 1 << 30

    /// Starts a worker.
    /// - Parameters:
    ///   - executable: the program (`ingest`).
    ///   - arguments: its arguments (`worker --max-memory N`).
    /// - Throws: `POSIXError` when it cannot be started.
    init(executable: String, arguments: [String]) throws {
        // Unix sockets rather than pipes: writing to a worker that died fails with EPIPE (send with MSG_NOSIGNAL)
        // instead of raising SIGPIPE in `ingest`, and they are created close-on-exec in one call.
        var toWorker: [Int32] = [-1, -1]
        var fromWorker: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, socketType, 0, &toWorker) == 0, socketpair(AF_UNIX, socketType, 0, &fromWorker) == 0,
            socketpair(AF_UNIX, socketType, 0, &errors) == 0
        else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            for descriptor in toWorker + fromWorker + errors where descriptor >= 0 { close(descriptor) }
            throw POSIXError(code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors[1], STDERR_FILENO)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let environment = Self.environment.map { strdup($0) } + [nil]
        defer { for pointer in environment { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environment)
        for descriptor in [toWorker[0], fromWorker[1], errors[1]] { close(descriptor) }
        guard status == 0 else {
            for descriptor in [toWorker[1], fromWorker[0], errors[0]] { close(descriptor) }
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
        }
        self.pid = pid
        requests = toWorker[1]
        answers = fromWorker[0]
        stderrTail = StderrTail(reading: errors[0])
    }

    /// The parent's environment, with Swift's crash backtracer turned off: a crashed worker should die at once,
    /// and the backtracer (`swift-backtrace`) would inherit its sockets and keep them open for up to 30 s.
    private static var environment: [String] {
        ProcessInfo.processInfo.environment.filter { $0.key != "SWIFT_BACKTRACE" }.map { "\($0.key)=\($0.value)" }
            + ["SWIFT_BACKTRACE=enable=no"]
    }

    /// Sends a request (one or more frames) and waits for the answer, killing the worker when it runs past
    /// `timeout` or its resident memory passes `memoryLimit`.
    /// - Returns: the answer, or how the worker ended (it is then reaped and its pipes closed).
    func exchange(_ frames: [Data], timeout: Duration, memoryLimit: Int) -> Outcome {
        let watchdog = Watchdog(pid: pid, answers: answers, timeout: timeout, memoryLimit: memoryLimit)
        var sent = true
        for frame in frames where sent { sent = Frames.write(frame, to: requests) }
        let answer = sent ? Frames.read(from: answers, maxBytes: Self.maxAnswerBytes) : nil
        let verdict = watchdog.finish()
        // An answer that crossed the watchdog's kill is dropped: the worker is gone either way.
        if let answer, verdict == nil { return .answer(answer) }
        kill(pid, SIGKILL)
        let status = reap()
        let ending: Ending
        if let verdict {
            ending = verdict
        } else if status & 0x7f != 0 {
            ending = .signalled(status & 0x7f, residentBytes: watchdog.peakResidentBytes)
        } else {
            ending = .exited((status >> 8) & 0xff)
        }
        return .ended(ending, diagnostics: stderrTail.fatalErrorLine())
    }

    /// Closes the worker's stdin so that it exits, and reaps it.
    func stop() {
        _ = reap()
    }

    /// Closes the parent's ends and waits for the process; returns its wait status.
    private func reap() -> Int32 {
        close(requests)
        close(answers)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        stderrTail.finish()
        return status
    }
}

/// Watches one request on a thread of its own: kills the worker at the time limit or the memory limit, and ends
/// the wait for its answer once it is dead, even when a process it started still holds its socket open.
private final class Watchdog: Sendable {
    private struct State {
        var done = false
        var verdict: WorkerProcess.Ending?
        var peakResidentBytes = 0
    }

    private let state = Mutex(State())
    private let stopped = DispatchSemaphore(value: 0)
    /// Signalled by ``finish()`` so the watching thread stops at once instead of at its next 20 ms tick.
    private let wake = DispatchSemaphore(value: 0)

    init(pid: pid_t, answers: Int32, timeout: Duration, memoryLimit: Int) {
        let deadline = ContinuousClock.now + timeout
        Thread.detachNewThread { [self] in
            while true {
                if Self.hasExited(pid) {
                    // The answer will never come; a blocked read of the socket returns at once after this.
                    shutdown(answers, Int32(SHUT_RDWR))
                    break
                }
                let resident = Self.residentBytes(of: pid)
                let verdict: WorkerProcess.Ending? =
                    resident > memoryLimit
                    ? .outOfMemory(residentBytes: resident) : ContinuousClock.now >= deadline ? .timedOut : nil
                let done = state.withLock { state -> Bool in
                    state.peakResidentBytes = max(state.peakResidentBytes, resident)
                    if !state.done, let verdict { state.verdict = verdict }
                    return state.done || state.verdict != nil
                }
                if done {
                    if state.withLock({ !$0.done && $0.verdict != nil }) {
                        kill(pid, SIGKILL)
                        shutdown(answers, Int32(SHUT_RDWR))
                    }
                    break
                }
                _ = wake.wait(timeout: .now() + .milliseconds(20))
            }
            stopped.signal()
        }
    }

    /// The highest resident size seen.
    var peakResidentBytes: Int { state.withLock { $0.peakResidentBytes } }

    /// Stops watching; returns the verdict if the watchdog killed the worker.
    func finish() -> WorkerProcess.Ending? {
        let verdict = state.withLock { state -> WorkerProcess.Ending? in
            state.done = true
            return state.verdict
        }
        wake.signal()
        stopped.wait()
        return verdict
    }

    /// Whether the process has ended (it is not reaped: `WNOWAIT`).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// The resident set of a process from `/proc/PID/statm`, in bytes; 0 when it cannot be read.
    private static func residentBytes(of pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// The last few KiB a worker wrote to stderr, read on a thread of its own until the pipe closes.
private final class StderrTail: Sendable {
    private let text = Mutex(Data())
    private let closed = DispatchSemaphore(value: 0)
    private static let keep = 8192

    init(reading descriptor: Int32) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                text.withLock { data in
                    data.append(contentsOf: buffer[0..<count])
                    if data.count > Self.keep { data.removeFirst(data.count - Self.keep) }
                }
            }
            close(descriptor)
            closed.signal()
        }
    }

    /// Waits (briefly) until the worker's stderr is closed.
    func finish() {
        _ = closed.wait(timeout: .now() + 1)
    }

    /// The last "Fatal error" line (a Swift trap) the worker printed, or "".
    func fatalErrorLine() -> String {
        let lines = text.withLock { String(decoding: $0, as: UTF8.self) }.split(whereSeparator: \.isNewline)
        return lines.last { $0.contains("Fatal error") }.map(String.init) ?? ""
    }
}
