import Foundation
import IngestCore
import Testing

/// Inputs made by the tests in a temporary folder from a small corpus PDF with qpdf and pdfattach: encrypted copies,
/// truncated and fake PDFs, and PDFs with embedded files; each from disk and, where it matters, from memory.
@Suite struct GeneratedInputTests {
    /// A one-page LibreOffice PDF of 100 words, no attachments, not encrypted.
    static let smallPDF = "pdf/normal/pypdf_libreoffice_writer_trivial.pdf"

    /// Tiny minutes for embedding.
    static let minutesText = "1. Godkjenning av innkalling\nGodkjent.\n\n2. Eventuelt\nIngen saker.\n"

    // MARK: Encryption

    @Test func aQPDFEncryptedCopyNeedsItsUserPassword() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = try Corpus.file(Self.smallPDF)
        let locked = folder.file("locked.pdf")
        try runToolExpectingSuccess("qpdf", ["--encrypt", "user", "owner", "256", "--", source.path, locked.path])

        let error = try #require(await extract(locked).error)
        #expect(error.code == .encrypted)
        #expect(error.message == "encrypted")
        #expect(error.advice == "pass --password to open it")

        let plain = try #require(await extract(source).document)
        let opened = try #require(await extract(locked, password: "user").document)
        #expect(opened.pages == plain.pages)
        #expect(opened.pages.first?.text.hasPrefix("Lorem ipsum") == true)
        #expect(opened.properties["producer"] == plain.properties["producer"])
        #expect(try #require(await extract(locked, password: "owner").document).pages == plain.pages)

        let wrong = try #require(await extract(locked, password: "other").error)
        #expect(wrong.code == .encrypted)
        #expect(wrong.message == "encrypted, and the password given is wrong")
    }

    @Test func anEncryptedPDFInMemoryBehavesLikeOneOnDisk() async throws {
        // poppler 22.12 crashed (NULL stream) when an in-memory PDF was opened with a wrong password.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locked = folder.file("locked.pdf")
        let source = try Corpus.file(Self.smallPDF)
        try runToolExpectingSuccess("qpdf", ["--encrypt", "user", "owner", "256", "--", source.path, locked.path])
        let bytes = try Data(contentsOf: locked)
        let input = ExtractionInput(data: bytes, path: "bundle.zip!locked.pdf")

        #expect(await extract(input).error?.code == .encrypted)
        #expect(await extract(input, password: "other").error?.message == "encrypted, and the password given is wrong")
        let document = try #require(await extract(input, password: "user").document)
        #expect(document.source.path == "bundle.zip!locked.pdf")
        #expect(document.pages.first?.text.hasPrefix("Lorem ipsum") == true)
        // A non-ASCII password through the same in-memory route.
        let norwegian = ExtractionInput(
            data: try Data(contentsOf: try Corpus.file("pdf/encrypted/pdfjs_password_aeoeaa.pdf")), path: "m!n.pdf")
        #expect(await extract(norwegian, password: "æøå").document != nil)
        #expect(await extract(norwegian, password: "aoa").error?.code == .encrypted)
    }

    // MARK: Damaged and fake PDFs

    @Test func aPDFCutToHalfItsBytesIsDamaged() async throws {
        // poppler cannot rebuild this one (the pages are in the second half); it reports it damaged.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bytes = try Data(contentsOf: try Corpus.file(Self.smallPDF))
        let half = try folder.write(bytes.prefix(bytes.count / 2), named: "half.pdf")
        let error = try #require(await extract(half, path: "half.pdf").error)
        #expect(error.code == .damaged)
        #expect(error.message == "damaged or not a PDF (poppler: PDF document is damaged)")
        #expect(error.path == "half.pdf")
        #expect(error.advice?.contains("copied completely") == true)
        // The same bytes in memory.
        let inMemory = await extract(ExtractionInput(data: bytes.prefix(bytes.count / 2), path: "a.zip!half.pdf"))
        #expect(inMemory.error?.code == .damaged)
    }

    @Test func aJPEGNamedPDFIsNotGivenToThePDFExtractor() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // SOI, a JFIF APP0 segment, EOI: enough for the sniffer, which reads the content, not the name.
        let jpeg: [UInt8] = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
            0x00, 0x00, 0xFF, 0xD9,
        ]
        let url = try folder.write(Data(jpeg), named: "photo.pdf")
        let sniffed = try registry.sniff(ExtractionInput(fileURL: url))
        #expect(sniffed.detectedType == .jpeg)
        let error = try #require(await extract(url).error)
        #expect(error.code == .unsupportedType)
        #expect(error.message.contains("image/jpeg"))
    }

    @Test func anEmptyPDFIsEmptyNotDamaged() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try folder.write(Data(), named: "empty.pdf")
        #expect(await extract(url).error?.code == .emptyFile)
        #expect(await extract(ExtractionInput(data: Data(), path: "a.zip!empty.pdf")).error?.code == .emptyFile)
    }

    @Test func aPDFHeaderFollowedByGarbageIsDamaged() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Data("%PDF-1.4\n".utf8)
        bytes.append(Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }))
        let url = try folder.write(bytes, named: "garbage.pdf")
        let error = try #require(await extract(url, path: "garbage.pdf").error)
        #expect(error.code == .damaged)
        #expect(error.message.hasPrefix("damaged or not a PDF (poppler: "))
        #expect(await extract(ExtractionInput(data: bytes, path: "x!garbage.pdf")).error?.code == .damaged)
    }

    @Test func aMissingFileIsNotFound() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let error = try #require(await extract(folder.file("nowhere.pdf"), path: "nowhere.pdf").error)
        #expect(error.code == .fileNotFound)
        #expect(error.path == "nowhere.pdf")
    }

    @Test func aScanInMemoryHasNoTextLayer() async throws {
        let path = "minutes/no/online_genfors_2013_scan.pdf"
        let bytes = try Data(contentsOf: try Corpus.file(path))
        let document = try #require(await extract(ExtractionInput(data: bytes, path: "folder.zip!scan.pdf")).document)
        #expect(document.pages.count == 18)
        #expect(document.warnings.contains { $0.hasPrefix("no text layer") })
        #expect(document.agendaItems.isEmpty)
    }

    // MARK: Embedded files

    /// A copy of the small PDF with `referat.txt` (``minutesText``) embedded by pdfattach.
    private func pdfWithEmbeddedMinutes(in folder: TemporaryFolder) throws -> URL {
        let text = try folder.write(Data(Self.minutesText.utf8), named: "referat.txt")
        let output = folder.file("with-attachment.pdf")
        try runToolExpectingSuccess("pdfattach", [try Corpus.file(Self.smallPDF).path, text.path, output.path])
        return output
    }

    private func checkEmbeddedMinutes(in document: MinutesDocument, parentPath: String) throws {
        let attachment = try #require(document.attachments.first { $0.source?.path.hasSuffix("!referat.txt") == true })
        #expect(document.attachments.count == 1)
        #expect(attachment.title == "referat.txt")
        #expect(attachment.source?.path == "\(parentPath)!referat.txt")
        #expect(attachment.source?.mediaType == "text/plain")
        #expect(attachment.source?.bytes == Self.minutesText.utf8.count)
        let nested = try #require(attachment.document)
        #expect(nested.extractor.name == "plain-text")
        #expect(nested.source.path == "\(parentPath)!referat.txt")
        #expect(nested.agendaItems.map(\.number) == ["1", "2"])
        #expect(nested.agendaItems.map(\.title) == ["Godkjenning av innkalling", "Eventuelt"])
        #expect(nested.agendaItems.map(\.text) == ["Godkjent.", "Ingen saker."])
        let expected = MinutesParser().parse(text: Self.minutesText).agendaItems
        #expect(nested.agendaItems == expected)
        #expect(!document.warnings.contains { $0.hasPrefix("embedded file") })
    }

    @Test func anEmbeddedTextFileIsExtractedThroughTheRegistry() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try pdfWithEmbeddedMinutes(in: folder)
        let document = try #require(await extract(url, path: "with-attachment.pdf").document)
        #expect(document.extractor.name == "pdf")
        try checkEmbeddedMinutes(in: document, parentPath: "with-attachment.pdf")
    }

    @Test func anEmbeddedTextFileIsExtractedFromAPDFInMemory() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bytes = try Data(contentsOf: try pdfWithEmbeddedMinutes(in: folder))
        let path = "innsyn.zip!vedlegg/with-attachment.pdf"
        let document = try #require(await extract(ExtractionInput(data: bytes, path: path)).document)
        #expect(document.source.fileName == "with-attachment.pdf")
        try checkEmbeddedMinutes(in: document, parentPath: path)
    }

    @Test func embeddedPDFsOfAnEncryptedPDFOpenWithItsPasswordOrWithout() async throws {
        // A PDF locked with "user" carrying: a PDF locked with the same password, an owner-only PDF (opens for
        // anyone), and the minutes text. The password is handed down; the owner-only one must not reject it.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let small = try Corpus.file(Self.smallPDF).path
        let samePassword = folder.file("same-password.pdf")
        let ownerOnly = folder.file("owner-only.pdf")
        try runToolExpectingSuccess("qpdf", ["--encrypt", "user", "owner", "256", "--", small, samePassword.path])
        try runToolExpectingSuccess("qpdf", ["--encrypt", "", "other-owner", "256", "--", small, ownerOnly.path])
        let text = try folder.write(Data(Self.minutesText.utf8), named: "referat.txt")
        let one = folder.file("one.pdf")
        let two = folder.file("two.pdf")
        let three = folder.file("three.pdf")
        let locked = folder.file("locked.pdf")
        try runToolExpectingSuccess("pdfattach", [small, samePassword.path, one.path])
        try runToolExpectingSuccess("pdfattach", [one.path, ownerOnly.path, two.path])
        try runToolExpectingSuccess("pdfattach", [two.path, text.path, three.path])
        try runToolExpectingSuccess("qpdf", ["--encrypt", "user", "owner", "256", "--", three.path, locked.path])

        #expect(await extract(locked).error?.code == .encrypted)
        let document = try #require(await extract(locked, path: "locked.pdf", password: "user").document)
        #expect(document.warnings.filter { $0.hasPrefix("embedded file") } == [])
        let byName = Dictionary(uniqueKeysWithValues: document.attachments.map { ($0.title, $0) })
        #expect(Set(byName.keys) == ["same-password.pdf", "owner-only.pdf", "referat.txt"])
        for name in ["same-password.pdf", "owner-only.pdf"] {
            let nested = try #require(byName[name]?.document, "\(name) was not extracted")
            #expect(nested.extractor.name == "pdf")
            #expect(nested.source.path == "locked.pdf!\(name)")
            #expect(nested.pages.first?.text.hasPrefix("Lorem ipsum") == true)
        }
        #expect(byName["referat.txt"]?.document?.agendaItems.count == 2)

        // Unlocked parent, wrong password handed down: the locked child is reported, the rest extracted.
        let parent = try #require(await extract(three, path: "three.pdf", password: "wrong").document)
        #expect(parent.warnings.contains("embedded file same-password.pdf: encrypted, and the password given is wrong"))
        #expect(parent.attachments.first { $0.title == "same-password.pdf" }?.document == nil)
        #expect(parent.attachments.first { $0.title == "owner-only.pdf" }?.document != nil)
    }
}
