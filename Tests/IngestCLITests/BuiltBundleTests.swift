import Foundation
import IngestCore
import Testing

/// Bundles built in the test from the seed minutes (`SampleDocs/politiradet-oslo-referat.txt`) and three small
/// attachments named after its list ("Vedlegg: 1) Oppfølgingspunkter fra politirådsseminaret 2) Politirådsavtale
/// 2026 – 2028 3) SaLTo handlingsprogram 2026 – 2028"): as a folder, a zip, an e-mail, and three meetings in one zip
/// or tar.gz. Whatever the wrapping, `ingest` must give the minutes exactly as it gives the seed text alone, with each
/// listed attachment linked to its own file.
@Suite("ingest on bundles built from the seed minutes: folder, zip, e-mail, and collections of meetings")
struct BuiltBundleTests {
    /// The seed minutes' file name: "referat" in it is what tells them from the attachments, as the text has no title.
    static let minutesName = "politiradet-oslo-referat.txt"

    /// The attachment files: their names follow the seed's list, and each starts with its own title line.
    static let attachments: [(fileName: String, title: String)] = [
        ("Vedlegg 1 - Oppfølgingspunkter.txt", "Oppfølgingspunkter fra politirådsseminaret"),
        ("Vedlegg 2 - Politirådsavtale 2026-2028.txt", "Politirådsavtale 2026 – 2028"),
        ("Vedlegg 3 - SaLTo handlingsprogram.txt", "SaLTo handlingsprogram 2026 – 2028"),
    ]

    /// Builds zips, tar.gz files and e-mails of a folder with Python's standard library.
    /// `python3 -c SCRIPT KIND SOURCE TARGET`: KIND is `zip`, `tar.gz`, `eml-attached` (the minutes and the other
    /// files as attachments, a short greeting as the body) or `eml-body` (the minutes as the body).
    private static let builder = #"""
        import os, sys, tarfile, zipfile
        from email.message import EmailMessage
        from email.utils import formatdate
        kind, source, target = sys.argv[1:4]
        minutes = "politiradet-oslo-referat.txt"
        files = sorted(os.path.relpath(os.path.join(d, f), source) for d, _, fs in os.walk(source) for f in fs)
        if kind == "zip":
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
                for f in files:
                    z.write(os.path.join(source, f), f)
        elif kind == "tar.gz":
            with tarfile.open(target, "w:gz") as t:
                for f in files:
                    t.add(os.path.join(source, f), f)
        else:
            m = EmailMessage()
            m["Subject"], m["From"], m["To"] = "Referat fra Politirådet", "sekretariat@example.org", "medlem@example.org"
            m["Date"] = formatdate(1767225600)
            if kind == "eml-body":
                m.set_content(open(os.path.join(source, minutes), encoding="utf-8").read())
                files.remove(minutes)
            else:
                m.set_content("Hei,\n\nvedlagt er referatet fra møtet og vedleggene.\n")
            for f in files:
                with open(os.path.join(source, f), "rb") as data:
                    m.add_attachment(data.read(), maintype="text", subtype="plain", filename=f)
            with open(target, "wb") as out:
                out.write(bytes(m))
        """#

    /// Writes the seed minutes and the three attachments to `folder`; the attachments' text names the meeting, so
    /// every meeting's files differ. (Their text avoids "referat": the parser takes a line with a minutes title word
    /// for the title.)
    /// - Returns: the bytes of each attachment, in list order.
    @discardableResult
    private static func writeMeeting(_ folder: String, number: Int = 1, in fixtures: Fixtures) throws -> [Data] {
        try fixtures.minutes("\(folder)/\(minutesName)")
        return try attachments.map { attachment in
            let data = Data(
                """
                \(attachment.title)

                Dette vedlegget hører til møte \(number) i Politirådet.
                Teksten er skrevet for testen og har bare noen få linjer.

                """.utf8)
            try fixtures.write(data, to: "\(folder)/\(attachment.fileName)")
            return data
        }
    }

    /// Packs `source` (a folder under the fixtures) into `target` with ``builder``.
    private static func build(_ kind: String, from source: String, to target: String, in fixtures: Fixtures)
        async throws
    {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "no /usr/bin/python3: run `make setup`")
        let output = try await ChildProcess.run(python, ["-c", builder, kind, source, target], in: fixtures.directory)
        try #require(output.status == 0, "building \(target) failed: \(output.stderr)")
    }

    /// The seed minutes as `ingest` gives them alone, the reference every bundle is held to.
    private static func seedDocument(in fixtures: Fixtures) async throws -> MinutesDocument {
        let output = try await IngestProcess.run([Fixtures.sampleMinutes.path, "--jsonl"], in: fixtures.directory)
        try #require(output.status == 0, "\(output.stderr)")
        let seed = try JSONDecoder().decode(MinutesDocument.self, from: output.stdout)
        try #require(seed.agendaItems.count == 10, "the seed minutes have ten agenda items")
        try #require(seed.attachments.map(\.number) == ["1", "2", "3"])
        return seed
    }

    /// The documents of a `--jsonl` run, after checking the run succeeded and every line matches the schema.
    private static func documents(_ output: ChildProcess.Output, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> [MinutesDocument]
    {
        try #require(output.status == 0, "\(output.stderr)", sourceLocation: sourceLocation)
        let lines = output.stdout.split(separator: UInt8(ascii: "\n")).map { Data($0) }
        try await SchemaValidator.expectValid(lines, sourceLocation: sourceLocation)
        return try lines.map { try JSONDecoder().decode(MinutesDocument.self, from: $0) }
    }

    /// Checks a bundle's document against the seed: the same agenda and attachment list, each attachment linked to
    /// its file (`attachmentPrefix` + its file name, with the bytes written for it) and carrying that file's title.
    private static func expectSeedMinutes(
        _ document: MinutesDocument, seed: MinutesDocument, attachmentPrefix: String, attachmentData: [Data],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(document.agendaItems == seed.agendaItems, sourceLocation: sourceLocation)
        #expect(document.agendaItems.map(\.title) == seed.agendaItems.map(\.title), sourceLocation: sourceLocation)
        let listed = Array(document.attachments.prefix(3))
        #expect(listed.map(\.number) == ["1", "2", "3"], sourceLocation: sourceLocation)
        #expect(listed.map(\.title) == seed.attachments.map(\.title), sourceLocation: sourceLocation)
        #expect(listed.map { $0.source?.fileName } == attachments.map(\.fileName), sourceLocation: sourceLocation)
        #expect(
            listed.map { $0.source?.path } == attachments.map { attachmentPrefix + $0.fileName },
            sourceLocation: sourceLocation)
        #expect(
            listed.map { $0.source?.sha256 } == attachmentData.map(ContentHash.sha256(of:)),
            sourceLocation: sourceLocation)
        #expect(
            listed.map { $0.source?.mediaType } == ["text/plain", "text/plain", "text/plain"],
            sourceLocation: sourceLocation)
        #expect(listed.map { $0.document?.title } == attachments.map(\.title), sourceLocation: sourceLocation)
        #expect(!document.warnings.contains { $0.contains("is listed but no file") }, sourceLocation: sourceLocation)
    }

    @Test("A folder: the seed minutes found by content, its three attachments linked to their files")
    func folder() async throws {
        let fixtures = try Fixtures()
        let data = try Self.writeMeeting("møte", in: fixtures)
        let seed = try await Self.seedDocument(in: fixtures)
        let output = try await IngestProcess.run(["møte", "--jsonl"], in: fixtures.directory)

        let documents = try await Self.documents(output)
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.source.path == "møte/\(Self.minutesName)")
        #expect(document.source.sha256 == seed.source.sha256)
        #expect(document.bundle?.source.path == "møte")
        #expect(document.bundle?.source.mediaType == "inode/directory")
        #expect(document.bundle?.files == 4)
        #expect(document.attachments.count == 3)
        #expect(document.warnings == [])
        Self.expectSeedMinutes(document, seed: seed, attachmentPrefix: "møte/", attachmentData: data)
        #expect(output.stderr.hasPrefix("ingest: 1 document (1 bundle), 0 failed, in "))
    }

    @Test("A zip: the minutes are a member, the attachments its siblings")
    func zip() async throws {
        let fixtures = try Fixtures()
        let data = try Self.writeMeeting("møte", in: fixtures)
        try await Self.build("zip", from: "møte", to: "møte.zip", in: fixtures)
        let seed = try await Self.seedDocument(in: fixtures)
        let output = try await IngestProcess.run(["møte.zip", "--jsonl"], in: fixtures.directory)

        let documents = try await Self.documents(output)
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.source.path == "møte.zip!\(Self.minutesName)")
        #expect(document.source.sha256 == seed.source.sha256)
        #expect(document.bundle?.source.fileName == "møte.zip")
        #expect(document.bundle?.source.mediaType == "application/zip")
        #expect(document.bundle?.files == 4)
        #expect(document.attachments.count == 3)
        #expect(document.warnings == [])
        Self.expectSeedMinutes(document, seed: seed, attachmentPrefix: "møte.zip!", attachmentData: data)
    }

    @Test(
        "An e-mail: the minutes as an attachment (the greeting in the body is attached too) or as the body",
        arguments: [
            "eml-attached", "eml-body",
        ])
    func email(_ kind: String) async throws {
        let fixtures = try Fixtures()
        let data = try Self.writeMeeting("møte", in: fixtures)
        try await Self.build(kind, from: "møte", to: "møte.eml", in: fixtures)
        let seed = try await Self.seedDocument(in: fixtures)
        let output = try await IngestProcess.run(["møte.eml", "--jsonl"], in: fixtures.directory)

        let documents = try await Self.documents(output)
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.bundle?.source.fileName == "møte.eml")
        #expect(document.bundle?.source.mediaType == "message/rfc822")
        #expect(document.properties["emailSubject"] == "Referat fra Politirådet")
        #expect(document.properties["emailFrom"] == "sekretariat@example.org")
        Self.expectSeedMinutes(document, seed: seed, attachmentPrefix: "møte.eml!", attachmentData: data)
        if kind == "eml-attached" {
            #expect(document.source.path == "møte.eml!\(Self.minutesName)")
            #expect(document.source.sha256 == seed.source.sha256)
            #expect(document.bundle?.files == 5)
            // The body is a file of the bundle like any other: attached after the listed ones, and said so.
            #expect(document.attachments.count == 4)
            #expect(document.attachments.last?.source?.fileName == "message.txt")
            #expect(document.warnings == ["file message.txt is in the bundle but not in the minutes' attachment list"])
        } else {
            // The body has no file name with "referat" in it and the seed no title, so it is the fallback.
            #expect(document.source.path == "møte.eml!message.txt")
            #expect(document.bundle?.files == 4)
            #expect(document.attachments.count == 3)
            #expect(
                document.warnings == [
                    "no file in the bundle looks like minutes; message.txt is taken as the main document"
                ])
        }
    }

    @Test(
        "Three meetings in one zip or tar.gz: three records, each linked to its own meeting's files",
        arguments: [
            "zip", "tar.gz",
        ])
    func collectionOfMeetings(_ kind: String) async throws {
        let fixtures = try Fixtures()
        var data: [[Data]] = []
        for number in 1...3 {
            data.append(try Self.writeMeeting("møter/meeting-\(number)", number: number, in: fixtures))
        }
        let archive = "møter.\(kind)"
        try await Self.build(kind, from: "møter", to: archive, in: fixtures)
        let seed = try await Self.seedDocument(in: fixtures)
        let output = try await IngestProcess.run([archive, "--jsonl"], in: fixtures.directory)

        let documents = try await Self.documents(output)
        try #require(documents.count == 3, "\(output.stderr)")
        for (index, document) in documents.enumerated() {
            let folder = "\(archive)!meeting-\(index + 1)"
            #expect(document.source.path == "\(folder)/\(Self.minutesName)")
            #expect(document.bundle?.source.path == folder)
            #expect(document.bundle?.source.fileName == "meeting-\(index + 1)")
            #expect(document.bundle?.files == 4)
            #expect(document.attachments.count == 3)
            #expect(document.warnings == [])
            Self.expectSeedMinutes(document, seed: seed, attachmentPrefix: "\(folder)/", attachmentData: data[index])
        }
        #expect(output.stderr.hasPrefix("ingest: 3 documents (3 bundles), 0 failed, in "))

        let written = try await IngestProcess.run([archive, "--out", "out"], in: fixtures.directory)
        #expect(written.status == 0, "\(written.stderr)")
        // One folder for the collection, named without its extensions (møter.zip and møter.tar.gz alike).
        let collection = "møter"
        #expect(try fixtures.fileNames(in: "out") == [collection])
        #expect(try fixtures.fileNames(in: "out/\(collection)") == ["meeting-1", "meeting-2", "meeting-3"])
        for number in 1...3 {
            let json = try fixtures.contents(
                of: "out/\(collection)/meeting-\(number)/\(Self.minutesName.dropLast(4)).json")
            #expect(try JSONDecoder().decode(MinutesDocument.self, from: json) == documents[number - 1])
        }
    }
}
