import Foundation
import IngestCore
import Testing

@testable import AttachmentBundleExtractor

/// Truth values below come from reading the corpus files (headers, `filename=` parameters) and decoding them with
/// Python's `email` package, and from the attachments saved beside the messages in `bundles/folder_*`.
@Suite("MailReader over the corpus")
struct MailMessageCorpusTests {
    func read(_ relative: String, limits: ExtractionLimits = ExtractionLimits()) throws -> MailMessage {
        try MailReader.read(ExtractionInput(fileURL: CorpusPaths.bundle(relative)), limits: limits)
    }

    func bytes(_ relative: String) throws -> Data {
        try Data(contentsOf: CorpusPaths.bundle(relative))
    }

    @Test func plainMessageWithTextAttachment() throws {
        let message = try read("eml/docling_eml_with_attachment.eml")
        #expect(message.subject == "Email with Attachment")
        #expect(message.from == "Alice Example <alice@example.com>")
        #expect(message.to == ["Bob Example <bob@example.com>"])
        #expect(message.date == nil)
        #expect(message.bodyText.hasPrefix("Hello Bob,\n\nThis email contains an attachment."))
        #expect(message.attachments.map(\.fileName) == ["test.txt"])
        #expect(message.attachments.map(\.mediaType) == ["text/plain"])
        #expect(
            message.attachments.first?.data
                == Data("This is a test attachment file.\nIt contains some dummy content.\n".utf8))
        #expect(message.warnings.isEmpty)
    }

    @Test func norwegianReplyWithOnePDF() throws {
        let message = try read("eml/nord-odal_2023-08-15_innsyn_reply_1pdf.eml")
        #expect(message.subject == "Svar på innsyn om valggjennomføring, Nord-Odal kommune")
        #expect(message.from == "Lene Jeanette Østby <Lene.Jeanette.Ostby@nord-odal.kommune.no>")
        #expect(message.attachments.count == 1)
        let pdf = try #require(message.attachments.first)
        #expect(pdf.fileName == "Svar på innsyn om valggjennomføring, Nord-Odal kommune.pdf")
        #expect(pdf.mediaType == "application/pdf")
        #expect(pdf.data.count == 83_776)
        #expect(pdf.data.starts(with: Data("%PDF-".utf8)))
        // The same PDF was saved beside the message in the folder bundle.
        let saved = try bytes(
            "folder_nord-odal_innsyn_2023-08/2023-08-15_151800 - IN - att 1-d3a55987291bfe0ed093fd0d7c81bdb8.pdf")
        #expect(pdf.data == saved)
    }

    @Test func norwegianReplyWithRFC2047EncodedFileName() throws {
        let message = try read("eml/nord-odal_2023-09-13_innsyn_reply_with_motebok.eml")
        #expect(message.subject == "Innsyn i valgprotokoll 2023 - Nord-Odal kommune")
        // "eivind.wisniewski@offpost.no" <eivind.wisniewski@offpost.no>: a name that is the address is shown once.
        #expect(message.to == ["eivind.wisniewski@offpost.no"])
        #expect(message.date == Date(timeIntervalSince1970: 1_694_610_672))  // Wed, 13 Sep 2023 13:11:12 +0000
        #expect(
            message.attachments.map(\.fileName) == [
                "Innsyn i valgprotokoll 2023 - Nord-Odal kommune.pdf", "Valgstyrets_møtebok_kommunevalg2023.pdf",
            ])
        #expect(message.attachments.map(\.mediaType) == ["application/pdf", "application/pdf"])
        #expect(message.attachments.map(\.data.count) == [72_980, 225_031])
        let folder = "folder_nord-odal_innsyn_valgprotokoll_2023-09/"
        #expect(
            message.attachments.first?.data
                == (try bytes(folder + "2023-09-13_151112 - IN - att 1-4edabbb814857a13cdb1ce83faadc312.pdf")))
        #expect(
            message.attachments.last?.data
                == (try bytes(folder + "2023-09-13_151112 - IN - att 2-e7923db4fe564211128d9ba28022ac30.pdf")))
    }

    @Test func zipAttachmentAfterAlternativeBody() throws {
        let message = try read("eml/tika_email_with_zip.eml")
        #expect(message.subject == "Test mail for Tika")
        #expect(message.from == "Juha Haaga <juha.haaga@gmail.com>")
        #expect(message.bodyText.contains("This is the Plain Text part"))
        #expect(!message.bodyText.contains("HTML part"))
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.fileName == "test.zip")
        #expect(message.attachments.first?.mediaType == "application/zip")
        #expect(message.attachments.first?.data.count == 277)
        #expect(message.attachments.first?.data.starts(with: [0x50, 0x4B, 0x03, 0x04]) == true)
    }

    @Test func twoTextAttachmentsWithLyingSizeParameters() throws {
        let message = try read("eml/tika_multipart_attachments.eml")
        #expect(message.subject == "EML 1")
        #expect(message.bodyText.hasPrefix("Hi,\n\nThis is test email for EML1"))
        #expect(message.attachments.map(\.fileName) == ["Test TxtA.txt", "Test TxtB.txt"])
        #expect(message.attachments.map(\.mediaType) == ["text/plain", "text/plain"])
        // Content-Disposition says size=214; the decoded parts are 33 bytes.
        #expect(
            message.attachments.map(\.data) == [
                Data("This is Test TXTA File for parser".utf8), Data("This is Test TXTB File for parser".utf8),
            ])
    }

    @Test func inlinePDFBetweenHTMLParts() throws {
        let message = try read("eml/tika_mixed_with_pdf_inline.eml")
        #expect(message.subject == "Re: Jane Doe Has Invited You to Team \"Jane\" at RealtimeBoard")
        #expect(message.from == "John Smith <john.smith@domain.com>")
        #expect(message.to == ["johndoe@gmail.com"])
        // The inline text/html parts are body alternatives, not attachments; the inline PDF is an attachment.
        #expect(message.attachments.map(\.fileName) == ["tzora-titan-4-hummer-xl-manual.pdf"])
        #expect(message.attachments.map(\.mediaType) == ["application/pdf"])
        // Its base64 section is empty in the file.
        #expect(message.attachments.first?.data.count == 0)
        #expect(message.bodyText.hasPrefix("Attac"))
    }

    @Test func rfc2231ContinuedFileNameAndHTMLOnlyBody() throws {
        let message = try read("eml/offpost_attachment_strange_characters.eml")
        #expect(message.from == "noreply-p360@p360.kristiansand.kommune.no")
        #expect(
            message.subject?.hasPrefix("Dokument 2025011513-2 Foreløpig svar - Innsynsforespørsel: Valgstyrets") == true
        )
        #expect(message.subject?.contains("valgsforskriften §9-1") == true)
        #expect(
            message.attachments.map(\.fileName) == [
                "Foreløpig svar - Innsynsforespørsel_ Valgstyrets skriftelige rutine for forsegling, oppbevaring og "
                    + "transport av valgmateriell - jfr. valgsforskriften §9-1 - samt rutine for valget i 2023 og 2025 "
                    + "(hvis denne er klar)  .pdf"
            ])
        #expect(message.attachments.first?.data.count == 162_191)
        // Only text/html: tags gone, &#248; decoded, one line per <div>, runs of spaces collapsed.
        let lines = message.bodyText.split(separator: "\n").map(String.init)
        #expect(lines.first == "Hei W B,")
        #expect(
            lines.dropFirst().first?.hasPrefix("Dokumentet 2025011513-2 Foreløpig svar - Innsynsforespørsel:") == true)
        #expect(message.bodyText.contains("(hvis denne er klar) for sak Innsynsforespørsel"))
        #expect(lines.last == "Dette er en systemgenereret e-postmelding som ikke kan besvares.")
        #expect(!message.bodyText.contains("<"))
    }

    @Test func latin1QuotedPrintablePlainAndHTML() throws {
        let message = try read("eml/offpost_bcc_iso8859-1_html.eml")
        #expect(message.subject == "Offentlig journal for Møre og Romsdal politidistrikt uke 15 - 2025")
        #expect(message.from == "Postmottak Møre og Romsdal politidistrikt <post.moreogromsdal@politiet.no>")
        #expect(message.to == [])  // "Undisclosed recipients:;" is an empty group
        #expect(
            message.bodyText.hasPrefix(
                "Vedlagt ligger offentlig journal for Møre og Romsdal politidistrikt uke 15 - 2025"))
        #expect(message.bodyText.contains("våpensøknader, førerkort, kjøreseddel"))
        #expect(message.bodyText.contains("Ønsker du innsyn"))
        // Declared text/plain with a file name: an attachment, as declared.
        #expect(message.attachments.map(\.fileName) == ["Report uke 15.pdf"])
        #expect(message.attachments.map(\.mediaType) == ["text/plain"])
        #expect(message.attachments.first?.data.count == 51)
    }

    @Test func encodedWordsInHeaders() throws {
        let message = try read("eml/tika_i18n_headers.eml")
        // Two encoded words (ISO-8859-1 then ISO-8859-2) joined without the folding space between them.
        #expect(message.subject == "If you can read this you understand the example.")
        #expect(message.from == "Keld Jørn Simonsen <keld@dkuug.dk>")
        #expect(message.to == ["Nobody in Particular <a.person@example.com>"])
        #expect(message.bodyText.hasPrefix("Examples taken from RFC 2047."))
        #expect(message.attachments.isEmpty)
    }

    @Test func windows1255HebrewMessage() throws {
        let message = try read("eml/unstructured_no_utf8_2008.eml")
        #expect(message.subject == "RE: שלום")
        #expect(message.from == "Tamir Erez <eryzxx@post.tau.ac.il>")
        #expect(message.to == ["'Slava' <slatest@gmail.com>"])
        #expect(message.bodyText.hasPrefix("סלבה היקר,"))
        #expect(message.bodyText.contains("אני חושב שזה לא יהיה מקצועי"))
        #expect(!message.bodyText.contains("\r"))
        #expect(message.attachments.isEmpty)
    }

    @Test func malformedContentTypeParameters() throws {
        let message = try read("eml/unstructured_malformed_encoding.eml")
        #expect(message.subject == "Test Email")
        #expect(message.from == "Matthew Robinson <mrobinson@unstructured.io>")
        #expect(message.date == Date(timeIntervalSince1970: 1_671_228_256))  // Fri, 16 Dec 2022 17:04:16 -0500
        #expect(message.bodyText.contains("This is a test email to use for unit tests."))
        #expect(message.bodyText.contains("Roses are red"))
        #expect(message.attachments.isEmpty)
    }

    @Test func wholeMessageInUTF16LE() throws {
        let message = try read("eml/unstructured_utf16le.eml")
        #expect(message.subject == "Test Email")
        #expect(message.from == "Matthew Robinson <mrobinson@unstructured.io>")
        #expect(message.bodyText.hasPrefix("This is a test email to use for unit tests.\n\nImportant points:"))
        #expect(message.bodyText.contains("   - Violets are blue"))
        #expect(message.warnings.contains { $0.contains("UTF-16LE") })
    }

    @Test func whitespaceOnlyFileIsAnError() {
        let error = #expect(throws: IngestError.self) { try read("eml/unstructured_empty.eml") }
        #expect(error?.code == .emptyFile)
        #expect(error?.path.hasSuffix("unstructured_empty.eml") == true)
        #expect(error?.message.contains("whitespace") == true)
    }

    @Test func norwegianOutgoingRequestInFolder() throws {
        let message = try read("folder_nord-odal_innsyn_2023-08/2023-08-14_000234 - OUT.eml")
        #expect(message.subject == "Innsyn valggjennomføring, Nord-Odal kommune")
        #expect(message.from == "Linus F. Granås <linus.f.granaas@offpost.no>")
        #expect(message.bodyText.hasPrefix("Kjære"))
        #expect(message.attachments.isEmpty)
    }

    static let allMailFiles: [String] = {
        let manager = FileManager.default
        let root = CorpusPaths.bundle("")
        var files: [String] = []
        for folder in (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
        where folder == "eml" || folder.hasPrefix("folder_") {
            for name in (try? manager.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            where name.hasSuffix(".eml") {
                files.append("\(folder)/\(name)")
            }
        }
        return files.sorted()
    }()

    @Test func parallelReadsGiveTheSameMessage() async throws {
        let url = CorpusPaths.bundle("eml/nord-odal_2023-09-13_innsyn_reply_with_motebok.eml")
        let expected = try MailReader.read(ExtractionInput(fileURL: url), limits: ExtractionLimits())
        let results = await withTaskGroup(of: MailMessage?.self) { group in
            for _ in 0..<8 {
                group.addTask { try? MailReader.read(ExtractionInput(fileURL: url), limits: ExtractionLimits()) }
            }
            var messages: [MailMessage?] = []
            for await message in group { messages.append(message) }
            return messages
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func corpusHasTheExpectedFiles() {
        #expect(Self.allMailFiles.count == 26)
    }

    @Test(arguments: allMailFiles)
    func everyCorpusFileGivesAMessageOrATypedError(_ relative: String) throws {
        let url = CorpusPaths.bundle(relative)
        let fromFile: MailMessage
        do {
            fromFile = try MailReader.read(ExtractionInput(fileURL: url), limits: ExtractionLimits())
        } catch {
            #expect(relative == "eml/unstructured_empty.eml", "unexpected error \(error)")
            return
        }
        #expect(fromFile.subject?.isEmpty == false)
        #expect(fromFile.from?.isEmpty == false)
        for attachment in fromFile.attachments {
            #expect(
                !attachment.fileName.isEmpty && !attachment.fileName.contains("/")
                    && !attachment.fileName.hasPrefix("."))
        }
        // The same bytes in memory give the same message.
        let fromMemory = try MailReader.read(
            ExtractionInput(data: try Data(contentsOf: url), path: relative), limits: ExtractionLimits())
        #expect(fromMemory == fromFile)
    }
}

@Suite("MailReader on built messages")
struct MailMessageBuiltTests {
    func read(_ text: String, limits: ExtractionLimits = ExtractionLimits()) throws -> MailMessage {
        try MailReader.read(ExtractionInput(data: Data(text.utf8), path: "test.eml"), limits: limits)
    }

    /// A multipart/mixed message with a plain body and the given parts (each "headers\n\nbody").
    func mixed(_ parts: [String]) -> String {
        var text =
            "From: A <a@example.org>\nTo: B <b@example.org>, Group: C <c@example.org>;\nSubject: built\n"
            + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XX\"\n\n--XX\n"
            + "Content-Type: text/plain; charset=utf-8\n\nbody text\n"
        for part in parts { text += "--XX\n\(part)\n" }
        return text + "--XX--\n"
    }

    let namedPDF = "Content-Type: application/pdf; name=\"a.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK"

    @Test func unnamedPartGetsANameFromItsMediaType() throws {
        let unnamed = "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK"
        let message = try read(mixed([namedPDF, unnamed]))
        #expect(message.attachments.map(\.fileName) == ["a.pdf", "attachment-2.pdf"])
        #expect(message.attachments.map(\.data) == [Data("%PDF-1.4\n".utf8), Data("%PDF-1.4\n".utf8)])
        // The line break before a boundary belongs to the boundary (RFC 2046).
        #expect(message.bodyText == "body text")
        #expect(message.to == ["B <b@example.org>", "C <c@example.org>"])
    }

    @Test func unsafeFileNamesAreMadeSafe() throws {
        let names = ["../../etc/passwd", "..\\\\evil.exe", ".hidden", "...", "  ", "ok\u{202E}fdp.exe"]
        let parts = names.map {
            "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"\($0)\"\n\nx"
        }
        let message = try read(mixed(parts))
        #expect(
            message.attachments.map(\.fileName) == [
                "_.._etc_passwd", "_evil.exe", "hidden", "attachment-4.bin", "attachment-5.bin", "okfdp.exe",
            ])
    }

    @Test func nestedMessageIsOneEMLAttachment() throws {
        let inner =
            "From: Inner <i@example.org>\nSubject: inner\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=\"YY\"\n\n--YY\nContent-Type: text/plain\n\ninner body\n"
            + "--YY\n\(namedPDF)\n--YY--\n"
        let message = try read(mixed(["Content-Type: message/rfc822\n\n\(inner)", namedPDF]))
        #expect(message.attachments.map(\.fileName) == ["attachment-1.eml", "a.pdf"])
        #expect(message.attachments.map(\.mediaType) == ["message/rfc822", "application/pdf"])
        let eml = try #require(message.attachments.first?.data)
        let nested = try MailReader.read(ExtractionInput(data: eml, path: "inner.eml"), limits: ExtractionLimits())
        #expect(nested.subject == "inner")
        #expect(nested.bodyText == "inner body")
        #expect(nested.attachments.map(\.fileName) == ["a.pdf"])
    }

    @Test func attachmentsOverTheLimitAreDroppedWithAWarning() throws {
        let message = try read(mixed([namedPDF, namedPDF, namedPDF]), limits: ExtractionLimits(maxAttachments: 2))
        #expect(message.attachments.count == 2)
        #expect(message.warnings == ["the message has 3 attachments, over the limit of 2; only the first 2 were kept"])
    }

    @Test func decodedBytesOverTheBudgetStopTheWalk() throws {
        let text = mixed([namedPDF, namedPDF, namedPDF])
        // The body is 9 bytes, each PDF 9: room for the body and two PDFs.
        let message = try MailReader.read(
            ExtractionInput(data: Data(text.utf8), path: "test.eml"), limits: ExtractionLimits(), decodedByteBudget: 30)
        #expect(message.attachments.count == 2)
        #expect(message.warnings.count == 1)
        #expect(message.warnings.first?.contains("exceed 30 bytes") == true)
    }

    @Test func htmlOnlyLatin1Body() throws {
        var bytes = Data(
            ("From: a@example.org\nSubject: =?utf-8?q?M=C3=B8te?=\nContent-Type: text/html; charset=iso-8859-1\n"
                + "Content-Transfer-Encoding: quoted-printable\n\n"
                + "<html><head><title>T</title><style>p{}</style></head><body><p>Sak 1: N").utf8)
        // A raw Latin-1 "æ", then a soft line break inside the word.
        bytes.append(0xE6)
        bytes.append(
            contentsOf: Data(
                "=\nringsliv &amp; &oslash;konomi</p><script>x()</script><p>Neste&nbsp;linje<br>to</p></body></html>\n"
                    .utf8))
        let message = try MailReader.read(ExtractionInput(data: bytes, path: "h.eml"), limits: ExtractionLimits())
        #expect(message.subject == "Møte")
        #expect(message.from == "a@example.org")
        #expect(message.bodyText == "Sak 1: Næringsliv & økonomi\n\nNeste linje\nto")
    }

    @Test func notAMessageIsAnError() {
        let error = #expect(throws: IngestError.self) { try read("just some text\nwithout headers\n") }
        #expect(error?.code == .damaged)
        let empty = #expect(throws: IngestError.self) {
            try MailReader.read(ExtractionInput(data: Data(), path: "empty.eml"), limits: ExtractionLimits())
        }
        #expect(empty?.code == .emptyFile)
    }

    @Test func truncatedMessageStillReadsWhatIsThere() throws {
        let text = mixed([namedPDF])
        let cut = String(text.prefix(text.count - 20))
        let message = try read(cut)
        #expect(message.subject == "built")
        #expect(message.bodyText == "body text")
        #expect(message.attachments.map(\.fileName) == ["a.pdf"])
        #expect(message.warnings == ["GMime: the message is truncated"])
    }

    @Test func deepNestingIsCutWithWarnings() throws {
        // 1,100 nested multiparts: GMime stops parsing at 1,024 levels, the walk enters 64.
        let depth = 1_100
        var text =
            "From: a@example.org\nSubject: deep\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 0..<depth { text += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n" }
        text += "--b\(depth)\nContent-Type: application/pdf; name=deep.pdf\n\n%PDF\n"
        let message = try read(text)
        #expect(message.subject == "deep")
        #expect(message.attachments.isEmpty)
        #expect(message.warnings.contains("MIME parts nested deeper than 64 levels were skipped"))
        #expect(message.warnings.contains { $0.hasPrefix("GMime: MIME parts nested too deeply") })
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 2023)
        for round in 0..<200 {
            var bytes = Data("From: a@example.org\nContent-Type: multipart/mixed; boundary=q\n\n--q\n".utf8)
            let count = Int(generator.next() % 600)
            let alphabet = Array("=?:;\"\\-q\n \t<>&#abcQB".utf8) + [0, 0xFF, 0xE6, 0xC3]
            for _ in 0..<count { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            do {
                let message = try MailReader.read(
                    ExtractionInput(data: bytes, path: "r\(round).eml"), limits: ExtractionLimits())
                #expect(message.attachments.allSatisfy { !$0.fileName.isEmpty && !$0.fileName.contains("/") })
            } catch {
                #expect(error.code == .damaged || error.code == .emptyFile)
            }
        }
    }
}

/// A small deterministic generator, so the random-bytes test is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite("HTML to text and file names")
struct MailTextHelpersTests {
    @Test func htmlEntitiesListsAndComments() {
        let html =
            "<div>A&lt;B &#248;&#xE5;&aelig; &#150; &unknown;</div><!-- hidden --><ul><li>one</li><li>two</li></ul>"
            + "<table><tr><td>x</td><td>y</td></tr></table>a < b"
        #expect(HTMLText.plainText(fromHTML: html) == "A<B øåæ – &unknown;\n\n- one\n- two\n\nx y\n\na < b")
    }

    @Test func unclosedScriptHidesTheRest() {
        #expect(HTMLText.plainText(fromHTML: "<p>kept</p><script>if (a > b) { hidden() }") == "kept")
    }

    @Test func nestedBlocksBreaksAndBrokenMarkup() {
        let html =
            "<html><head><meta charset=\"iso-8859-1\"><title>T</title></head><body>"
            + "<div><div>Sak 12/25:&nbsp;<b>Budsjett</b>   for <i>2026</i></div><div>Vedtak:<br>Enstemmig</div></div>"
            + "<script type=\"text/javascript\">document.write('<p>hidden</p>')</script>"
            + "<p>Sum &#8211; 10&euro; &amp; &#150; <span>unclosed <b>bold</p>"
            + "<pre>  a\n   b</pre><h2>Til slutt</h2><table><tr><td>x</td><td>y</td></tr></table></div></body>"
        #expect(
            HTMLText.plainText(fromHTML: html)
                == "Sak 12/25: Budsjett for 2026\nVedtak:\nEnstemmig\n\nSum – 10€ & – unclosed bold"
                + "\n\n  a\n   b\n\nTil slutt\n\nx y")
    }

    @Test func outlookParagraphsAndConditionalComments() {
        let html =
            "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><!--[if gte mso 9]><xml>"
            + "<o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--></head><body>"
            + "<div class=WordSection1><p class=MsoNormal>Hei,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
            + "<p class=MsoListParagraph><![if !supportLists]><span>1.<span>&nbsp;&nbsp; </span></span><![endif]>"
            + "Punkt &eacute;n<o:p></o:p></p></div></body></html>"
        #expect(HTMLText.plainText(fromHTML: html) == "Hei,\n\n1.   Punkt én")
    }

    @Test func deepNestingAndEmptyInput() {
        // Past libxml2's default limit of 256 nested elements, where it would stop reading.
        let deep = String(repeating: "<blockquote><div>", count: 1_000) + "deep" + "</div></blockquote>"
        #expect(HTMLText.plainText(fromHTML: "<p>top</p>" + deep + "<p>after</p>") == "top\n\ndeep\n\nafter")
        #expect(HTMLText.plainText(fromHTML: "") == "")
        #expect(HTMLText.plainText(fromHTML: " \n ") == "")
        #expect(HTMLText.plainText(fromHTML: "<!-- only a comment -->") == "")
    }

    @Test func generatedNamesUseTheMediaType() {
        #expect(MailFileName.generated(mediaType: "application/pdf", position: 2) == "attachment-2.pdf")
        #expect(MailFileName.generated(mediaType: "message/rfc822", position: 1) == "attachment-1.eml")
        #expect(MailFileName.generated(mediaType: "application/x-unknown", position: 3) == "attachment-3.bin")
        let long = String(repeating: "ø", count: 200) + ".pdf"
        let safe = MailFileName.safe(long, mediaType: "application/pdf", position: 1)
        #expect(safe.utf8.count <= 255 && safe.hasSuffix("ø.pdf"))
    }
}
