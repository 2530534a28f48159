import Foundation
public import IngestCore
public import IngestStore
public import Logging
import Synchronization

/// Watches a folder and stores every minutes file dropped into it, exactly once.
///
/// Files already in the folder are taken first, then each file as soon as it is complete: closed after writing or
/// moved in, then quiet for the settle time (further writes restart the clock; a file some process still has open
/// for writing waits). A folder dropped in is one bundle, taken once nothing has happened in it for the settle
/// time. Hidden entries and the watcher's own `processed/` and `failed/` folders are left alone.
///
/// Each file is hashed, extracted through the registry, saved in one transaction, and only then moved into
/// `processed/` (see ``EntryProcessor`` for why a crash at any point loses nothing and stores nothing twice). A
/// file that cannot be extracted goes to `failed/` with a `NAME.error.json` report. Up to
/// ``WatchConfiguration/jobs`` files are processed at once; one bad file never stops the others. One line per
/// file goes to the logger: the path, what happened (stored and the record id, unchanged and the id, or failed
/// and the error code) and how long it took.
///
/// ```swift
/// let watcher = FolderWatcher(
///     configuration: WatchConfiguration(folder: URL(fileURLWithPath: "inbox")),
///     store: try MinutesStore(path: MinutesStore.defaultPath), registry: registry)
/// let summary = try await watcher.run()  // until watcher.stop()
/// ```
public final class FolderWatcher: Sendable {
    /// How the folder is watched.
    public let configuration: WatchConfiguration

    private let folder: DropFolder
    private let processor: EntryProcessor
    private let logger: Logger
    private let control = Mutex(Control())

    private struct Control {
        var continuation: AsyncStream<Signal>.Continuation?
        var stopRequested = false
    }

    /// What the watcher's loop reacts to.
    enum Signal: Sendable {
        /// Changes in the folder.
        case events([WatchEvent])
        /// A job ended.
        case finished(String, EntryOutcome)
        /// The earliest settle deadline has passed.
        case alarm
        /// ``stop()`` was called.
        case stop
    }

    /// Creates a watcher; nothing happens before ``run()``.
    /// - Parameters:
    ///   - configuration: the folder and how to watch it.
    ///   - store: where documents are saved.
    ///   - registry: the extractors.
    ///   - limits: the limits extraction honours.
    ///   - password: a password for encrypted documents.
    ///   - logger: where the line per file goes; by default nowhere.
    public init(
        configuration: WatchConfiguration, store: MinutesStore, registry: ExtractorRegistry,
        limits: ExtractionLimits = ExtractionLimits(), password: String? = nil, logger: Logger? = nil
    ) {
        self.configuration = configuration
        folder = DropFolder(root: configuration.folder)
        let context = ExtractionContext(
            registry: registry, limits: limits, password: password, parallelism: configuration.jobs)
        processor = EntryProcessor(
            folder: folder, store: store, registry: registry, context: context, keep: configuration.keepFiles,
            handled: HandledInputs())
        self.logger = logger ?? Logger(label: "ingest.watch", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// Watches the folder until ``stop()`` is called, then finishes the files being processed and returns.
    /// - Returns: how many files were stored, found unchanged and failed.
    /// - Throws: ``WatchError`` when the folder cannot be watched, or is deleted while watched (after the files
    ///   being processed are finished).
    @discardableResult
    public func run() async throws(WatchError) -> WatchSummary {
        try folder.prepare(createFolders: !configuration.keepFiles)
        let lock = try folder.lock()
        folder.removeLeftovers()
        let result: Result<WatchSummary, WatchError>
        do {
            result = .success(try await watchLocked())
        } catch {
            result = .failure(error)
        }
        lock.release()
        return try result.get()
    }

    /// ``run()`` once the folder is locked.
    private func watchLocked() async throws(WatchError) -> WatchSummary {
        let source: any ChangeSource
        switch configuration.mode {
        case .events:
            #if canImport(Glibc)
                source = try InotifySource(root: folder.root)
            #else
                throw WatchError(
                    code: .inotifyUnavailable, message: "inotify is only available on Linux",
                    advice: "watch by scanning with --poll")
            #endif
        case .polling(let interval):
            source = PollingSource(folder: folder, interval: interval)
        }
        let (signals, continuation) = AsyncStream.makeStream(of: Signal.self)
        let stopped = control.withLock { control in
            control.continuation = continuation
            return control.stopRequested
        }
        defer {
            source.stop()
            continuation.finish()
            control.withLock { $0.continuation = nil }
        }
        if stopped { return WatchSummary() }
        // Watch first, then list: a file arriving in between is both listed and reported, never missed.
        try source.start { events in continuation.yield(.events(events)) }
        var loop = WatchLoop(
            configuration: configuration, folder: folder, processor: processor, logger: logger,
            continuation: continuation)
        loop.noteWaitingInputs()
        return try await loop.run(signals, source: source)
    }

    /// Stops taking new files; ``run()`` returns once the files being processed are done. Safe to call from any
    /// thread (a signal handler's queue) and more than once.
    public func stop() {
        let continuation = control.withLock { control in
            control.stopRequested = true
            return control.continuation
        }
        continuation?.yield(.stop)
    }
}

/// The watcher's loop: the settle clock, the jobs under way, and the alarm for the next settle deadline. Runs on
/// one task; only the jobs run elsewhere.
private struct WatchLoop {
    let configuration: WatchConfiguration
    let folder: DropFolder
    let processor: EntryProcessor
    let logger: Logger
    let continuation: AsyncStream<FolderWatcher.Signal>.Continuation

    private var clock: SettleClock
    private var busy: Set<String> = []
    private var stopping = false
    private var failure: WatchError?
    private var summary = WatchSummary()
    private var alarm: Task<Void, Never>?
    private var alarmTime: ContinuousClock.Instant?

    init(
        configuration: WatchConfiguration, folder: DropFolder, processor: EntryProcessor, logger: Logger,
        continuation: AsyncStream<FolderWatcher.Signal>.Continuation
    ) {
        self.configuration = configuration
        self.folder = folder
        self.processor = processor
        self.logger = logger
        self.continuation = continuation
        clock = SettleClock(settle: configuration.settle)
    }

    /// Notes the inputs already in the folder, oldest first, due at once unless written within the settle time.
    mutating func noteWaitingInputs() {
        let now = ContinuousClock.now
        let wallNow = Int64(Date().timeIntervalSince1970 * 1e9)
        let settle = configuration.settle
        let inputs = folder.listInputs()
        for (name, status) in inputs {
            let age = Duration.nanoseconds(max(0, wallNow - status.modified))
            clock.noteActivity(name, complete: true, at: age >= settle ? now - settle : now)
        }
        logger.info(
            "watching \(folder.root.path): \(inputs.count) waiting; stored files go to \(folder.processed.path)",
            metadata: ["waiting": "\(inputs.count)"])
    }

    /// Reacts to signals until stopped with nothing under way.
    mutating func run(_ signals: AsyncStream<FolderWatcher.Signal>, source: any ChangeSource) async throws(WatchError)
        -> WatchSummary
    {
        await withTaskGroup(of: Void.self) { group in
            startDueJobs(in: &group)
            for await signal in signals {
                handle(signal, source: source)
                if stopping {
                    if busy.isEmpty { break }
                } else {
                    startDueJobs(in: &group)
                }
            }
        }
        alarm?.cancel()
        if let failure { throw failure }
        logger.info(
            "stopped: \(summary.stored) stored, \(summary.unchanged) unchanged, \(summary.failed) failed",
            metadata: [
                "stored": "\(summary.stored)", "unchanged": "\(summary.unchanged)", "failed": "\(summary.failed)",
            ])
        return summary
    }

    private mutating func handle(_ signal: FolderWatcher.Signal, source: any ChangeSource) {
        let now = ContinuousClock.now
        switch signal {
        case .events(let events):
            for event in events { handle(event, at: now, source: source) }
        case .finished(let name, let outcome):
            busy.remove(name)
            count(outcome, name: name, at: now)
        case .alarm:
            alarmTime = nil
        case .stop:
            if !stopping {
                logger.info("stopping: finishing \(busy.count) file(s) under way, taking no new ones")
            }
            stop(source)
        }
    }

    private mutating func handle(_ event: WatchEvent, at now: ContinuousClock.Instant, source: any ChangeSource) {
        switch event {
        case .activity(let name, let complete):
            clock.noteActivity(name, complete: complete, at: now)
        case .removed(let name):
            clock.remove(name)
        case .rescan:
            logger.warning("events were lost (too many at once): listing \(folder.root.path) again")
            for (name, _) in folder.listInputs() { clock.noteActivity(name, complete: true, at: now) }
        case .folderGone:
            if failure == nil {
                failure = WatchError(
                    code: .folderGone, message: "\(folder.root.path) was deleted or moved away",
                    advice: "recreate it and start `ingest watch` again")
                logger.error("\(folder.root.path) was deleted or moved away: finishing the files under way")
            }
            stop(source)
        case .warning(let message):
            logger.warning("\(message)")
        }
    }

    private mutating func stop(_ source: any ChangeSource) {
        stopping = true
        source.stop()
        alarm?.cancel()
        alarm = nil
        alarmTime = nil
    }

    /// Counts a finished job, and puts the entry back on the clock when it must be tried again.
    private mutating func count(_ outcome: EntryOutcome, name: String, at now: ContinuousClock.Instant) {
        switch outcome {
        case .stored(.unchanged), .alreadyStored:
            summary.unchanged += 1
        case .stored:
            summary.stored += 1
        case .failed:
            summary.failed += 1
        case .stillOpen, .changedWhileProcessing:
            clock.schedule(name, at: now + configuration.settle)
        case .retry:
            clock.schedule(name, at: now + configuration.retryDelay)
        case .alreadyHandled, .vanished, .notAnInput:
            break
        }
    }

    /// Starts a job for each due entry while fewer than `jobs` are under way, and sets the alarm for the next one.
    private mutating func startDueJobs(in group: inout TaskGroup<Void>) {
        let now = ContinuousClock.now
        for name in clock.takeDue(at: now, excluding: busy, limit: configuration.jobs - busy.count) {
            busy.insert(name)
            let processor = processor
            let logger = logger
            let continuation = continuation
            let path = folder.path(of: name)
            group.addTask {
                let started = ContinuousClock.now
                let outcome = await processor.process(name)
                Self.log(outcome, path: path, elapsed: ContinuousClock.now - started, logger: logger)
                continuation.yield(.finished(name, outcome))
            }
        }
        let next = busy.count < configuration.jobs ? clock.nextDue(excluding: busy) : nil
        setAlarm(next.map { max($0, now) })
    }

    /// Arranges for an `.alarm` signal at `time` (none for `nil`), replacing an alarm for another time.
    private mutating func setAlarm(_ time: ContinuousClock.Instant?) {
        guard time != alarmTime else { return }
        alarm?.cancel()
        alarmTime = time
        guard let time else {
            alarm = nil
            return
        }
        let continuation = continuation
        alarm = Task {
            try? await Task.sleep(until: time, tolerance: .milliseconds(1), clock: .continuous)
            if !Task.isCancelled { continuation.yield(.alarm) }
        }
    }

    /// Writes the line for one file: its path, what happened, and how long it took.
    private static func log(_ outcome: EntryOutcome, path: String, elapsed: Duration, logger: Logger) {
        let milliseconds = Int((elapsed / .milliseconds(1)).rounded())
        var metadata: Logger.Metadata = ["path": "\(path)", "ms": "\(milliseconds)"]
        switch outcome {
        case .stored(.inserted(let id)):
            metadata["outcome"] = "stored"
            metadata["id"] = "\(id)"
            logger.info("\(path): stored as #\(id) (\(milliseconds) ms)", metadata: metadata)
        case .stored(.newVersion(let id, let previous)):
            metadata["outcome"] = "stored"
            metadata["id"] = "\(id)"
            metadata["previous"] = "\(previous)"
            logger.info(
                "\(path): stored as #\(id), a new version of #\(previous) (\(milliseconds) ms)", metadata: metadata)
        case .stored(.unchanged(let id)), .alreadyStored(let id):
            metadata["outcome"] = "unchanged"
            metadata["id"] = "\(id)"
            logger.info("\(path): unchanged, already #\(id) (\(milliseconds) ms)", metadata: metadata)
        case .failed(let error, let report):
            metadata["outcome"] = "failed"
            metadata["code"] = "\(error.code)"
            logger.error(
                "\(path): failed (\(error.code)): \(error.message); report: \(report) (\(milliseconds) ms)",
                metadata: metadata)
        case .retry(let reason):
            metadata["outcome"] = "retry"
            logger.warning("\(path): \(reason); trying again later", metadata: metadata)
        case .stillOpen:
            metadata["outcome"] = "waiting"
            logger.debug("\(path): still open for writing; waiting", metadata: metadata)
        case .changedWhileProcessing:
            metadata["outcome"] = "waiting"
            logger.debug("\(path): changed while being read; taking it again once quiet", metadata: metadata)
        case .notAnInput:
            metadata["outcome"] = "skipped"
            logger.warning("\(path): not a regular file or folder (a link?); left alone", metadata: metadata)
        case .alreadyHandled:
            metadata["outcome"] = "skipped"
            logger.debug("\(path): handled before, unchanged", metadata: metadata)
        case .vanished:
            metadata["outcome"] = "skipped"
            logger.debug("\(path): gone before it was taken", metadata: metadata)
        }
    }
}
