import Foundation
import IngestCore
import Testing

/// What `MANIFEST.tsv` says about particular corpus PDFs (passwords, owner-only encryption, damage, scans), checked
/// against the extractor.
@Suite struct CorpusManifestTests {
    let manifest: [String: ManifestEntry]

    init() throws {
        manifest = try Corpus.manifest()
    }

    // MARK: Passwords

    /// The encrypted files poppler opens only with their documented user password.
    var passwordProtected: [ManifestEntry] {
        manifest.values.filter(\.needsPassword).sorted { $0.path < $1.path }
    }

    @Test func everyPasswordProtectedPDFAsksForAPasswordWhenNoneIsGiven() async throws {
        #expect(passwordProtected.count >= 15, "the manifest lists only \(passwordProtected.count) such files")
        for entry in passwordProtected {
            let error = try #require(
                await extract(try Corpus.file(entry.path), path: entry.path).error, "\(entry.path)")
            #expect(error.code == .encrypted, "\(entry.path): \(error)")
            #expect(error.message == "encrypted", "\(entry.path): \(error)")
            #expect(error.advice?.contains("--password") == true, "\(entry.path): \(error)")
            #expect(error.path == entry.path)
        }
    }

    @Test func everyPasswordProtectedPDFOpensWithItsDocumentedUserPassword() async throws {
        var opened = 0
        for entry in passwordProtected {
            // The SASLprep file documents the password as typed; poppler needs the normalised form (see below).
            let password = entry.path.hasSuffix("pdfjs_password_saslprep_r6.pdf") ? "SaSLprep" : entry.userPassword
            let user = try #require(password, "\(entry.path): no user password in the manifest notes")
            let result = await extract(try Corpus.file(entry.path), path: entry.path, password: user)
            let document = try #require(result.document, "\(entry.path) with password '\(user)': \(result.summary)")
            #expect(document.extractor.name == "pdf")
            #expect(document.pages.count == entry.pages, "\(entry.path): \(document.pages.count) pages")
            if entry.text == "yes" || entry.text == "little" {
                #expect(document.pages.contains { !$0.text.isEmpty }, "\(entry.path): no text")
            }
            opened += 1
        }
        #expect(opened == passwordProtected.count)
    }

    @Test(arguments: [
        ("pdf/encrypted/pdfjs_password_asdfasdf.pdf", "asdfasdf"),
        ("pdf/encrypted/pdfminer_aes256_r6.pdf", "usersecret"),
        ("pdf/encrypted/pdfjs_password_aeoeaa.pdf", "æøå"),
        ("pdf/encrypted/pdfjs_password_paesswoert.pdf", "pässwört"),
        ("pdf/encrypted/tika_password_4_spaces.pdf", "    "),
    ])
    func opensWithTheRightPasswordAndNamesAWrongOne(path: String, password: String) async throws {
        let url = try Corpus.file(path)
        #expect(manifest[path]?.userPassword == password, "the manifest documents another password for \(path)")

        let locked = try #require(await extract(url, path: path).error)
        #expect(locked.code == .encrypted)
        #expect(locked.advice == "pass --password to open it")

        let document = try #require(await extract(url, path: path, password: password).document)
        #expect(document.pages.count == 1)
        #expect(document.properties["pageCount"] == "1")
        #expect(document.source.path == path)

        let wrong = try #require(await extract(url, path: path, password: password + "x").error)
        #expect(wrong.code == .encrypted)
        #expect(wrong.message == "encrypted, and the password given is wrong")
        #expect(wrong.advice?.contains("--password") == true)
    }

    @Test func theNorwegianPasswordIsPassedAsUTF8() async throws {
        // "æøå" in UTF-8 opens it; the same letters in Latin-1 bytes are another password.
        let path = "pdf/encrypted/pdfjs_password_aeoeaa.pdf"
        let url = try Corpus.file(path)
        let document = try #require(await extract(url, password: "æøå").document)
        #expect(document.pages.first?.text.isEmpty == false)
        let latin1 = String(decoding: Array("æøå".data(using: .isoLatin1)!), as: UTF8.self)
        #expect(await extract(url, password: latin1).error?.code == .encrypted)
    }

    @Test func theOwnerPasswordOpensAsWell() async throws {
        let owners = [
            ("pdf/encrypted/pdfminer_aes256_r6.pdf", "ownersecret"),
            ("pdf/encrypted/qpdf_aes256_r6_user_view.pdf", "master"),
            ("pdf/encrypted/pypdf_libreoffice_password.pdf", "permissionpassword"),
            ("pdf/encrypted/pdfminer_rc4_40.pdf", "foo"),
        ]
        for (path, owner) in owners {
            #expect(manifest[path]?.notes.contains("owner=\(owner)") == true, "\(path): the manifest says otherwise")
            let result = await extract(try Corpus.file(path), password: owner)
            #expect(result.document != nil, "\(path) with owner password: \(result.summary)")
        }
    }

    @Test func saslPrepPasswordsWorkAsTypedAndNormalised() async throws {
        // The manifest: typed as "SªSL<soft hyphen>prep", SASLprep makes it "SaSLprep"; poppler does not normalise,
        // the extractor does.
        let url = try Corpus.file("pdf/encrypted/pdfjs_password_saslprep_r6.pdf")
        #expect(await extract(url, password: "SaSLprep").document != nil)
        // The password as typed; the extractor applies SASLprep (RFC 4013) that poppler leaves out.
        let result = await extract(url, password: "S\u{AA}SL\u{AD}prep")
        #expect(result.document != nil, "\(result.summary)")
    }

    @Test func aPasswordPopplerCannotTakeStillGivesEncrypted() async throws {
        // The manifest: qpdf opens it with its long Unicode password, poppler rejects that password.
        let path = "pdf/encrypted/tika_password_unicode.pdf"
        let error = try #require(await extract(try Corpus.file(path), path: path).error)
        #expect(error.code == .encrypted)
        #expect(error.advice?.contains("--password") == true)
    }

    // MARK: Owner-only encryption

    @Test func ownerOnlyEncryptedPDFsOpenWithoutAndDespiteAPassword() async throws {
        let ownerOnly = manifest.values.filter(\.hasOnlyOwnerPassword).sorted { $0.path < $1.path }
        #expect(ownerOnly.count >= 8, "the manifest lists only \(ownerOnly.count) owner-only files")
        #expect(ownerOnly.contains { $0.path == "pdf/encrypted/pdfjs_owner_only_empty.pdf" })
        for entry in ownerOnly {
            let url = try Corpus.file(entry.path)
            let plain = await extract(url, path: entry.path)
            let document = try #require(plain.document, "\(entry.path) without password: \(plain.summary)")
            #expect(document.pages.count == entry.pages, "\(entry.path)")
            // A password meant for other files of a batch (or inherited by an embedded file) must not lock it.
            let withPassword = await extract(url, path: entry.path, password: "not-this-files-password")
            #expect(
                withPassword.document?.pages.count == document.pages.count,
                "\(entry.path) with a password: \(withPassword.summary)")
        }
    }

    // MARK: Damaged files

    @Test func brokenPDFsPopplerCannotOpenAreDamagedWithPopplersReason() async throws {
        let unreadable = manifest.values.filter { $0.path.hasPrefix("pdf/broken/") && $0.pdfinfoSyntaxError != nil }
            .sorted { $0.path < $1.path }
        var damaged = 0
        for entry in unreadable {
            let url = try Corpus.file(entry.path)
            let head = try Data(contentsOf: url).prefix(1024)
            guard head.range(of: Data("%PDF-".utf8)) != nil else {
                // No PDF header at all: the content decides, and these few bytes read as text.
                let result = await extract(url, path: entry.path)
                #expect(result.document?.extractor.name == "plain-text", "\(entry.path): \(result.summary)")
                continue
            }
            let error = try #require(await extract(url, path: entry.path).error, "\(entry.path)")
            #expect(error.code == .damaged, "\(entry.path): \(error)")
            #expect(error.message.hasPrefix("damaged or not a PDF (poppler: "), "\(entry.path): \(error)")
            #expect(error.advice?.isEmpty == false)
            damaged += 1
        }
        #expect(damaged >= 8, "only \(damaged) of \(unreadable.count) unreadable broken PDFs were checked")
    }

    @Test(arguments: [
        ("pdf/broken/TRUNC_online_genfors_V2024_first_half.pdf", "PDF document is damaged"),
        ("pdf/broken/pdfjs_bug1020226_no_catalog.pdf", "Failed to read the document catalog"),
        ("pdf/broken/qpdf_issue99.pdf", "PDF document is damaged"),
    ])
    func damagedNamesPopplersReason(path: String, reason: String) async throws {
        let error = try #require(await extract(try Corpus.file(path), path: path).error)
        #expect(error.code == .damaged)
        #expect(error.message == "damaged or not a PDF (poppler: \(reason))")
        #expect(error.description.hasPrefix("\(path): damaged or not a PDF"))
    }

    @Test func junkWithoutAPDFHeaderIsReadByContentNotByName() async throws {
        // "oops\n" named .pdf: the registry sniffs text, so the plain-text extractor takes it, not the PDF one.
        let path = "pdf/broken/qpdf_bad1_5bytes.pdf"
        let document = try #require(await extract(try Corpus.file(path), path: path).document)
        #expect(document.extractor.name == "plain-text")
        #expect(document.source.mediaType == "text/plain")
    }

    @Test func aTruncatedPDFWhosePagesAreGoneOpensWithNoPages() async throws {
        // The first 64 KiB of a 105-page PDF: poppler reconstructs the cross-reference table and finds no pages.
        let path = "pdf/broken/TRUNC_baltimore_boe_2010_first_64KiB.pdf"
        let document = try #require(await extract(try Corpus.file(path), path: path).document)
        #expect(document.pages.isEmpty)
        #expect(document.properties["pageCount"] == "0")
        #expect(document.warnings.contains("the PDF has no pages"))
        #expect(document.agendaItems.isEmpty)
    }

    @Test func aPDFWithZeroPagesSaysSo() async throws {
        let path = "pdf/broken/pdfjs_issue15590_zero_pages.pdf"
        let document = try #require(await extract(try Corpus.file(path), path: path).document)
        #expect(document.pages.isEmpty)
        #expect(document.warnings.contains("the PDF has no pages"))
        #expect(!document.warnings.contains { $0.hasPrefix("no text layer") })
    }

    @Test func theHangFileWithFormFieldsFinishesBecauseNoFormFieldsAreRead() async throws {
        // pdfinfo and pdftotext loop on this file (its form fields); the extractor touches no form fields. Run
        // under a deadline: if a change makes the extractor loop too, this fails instead of stopping the tests.
        let path = "pdf/broken/qpdf_shared_unnamed_field_HANG.pdf"
        let url = try Corpus.file(path)
        let result = await withDeadline(.seconds(30), name: path) { await extract(url, path: path) }
        let finished = try #require(result, "\(path) did not finish within 30 s")
        let document = try #require(finished.document, "\(finished.summary)")
        #expect(document.extractor.name == "pdf")
        #expect(document.pages.count == 1)
    }

    // MARK: Scans

    @Test func scansWithoutATextLayerSayItAndHaveNoItems() async throws {
        let scans = manifest.values.filter {
            $0.path.hasSuffix(".pdf") && $0.text == "NONE" && ($0.pages ?? 0) > 0
                && ($0.path.hasPrefix("pdf/scanned/") || $0.path.hasPrefix("minutes/"))
        }.sorted { $0.path < $1.path }
        #expect(scans.count >= 7)
        #expect(scans.contains { $0.path == "minutes/no/online_genfors_2013_scan.pdf" })
        for entry in scans {
            let result = await extract(try Corpus.file(entry.path), path: entry.path)
            let document = try #require(result.document, "\(entry.path): \(result.summary)")
            #expect(document.pages.count == entry.pages, "\(entry.path)")
            #expect(document.warnings.contains { $0.hasPrefix("no text layer") }, "\(entry.path): \(document.warnings)")
            #expect(document.agendaItems.isEmpty, "\(entry.path)")
            #expect(document.pages.allSatisfy { $0.text.isEmpty }, "\(entry.path)")
        }
    }

    @Test func aScanWithAnInvisibleOCRLayerIsText() async throws {
        let path = "pdf/scanned/unstructured_scan_with_ocr_layer.pdf"
        let document = try #require(await extract(try Corpus.file(path), path: path).document)
        #expect(!document.warnings.contains { $0.hasPrefix("no text layer") })
        #expect(document.pages.first.map { $0.text.split(separator: " ").count > 100 } == true)
    }
}
