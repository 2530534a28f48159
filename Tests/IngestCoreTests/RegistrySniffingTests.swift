import Foundation
import IngestCore
import Testing

// MARK: - Fixtures

/// A fixture the tests need is not where it should be.
private struct MissingCorpus: Error, CustomStringConvertible {
    let path: String
    var description: String {
        "missing test corpus at \(path): these tests read the shared corpus (../shared/corpus beside the repo)"
    }
}

/// The shared corpus: `../shared/corpus` relative to the repository root, three levels up from this file.
private enum Corpus {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus").standardizedFileURL

    /// A corpus file, which must exist.
    static func url(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingCorpus(path: url.path) }
        return url
    }

    /// The rows of `MANIFEST.tsv`: relative path and kind.
    static func manifest() throws -> [(path: String, kind: String)] {
        let text = try String(contentsOf: try url("MANIFEST.tsv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count > 5 else { return nil }
            return (String(columns[0]), String(columns[5]))
        }
    }
}

/// A fresh folder under the temporary directory.
private struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "IngestCoreTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], named name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A test double: reads its types by content and records that it was chosen.
private struct FakeExtractor: Extractor {
    let identifier: String
    let version = "0.0.1"
    var summary: String { "fake \(identifier) extractor" }
    let fileTypes: [FileType]
    let fileExtensions: [String]
    /// When set, replaces the default judgement.
    var fixedConfidence: ExtractionConfidence?? = .none

    func confidence(for input: SniffedInput) -> ExtractionConfidence? {
        if let fixedConfidence { return fixedConfidence }
        // Like the plain-text extractor: content only, never `application/octet-stream` by its name.
        return fileTypes.contains(input.detectedType) ? .content : nil
    }

    func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument {
        MinutesDocument(source: input.source, extractor: info)
    }
}

/// Uses the protocol's default `confidence(for:)`.
private struct DefaultJudgementExtractor: Extractor {
    let identifier = "default"
    let version = "0.0.1"
    let summary = "default judgement"
    let fileTypes: [FileType] = [FileType(mediaType: "text/markdown")]
    let fileExtensions = ["md", "txt"]

    func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument {
        MinutesDocument(source: input.source, extractor: info)
    }
}

private let fakeText = FakeExtractor(identifier: "text", fileTypes: [.plainText], fileExtensions: ["txt"])
private let fakePDF = FakeExtractor(identifier: "pdf", fileTypes: [.pdf], fileExtensions: ["pdf"])

private func utf8Bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

// MARK: - Sniffing

/// One sniffing case: bytes, a file extension and what the sniffer must say.
struct SniffCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var fileExtension = "txt"
    let type: FileType
    var hint: TextEncodingHint = .none

    var testDescription: String { name }

    static let tarHeader: [UInt8] = {
        var header = [UInt8](repeating: 0, count: 512)
        header.replaceSubrange(0..<8, with: utf8Bytes("referat\u{0}"))
        header.replaceSubrange(257..<263, with: utf8Bytes("ustar\u{0}"))
        return header
    }()

    static let emailHeaders = """
        Return-Path: <post@politiet.no>\r
        Received: from mx.example.no (mx.example.no [192.0.2.1])\r
        \tby mail.example.no; Mon, 14 Apr 2025 12:16:03 +0000\r
        From: =?iso-8859-1?Q?Postmottak_M=F8re?= <post@politiet.no>\r
        To: innsyn@example.no\r
        Subject: Referat fra politiradet\r
        Date: Mon, 14 Apr 2025 12:16:03 +0000\r
        Message-ID: <276fa9b4@politiet.no>\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Hei, her er referatet.\r

        """

    static let all: [SniffCase] = [
        SniffCase(name: "PDF", bytes: utf8Bytes("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj"), type: .pdf),
        SniffCase(
            name: "PDF after leading junk", bytes: utf8Bytes("\r\n\r\n%PDF-1.4\n"), fileExtension: "pdf", type: .pdf),
        SniffCase(name: "zip", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], type: .zip),
        SniffCase(name: "empty zip", bytes: [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18), type: .zip),
        SniffCase(name: "gzip", bytes: [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00], type: .gzip),
        SniffCase(name: "7z", bytes: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04], type: .sevenZip),
        SniffCase(name: "ustar tar", bytes: tarHeader, type: .tar),
        SniffCase(name: "JPEG", bytes: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + utf8Bytes("JFIF"), type: .jpeg),
        SniffCase(name: "PNG", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], type: .png),
        SniffCase(
            name: "UTF-8 BOM text", bytes: [0xEF, 0xBB, 0xBF] + utf8Bytes("Referat\n"), type: .plainText,
            hint: .utf8BOM),
        SniffCase(
            name: "UTF-8 BOM e-mail", bytes: [0xEF, 0xBB, 0xBF] + utf8Bytes(emailHeaders), type: .email,
            hint: .utf8BOM),
        SniffCase(
            name: "UTF-16LE BOM", bytes: [0xFF, 0xFE, 0x52, 0x00, 0x65, 0x00], type: .plainText,
            hint: .utf16LittleEndianBOM),
        SniffCase(
            name: "UTF-16BE BOM", bytes: [0xFE, 0xFF, 0x00, 0x52, 0x00, 0x65], type: .plainText,
            hint: .utf16BigEndianBOM),
        SniffCase(
            name: "binary with NULs", bytes: utf8Bytes("Referat") + [0x00, 0x01, 0x02] + utf8Bytes("slutt"),
            type: .binary),
        SniffCase(
            name: "many control bytes", bytes: utf8Bytes("ab") + [0x01, 0x02, 0x03, 0x1B] + utf8Bytes("cd"),
            type: .binary),
        SniffCase(
            name: "RFC 5322 header block (CRLF)", bytes: utf8Bytes(emailHeaders), fileExtension: "eml", type: .email),
        SniffCase(
            name: "RFC 5322 header block (LF)", bytes: utf8Bytes(emailHeaders.replacingOccurrences(of: "\r", with: "")),
            type: .email),
        SniffCase(
            name: "headers without a date, subject or id", bytes: utf8Bytes("From: a@b.no\nTo: c@d.no\n\nHei\n"),
            type: .plainText),
        SniffCase(
            name: "minutes with a colon line", bytes: utf8Bytes("Referat\nFra: Politirådet\nDato: 3. juni\n"),
            type: .plainText),
        SniffCase(
            name: "plain text", bytes: utf8Bytes("Referat fra møte i Politirådet\n\n1. Dagsorden godkjent\n"),
            type: .plainText),
        SniffCase(
            name: "Windows-1252 text", bytes: utf8Bytes("Kj") + [0xE6] + utf8Bytes("re ") + [0x93, 0x41, 0x94],
            type: .plainText),
        SniffCase(name: "tabs and form feeds", bytes: utf8Bytes("Side 1\tA\n\u{0C}Side 2\r\n"), type: .plainText),
        SniffCase(name: "empty", bytes: [], type: .empty),
    ]
}

@Suite("FileTypeSniffer")
struct FileTypeSnifferTests {
    @Test("Detects the type from the bytes", arguments: SniffCase.all)
    func sniff(_ sniffCase: SniffCase) {
        let result = FileTypeSniffer.sniff(prefix: Data(sniffCase.bytes), fileExtension: sniffCase.fileExtension)
        #expect(result.type == sniffCase.type)
        #expect(result.encodingHint == sniffCase.hint)
    }

    @Test("Signatures win over the extension", arguments: ["txt", "pdf", "eml", ""])
    func extensionIgnoredForSignatures(fileExtension: String) {
        #expect(FileTypeSniffer.sniff(prefix: Data(utf8Bytes("%PDF-1.7\n")), fileExtension: fileExtension).type == .pdf)
        #expect(FileTypeSniffer.sniff(prefix: Data([0x1F, 0x8B, 0x08]), fileExtension: fileExtension).type == .gzip)
    }

    @Test("A header block longer than the sniffed prefix is still an e-mail")
    func longHeaderBlock() {
        var text = "Return-Path: <a@b.no>\r\nSubject: Referat\r\n"
        while text.utf8.count < FileTypeSniffer.prefixLength * 2 {
            text += "Received: from relay.example.no by mx.example.no; Mon, 14 Apr 2025 12:16:03 +0000\r\n"
        }
        let prefix = Data(text.utf8.prefix(FileTypeSniffer.prefixLength))
        #expect(FileTypeSniffer.sniff(prefix: prefix, fileExtension: "eml").type == .email)
    }
}

@Suite("FileTypeSniffer on the shared corpus")
struct CorpusSniffingTests {
    /// Files whose content does not match their kind, and why.
    static let exceptions: [String: FileType] = [
        // No %PDF- header in the first 1024 bytes: junk named .pdf.
        "pdf/broken/qpdf_bad1_5bytes.pdf": .plainText,
        "pdf/broken/qpdf_issue141a.pdf": .plainText,
        "pdf/broken/qpdf_issue335b_23bytes.pdf": .plainText,
        // A later segment of a split zip: no local header at the start.
        "bundles/zip/tika_spanned_split_archive.zip": .binary,
        // mbox "From " separator line before the headers: an mbox, not a bare RFC 5322 message.
        "bundles/eml/tika_email_png_attachment.eml": .plainText,
        "bundles/eml/unstructured_no_utf8_2008.eml": .plainText,
        // 13 bytes of whitespace.
        "bundles/eml/unstructured_empty.eml": .plainText,
        // UTF-16LE without a byte order mark: NUL bytes.
        "bundles/eml/unstructured_utf16le.eml": .binary,
    ]

    static func expectedType(path: String, kind: String) -> FileType? {
        if let exception = exceptions[path] { return exception }
        if kind.hasPrefix("pdf-") || kind.hasSuffix("-pdf") { return .pdf }
        if kind.hasPrefix("bundle-zip") || kind == "bundle-office" { return .zip }
        if kind == "bundle-eml" || kind == "bundle-folder-eml" { return .email }
        if kind.hasPrefix("bundle-archive") {
            if path.hasSuffix(".tar") { return .tar }
            if path.hasSuffix(".7z") { return .sevenZip }
            if path.hasSuffix(".gz") || path.hasSuffix(".tgz") { return .gzip }
        }
        if kind == "minutes-text" || kind == "bundle-folder-meta" { return .plainText }
        return nil
    }

    @Test("Every PDF, zip, Office file, archive, e-mail and text minutes file is detected by its content")
    func manifest() throws {
        let rows = try Corpus.manifest()
        try #require(rows.count > 200, "MANIFEST.tsv lists \(rows.count) files")
        var checked = 0
        for row in rows {
            guard let expected = Self.expectedType(path: row.path, kind: row.kind) else { continue }
            let url = try Corpus.url(row.path)
            let prefix = try ExtractionInput(fileURL: url).readPrefix(FileTypeSniffer.prefixLength)
            // The extension is wrong on purpose: detection must not depend on it.
            let result = FileTypeSniffer.sniff(prefix: prefix, fileExtension: "txt")
            #expect(result.type == expected, "\(row.path) (\(row.kind))")
            checked += 1
        }
        #expect(checked > 180)
    }

    @Test(
        "Text files in the corpus",
        arguments: [
            ("text/drocer_pdf_disguised_as_txt.txt", FileType.pdf, TextEncodingHint.none),
            ("text/unstructured_empty.txt", .empty, .none),
            ("text/unstructured_utf16_bom.txt", .plainText, .utf16LittleEndianBOM),
            ("text/unstructured_utf16le.txt", .binary, .none),
            ("text/unstructured_utf16be.txt", .binary, .none),
            ("text/tika_windows-1252.txt", .plainText, .none),
            ("text/nord-odal_innsyn_request_body_iso-8859-1.txt", .plainText, .none),
            ("text/unstructured_udhr_article1_all_languages.txt", .plainText, .none),
        ])
    func textFiles(path: String, type: FileType, hint: TextEncodingHint) throws {
        let prefix = try ExtractionInput(fileURL: try Corpus.url(path)).readPrefix(FileTypeSniffer.prefixLength)
        let result = FileTypeSniffer.sniff(prefix: prefix, fileExtension: "txt")
        #expect(result.type == type)
        #expect(result.encodingHint == hint)
    }
}

// MARK: - Registry

@Suite("ExtractorRegistry")
struct ExtractorRegistryTests {
    @Test("Describes the source: path, name, type, size and SHA-256")
    func sniffDescribesSource() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(utf8Bytes("abc"), named: "abc.txt")
        let registry = ExtractorRegistry(extractors: [fakeText])

        let sniffed = try registry.sniff(ExtractionInput(fileURL: file))

        #expect(sniffed.detectedType == .plainText)
        #expect(sniffed.source.path == file.path)
        #expect(sniffed.source.fileName == "abc.txt")
        #expect(sniffed.source.mediaType == "text/plain")
        #expect(sniffed.source.bytes == 3)
        // printf abc | sha256sum
        #expect(sniffed.source.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let inMemory = try registry.sniff(ExtractionInput(data: Data(utf8Bytes("abc")), path: "a.zip!abc.txt"))
        #expect(inMemory.source.sha256 == sniffed.source.sha256)
        #expect(inMemory.source.fileName == "abc.txt")
    }

    @Test("File names: the last path component; for bytes in memory, of the member after the last '!'")
    func fileNames() {
        let onDisk = ExtractionInput(fileURL: URL(fileURLWithPath: "/tmp/møter/Viktig!.txt"))
        #expect(onDisk.fileName == "Viktig!.txt")
        #expect(onDisk.fileExtension == "txt")
        let member = ExtractionInput(data: Data(), path: "innsyn/bundle.zip!Vedlegg 1.PDF")
        #expect(member.fileName == "Vedlegg 1.PDF")
        #expect(member.fileExtension == "pdf")
        #expect(ExtractionInput(data: Data(), path: "a.zip!b.tar!dir/c.txt").fileName == "c.txt")
        #expect(ExtractionInput(data: Data(), path: "README").fileExtension == "")
        #expect(ExtractionInput(data: Data(), path: ".profile").fileExtension == "")
    }

    @Test("An empty file is an empty-file error, forced or not")
    func emptyFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write([], named: "tom.txt")
        let registry = ExtractorRegistry(extractors: [fakeText, fakePDF])
        for forced in [nil, "text"] {
            let error = await #expect(throws: IngestError.self) {
                try await registry.extract(ExtractionInput(fileURL: file), forcing: forced)
            }
            #expect(error?.code == .emptyFile)
            #expect(error?.path == file.path)
        }
    }

    @Test("A binary blob named .txt is unsupported; the error names its type and the extractors")
    func binaryNamedTxt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write([0x00, 0x01, 0x02, 0xFF, 0x00, 0x7F] + utf8Bytes("Referat"), named: "referat.txt")
        let registry = ExtractorRegistry(extractors: [fakeText, fakePDF])

        let error = await #expect(throws: IngestError.self) {
            try await registry.extract(ExtractionInput(fileURL: file))
        }

        #expect(error?.code == .unsupportedType)
        #expect(error?.message.contains("application/octet-stream") == true)
        #expect(error?.advice?.contains("text") == true)
        #expect(error?.advice?.contains("pdf") == true)
        #expect(error?.advice?.contains("--extractor") == true)
    }

    @Test("A PDF named .txt goes to the PDF extractor when one is registered")
    func pdfNamedTxtWithPDFExtractor() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(utf8Bytes("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n<<>>\nendobj\n"), named: "referat.txt")
        let registry = ExtractorRegistry(extractors: [fakeText, fakePDF])

        let sniffed = try registry.sniff(ExtractionInput(fileURL: file))
        #expect(sniffed.detectedType == .pdf)
        #expect(try registry.choose(for: sniffed).identifier == "pdf")
        let document = try await registry.extract(ExtractionInput(fileURL: file))
        #expect(document.extractor.name == "pdf")
        #expect(document.source.mediaType == "application/pdf")
    }

    @Test("A PDF named .txt is unsupported when only the text extractor is registered")
    func pdfNamedTxtWithoutPDFExtractor() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(utf8Bytes("%PDF-1.7\n...\n"), named: "referat.txt")
        let registry = ExtractorRegistry(extractors: [fakeText])

        let error = await #expect(throws: IngestError.self) {
            try await registry.extract(ExtractionInput(fileURL: file))
        }

        #expect(error?.code == .unsupportedType)
        #expect(error?.message.contains("application/pdf") == true)
        #expect(error?.advice?.contains("text (text/plain)") == true)
    }

    @Test("The real PDF disguised as .txt in the corpus goes to the PDF extractor")
    func corpusPDFNamedTxt() async throws {
        let url = try Corpus.url("text/drocer_pdf_disguised_as_txt.txt")
        let registry = ExtractorRegistry(extractors: [fakeText, fakePDF])
        let document = try await registry.extract(ExtractionInput(fileURL: url))
        #expect(document.extractor.name == "pdf")
        #expect(document.source.mediaType == "application/pdf")
        #expect(document.source.bytes == 2_821_857)
    }

    @Test(
        "Real corpus files go to the extractor for their content, whatever their name",
        arguments: [
            ("minutes/no/online_genfors_2019_signert.pdf", "pdf"),
            (
                "bundles/folder_nord-odal_innsyn_2023-08/2023-08-15_151800 - IN - att 1-d3a55987291bfe0ed093fd0d7c81bdb8.pdf",
                "pdf"
            ),
            ("bundles/eml/nord-odal_2023-09-13_innsyn_reply_with_motebok.eml", "email"),
            ("bundles/eml/tika_i18n_headers.eml", "email"),
            ("bundles/zip/unstructured_simple.zip", "archive"),
            ("bundles/office/tika_docx_embedded_pdf.docx", "archive"),
            ("text/tika_windows-1252.txt", "text"),
        ])
    func corpusRouting(path: String, identifier: String) async throws {
        let registry = ExtractorRegistry(extractors: [
            fakeText, fakePDF,
            FakeExtractor(identifier: "email", fileTypes: [.email], fileExtensions: ["eml"]),
            FakeExtractor(identifier: "archive", fileTypes: [.zip, .tar, .gzip, .sevenZip], fileExtensions: ["zip"]),
        ])
        let sniffed = try registry.sniff(ExtractionInput(fileURL: try Corpus.url(path)))
        #expect(try registry.choose(for: sniffed).identifier == identifier)
    }

    @Test("--extractor forces an extractor by identifier")
    func forcing() async throws {
        let registry = ExtractorRegistry(extractors: [fakeText, fakePDF])
        let input = ExtractionInput(data: Data(utf8Bytes("Referat\n")), path: "referat.txt")
        let sniffed = try registry.sniff(input)
        #expect(try registry.choose(for: sniffed).identifier == "text")
        #expect(try registry.choose(for: sniffed, forcing: "pdf").identifier == "pdf")
        let document = try await registry.extract(input, forcing: "pdf")
        #expect(document.extractor.name == "pdf")
        #expect(document.source.mediaType == "text/plain")
    }

    @Test("An unknown --extractor is an error listing the identifiers")
    func unknownExtractor() async throws {
        let registry = ExtractorRegistry(extractors: [fakeText, fakePDF])
        let input = ExtractionInput(data: Data(utf8Bytes("Referat\n")), path: "referat.txt")
        let error = await #expect(throws: IngestError.self) { try await registry.extract(input, forcing: "word") }
        #expect(error?.code == .unknownExtractor)
        #expect(error?.message.contains("'word'") == true)
        #expect(error?.advice == "choose one of: text, pdf")
    }

    @Test("A missing file is a file-not-found error")
    func missingFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("finnes-ikke.txt")
        let registry = ExtractorRegistry(extractors: [fakeText])
        let error = await #expect(throws: IngestError.self) {
            try await registry.extract(ExtractionInput(fileURL: missing))
        }
        #expect(error?.code == .fileNotFound)
        #expect(error?.path == missing.path)
        #expect(throws: IngestError.fileNotFound(path: missing.path)) {
            try registry.sniff(ExtractionInput(fileURL: missing))
        }
    }

    @Test("A file over the size limit is a limit-exceeded error")
    func tooLarge() throws {
        let registry = ExtractorRegistry(extractors: [fakeText])
        let input = ExtractionInput(data: Data(utf8Bytes("Referat fra møtet\n")), path: "stor.txt")
        let error = #expect(throws: IngestError.self) {
            try registry.sniff(input, limits: ExtractionLimits(maxFileBytes: 4))
        }
        #expect(error?.code == .limitExceeded)
    }

    @Test("The most confident extractor wins; equal confidence goes to the earlier one")
    func confidenceOrder() throws {
        let first = FakeExtractor(identifier: "first", fileTypes: [.plainText], fileExtensions: [])
        let second = FakeExtractor(identifier: "second", fileTypes: [.plainText], fileExtensions: [])
        let sure = FakeExtractor(identifier: "sure", fileTypes: [], fileExtensions: [], fixedConfidence: .certain)
        let input = ExtractionInput(data: Data(utf8Bytes("Referat\n")), path: "referat.txt")
        let sniffed = try ExtractorRegistry(extractors: []).sniff(input)
        #expect(try ExtractorRegistry(extractors: [first, second]).choose(for: sniffed).identifier == "first")
        #expect(try ExtractorRegistry(extractors: [second, first]).choose(for: sniffed).identifier == "second")
        #expect(try ExtractorRegistry(extractors: [first, sure, second]).choose(for: sniffed).identifier == "sure")
        #expect(ExtractorRegistry(extractors: [first, second]).extractor(identifier: "second")?.identifier == "second")
        #expect(ExtractorRegistry(extractors: [first]).extractor(identifier: "third") == nil)
    }

    @Test("The default judgement: content first, extension only for text without a signature")
    func defaultConfidence() throws {
        let registry = ExtractorRegistry(extractors: [])
        let extractor = DefaultJudgementExtractor()
        func judge(_ bytes: [UInt8], _ name: String) throws -> ExtractionConfidence? {
            extractor.confidence(for: try registry.sniff(ExtractionInput(data: Data(bytes), path: name)))
        }
        #expect(try judge(utf8Bytes("# Referat\n"), "referat.md") == .fileExtension)
        #expect(try judge(utf8Bytes("# Referat\n"), "referat.markdown") == nil)
        // Bytes of no known type are never taken by extension alone: a binary blob named .txt is refused.
        #expect(try judge([0x00, 0x01, 0x02], "referat.txt") == nil)
        #expect(try judge(utf8Bytes("%PDF-1.7\n"), "referat.md") == nil)
        #expect(try judge([0x50, 0x4B, 0x03, 0x04], "referat.txt") == nil)
    }
}
