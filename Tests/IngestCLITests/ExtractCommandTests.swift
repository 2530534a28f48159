import Foundation
import IngestCore
import Testing

/// `ingest FILE…`, run as a process: output forms, order, errors and exit codes.
@Suite("ingest FILE…")
struct ExtractCommandTests {
    private static func lines(_ output: ChildProcess.Output) -> [Data] {
        output.stdoutText.split(separator: "\n").map { Data($0.utf8) }
    }

    private static func decode(_ data: Data) throws -> MinutesDocument {
        try JSONDecoder().decode(MinutesDocument.self, from: data)
    }

    @Test("One text file gives one pretty-printed JSON document naming the file; exit 0")
    func prettyDocument() async throws {
        let fixtures = try Fixtures()
        let file = try fixtures.minutes("politiradet-oslo-referat.txt")
        let output = try await IngestProcess.run([file], in: fixtures.directory)

        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let document = try Self.decode(output.stdout)
        #expect(document.source.fileName == "politiradet-oslo-referat.txt")
        #expect(document.source.path == file)
        #expect(document.source.mediaType == "text/plain")
        #expect(document.extractor.name == "plain-text")
        #expect(output.stdoutText.hasPrefix("{\n"), "pretty-printed: the object opens on a line of its own")
        #expect(output.stdoutText.contains(#""fileName" : "politiradet-oslo-referat.txt""#))
        try await SchemaValidator.expectValid([output.stdout])
    }

    @Test("--jsonl gives one compact line per input, in input order, whatever finishes first")
    func jsonLinesInInputOrder() async throws {
        let fixtures = try Fixtures()
        // The first file is much larger than the others, so with three jobs it finishes last.
        let sample = try Data(contentsOf: Fixtures.sampleMinutes)
        let large = try fixtures.write(Data(repeatElement(sample, count: 60).joined()), to: "large.txt")
        let second = try fixtures.text("second.txt", "Referat\n\n1. Godkjenning av innkalling\n")
        let third = try fixtures.minutes("third.txt")
        let output = try await IngestProcess.run(
            [large, second, third, "--jsonl", "--jobs", "3"], in: fixtures.directory)

        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let lines = Self.lines(output)
        #expect(lines.count == 3)
        #expect(try lines.map { try Self.decode($0).source.fileName } == ["large.txt", "second.txt", "third.txt"])
        #expect(output.stdoutText.hasSuffix("}\n"))
        try await SchemaValidator.expectValid(lines)
    }

    @Test("--out DIR writes NAME.json per input, with a suffix when names collide, and no temporary files")
    func outWritesOneFilePerInput() async throws {
        let fixtures = try Fixtures()
        let inputs = [
            try fixtures.minutes("a/minutes.txt"),
            try fixtures.minutes("b/minutes.txt"),
            try fixtures.text("other.text", "Referat fra styremøte\n"),
        ]
        let output = try await IngestProcess.run(inputs + ["--out", "out/nested"], in: fixtures.directory)

        #expect(output.status == 0)
        #expect(output.stdout.isEmpty, "with --out nothing goes to stdout")
        #expect(output.stderr == "ingest: wrote 3 of 3 documents to out/nested\n")
        #expect(try fixtures.fileNames(in: "out/nested") == ["minutes-2.json", "minutes.json", "other.json"])
        let written = try ["minutes.json", "minutes-2.json", "other.json"].map {
            try fixtures.contents(of: "out/nested/\($0)")
        }
        #expect(try written.map { try Self.decode($0).source.path } == inputs)
        try await SchemaValidator.expectValid(written)
    }

    @Test("--out replaces an existing NAME.json and leaves nothing else behind")
    func outReplacesExistingFile() async throws {
        let fixtures = try Fixtures()
        try fixtures.text("out/minutes.json", "stale")
        let input = try fixtures.minutes("minutes.txt")
        let output = try await IngestProcess.run([input, "--out", "out"], in: fixtures.directory)

        #expect(output.status == 0)
        #expect(try fixtures.fileNames(in: "out") == ["minutes.json"])
        #expect(try Self.decode(try fixtures.contents(of: "out/minutes.json")).source.path == input)
    }

    @Test("A missing file is reported by path; the good files still come out; exit 1")
    func missingFileAmongGoodOnes() async throws {
        let fixtures = try Fixtures()
        let good = try fixtures.minutes("good.txt")
        let other = try fixtures.text("other.txt", "Referat\n")
        let output = try await IngestProcess.run([good, "missing.txt", other, "--jsonl"], in: fixtures.directory)

        #expect(output.status == 1)
        #expect(output.stderr == "ingest: error: missing.txt: no such file: check the path\n")
        let lines = Self.lines(output)
        #expect(try lines.map { try Self.decode($0).source.fileName } == ["good.txt", "other.txt"])
        try await SchemaValidator.expectValid(lines)
    }

    @Test("With --out, a failure is reported, the good files are written, and the summary counts both; exit 1")
    func outWithAFailure() async throws {
        let fixtures = try Fixtures()
        let good = try fixtures.minutes("good.txt")
        let output = try await IngestProcess.run([good, "gone.txt", "--out", "out"], in: fixtures.directory)

        #expect(output.status == 1)
        #expect(output.stderr.contains("ingest: error: gone.txt: no such file"))
        #expect(output.stderr.contains("ingest: wrote 1 of 2 documents to out (1 failed)"))
        #expect(try fixtures.fileNames(in: "out") == ["good.json"])
    }

    @Test("A binary blob named .txt is refused as application/octet-stream; exit 1")
    func binaryBlobWithTextExtension() async throws {
        let fixtures = try Fixtures()
        let blob = try fixtures.write(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }), to: "blob.txt")
        let good = try fixtures.minutes("good.txt")
        let output = try await IngestProcess.run([blob, good, "--jsonl"], in: fixtures.directory)

        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("ingest: error: blob.txt: "))
        #expect(output.stderr.contains("application/octet-stream"))
        let lines = Self.lines(output)
        #expect(try lines.map { try Self.decode($0).source.fileName } == ["good.txt"])
    }

    @Test("--extractor with an unknown identifier lists the known ones; exit 1")
    func unknownExtractor() async throws {
        let fixtures = try Fixtures()
        let good = try fixtures.minutes("good.txt")
        let output = try await IngestProcess.run([good, "--extractor", "nope"], in: fixtures.directory)

        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("ingest: error: "))
        #expect(output.stderr.contains("'nope'"))
        #expect(output.stderr.contains("plain-text"))
    }

    @Test("--extractor with a known identifier and --password are accepted")
    func forcedExtractorAndPassword() async throws {
        let fixtures = try Fixtures()
        let file = try fixtures.minutes("minutes.dat")
        let output = try await IngestProcess.run(
            [file, "--extractor", "plain-text", "--password", "s3cret", "--jobs", "1"], in: fixtures.directory)

        #expect(output.status == 0)
        #expect(try Self.decode(output.stdout).extractor.name == "plain-text")
    }

    @Test(
        "Usage errors exit 64 (EX_USAGE) with a message on stderr and nothing on stdout",
        arguments: [
            ["minutes.txt", "--no-such-option"],
            [],
            ["minutes.txt", "--jobs", "0"],
            ["minutes.txt", "--jobs", "many"],
            ["minutes.txt", "--jsonl", "--out", "out"],
            ["extractors", "--no-such-option"],
        ])
    func usageError(_ arguments: [String]) async throws {
        let fixtures = try Fixtures()
        try fixtures.minutes("minutes.txt")
        let output = try await IngestProcess.run(arguments, in: fixtures.directory)

        #expect(output.status == 64)
        #expect(output.stdout.isEmpty)
        #expect(!output.stderr.isEmpty)
    }

    @Test("--help explains every option with an example", arguments: [["--help"], ["help", "extract"]])
    func help(_ arguments: [String]) async throws {
        let fixtures = try Fixtures()
        let output = try await IngestProcess.run(arguments, in: fixtures.directory)

        #expect(output.status == 0)
        for option in ["--jsonl", "--out", "--extractor", "--password", "--jobs"] {
            #expect(output.stdoutText.contains(option), "help mentions \(option)")
        }
        #expect(output.stdoutText.contains("ingest SampleDocs/*.txt --out out/"))
    }
}
