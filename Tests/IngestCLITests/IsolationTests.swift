import Foundation
import Testing

/// `ingest` runs the PDF and bundle extractors in worker processes by default: the corpus PDF that makes poppler
/// run without end (and eat gigabytes) fails alone, with the reason, and the file after it comes out.
@Suite("Process isolation through ingest")
struct IsolationTests {
    static let bomb = Fixtures.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/pdf/broken/pdfjs_bomb_giant.pdf")

    @Test("Under a 300 MiB memory limit the bomb ends quickly, as a document or one typed error; the seed comes out")
    func memoryLimit() async throws {
        try #require(FileManager.default.fileExists(atPath: Self.bomb.path), "the corpus is missing \(Self.bomb.path)")
        let fixtures = try Fixtures()
        let seed = Fixtures.packageRoot.appendingPathComponent("SampleDocs/politiradet-oslo-referat.pdf").path
        let started = ContinuousClock.now
        let output = try await IngestProcess.run(
            ["--jsonl", "--jobs", "1", "--max-memory", "300", "--timeout", "60", Self.bomb.path, seed],
            in: fixtures.directory)

        // Either the worker is stopped at 300 MiB, or poppler's big allocation is refused (the worker's
        // RLIMIT_DATA) and it gives up on the image: both end the file in seconds instead of never.
        #expect(ContinuousClock.now - started < .seconds(50))
        let documents = output.stdoutText.split(separator: "\n")
        let errors = output.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(documents.count + errors.count == 2, "\(output.stderr)")
        #expect(errors.allSatisfy { $0.contains("pdfjs_bomb_giant.pdf: extractor pdf used more than") })
        #expect(documents.last?.contains(#""fileName":"politiradet-oslo-referat.pdf""#) == true)
    }

    @Test("The same file under a short time limit times out instead")
    func timeLimit() async throws {
        try #require(FileManager.default.fileExists(atPath: Self.bomb.path), "the corpus is missing \(Self.bomb.path)")
        let fixtures = try Fixtures()
        let started = ContinuousClock.now
        let output = try await IngestProcess.run(
            ["--jsonl", "--max-memory", "20000", "--timeout", "1", Self.bomb.path], in: fixtures.directory)

        #expect(output.status == 1)
        #expect(output.stderr.contains("extractor pdf timed out after 1 s and was stopped"), "\(output.stderr)")
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test("A PDF that segfaults poppler (found by the fuzzer) is one crashed file; the seed PDF after it comes out")
    func popplerSegfault() async throws {
        let fixtures = try Fixtures()
        let crasher = Fixtures.packageRoot.appendingPathComponent(
            "Fuzz/known-crashers/poppler-get-attachments-segv.pdf")
        let seed = Fixtures.packageRoot.appendingPathComponent("SampleDocs/politiradet-oslo-referat.pdf").path
        let output = try await IngestProcess.run(
            ["--jsonl", "--jobs", "1", "--failures", "failed.jsonl", crasher.path, seed], in: fixtures.directory)

        #expect(output.status == 1)
        #expect(
            output.stderr.contains("poppler-get-attachments-segv.pdf: extractor pdf crashed: SIGSEGV"),
            "\(output.stderr)")
        let failures = try String(
            contentsOf: fixtures.directory.appendingPathComponent("failed.jsonl"), encoding: .utf8)
        #expect(failures.contains(#""code":"extractor-crashed""#))
        #expect(output.stdoutText.split(separator: "\n").count == 1)
        #expect(output.stdoutText.contains(#""fileName":"politiradet-oslo-referat.pdf""#))
    }

    @Test("--no-isolate extracts in-process and gives the same document")
    func inProcessIsTheSame() async throws {
        let fixtures = try Fixtures()
        let seed = Fixtures.packageRoot.appendingPathComponent("SampleDocs/politiradet-oslo-referat.pdf").path
        let isolated = try await IngestProcess.run(["--jsonl", seed], in: fixtures.directory)
        let inProcess = try await IngestProcess.run(["--jsonl", "--no-isolate", seed], in: fixtures.directory)
        #expect(isolated.status == 0)
        #expect(isolated.stdout == inProcess.stdout)
    }
}
