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

    /// Writes a fake extractor that claims the extension `ext` and runs `extract` as the shell lines given.
    private static func fakePlugin(_ name: String, ext: String, extract: String, in fixtures: Fixtures) throws {
        let script = """
            #!/bin/sh
            if [ "$1" = describe ]; then
              echo '{"identifier":"\(name)","version":"0.1","summary":"fake","mediaTypes":[],"extensions":["\(ext)"]}'
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
                "--extractors-dir", "plugins", "--extractor-timeout", "3",
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
}
