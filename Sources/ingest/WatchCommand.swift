import ArgumentParser
import Dispatch
import Foundation
import IngestCore
import IngestIsolation
import IngestStore
import IngestWatch
import Logging
import Synchronization

/// `ingest watch DIR`: stores every minutes file dropped into a folder, exactly once, until stopped.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch a folder: store every minutes file dropped into it (searchable at once), then move it aside.",
        discussion: """
            What happens to a file: the files already in DIR are taken first, then each new one once it is \
            complete: closed after writing or moved in, then quiet for --settle milliseconds (a writer that \
            reopens it restarts the clock; a file still open for writing waits). A folder dropped into DIR is \
            one bundle (minutes with attachments), taken once nothing has changed in it for the settle time. \
            Each is extracted like `ingest FILE` (out-of-process extractors included: --extractors-dir, \
            $INGEST_EXTRACTORS_PATH, $PATH; PDFs, archives and e-mails in worker processes, so a file that \
            crashes or hangs a parser, or passes --timeout or --max-memory, only fails itself), saved in the store in one transaction, and only then moved to \
            DIR/processed/. One that cannot be extracted goes to DIR/failed/ with NAME.error.json beside it \
            (path, code, message, advice, failedAt). A name already taken there gets -2, -3 …; nothing is \
            overwritten. Hidden files (.name) and processed/ and failed/ are left alone. With --keep, files stay \
            where they are (reports still go to failed/).
            Exactly once: content already in the store is not stored again, so a file dropped twice, or left \
            behind by a watcher that was killed (even with kill -9) after saving it, is only moved to \
            processed/. Nothing is lost: a file stays in DIR until its record is committed.
            The store: --store PATH, else $INGEST_STORE, else $XDG_DATA_HOME/ingest/minutes.sqlite, else \
            ~/.local/share/ingest/minutes.sqlite. `ingest search`, `list` and `show` read it, also while the \
            watcher runs.
            Stopping: Ctrl-C (SIGINT) or SIGTERM stops taking new files, finishes the ones under way and exits \
            0; a second signal exits at once (safe: unfinished files are taken again at the next start).
            One line per file goes to stderr: its path, what happened (stored as #id, unchanged #id, or failed \
            with the error code) and how long it took.
            On network or container file systems that do not report changes (NFS, SMB, some FUSE mounts), use \
            --poll: DIR is scanned every --poll-interval milliseconds instead.
            Examples:
              ingest watch inbox/ --store minutes.sqlite &
              cp SampleDocs/politiradet-oslo-referat.pdf inbox/
              ingest search skjenketider --store minutes.sqlite
              ingest watch /mnt/share/minutes --poll --jobs 1
              ingest watch inbox/ --keep --log-level debug
            Exit status: 0 when stopped by a signal, 1 when DIR cannot be watched (missing, watched by another \
            `ingest watch`, deleted while watched) or the store cannot be opened, 64 for a usage error.
            """
    )

    @Argument(help: ArgumentHelp("The folder to watch.", valueName: "DIR"))
    var directory: String

    @Option(
        help: ArgumentHelp(
            "The store to save documents in (created if needed); the default is $INGEST_STORE, else "
                + "$XDG_DATA_HOME/ingest/minutes.sqlite, else ~/.local/share/ingest/minutes.sqlite. "
                + "Example: --store minutes.sqlite",
            valueName: "PATH"))
    var store: String?

    @Flag(help: "Leave files in DIR instead of moving them to processed/ or failed/ (each is still stored once).")
    var keep = false

    @Flag(help: "Notice changes by scanning sizes and modification times instead of inotify (network file systems).")
    var poll = false

    @Option(help: ArgumentHelp("With --poll: the time between scans, in milliseconds.", valueName: "MS"))
    var pollInterval = 250

    @Option(
        help: ArgumentHelp(
            "How long a file must be quiet after it was closed or moved in before it is taken, in milliseconds.",
            valueName: "MS"))
    var settle = 200

    @Option(
        help: ArgumentHelp(
            "Process up to N files at once; the default is the number of cores. Example: --jobs 1", valueName: "N"))
    var jobs: Int = ExtractCommand.defaultJobs

    @Option(
        help: ArgumentHelp(
            "The least important log lines to show: trace, debug, info, notice, warning, error or critical.",
            valueName: "LEVEL"))
    var logLevel = "info"

    @Option(
        help: ArgumentHelp(
            "The password for encrypted documents (PDF). Example: --password 's3cret'", valueName: "PASSWORD"))
    var password: String?

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    @OptionGroup(title: "Out-of-process extractors")
    var extractorSearch: ExtractorSearchOptions

    @OptionGroup(title: "Isolation")
    var isolationOptions: IsolationOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
        if settle < 0 { throw ValidationError("--settle must be 0 or more milliseconds (got \(settle)).") }
        if pollInterval < 10 {
            throw ValidationError("--poll-interval must be at least 10 milliseconds (got \(pollInterval)).")
        }
        if Logger.Level(rawValue: logLevel) == nil {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--log-level must be one of \(levels) (got '\(logLevel)').")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "ingest.watch")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            StandardError.report(
                "no folder at \(directory): create it first (mkdir -p \(directory)), or check the path")
            throw ExitCode.failure
        }
        let storePath = store ?? MinutesStore.defaultPath
        let minutesStore: MinutesStore
        do {
            minutesStore = try MinutesStore(path: storePath)
        } catch {
            StandardError.report(error.description)
            throw ExitCode.failure
        }
        logger.info("store: \(storePath)")
        let configuration = WatchConfiguration(
            folder: URL(fileURLWithPath: directory),
            mode: poll ? .polling(interval: .milliseconds(pollInterval)) : .events,
            settle: .milliseconds(settle), jobs: jobs, keepFiles: keep)
        let limits = limitOptions.limits
        let (registry, pool) = isolationOptions.apply(
            to: ExtractorRegistry(extractors: await extractorSearch.extractors()), jobs: jobs, limits: limits)
        let watcher = FolderWatcher(
            configuration: configuration, store: minutesStore, registry: registry,
            limits: limits, password: password, logger: logger)
        let signals = StopSignals(logger: logger) { watcher.stop() }
        defer { signals.cancel() }
        do {
            try await watcher.run()
        } catch {
            await pool?.shutDown()
            StandardError.report(error.description)
            throw ExitCode.failure
        }
        await pool?.shutDown()
    }
}

/// SIGINT and SIGTERM as dispatch sources: the first asks the watcher to stop, a second exits at once.
///
/// The default actions are turned off first (`SIG_IGN`), so the signals reach the sources instead of ending the
/// process.
private final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(logger: Logger, stop: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "ingest.watch.signals")
        let received = SignalCount()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if received.increment() > 1 {
                    logger.warning("second signal: exiting now; unfinished files are taken again at the next start")
                    exit(130)
                }
                logger.info("signal \(number) received: finishing the files under way (again to exit at once)")
                stop()
            }
            source.resume()
            return source
        }
    }

    /// Stops listening for the signals.
    func cancel() {
        for source in sources { source.cancel() }
    }
}

/// How many stop signals arrived; touched only on the signal queue, but counted under a lock to stay `Sendable`.
private final class SignalCount: Sendable {
    private let count = Mutex(0)

    func increment() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
