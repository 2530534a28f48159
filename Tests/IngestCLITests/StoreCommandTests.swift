import Foundation
import IngestCore
import Testing

/// `ingest FILE --store S`, `ingest search`, `ingest list`, `ingest show`, run as processes.
@Suite("ingest --store, search, list, show")
struct StoreCommandTests {
    /// A hit as `ingest search --json` prints it.
    struct Hit: Decodable {
        var documentID: Int64
        var itemNumber: String?
        var itemTitle: String?
        var snippet: String
        var matches: [String]
        var sourcePath: String
        var pages: [Int]
    }

    /// A meeting as `ingest list --json` prints it.
    struct Meeting: Decodable {
        var id: Int64
        var date: String?
        var path: String
        var items: Int
    }

    @Test("Ingest the sample minutes into a store, then search, list and show them")
    func ingestSearchListShow() async throws {
        let fixtures = try Fixtures()
        let file = try fixtures.minutes("SampleDocs/politiradet-oslo-referat.txt")
        let ingest = try await IngestProcess.run([file, "--store", "S"], in: fixtures.directory)
        #expect(ingest.status == 0)
        #expect(ingest.stderr.isEmpty)
        let printed = try JSONDecoder().decode(MinutesDocument.self, from: ingest.stdout)
        #expect(printed.source.path == file, "--store still prints the document")

        let search = try await IngestProcess.run(
            ["search", "skjenketider", "--store", "S", "--json"], in: fixtures.directory)
        #expect(search.status == 0)
        #expect(search.stderr.isEmpty)
        let hits = try JSONDecoder().decode([Hit].self, from: search.stdout)
        #expect(hits.count == 1)
        #expect(hits.first?.documentID == 1)
        #expect(hits.first?.itemNumber == "5")
        #expect(hits.first?.itemTitle == "Fotball-VM og utvidede skjenketider")
        #expect(hits.first?.matches == ["skjenketider"])
        #expect(hits.first?.snippet.contains("«skjenketider»") == true)
        #expect(hits.first?.sourcePath.hasSuffix("/SampleDocs/politiradet-oslo-referat.txt") == true)
        #expect(hits.first?.sourcePath.hasPrefix("/") == true, "saved under its absolute path")

        let text = try await IngestProcess.run(["search", "fotball-vm", "--store", "S"], in: fixtures.directory)
        #expect(text.status == 0)
        #expect(text.stdoutText.contains("5. Fotball-VM og utvidede skjenketider"))
        #expect(text.stdoutText.contains("«fotball VM»"), "item 5's text says 'fotball VM'")
        #expect(text.stdoutText.contains("(record 1)"))
        #expect(!text.stdoutText.contains("\u{1B}["), "no ANSI sequences in a pipe")

        let list = try await IngestProcess.run(["list", "--store", "S", "--json"], in: fixtures.directory)
        #expect(list.status == 0)
        let meetings = try JSONDecoder().decode([Meeting].self, from: list.stdout)
        #expect(meetings.map(\.id) == [1])
        #expect(meetings.first?.items == 10)
        let table = try await IngestProcess.run(["list", "--store", "S"], in: fixtures.directory)
        #expect(table.status == 0)
        #expect(table.stdoutText.hasPrefix("ID  DATE"))
        #expect(table.stdoutText.contains("politiradet-oslo-referat.txt"))

        let show = try await IngestProcess.run(["show", "1", "--store", "S"], in: fixtures.directory)
        #expect(show.status == 0)
        #expect(show.stderr.isEmpty)
        #expect(try JSONDecoder().decode(MinutesDocument.self, from: show.stdout) == printed)
        #expect(show.stdout == ingest.stdout, "the stored document prints exactly as extraction printed it")
    }

    @Test("Ingesting the same file again reports it unchanged and keeps one record; stdout stays the same")
    func sameFileAgainIsUnchanged() async throws {
        let fixtures = try Fixtures()
        let file = try fixtures.minutes("referat.txt")
        let first = try await IngestProcess.run([file, "--store", "S", "--jsonl"], in: fixtures.directory)
        let second = try await IngestProcess.run([file, "--store", "S", "--jsonl"], in: fixtures.directory)
        #expect(first.status == 0 && second.status == 0)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr == "ingest: unchanged: referat.txt (record 1)\n")

        let list = try await IngestProcess.run(["list", "--store", "S", "--json"], in: fixtures.directory)
        #expect(try JSONDecoder().decode([Meeting].self, from: list.stdout).map(\.id) == [1])
        let search = try await IngestProcess.run(
            ["search", "skjenketider", "--store", "S", "--json"], in: fixtures.directory)
        #expect(try JSONDecoder().decode([Hit].self, from: search.stdout).count == 1)
    }

    @Test("An edited file becomes a new version: search finds the new text only, the old record still shows")
    func editedFileIsNewVersion() async throws {
        let fixtures = try Fixtures()
        let file = try fixtures.minutes("referat.txt")
        _ = try await IngestProcess.run([file, "--store", "S", "--out", "out"], in: fixtures.directory)
        let edited = String(decoding: try fixtures.contents(of: file), as: UTF8.self)
            .replacingOccurrences(of: "utvidede skjenketider", with: "utvidede åpningstider")
        try fixtures.text(file, edited)
        let again = try await IngestProcess.run([file, "--store", "S", "--out", "out"], in: fixtures.directory)
        #expect(again.status == 0)
        #expect(again.stderr.contains("ingest: new version: referat.txt (record 2, replaces record 1)"))

        let old = try await IngestProcess.run(
            ["search", "skjenketider", "--store", "S", "--json"], in: fixtures.directory)
        #expect(try JSONDecoder().decode([Hit].self, from: old.stdout).isEmpty)
        #expect(old.stderr.contains("no matches for 'skjenketider'"))
        let new = try await IngestProcess.run(
            ["search", "åpningstider", "--store", "S", "--json"], in: fixtures.directory)
        #expect(try JSONDecoder().decode([Hit].self, from: new.stdout).map(\.documentID) == [2])
        let history = try await IngestProcess.run(["show", "1", "--store", "S"], in: fixtures.directory)
        #expect(history.status == 0)
        #expect(history.stderr.contains("record 2 replaced it"))
    }

    @Test("A missing store, a missing record and a bad query are clear errors with exit status 1")
    func errors() async throws {
        let fixtures = try Fixtures()
        let missing = try await IngestProcess.run(
            ["search", "skjenketider", "--store", "none.sqlite"], in: fixtures.directory)
        #expect(missing.status == 1)
        #expect(
            missing.stderr == "ingest: error: no store at none.sqlite: ingest files with --store none.sqlite first\n")
        #expect(!FileManager.default.fileExists(atPath: fixtures.directory.appendingPathComponent("none.sqlite").path))
        for command in [["list"], ["show", "1"]] {
            let output = try await IngestProcess.run(command + ["--store", "none.sqlite"], in: fixtures.directory)
            #expect(output.status == 1)
            #expect(output.stderr.hasPrefix("ingest: error: no store at none.sqlite"))
        }

        let file = try fixtures.minutes("referat.txt")
        _ = try await IngestProcess.run([file, "--store", "S"], in: fixtures.directory)
        let query = try await IngestProcess.run(["search", "\"skjenketider", "--store", "S"], in: fixtures.directory)
        #expect(query.status == 1)
        #expect(query.stdout.isEmpty)
        #expect(query.stderr.hasPrefix("ingest: error: search syntax error"))
        #expect(query.stderr.contains("quote phrases in pairs"))
        let record = try await IngestProcess.run(["show", "9", "--store", "S"], in: fixtures.directory)
        #expect(record.status == 1)
        #expect(record.stderr.hasPrefix("ingest: error: no record 9 in S"))
        let usage = try await IngestProcess.run(["search", "--store", "S"], in: fixtures.directory)
        #expect(usage.status == 64)
    }

    @Test("INGEST_STORE is the default store of every command")
    func environmentStore() async throws {
        let fixtures = try Fixtures()
        let file = try fixtures.minutes("referat.txt")
        let store = fixtures.directory.appendingPathComponent("env/minutes.sqlite").path
        _ = try await IngestProcess.run([file, "--store", store], in: fixtures.directory)
        // Through env(1): setting the variable in this process would race with the tests running beside it.
        let search = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["INGEST_STORE=\(store)", IngestProcess.executableURL.path, "search", "skjenketider", "--json"],
            in: fixtures.directory)
        #expect(search.status == 0)
        #expect(try JSONDecoder().decode([Hit].self, from: search.stdout).count == 1)
    }

    @Test("Each store command's --help has examples")
    func helpHasExamples() async throws {
        let fixtures = try Fixtures()
        for command in ["search", "list", "show"] {
            let help = try await IngestProcess.run([command, "--help"], in: fixtures.directory)
            #expect(help.status == 0)
            #expect(help.stdoutText.contains("Examples:"))
            #expect(help.stdoutText.contains("ingest \(command)"))
            #expect(help.stdoutText.contains("--store <PATH>"))
        }
        let extract = try await IngestProcess.run(["extract", "--help"], in: fixtures.directory)
        #expect(extract.stdoutText.contains("--store <PATH>"))
    }
}
