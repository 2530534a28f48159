import Foundation
import Testing

@Suite("ingest watch: crash safety and errors, through the built binary", .timeLimit(.minutes(3)))
struct WatchCrashTests {
    @Test("kill -9 in the middle of a run, three times: no file lost, none stored twice (Tests/Scripts)")
    func killAndRestart() async throws {
        let script = Fixtures.packageRoot.appendingPathComponent("Tests/Scripts/watch_crash_test.py")
        let executable = IngestProcess.executableURL
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "no ingest at \(executable.path)")
        let output = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, executable.path, "--files", "100"],
            in: Fixtures.packageRoot)
        #expect(output.status == 0, "\(output.stdoutText)\(output.stderr)")
        #expect(output.stdoutText.contains("watch_crash_test: passed"))
    }

    @Test("a folder that does not exist: exit 1 and a message, and no store is created")
    func missingFolder() async throws {
        let fixtures = try Fixtures()
        let output = try await IngestProcess.run(
            ["watch", "nowhere", "--store", "minutes.sqlite"], in: fixtures.directory)
        #expect(output.status == 1)
        #expect(output.stderr.contains("ingest: error: no folder at nowhere"))
        #expect(
            !FileManager.default.fileExists(atPath: fixtures.directory.appendingPathComponent("minutes.sqlite").path))
    }
}
