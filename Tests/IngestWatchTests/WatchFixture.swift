import Foundation
import IngestCore
import IngestWatch
import PDFMinutesExtractor
import PlainTextExtractor
import Testing

@testable import IngestStore

/// A scratch folder for one watcher test: the watched `inbox/`, a `staging/` beside it to move files in from, and
/// a store; removed when the test ends.
final class WatchFixture: Sendable {
    /// The scratch folder.
    let directory: URL
    /// The watched folder.
    let inbox: URL
    /// A folder on the same file system to write files in and rename them into the inbox from.
    let staging: URL
    /// The store the watcher saves to.
    let store: MinutesStore

    /// The extractors the tests need: plain text for the minutes, PDF so a broken `.pdf` goes to the PDF reader.
    static let registry = ExtractorRegistry(extractors: [PDFMinutesExtractor(), PlainTextExtractor()])

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("IngestWatchTests-\(UUID().uuidString)", isDirectory: true)
        inbox = directory.appendingPathComponent("inbox", isDirectory: true)
        staging = directory.appendingPathComponent("staging", isDirectory: true)
        for folder in [inbox, staging] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        store = try MinutesStore(path: directory.appendingPathComponent("minutes.sqlite").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A watcher on the inbox.
    func watcher(
        mode: WatchConfiguration.Mode = .events, settle: Duration = .milliseconds(300), jobs: Int = 2,
        keep: Bool = false
    ) -> FolderWatcher {
        FolderWatcher(
            configuration: WatchConfiguration(folder: inbox, mode: mode, settle: settle, jobs: jobs, keepFiles: keep),
            store: store, registry: Self.registry)
    }

    /// Short plain-text minutes, different for every `number`.
    static func minutes(_ number: Int) -> Data {
        let token = UUID().uuidString.prefix(8)
        let text = """
            Referat fra møte i Testutvalget nr. \(number)

            Dato: 14. mars 2024

            1. Godkjenning av innkalling og saksliste

            Innkalling og saksliste ble godkjent uten merknader. Referansen er \(token)-\(number).

            2. Budsjett for \(number + 2000)

            Utvalget drøftet budsjettet og vedtok forslaget. Vedtak: budsjettet for sak \(number) godkjennes.

            """
        return Data(text.utf8)
    }

    /// The SHA-256 the store keys a file's content by.
    static func hash(_ data: Data) -> String { ContentHash.sha256(of: data) }

    /// The number of document records in the store.
    func recordCount() throws -> Int {
        try store.rowCounts()["document"] ?? -1
    }

    /// The names directly in `folder`, sorted.
    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// The inputs still waiting in the inbox (not hidden, not the watcher's folders).
    var waiting: [String] {
        Self.names(in: inbox).filter { !$0.hasPrefix(".") && $0 != "processed" && $0 != "failed" }
    }

    var processed: URL { inbox.appendingPathComponent("processed") }
    var failed: URL { inbox.appendingPathComponent("failed") }

    // MARK: Ways files arrive

    /// Writes a file in one go (open, write, close: one `IN_CLOSE_WRITE`).
    func write(_ data: Data, as name: String) throws {
        try data.write(to: inbox.appendingPathComponent(name))
    }

    /// Writes a file in the staging folder, then renames it into the inbox (`IN_MOVED_TO`).
    func moveIn(_ data: Data, as name: String) throws {
        let staged = staging.appendingPathComponent(name)
        try data.write(to: staged)
        try FileManager.default.moveItem(at: staged, to: inbox.appendingPathComponent(name))
    }

    /// Writes a file in `chunks` pieces with a pause after each. With `reopening`, every piece opens, appends and
    /// closes the file (a close after every piece: only the settle time keeps it from being taken half-written);
    /// otherwise one descriptor stays open throughout (no close until the end).
    func writeSlowly(
        _ data: Data, as name: String, chunks: Int = 4, pause: Duration = .milliseconds(25), reopening: Bool
    ) async throws {
        let url = inbox.appendingPathComponent(name)
        let size = (data.count + chunks - 1) / chunks
        let pieces = stride(from: 0, to: data.count, by: size).map { data[$0..<min($0 + size, data.count)] }
        if reopening {
            for (index, piece) in pieces.enumerated() {
                if index == 0 {
                    try piece.write(to: url)
                } else {
                    let handle = try FileHandle(forWritingTo: url)
                    try handle.seekToEnd()
                    try handle.write(contentsOf: piece)
                    try handle.close()
                }
                if index < pieces.count - 1 { try await Task.sleep(for: pause) }
            }
        } else {
            try Data().write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            for (index, piece) in pieces.enumerated() {
                try handle.write(contentsOf: piece)
                if index < pieces.count - 1 { try await Task.sleep(for: pause) }
            }
            try handle.close()
        }
    }

    /// Bytes that no extractor reads (random, no known signature).
    static func garbage(_ count: Int = 3000) -> Data {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[0] = 0x01  // never "%PDF" or a text byte order mark
        bytes[1] = 0xFE
        return Data(bytes)
    }

    // MARK: Waiting

    /// Polls `condition` every 20 ms until it holds, failing the test at the deadline.
    static func waitUntil(
        _ what: @autoclosure () -> String, timeout: Duration = .seconds(30),
        sourceLocation: SourceLocation = #_sourceLocation, _ condition: () throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out after \(timeout) waiting until \(what())", sourceLocation: sourceLocation)
                throw WaitTimeout()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    struct WaitTimeout: Error {}
}

/// A running watcher: started in a task, stopped and awaited by ``stop()``.
struct RunningWatcher {
    let watcher: FolderWatcher
    let task: Task<WatchSummary, any Error>

    init(_ watcher: FolderWatcher) {
        self.watcher = watcher
        task = Task { try await watcher.run() }
    }

    /// Stops the watcher and waits until it has finished the files under way.
    @discardableResult
    func stop() async throws -> WatchSummary {
        watcher.stop()
        return try await task.value
    }
}
