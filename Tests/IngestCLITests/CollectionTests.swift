import Foundation
import IngestCore
import Testing

@Suite("ingest on archives, folders and e-mails: meetings with their attachments")
struct CollectionTests {
    /// `../shared` beside the repository.
    private static let shared = Fixtures.packageRoot.appendingPathComponent("../shared").standardizedFileURL

    private static func documents(_ output: ChildProcess.Output) throws -> [MinutesDocument] {
        try output.stdout.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(MinutesDocument.self, from: Data($0)) }
    }

    @Test("The labelled zip bundle: the minutes found by content, attachments 2 and 3 linked to their files")
    func labelledZipBundle() async throws {
        let fixtures = try Fixtures()
        let zip = Self.shared.appendingPathComponent("labelled/doc005.zip").path
        let output = try await IngestProcess.run([zip, "--jsonl"], in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        let documents = try Self.documents(output)
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.source.path == zip + "!Referat fra møte i Politirådet 2025-01-10.pdf")
        #expect(document.bundle?.source.fileName == "doc005.zip")
        #expect(document.bundle?.files == 3)
        #expect(document.agendaItems.first?.number == "40/25")
        #expect(document.attachments.map(\.number) == ["1", "2", "3"])
        #expect(document.attachments.map { $0.source?.fileName } == [
            nil, "Vedlegg 2 - Tertialrapport 1-2025.pdf", "Vedlegg 3 - Presentasjon fra Utdanningsetaten.pdf",
        ])
        #expect(document.attachments[1].document?.source.mediaType == "application/pdf")
        #expect(document.warnings.contains { $0.hasPrefix("attachment 1 'Referat fra ungdomsrådet' is listed but no file") })
        #expect(output.stderr.hasPrefix("ingest: 1 document (1 bundle), 0 failed, in "))
        try await SchemaValidator.expectValid(output.stdout.split(separator: UInt8(ascii: "\n")).map { Data($0) })
    }

    @Test("A folder tree: one meeting per folder, its listed attachment linked; --out mirrors the folders")
    func folderTreeToOut() async throws {
        let fixtures = try Fixtures()
        try fixtures.text("møter/2024-01/referat.txt", """
            Referat fra styremøte

            Dato: 15. januar 2024
            Til stede: Kari Nordmann, Ola Hansen

            1. Godkjenning av innkalling
            Innkallingen ble godkjent.

            2. Budsjett 2024
            Styret drøftet budsjettet.

            Vedlegg:
            1. Budsjett 2024
            """)
        try fixtures.text("møter/2024-01/Vedlegg 1 - Budsjett 2024.txt", "Budsjett 2024\n\nInntekter 100 000 kr.\n")
        try fixtures.text("møter/2024-02/referat.txt", "Referat fra styremøte\n\nDato: 12. februar 2024\n\n1. Godkjenning av innkalling\n\n2. Eventuelt\n")
        try fixtures.text("møter/plakat.txt", "Sommerfest i parken\n")
        let output = try await IngestProcess.run(["møter/", "--out", "out"], in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr == "ingest: wrote 3 of 3 documents to out (1 bundle)\n")
        #expect(try fixtures.fileNames(in: "out") == ["møter"])
        #expect(try fixtures.fileNames(in: "out/møter") == ["2024-01", "2024-02", "plakat.json"])
        #expect(try fixtures.fileNames(in: "out/møter/2024-01") == ["referat.json"])
        let january = try JSONDecoder().decode(MinutesDocument.self, from: fixtures.contents(of: "out/møter/2024-01/referat.json"))
        #expect(january.source.path == "møter/2024-01/referat.txt")
        #expect(january.bundle?.source.path == "møter/2024-01")
        #expect(january.bundle?.source.bytes == january.source.bytes + (january.attachments.first?.source?.bytes ?? -1))
        #expect(january.attachments.map { $0.source?.fileName } == ["Vedlegg 1 - Budsjett 2024.txt"])
        #expect(january.attachments.first?.document?.title == "Budsjett 2024")
    }

    @Test("Hostile archives: nothing is written outside --out, and every path under it is plain", arguments: [
        "bundles/zip/SLIP_dotdot.zip", "bundles/zip/SLIP_absolute_path.zip", "bundles/zip/SLIP_backslash.zip",
        "bundles/zip/SLIP_symlink_exfil.zip", "bundles/zip/SLIP_unicode.zip", "bundles/archives/SLIP_dotdot.tar",
        "bundles/archives/SLIP_hardlink.tar", "bundles/archives/SLIP_symlink_exfil.tar",
    ])
    func zipSlip(_ relative: String) async throws {
        let fixtures = try Fixtures()
        let archive = Self.shared.appendingPathComponent("corpus/" + relative).path
        let output = try await IngestProcess.run([archive, "--out", "out/inside"], in: fixtures.directory)

        #expect(output.status == 0 || output.status == 1)
        #expect(try fixtures.fileNames(in: ".") == ["out"])
        #expect(try fixtures.fileNames(in: "out") == ["inside"])
        let root = fixtures.directory.appendingPathComponent("out/inside").resolvingSymlinksInPath().path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        for case let path as String in enumerator {
            #expect(!path.split(separator: "/").contains(".."), "\(path)")
            let attributes = try FileManager.default.attributesOfItem(atPath: root + "/" + path)
            #expect(attributes[.type] as? FileAttributeType != .typeSymbolicLink, "\(path) is a link")
        }
    }

    @Test("An archive of links only is one typed failure, in --failures too, not a silent success")
    func archiveOfLinksOnly() async throws {
        let fixtures = try Fixtures()
        let archive = Self.shared.appendingPathComponent("corpus/bundles/zip/SLIP_symlink_exfil.zip").path
        let output = try await IngestProcess.run([archive, "--jsonl", "--failures", "failed.jsonl"], in: fixtures.directory)

        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("skipped, a link to /etc/passwd"), "\(output.stderr)")
        let lines = try String(contentsOf: fixtures.directory.appendingPathComponent("failed.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 1)
        let failure = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        #expect(failure["path"] == archive)
        #expect(failure["code"] == "empty-file")
        #expect(failure["message"] == "holds no file to extract (links, devices and empty folders are skipped)")
    }

    @Test("An e-mail is a bundle: the attached minutes, with the message's subject and sender recorded")
    func emailBundle() async throws {
        let fixtures = try Fixtures()
        let mail = Self.shared.appendingPathComponent("corpus/bundles/eml/nord-odal_2023-09-13_innsyn_reply_with_motebok.eml").path
        let output = try await IngestProcess.run([mail], in: fixtures.directory)

        #expect(output.status == 0, "\(output.stderr)")
        let document = try JSONDecoder().decode(MinutesDocument.self, from: output.stdout)
        #expect(document.bundle?.source.mediaType == "message/rfc822")
        #expect(document.properties["emailSubject"]?.isEmpty == false)
        #expect(document.source.path.hasPrefix(mail + "!"))
        #expect(document.source.mediaType == "application/pdf")
        #expect(document.attachments.first { $0.source?.fileName == "message.txt" }?.title
            == "E-mail: Innsyn i valgprotokoll 2023 - Nord-Odal kommune")
        try await SchemaValidator.expectValid([output.stdout])
    }
}
