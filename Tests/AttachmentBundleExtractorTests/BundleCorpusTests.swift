import AttachmentBundleExtractor
import Foundation
import IngestCore
import PDFMinutesExtractor
import PlainTextExtractor
import Testing

@Suite("Every bundle in the corpus gives a document or one typed error")
struct BundleCorpusTests {
    private static let registry = ExtractorRegistry(
        extractors: [PDFMinutesExtractor(), PlainTextExtractor(), AttachmentBundleExtractor()])

    /// The zips, archives and e-mails of `corpus/bundles` and its two folder bundles; the 872-page handbook .docx
    /// is left to the CLI sweep (it is a zip of XML, slow to read as text in a debug build).
    static let inputs: [String] = {
        let root = CorpusPaths.bundle("")
        let files = ["zip", "archives", "eml", "office"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
                .map { "\(folder)/\($0)" }
        }
        return (files.filter { !$0.contains("handbook") } + ["folder_nord-odal_innsyn_2023-08", "folder_nord-odal_innsyn_valgprotokoll_2023-09"]).sorted()
    }()

    private static func extract(_ relative: String) async -> Result<MinutesDocument, IngestError> {
        setlocale(LC_ALL, "C.UTF-8")
        let input = ExtractionInput(fileURL: CorpusPaths.bundle(relative), path: relative)
        do {
            return .success(try await registry.extract(input))
        } catch {
            return .failure(error)
        }
    }

    @Test("The corpus has the bundles this suite expects")
    func corpusIsThere() {
        #expect(Self.inputs.count >= 40)
    }

    @Test("A document or a typed error with advice, never a crash", arguments: inputs)
    func documentOrTypedError(_ relative: String) async throws {
        switch await Self.extract(relative) {
        case .success(let document):
            #expect(document.bundle != nil || !relative.hasPrefix("zip/"), "a zip always comes out as a bundle")
            for attachment in document.attachments {
                if let path = attachment.source?.path { #expect(!path.contains("/../") && !path.contains("!/"), "\(path)") }
            }
        case .failure(let error):
            #expect(!error.message.isEmpty)
        }
    }

    @Test("An innsyn folder: the minutes are found inside an e-mail among e-mails and JSON; the rest is attached")
    func innsynFolder() async throws {
        let document = try await Self.extract("folder_nord-odal_innsyn_valgprotokoll_2023-09").get()
        #expect(document.source.mediaType == "application/pdf")
        #expect(document.title?.hasPrefix("Valgprotokoll for valgstyret i Nord-Odal kommune") == true)
        #expect(document.bundle?.source.mediaType == "inode/directory")
        #expect(document.bundle?.files == 10)
        let folder = CorpusPaths.bundle("folder_nord-odal_innsyn_valgprotokoll_2023-09").path
        // The minutes came by e-mail: the PDF attached to "… IN.eml" is the minutes, the other 9 files are attached.
        #expect(document.source.path.contains("2023-09-13_151112 - IN.eml!Valgstyrets_møtebok"), "\(document.source.path)")
        let others = Set(try FileManager.default.contentsOfDirectory(atPath: folder)).filter {
            !document.source.path.contains($0 + "!")
        }
        #expect(others.count == 9)
        #expect(others.isSubset(of: Set(document.attachments.compactMap { $0.source?.fileName })))
        #expect(document.bundle?.source.sha256.count == 64)
    }

    @Test("Hostile archives: a zip that contains itself stops at the nesting limit; a gzip quine is refused")
    func recursion() async throws {
        guard case .failure(let quine) = await Self.extract("archives/tika_quine.gz") else {
            Issue.record("the quine gave a document")
            return
        }
        #expect(quine.code == .damaged || quine.code == .limitExceeded)
        let droste = await Self.extract("zip/tika_droste_recursive.zip")
        let message = switch droste {
        case .success(let document): document.warnings.joined(separator: " ")
        case .failure(let error): error.message
        }
        #expect(message.contains("nested more than 10 levels deep"), "\(message)")
    }

    @Test("An encrypted 7z is an encrypted error; an encrypted zip entry is a warning on the bundle")
    func encryption() async throws {
        guard case .failure(let error) = await Self.extract("archives/tika_full_encrypted.7z") else {
            Issue.record("the encrypted 7z gave a document")
            return
        }
        #expect(error.code == .encrypted)
        let document = try await Self.extract("zip/tika_zip_one_entry_encrypted.zip").get()
        #expect(document.warnings.contains { $0.contains("encrypted.txt") && $0.contains("encrypted") })
    }
}
