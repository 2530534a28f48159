import Foundation
import IngestCore
import Testing

/// Hostile archives built in the test by `Scripts/make_hostile_archives.py` (see its header for what each holds):
/// entries that climb out of the output folder, a zip bomb of 1.1 GiB in 1.1 MB, zips nested 12 deep, and a member
/// that lies about its size. `ingest` must stay inside its output folder, inside its limits and under a few hundred
/// MB, and say what it refused and which option would raise the limit.
@Suite("ingest on hostile archives: path traversal, a zip bomb, deep nesting, a member lying about its size")
struct HostileArchiveTests {
    /// The innermost minutes' title in `nested.zip` (`NESTED_TITLE` in the script).
    static let nestedTitle = "Referat fra styremøte i Dypt Nede borettslag"

    /// The most resident memory a run on the bomb may take: the bomb unpacks to 1.1 GiB, the entry limit is 256 MiB.
    static let peakMemoryLimit = 400 << 20

    /// Writes archives with the generator script into `directory`.
    /// - Parameter names: which archives (`traversal`, `bomb`, `nested`, `liar`).
    private static func generate(_ names: [String], in directory: URL) async throws {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "no /usr/bin/python3: run `make setup`")
        let script = Fixtures.packageRoot.appendingPathComponent(
            "Tests/IngestCLITests/Scripts/make_hostile_archives.py")
        let output = try await ChildProcess.run(python, [script.path, directory.path] + names, in: directory)
        try #require(output.status == 0, "make_hostile_archives.py failed: \(output.stderr)")
    }

    /// Every path under `directory`, relative, sorted; links are listed, not followed.
    private static func tree(_ directory: URL) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: directory.path))
        return enumerator.compactMap { $0 as? String }.sorted()
    }

    /// Runs `ingest` under `/usr/bin/time` (GNU time, from .ci/apt-packages).
    /// - Returns: the run's output, its peak resident memory in bytes and its wall-clock time.
    private static func measuredRun(_ arguments: [String], in fixtures: Fixtures) async throws
        -> (output: ChildProcess.Output, peakBytes: Int, duration: Duration)
    {
        let time = URL(fileURLWithPath: "/usr/bin/time")
        try #require(
            FileManager.default.isExecutableFile(atPath: time.path),
            "no /usr/bin/time to measure memory with: install the Debian package `time` (see .ci/apt-packages)")
        try #require(FileManager.default.isExecutableFile(atPath: IngestProcess.executableURL.path), "no ingest built")
        let report = fixtures.directory.appendingPathComponent("time-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: report) }
        let clock = ContinuousClock()
        let start = clock.now
        let output = try await ChildProcess.run(
            time, ["-q", "-f", "%M", "-o", report.path, IngestProcess.executableURL.path] + arguments,
            in: fixtures.directory)
        let duration = clock.now - start
        let text = try String(contentsOf: report, encoding: .utf8)
        let kibibytes = try #require(
            text.split(whereSeparator: \.isNewline).last.flatMap { Int($0) },
            "no peak RSS in /usr/bin/time's report: \(text)")
        return (output, kibibytes << 10, duration)
    }

    @Test(
        "Path traversal (../, /abs, ..\\, a symlink to /etc/passwd): nothing outside --out, every path plain",
        arguments: [
            "traversal.zip", "traversal.tar",
        ])
    func pathTraversal(_ archive: String) async throws {
        let fixtures = try Fixtures()
        try await Self.generate(["traversal"], in: fixtures.directory)
        // Where the entries would land if their names were followed from the working folder.
        let escapes = ["../../../../tmp/x", "/abs/path", "../../win", "passwd-link"].map {
            URL(fileURLWithPath: $0, relativeTo: fixtures.directory).standardizedFileURL.path
        }
        let existedBefore = escapes.filter { FileManager.default.fileExists(atPath: $0) }
        let before = try Self.tree(fixtures.directory)
        let output = try await IngestProcess.run([archive, "--out", "out/inside"], in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        let added = Set(try Self.tree(fixtures.directory)).subtracting(before).sorted()
        #expect(added.allSatisfy { $0 == "out" || $0 == "out/inside" || $0.hasPrefix("out/inside/") }, "\(added)")
        #expect(added.allSatisfy { !$0.split(separator: "/").contains("..") }, "\(added)")
        for path in escapes where !existedBefore.contains(path) {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) was created")
        }
        let inside = fixtures.directory.appendingPathComponent("out/inside")
        for path in try Self.tree(inside) {
            let attributes = try FileManager.default.attributesOfItem(atPath: inside.appendingPathComponent(path).path)
            #expect(attributes[.type] as? FileAttributeType != .typeSymbolicLink, "\(path) is a link")
        }
        // The rewritten entries are written under their plain names; "win" is attached to the minutes.
        #expect(
            try Self.tree(inside) == [
                "traversal", "traversal/abs", "traversal/abs/path.json", "traversal/referat.json", "traversal/tmp",
                "traversal/tmp/x.json",
            ])
        #expect(output.stderr.contains("\(archive): unsafe path \"../../../../tmp/x\" rewritten to tmp/x\n"))
        #expect(output.stderr.contains("\(archive): unsafe path \"/abs/path\" rewritten to abs/path\n"))
        #expect(output.stderr.contains(" rewritten to win\n"))
        #expect(output.stderr.contains("\(archive): passwd-link: skipped, a link to /etc/passwd\n"))
        #expect(output.stderr.contains("ingest: wrote 3 of 3 documents to out/inside (1 bundle)\n"))
    }

    @Test(
        "A zip bomb (1.1 GiB in 1.1 MB): stopped by the ratio limit, or by the entry limit past --max-ratio; little memory",
        arguments: [
            [String](), ["--max-ratio", "100000"],
        ])
    func zipBomb(_ options: [String]) async throws {
        let fixtures = try Fixtures()
        try await Self.generate(["bomb"], in: fixtures.directory)
        let (output, peakBytes, duration) = try await Self.measuredRun(["bomb.zip", "--jsonl"] + options, in: fixtures)
        let measured = "peak RSS \(peakBytes >> 20) MiB in \(duration) with options \(options)"
        print("zip bomb: \(measured)")

        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stdout.isEmpty)
        if options.isEmpty {
            #expect(
                output.stderr.contains("ingest: error: bomb.zip: looks like a zip bomb: ratio "), "\(output.stderr)")
            #expect(output.stderr.contains(" exceeds 100:1 (unpacked "), "\(output.stderr)")
            #expect(output.stderr.contains("raise --max-ratio if the archive is trusted"), "\(output.stderr)")
            // The archive fails as a whole, before it is a collection: no summary line then.
            #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
        } else {
            #expect(!output.stderr.contains("zip bomb"), "\(output.stderr)")
            #expect(
                output.stderr.contains(
                    "bomb.zip!zeros.bin: larger than the 256 MiB entry limit; not read (raise --max-entry-size"),
                "\(output.stderr)")
            #expect(output.stderr.contains("ingest: 0 documents, 1 failed, in "), "\(output.stderr)")
        }
        #expect(peakBytes < Self.peakMemoryLimit, "\(measured)")
        #expect(duration < .seconds(15), "\(measured)")
    }

    @Test("Zips nested 12 deep: refused past --max-depth 10 with a message saying so, read with --max-depth 20")
    func deepNesting() async throws {
        let fixtures = try Fixtures()
        try await Self.generate(["nested"], in: fixtures.directory)

        let refused = try await IngestProcess.run(["nested.zip", "--jsonl"], in: fixtures.directory)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("level-2.zip: nested more than 10 levels deep"), "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("ingest: error: nested.zip!level-11.zip: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("raise --max-depth"), "\(refused.stderr)")

        let deep = try await IngestProcess.run(["nested.zip", "--jsonl", "--max-depth", "20"], in: fixtures.directory)
        #expect(deep.status == 0, "\(deep.stderr)")
        #expect(deep.stdoutText.contains(Self.nestedTitle))
        let document = try JSONDecoder().decode(MinutesDocument.self, from: deep.stdout)
        #expect(document.title == Self.nestedTitle)
        #expect(
            document.source.path == "nested.zip!" + (1...11).reversed().map { "level-\($0).zip!" }.joined()
                + "referat.txt")
        #expect(document.agendaItems.map(\.title) == ["Godkjenning av innkalling", "Eventuelt"])
        try await SchemaValidator.expectValid([deep.stdout])
    }

    @Test("A member whose headers claim 10 bytes but which unpacks to 5 MB: no crash, the bytes are counted")
    func memberLyingAboutItsSize() async throws {
        let fixtures = try Fixtures()
        try await Self.generate(["liar"], in: fixtures.directory)
        let realHash = try String(contentsOf: fixtures.directory.appendingPathComponent("liar.sha256"), encoding: .utf8)

        let output = try await IngestProcess.run(["liar.zip", "--jsonl"], in: fixtures.directory)
        #expect(output.status == 0, "\(output.stderr)")
        let document = try JSONDecoder().decode(MinutesDocument.self, from: output.stdout)
        #expect(document.source.path == "liar.zip!referat.txt")
        #expect(document.bundle?.files == 2)
        let member = try #require(document.attachments.first { $0.title == "stor" })
        if let source = member.source {
            // Read: then it is the real content, all 5 MB of it, not the 10 bytes the headers claim.
            #expect(source.bytes == 5_000_000)
            #expect(source.sha256 == realHash)
        } else {
            // Refused: the warning says why, with the real count.
            let warning = try #require(document.warnings.first { $0.contains("stor.bin") }, "\(document.warnings)")
            #expect(
                warning.contains(
                    "could not be extracted: unreadable: ZIP uncompressed data is wrong size (read 5000000, expected 10)"
                ), "\(warning)")
            #expect(!warning.hasSuffix("\n"), "\(warning.debugDescription)")
        }
        try await SchemaValidator.expectValid([output.stdout])

        let limited = try await IngestProcess.run(
            ["liar.zip", "--jsonl", "--max-entry-size", "1"], in: fixtures.directory)
        #expect(limited.status == 0, "\(limited.stderr)")
        let refused = try JSONDecoder().decode(MinutesDocument.self, from: limited.stdout)
        #expect(refused.attachments.first { $0.title == "stor" }?.source == nil)
        #expect(
            refused.warnings == [
                "file stor.bin is in the bundle but not in the minutes' attachment list, and could not be extracted: "
                    + "larger than the 1 MiB entry limit; not read (raise --max-entry-size if the archive is trusted)"
            ])
    }
}
