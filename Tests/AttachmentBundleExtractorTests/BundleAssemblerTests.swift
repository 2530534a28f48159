import Testing
@testable import AttachmentBundleExtractor
import IngestCore

@Suite("Bundles and collection folders become minutes with their attachments")
struct BundleAssemblerTests {
    private static func source(_ path: String) -> SourceInfo {
        SourceInfo(path: path, fileName: path, mediaType: "application/pdf", bytes: 10, sha256: String(repeating: "0", count: 64))
    }

    private static func member(_ path: String, _ document: MinutesDocument) -> ExtractedMember {
        ExtractedMember(path: path, source: source(path), result: .success(document))
    }

    private static func minutes(_ title: String, attachments: [IngestCore.Attachment] = []) -> MinutesDocument {
        MinutesDocument(
            source: source(title), extractor: ExtractorInfo(name: "pdf", version: "1"), title: title,
            meeting: Meeting(date: "2025-01-10"),
            participants: [Participant(name: "Kari Løvås", status: .present)],
            agendaItems: [AgendaItem(number: "1", title: "Godkjenning"), AgendaItem(number: "2", title: "Budsjett")],
            attachments: attachments)
    }

    private static func report(_ title: String) -> MinutesDocument {
        MinutesDocument(source: source(title), extractor: ExtractorInfo(name: "pdf", version: "1"), title: title)
    }

    private static let bundleInfo = BundleInfo(source: source("bundle.zip"), extractor: ExtractorInfo(name: "bundle", version: "1"), files: 3)

    @Test("The minutes are found by content, not by file order, and listed files are linked")
    func findsMinutesByContent() throws {
        let members = [
            Self.member("Vedlegg 1 - Budsjett.pdf", Self.report("Budsjett 2026")),
            Self.member("notat.pdf", Self.minutes("Referat fra styremøte", attachments: [IngestCore.Attachment(number: "1", title: "Budsjett")])),
            Self.member("kart.pdf", Self.report("Kart")),
        ]
        let document = try BundleAssembler.bundle(members, as: Self.bundleInfo)
        #expect(document.title == "Referat fra styremøte")
        #expect(document.bundle == Self.bundleInfo)
        #expect(document.attachments.map(\.title) == ["Budsjett", "Kart"])
        #expect(document.attachments.map { $0.source?.path } == ["Vedlegg 1 - Budsjett.pdf", "kart.pdf"])
        #expect(document.attachments[0].document?.title == "Budsjett 2026")
        #expect(document.warnings == ["file kart.pdf is in the bundle but not in the minutes' attachment list"])
    }

    @Test("A listed attachment without a file is a warning; a failed file is kept with its reason")
    func missingAndFailedFiles() throws {
        let failure = IngestError(code: .encrypted, path: "b.zip!Vedlegg 2.pdf", message: "is encrypted")
        let members = [
            Self.member("referat.pdf", Self.minutes("Referat", attachments: [
                IngestCore.Attachment(number: "1", title: "Oppfølgingspunkter"), IngestCore.Attachment(number: "2", title: "Avtale")])),
            ExtractedMember(path: "Vedlegg 2.pdf", source: nil, result: .failure(failure)),
        ]
        let document = try BundleAssembler.bundle(members, as: Self.bundleInfo)
        #expect(document.attachments.count == 2)
        #expect(document.warnings.contains("attachment 1 'Oppfølgingspunkter' is listed but no file in the bundle backs it"))
        #expect(document.warnings.contains("attachment Vedlegg 2.pdf could not be extracted: is encrypted"))
    }

    @Test("A bundle of nothing but failures is an error naming the reasons")
    func nothingExtracted() {
        let failure = IngestError(code: .damaged, path: "x", message: "is damaged")
        #expect(throws: IngestError.self) {
            try BundleAssembler.bundle([ExtractedMember(path: "x.pdf", source: nil, result: .failure(failure))], as: Self.bundleInfo)
        }
    }

    @Test("Without minutes, the fallback (an e-mail's body) is the main document, with a warning")
    func fallbackWithoutMinutes() throws {
        let members = [Self.member("message.txt", Self.report("Hei")), Self.member("a.pdf", Self.report("Rapport"))]
        let document = try BundleAssembler.bundle(members, as: Self.bundleInfo, fallback: "message.txt")
        #expect(document.title == "Hei")
        #expect(document.warnings.first == "no file in the bundle looks like minutes; message.txt is taken as the main document")
    }

    @Test("A collection folder with two minutes: each takes the files it lists; the rest stand alone")
    func collectionFolderWithTwoMeetings() throws {
        let members = [
            Self.member("2024-01 referat.pdf", Self.minutes("Referat januar", attachments: [IngestCore.Attachment(number: "1", title: "Budsjett januar")])),
            Self.member("2024-02 referat.pdf", Self.minutes("Referat februar")),
            Self.member("Vedlegg 1 budsjett januar.pdf", Self.report("Budsjett")),
            Self.member("plakat.pdf", Self.report("Plakat")),
        ]
        let documents = BundleAssembler.assemble(members, folder: Self.bundleInfo)
        #expect(documents.map(\.path) == ["2024-01 referat.pdf", "2024-02 referat.pdf", "plakat.pdf"])
        let january = try documents[0].result.get()
        #expect(january.attachments.map { $0.source?.path } == ["Vedlegg 1 budsjett januar.pdf"])
        #expect(january.bundle != nil)
        #expect(try documents[1].result.get().bundle == nil)
    }

    @Test("A collection folder with one minutes is a bundle: every file of it is attached")
    func collectionFolderWithOneMeeting() throws {
        let members = [Self.member("referat.pdf", Self.minutes("Referat")), Self.member("bilde.pdf", Self.report("Bilde"))]
        let documents = BundleAssembler.assemble(members, folder: Self.bundleInfo)
        #expect(documents.count == 1)
        #expect(try documents[0].result.get().attachments.map(\.title) == ["Bilde"])
    }
}
