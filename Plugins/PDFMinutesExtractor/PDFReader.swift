import Foundation
import IngestCore

/// What the extractor keeps of a PDF besides its pages, read in one synchronous pass and returned as Swift values.
struct PDFReading: Sendable {
    var metadata: [String: String]
    var embeddedFiles: [PDFEmbeddedFile]
    var warnings: [String]
}

/// Opens a PDF with poppler, reads it, and turns poppler's failures into ``IngestError``s that say what to do.
enum PDFReader {
    /// Reads a PDF, handing each page to `eachPage` as soon as poppler has read it. The caller keeps what it needs
    /// (lines, text); the page's character boxes and font runs are freed before the next page is read, so they never
    /// pile up for a whole document (peak RSS on the largest corpus PDF 58 → 50 MB).
    static func read(
        _ input: ExtractionInput, password: String?, limits: ExtractionLimits, eachPage: (PDFPageContent) -> Void
    ) throws(IngestError) -> PDFReading {
        let path = input.path
        do {
            switch input.content {
            case .file:
                let size = try input.byteCount()
                guard size > 0 else { throw PopplerOpenFailure(kind: .damaged, message: "the file is empty") }
                guard size <= limits.maxFileBytes else { throw IngestError.tooLarge(path: path, bytes: size, limit: limits.maxFileBytes) }
            case .bytes(let data):
                guard !data.isEmpty else { throw PopplerOpenFailure(kind: .damaged, message: "the file is empty") }
            }
            let document = try open(input.content, password: password)
            var warnings: [String] = []
            let count = document.pageCount
            if count == 0 { warnings.append("the PDF has no pages") }
            if count > limits.maxPages {
                warnings.append("only the first \(limits.maxPages) of \(count) pages were read (page limit)")
            }
            var characters = 0
            for index in 0..<min(count, limits.maxPages) {
                guard characters < limits.maxTextCharacters else {
                    warnings.append(
                        "only the first \(index) of \(count) pages were read: they reached the text limit of "
                            + "\(limits.maxTextCharacters) characters")
                    break
                }
                if let page = document.pageContent(at: index) {
                    characters += page.boxes.count
                    eachPage(page)
                } else {
                    warnings.append("page \(index + 1) could not be read")
                }
            }
            return PDFReading(metadata: document.metadata(),
                              embeddedFiles: document.embeddedFiles(maxBytes: limits.maxFileBytes), warnings: warnings)
        } catch let failure as PopplerOpenFailure {
            throw error(for: failure, path: path, passwordGiven: password != nil)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(code: .damaged, path: path, message: "cannot read PDF (\(error))")
        }
    }

    /// Opens the document. A password that opens nothing is retried as no password: PDFs with only an owner
    /// password (empty user password) open for everyone, and one `--password` for a batch, or inherited by embedded
    /// files, must not lock those out.
    private static func open(_ content: ExtractionInput.Content, password: String?) throws(PopplerOpenFailure)
        -> PopplerDocument
    {
        func attempt(_ password: String?) throws(PopplerOpenFailure) -> PopplerDocument {
            switch content {
            case .file(let url): return try PopplerDocument(fileURL: url, password: password)
            case .bytes(let data): return try PopplerDocument(data: data, password: password)
            }
        }
        do {
            return try attempt(password)
        } catch {
            guard error.kind == .encrypted, let password else { throw error }
            // AES-256 (revision 6) passwords are compared after SASLprep, which poppler does not apply.
            let prepared = saslPrepared(password)
            if prepared != password, let document = try? attempt(prepared) { return document }
            // An owner-only PDF (empty user password) opens for everyone, whatever password was given.
            guard let document = try? attempt(nil) else { throw error }
            return document
        }
    }

    /// The password as SASLprep (RFC 4013) prepares it, as far as text goes: characters commonly mapped to nothing
    /// (soft hyphen, zero-width spaces) removed, other spaces made plain spaces, then NFKC ("ª" → "a").
    static func saslPrepared(_ password: String) -> String {
        var mapped = String.UnicodeScalarView()
        for scalar in password.unicodeScalars {
            switch scalar.value {
            case 0x00AD, 0x034F, 0x1806, 0x180B...0x180D, 0x200B...0x200D, 0x2060, 0xFE00...0xFE0F, 0xFEFF: continue
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: mapped.append(" ")
            default: mapped.append(scalar)
            }
        }
        return String(mapped).precomposedStringWithCompatibilityMapping
    }

    private static func error(for failure: PopplerOpenFailure, path: String, passwordGiven: Bool) -> IngestError {
        switch failure.kind {
        case .encrypted:
            return passwordGiven
                ? IngestError(code: .encrypted, path: path, message: "encrypted, and the password given is wrong",
                              advice: "check the password passed with --password")
                : IngestError(code: .encrypted, path: path, message: "encrypted",
                              advice: "pass --password to open it")
        case .missingFile:
            return .fileNotFound(path: path)
        case .damaged, .other:
            return IngestError(code: .damaged, path: path, message: "damaged or not a PDF (poppler: \(failure.message))",
                               advice: "check that the file was copied completely; try opening it in a PDF viewer")
        }
    }
}
