import Foundation
import IngestCore
import IngestIsolation
import IngestStore
import IngestWatch
import PlainTextExtractor
import Testing

/// The supervisor (`WorkerPool`) under extractors that crash, hang and eat memory (the `FaultyWorker` executable):
/// each costs one file, with the reason, and the files after it are extracted by fresh workers.
@Suite("Worker processes under misbehaving extractors")
struct SupervisorTests {
    /// The `FaultyWorker` executable, built next to this test bundle (this target depends on it).
    static var faultyWorker: WorkerPool.Command {
        WorkerPool.Command(
            executable: Bundle.main.bundleURL.appendingPathComponent("FaultyWorker").path, arguments: ["worker"])
    }

    // 5 s: long enough for a good file on a loaded machine, where starting a worker alone can take a second.
    static let limits = ExtractionLimits(timePerFile: .seconds(5), maxWorkerMemoryBytes: 256 << 20)

    /// Every extractor of the faulty worker, each run in the pool (plain text too, so good files also need a worker).
    static func registry(_ pool: WorkerPool) -> ExtractorRegistry {
        let faults = ["segv", "hang", "hog"].map { FaultStandIn(fault: $0) as any Extractor }
        return ExtractorRegistry(
            extractors: ([PlainTextExtractor()] + faults).map { IsolatedExtractor($0, pool: pool) })
    }

    static func minutes(_ number: Int) -> String {
        "Referat fra møte i Testutvalget nr. \(number)\n\nSak 1/26 Godkjenning av innkalling\nInnkallingen ble godkjent.\n"
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("IngestIsolationTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(
        "One worker: a crash, a hang and a memory hog each fail their file with the reason; the files between succeed")
    func faultsCostOneFileEach() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["1.txt", "a.segv", "2.txt", "b.hang", "3.txt", "c.hog", "4.txt"]
        for (index, name) in names.enumerated() {
            try Data(Self.minutes(index).utf8).write(to: folder.appendingPathComponent(name))
        }
        let pool = WorkerPool(command: Self.faultyWorker, size: 1, memoryLimit: Self.limits.maxWorkerMemoryBytes)
        let registry = Self.registry(pool)
        let context = ExtractionContext(registry: registry, limits: Self.limits)
        var results: [String: Result<MinutesDocument, IngestError>] = [:]
        for name in names {
            let input = ExtractionInput(fileURL: folder.appendingPathComponent(name), path: name)
            do {
                results[name] = .success(try await registry.extract(input, context: context))
            } catch {
                results[name] = .failure(error)
            }
        }
        await pool.shutDown()

        for name in ["1.txt", "2.txt", "3.txt", "4.txt"] {
            let document = try results[name].map { try $0.get() }
            #expect(document?.agendaItems.map(\.number) == ["1/26"], "\(name): \(String(describing: results[name]))")
        }
        func failure(_ name: String) -> IngestError? {
            if case .failure(let error) = results[name] { error } else { nil }
        }
        #expect(failure("a.segv")?.code == .extractorCrashed)
        #expect(failure("a.segv")?.message == "extractor fault-segv crashed: SIGSEGV")
        #expect(failure("b.hang")?.code == .extractorTimedOut)
        #expect(failure("b.hang")?.message == "extractor fault-hang timed out after 5 s and was stopped")
        #expect(failure("c.hog")?.code == .limitExceeded)
        #expect(
            failure("c.hog")?.message.contains("used more than the memory limit of 256 MiB") == true,
            "\(String(describing: failure("c.hog")))")
    }

    @Test("Bytes in memory (an archive member) reach the worker and come back as the same document as the file")
    func bytesInMemory() async throws {
        let pool = WorkerPool(command: Self.faultyWorker, size: 2, memoryLimit: Self.limits.maxWorkerMemoryBytes)
        let registry = Self.registry(pool)
        let context = ExtractionContext(registry: registry, limits: Self.limits)
        let text = Data(Self.minutes(7).utf8)
        let isolated = try await registry.extract(
            ExtractionInput(data: text, path: "bundle.zip!7.txt"), context: context)
        let inProcess = try await ExtractorRegistry(extractors: [PlainTextExtractor()])
            .extract(ExtractionInput(data: text, path: "bundle.zip!7.txt"))
        await pool.shutDown()
        #expect(isolated == inProcess)
        #expect(isolated.source.path == "bundle.zip!7.txt")
    }

    @Test("The watcher keeps running after each bad file: they go to failed/, the good ones are stored")
    func watcherSurvives() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let store = try MinutesStore(path: folder.appendingPathComponent("minutes.sqlite").path)
        let pool = WorkerPool(command: Self.faultyWorker, size: 2, memoryLimit: Self.limits.maxWorkerMemoryBytes)
        let watcher = FolderWatcher(
            configuration: WatchConfiguration(folder: inbox, settle: .milliseconds(100), jobs: 2),
            store: store, registry: Self.registry(pool), limits: Self.limits)
        let running = Task { try await watcher.run() }

        for (index, name) in ["a.segv", "b.hang", "c.hog", "1.txt"].enumerated() {
            try Data(Self.minutes(index).utf8).write(to: inbox.appendingPathComponent(name))
        }
        try await Self.waitUntil {
            (try? FileManager.default.contentsOfDirectory(atPath: inbox.path).filter {
                !$0.hasPrefix(".") && $0.contains(".")
            }) == []
        }
        // After all three, the watcher still takes new files.
        try Data(Self.minutes(9).utf8).write(to: inbox.appendingPathComponent("2.txt"))
        try await Self.waitUntil {
            FileManager.default.fileExists(atPath: inbox.appendingPathComponent("processed/2.txt").path)
        }
        watcher.stop()
        let summary = try await running.value
        await pool.shutDown()

        #expect(summary.stored == 2)
        #expect(summary.failed == 3)
        let failed = try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent("failed").path)
        #expect(
            Set(failed) == ["a.segv", "a.segv.error.json", "b.hang", "b.hang.error.json", "c.hog", "c.hog.error.json"])
        let report = try String(contentsOf: inbox.appendingPathComponent("failed/a.segv.error.json"), encoding: .utf8)
        #expect(report.contains("extractor-crashed"))
    }

    static func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() {
            try #require(ContinuousClock.now < deadline, "timed out waiting")
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// The declaration of one of `FaultyWorker`'s extractors, for the parent's registry (the worker runs the real one).
struct FaultStandIn: Extractor {
    let fault: String
    var identifier: String { "fault-\(fault)" }
    let version = "1.0.0"
    var summary: String { "misbehaves: \(fault)" }
    let fileTypes: [FileType] = []
    var fileExtensions: [String] { [fault] }

    /// Its extension decides, ahead of the plain-text extractor (the files hold text).
    func confidence(for input: SniffedInput) -> ExtractionConfidence? {
        input.fileExtension == fault ? .certain : nil
    }

    func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument {
        throw IngestError(code: .extractorFailed, path: input.input.path, message: "runs only in FaultyWorker")
    }
}
