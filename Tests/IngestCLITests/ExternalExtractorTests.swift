import Foundation
import Testing

/// Out-of-process extractors (`ingest-extractor-NAME`), run through `ingest` as a user would.
@Suite("Out-of-process extractors")
struct ExternalExtractorTests {
    /// The example extractor shipped in the repository (Python 3).
    static let examples = Fixtures.packageRoot.appendingPathComponent("Examples/ExternalExtractors")

    static let markdown = """
        # Referat fra styremøte i Eksempellaget

        Til stede: Kari Nordmann, Ola Hansen og Per Olsen

        ## 1. Godkjenning av innkalling
        - Innkallingen ble godkjent.
        - Vedtak: Innkalling og saksliste godkjent.

        ## 2. Budsjett for 2025
        Styret gikk gjennom forslaget.
        - Vedtak: Budsjettet vedtas som foreslått.

        ## 3. Eventuelt
        Ingen saker.

        """

    /// Writes a fake extractor that claims the extension `ext` (and content starting with the hex `magic`) and
    /// runs `extract` as the shell lines given.
    private static func fakePlugin(
        _ name: String, ext: String, magic: String? = nil, extract: String, in fixtures: Fixtures
    ) throws {
        let magicKey = magic.map { #","magic":["\#($0)"]"# } ?? ""
        let script = """
            #!/bin/sh
            if [ "$1" = describe ]; then
              echo '{"identifier":"\(name)","version":"0.1","summary":"fake","mediaTypes":[],"extensions":["\(ext)"]\(magicKey)}'
              exit 0
            fi
            \(extract)

            """
        let path = try fixtures.write(Data(script.utf8), to: "plugins/ingest-extractor-\(name)")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: fixtures.directory.appendingPathComponent(path).path)
    }

    @Test("The Markdown example (Python) is discovered and its document validates against the schema")
    func markdownExample() async throws {
        let fixtures = try Fixtures()
        try fixtures.text("styremote.md", Self.markdown)
        let output = try await IngestProcess.run(
            ["--extractors-dir", Self.examples.path, "styremote.md"], in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        let extractor = try #require(object["extractor"] as? [String: Any])
        #expect(extractor["name"] as? String == "markdown")
        #expect(extractor["version"] as? String == "1.0.0")
        let source = try #require(object["source"] as? [String: Any])
        #expect(source["path"] as? String == "styremote.md")
        #expect((source["sha256"] as? String)?.count == 64)
        #expect(object["title"] as? String == "Referat fra styremøte i Eksempellaget")
        #expect(object["language"] as? String == "nb")
        let items = try #require(object["agendaItems"] as? [[String: Any]])
        #expect(items.map { $0["number"] as? String } == ["1", "2", "3"])
        #expect(
            items.map { $0["title"] as? String } == ["Godkjenning av innkalling", "Budsjett for 2025", "Eventuelt"])
        #expect(items[1]["decisions"] as? [String] == ["Budsjettet vedtas som foreslått."])
        let participants = try #require(object["participants"] as? [[String: Any]])
        #expect(participants.map { $0["name"] as? String } == ["Kari Nordmann", "Ola Hansen", "Per Olsen"])
        #expect(try await SchemaValidator.problems(in: [output.stdout]) == [[]])
    }

    @Test("A crashing, a hanging and a garbage-printing extractor each fail one file; the good file comes out")
    func misbehavingPlugins() async throws {
        let fixtures = try Fixtures()
        try Self.fakePlugin("crasher", ext: "crash", extract: "kill -SEGV $$", in: fixtures)
        try Self.fakePlugin("hanger", ext: "hang", extract: "sleep 1000", in: fixtures)
        try Self.fakePlugin("babbler", ext: "junk", extract: "echo 'this is not JSON'", in: fixtures)
        try fixtures.text("a.crash", "some text\n")
        try fixtures.text("b.hang", "some text\n")
        try fixtures.text("c.junk", "some text\n")
        // The good file goes to a built-in extractor, so a loaded machine cannot push it past the short timeout.
        try fixtures.minutes("good.txt")
        let started = ContinuousClock.now
        let output = try await IngestProcess.run(
            [
                "--extractors-dir", "plugins", "--timeout", "3",
                "--jsonl", "a.crash", "b.hang", "c.junk", "good.txt",
            ], in: fixtures.directory)

        #expect(ContinuousClock.now - started < .seconds(60), "the hanging extractor was not killed at its timeout")
        #expect(output.status == 1)
        let errors = output.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(errors.count == 3, "\(output.stderr)")
        #expect(errors.contains { $0.contains("a.crash: extractor crasher crashed: SIGSEGV") }, "\(output.stderr)")
        #expect(errors.contains { $0.contains("b.hang: extractor hanger timed out after 3 s") }, "\(output.stderr)")
        #expect(
            errors.contains {
                $0.contains("c.junk: the extractor babbler returned output that is not a minutes document")
            }, "\(output.stderr)")
        let documents = output.stdoutText.split(separator: "\n")
        #expect(documents.count == 1)
        #expect(documents.first?.contains(#""path":"good.txt""#) == true)
    }

    @Test("A plugin whose describe fails is a warning, not a failed run")
    func brokenDescribe() async throws {
        let fixtures = try Fixtures()
        let path = try fixtures.text("plugins/ingest-extractor-broken", "#!/bin/sh\nexit 3\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: fixtures.directory.appendingPathComponent(path).path)
        let output = try await IngestProcess.run(["extractors", "--extractors-dir", "plugins"], in: fixtures.directory)

        #expect(output.status == 0)
        #expect(output.stderr.contains("ingest-extractor-broken: skipped: `describe` exited with status 3"))
    }

    @Test("ingest extractors lists the Markdown example with its path; built-ins say built-in")
    func listing() async throws {
        struct Description: Decodable {
            var identifier: String
            var source: String
        }
        let fixtures = try Fixtures()
        let output = try await IngestProcess.run(
            ["extractors", "--json", "--extractors-dir", Self.examples.path], in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        let descriptions = try JSONDecoder().decode([Description].self, from: output.stdout)
        let markdown = try #require(descriptions.first { $0.identifier == "markdown" })
        #expect(markdown.source == Self.examples.appendingPathComponent("ingest-extractor-markdown").path)
        #expect(descriptions.first?.source == "built-in")

        let table = try await IngestProcess.run(
            ["extractors", "--extractors-dir", Self.examples.path], in: fixtures.directory)
        let row = try #require(table.stdoutText.split(separator: "\n").first { $0.hasPrefix("markdown ") })
        #expect(row.contains("ingest-extractor-markdown"))
        #expect(row.contains(".md"))
    }

    /// A minimal document a fake extractor prints, with `extra` spliced into its top-level object.
    private static func documentJSON(_ extra: String = "") -> String {
        #"{"schemaVersion":1,"meeting":{},"participants":[],"agendaItems":[],"attachments":[],"abbreviations":[],"#
            + #""sections":[],"pages":[],"properties":{},"warnings":[]\#(extra)}"#
    }

    @Test("Output over the limit, an unknown key and a broken language tag each fail one file with the reason")
    func invalidOutput() async throws {
        let fixtures = try Fixtures()
        try Self.fakePlugin("flood", ext: "flood", extract: "head -c 70000000 /dev/zero", in: fixtures)
        try Self.fakePlugin(
            "extra", ext: "extra", extract: "echo '\(Self.documentJSON(#","vote":"7-2""#))'", in: fixtures)
        try Self.fakePlugin(
            "tagless", ext: "tagless", extract: "echo '\(Self.documentJSON(#","language":"Norwegian""#))'",
            in: fixtures)
        try Self.fakePlugin(
            "fine", ext: "fine", extract: "echo '\(Self.documentJSON(#","title":"OK""#))'", in: fixtures)
        for name in ["a.flood", "b.extra", "c.tagless", "d.fine"] { try fixtures.text(name, "some text\n") }
        let output = try await IngestProcess.run(
            ["--extractors-dir", "plugins", "--jsonl", "a.flood", "b.extra", "c.tagless", "d.fine"],
            in: fixtures.directory)

        #expect(output.status == 1)
        let errors = output.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(errors.count == 3, "\(output.stderr)")
        #expect(errors.contains { $0.contains("a.flood: extractor flood wrote more than 67108864 bytes") })
        #expect(errors.contains { $0.contains("b.extra:") && $0.contains("vote: unknown key") }, "\(output.stderr)")
        #expect(
            errors.contains { $0.contains("c.tagless:") && $0.contains("'Norwegian' is not a BCP 47 language tag") },
            "\(output.stderr)")
        let documents = output.stdoutText.split(separator: "\n")
        #expect(documents.count == 1)
        #expect(documents.first?.contains(#""title":"OK""#) == true)
        #expect(try await SchemaValidator.problems(in: documents.map { Data($0.utf8) }) == [[]])
    }

    @Test("A declared magic prefix claims a file whatever its name; other content with that name is not claimed")
    func magicPrefix() async throws {
        let fixtures = try Fixtures()
        // "MMIN" in hex; the extension is one nobody reads.
        try Self.fakePlugin(
            "mmin", ext: "unused", magic: "4d4d494e", extract: "echo '\(Self.documentJSON(#","title":"magic""#))'",
            in: fixtures)
        try fixtures.text("minutes.bin", "MMIN format, version 1\n")
        try fixtures.minutes("plain.bin")
        let output = try await IngestProcess.run(
            ["--extractors-dir", "plugins", "--jsonl", "minutes.bin", "plain.bin"], in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        let documents = try output.stdoutText.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let extractors = documents.map { ($0["extractor"] as? [String: Any])?["name"] as? String }
        #expect(extractors == ["mmin", "plain-text"])
        #expect(documents.first?["title"] as? String == "magic")
    }

    @Test("A member of a zip (bytes in memory) reaches the extractor as a file that is removed afterwards")
    func memberOfAnArchive() async throws {
        let fixtures = try Fixtures()
        try fixtures.text("notes/styremote.md", Self.markdown)
        let zip = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[2], "w") as z:
                z.write(sys.argv[1], "styremote.md")
            """
        let built = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", zip, "notes/styremote.md", "notes.zip"],
            in: fixtures.directory)
        try #require(built.status == 0, "\(built.stderr)")
        let scratch = fixtures.directory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let output = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "TMPDIR=\(scratch.path)", IngestProcess.executableURL.path, "--extractors-dir", Self.examples.path,
                "--jsonl", "notes.zip",
            ],
            in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        #expect((object["extractor"] as? [String: Any])?["name"] as? String == "markdown")
        #expect((object["source"] as? [String: Any])?["path"] as? String == "notes.zip!styremote.md")
        #expect((object["agendaItems"] as? [Any])?.count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [], "a temporary file was left")
    }

    @Test("Isolated workers use the run's out-of-process extractors: an e-mail's Markdown attachment is Markdown")
    func attachmentInAWorker() async throws {
        let fixtures = try Fixtures()
        try fixtures.text("styremote.md", Self.markdown)
        let mail = """
            import sys
            from email.message import EmailMessage
            message = EmailMessage()
            message["Subject"] = "Referat fra styremøtet"
            message["From"] = "styret@example.org"
            message.set_content("Vedlagt er referatet.")
            message.add_attachment(open(sys.argv[1], "rb").read(), maintype="text", subtype="markdown",
                                   filename="styremote.md")
            open(sys.argv[2], "wb").write(bytes(message))
            """
        let built = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", mail, "styremote.md", "referat.eml"],
            in: fixtures.directory)
        try #require(built.status == 0, "\(built.stderr)")
        let output = try await IngestProcess.run(
            ["--isolate", "--extractors-dir", Self.examples.path, "--jsonl", "referat.eml"], in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        #expect((object["extractor"] as? [String: Any])?["name"] as? String == "markdown", "\(output.stdoutText)")
        #expect(
            (object["bundle"] as? [String: Any]).flatMap { $0["extractor"] as? [String: Any] }?["name"] as? String
                == "bundle")
        #expect((object["agendaItems"] as? [Any])?.count == 3)
    }

    @Test("ingest watch uses out-of-process extractors: a dropped Markdown file is stored and found")
    func watchUsesExternalExtractors() async throws {
        let fixtures = try Fixtures()
        let inbox = fixtures.directory.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let watcher = Process()
        watcher.executableURL = IngestProcess.executableURL
        watcher.arguments = [
            "watch", "inbox", "--store", "minutes.sqlite", "--extractors-dir", Self.examples.path, "--settle", "50",
        ]
        watcher.currentDirectoryURL = fixtures.directory
        watcher.standardInput = FileHandle.nullDevice
        watcher.standardOutput = FileHandle.nullDevice
        let log = fixtures.directory.appendingPathComponent("watch.log")
        try Data().write(to: log)
        watcher.standardError = try FileHandle(forWritingTo: log)
        try watcher.run()
        defer {
            if watcher.isRunning { watcher.terminate() }
            watcher.waitUntilExit()
        }
        try fixtures.text("inbox/styremote.md", Self.markdown)
        let processed = inbox.appendingPathComponent("processed/styremote.md")
        let deadline = ContinuousClock.now + .seconds(60)
        while !FileManager.default.fileExists(atPath: processed.path), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(FileManager.default.fileExists(atPath: processed.path), "the watcher did not take the file")
        let failed = (try? FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent("failed").path))
        #expect(failed ?? [] == [])

        let found = try await IngestProcess.run(
            ["search", "Budsjettet", "--store", "minutes.sqlite"], in: fixtures.directory)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdoutText.contains("styremote.md"), "\(found.stdoutText)")
        let shown = try await IngestProcess.run(["show", "1", "--store", "minutes.sqlite"], in: fixtures.directory)
        let object = try #require(try JSONSerialization.jsonObject(with: shown.stdout) as? [String: Any])
        #expect(
            (object["extractor"] as? [String: Any])?["name"] as? String == "markdown",
            "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }
}
