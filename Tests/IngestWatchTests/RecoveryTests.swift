import Foundation
import IngestCore
import IngestStore
import IngestWatch
import Testing

@Suite("FolderWatcher: restarts, name clashes and a folder that goes away", .timeLimit(.minutes(1)))
struct RecoveryTests {
    @Test("a file stored by a run that died before moving it is moved, not stored again")
    func storedBeforeCrash() async throws {
        let fixture = try WatchFixture()
        let data = WatchFixture.minutes(1)
        try fixture.write(data, as: "stored.txt")
        let path = fixture.inbox.appendingPathComponent("stored.txt").path
        let document = try await WatchFixture.registry.extract(
            ExtractionInput(fileURL: URL(fileURLWithPath: path), path: path))
        let saved = try fixture.store.save(document, path: path)
        let running = RunningWatcher(fixture.watcher())
        try await WatchFixture.waitUntil("stored.txt is in processed/") {
            WatchFixture.names(in: fixture.processed) == ["stored.txt"]
        }
        let summary = try await running.stop()
        #expect(summary.unchanged == 1)
        #expect(summary.stored == 0)
        #expect(try fixture.recordCount() == 1)
        #expect(try fixture.store.record(sha256: WatchFixture.hash(data)) == saved.id)
    }

    @Test(
        "a report left without its input (a crash between report and move) is replaced, not doubled; a report cut off by a crash is removed"
    )
    func orphanReport() async throws {
        let fixture = try WatchFixture()
        try FileManager.default.createDirectory(at: fixture.failed, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: fixture.failed.appendingPathComponent("broken.pdf.error.json"))
        try Data("{\"pa".utf8).write(to: fixture.failed.appendingPathComponent(".other.pdf.error.json.partial"))
        try fixture.write(WatchFixture.garbage(), as: "broken.pdf")
        let running = RunningWatcher(fixture.watcher())
        try await WatchFixture.waitUntil("broken.pdf is in failed/") { fixture.waiting.isEmpty }
        try await running.stop()
        #expect(WatchFixture.names(in: fixture.failed) == ["broken.pdf", "broken.pdf.error.json"])
        let report = try Data(contentsOf: fixture.failed.appendingPathComponent("broken.pdf.error.json"))
        #expect(String(decoding: report, as: UTF8.self).contains("\"code\""))
    }

    @Test("a name already taken in processed/ gets a suffix; nothing there is overwritten")
    func nameClash() async throws {
        let fixture = try WatchFixture()
        let earlier = WatchFixture.minutes(1)
        let later = WatchFixture.minutes(2)
        try FileManager.default.createDirectory(at: fixture.processed, withIntermediateDirectories: true)
        try earlier.write(to: fixture.processed.appendingPathComponent("minutes.txt"))
        try fixture.write(later, as: "minutes.txt")
        let running = RunningWatcher(fixture.watcher())
        try await WatchFixture.waitUntil("minutes.txt is taken") { fixture.waiting.isEmpty }
        try await running.stop()
        #expect(WatchFixture.names(in: fixture.processed) == ["minutes-2.txt", "minutes.txt"])
        #expect(try Data(contentsOf: fixture.processed.appendingPathComponent("minutes.txt")) == earlier)
        #expect(try Data(contentsOf: fixture.processed.appendingPathComponent("minutes-2.txt")) == later)
    }

    @Test("a second watcher on the same folder is refused")
    func secondWatcher() async throws {
        let fixture = try WatchFixture()
        let running = RunningWatcher(fixture.watcher())
        try fixture.write(WatchFixture.minutes(1), as: "first.txt")
        try await WatchFixture.waitUntil("the first watcher works") { fixture.waiting.isEmpty }
        let error = await #expect(throws: WatchError.self) { try await fixture.watcher().run() }
        #expect(error?.code == .alreadyWatched)
        try await running.stop()
    }

    @Test("a missing folder, and a folder deleted while watched, are errors")
    func folderGone() async throws {
        let fixture = try WatchFixture()
        let missing = FolderWatcher(
            configuration: WatchConfiguration(folder: fixture.directory.appendingPathComponent("nowhere")),
            store: fixture.store, registry: WatchFixture.registry)
        let notFound = await #expect(throws: WatchError.self) { try await missing.run() }
        #expect(notFound?.code == .folderNotFound)

        let running = RunningWatcher(fixture.watcher())
        try fixture.write(WatchFixture.minutes(1), as: "first.txt")
        try await WatchFixture.waitUntil("the watcher works") { fixture.waiting.isEmpty }
        try FileManager.default.removeItem(at: fixture.inbox)
        let gone = await #expect(throws: WatchError.self) { try await running.task.value }
        #expect(gone?.code == .folderGone)
    }
}
