import Foundation
import IngestCore
import PlainTextExtractor
import Testing

/// The warnings the minutes parser adds for a text; they follow the extractor's own.
func parserWarnings(_ text: String) -> [String] { MinutesParser().parse(text: text).warnings }

@Suite("PlainTextExtractor end to end")
struct PlainTextExtractorTests {
    let registry = ExtractorRegistry(extractors: [PlainTextExtractor()])

    func extract(_ url: URL, forcing identifier: String? = nil, limits: ExtractionLimits = ExtractionLimits())
        async throws(IngestError) -> MinutesDocument
    {
        let context = ExtractionContext(registry: registry, limits: limits)
        return try await registry.extract(ExtractionInput(fileURL: url), context: context, forcing: identifier)
    }

    @Test("The seed, re-encoded, extracts with its encoding, size and SHA-256", arguments: SeedEncoding.all)
    func seedFile(_ encoding: SeedEncoding) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let original = encoding.prepare(try TextDecoderTests.seedText())
        let data = try #require(encoding.encode(original))
        let file = try folder.write(data, named: "politiradet-oslo-referat.txt")

        let document = try await extract(file)

        #expect(document.source.mediaType == "text/plain")
        #expect(document.source.bytes == data.count)
        #expect(document.source.sha256 == (try sha256sum(of: file)))
        #expect(document.source.fileName == "politiradet-oslo-referat.txt")
        #expect(document.source.path == file.path)
        #expect(document.extractor == ExtractorInfo(name: "plain-text", version: PlainTextExtractor().version))
        #expect(document.properties["encoding"] == encoding.expectedEncoding.rawValue)
        #expect(document.properties["lineEndings"] == encoding.expectedLineEnding.rawValue)
        let guessed = "decoded as \(encoding.expectedEncoding.displayName) (no byte order mark, not valid UTF-8)"
        let isGuess = encoding.expectedEncoding == .windows1252 || encoding.expectedEncoding == .isoLatin1
        #expect(document.warnings.contains(guessed) == isGuess)
        // The parser got exactly the original text, with LF line endings.
        let expected = MinutesDocument(
            source: document.source, extractor: document.extractor, structure: MinutesParser().parse(text: original),
            properties: document.properties, warnings: isGuess ? [guessed] : [])
        #expect(document == expected)
    }

    @Test("A fixed CRLF text: known SHA-256, size and encoding")
    func fixedText() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = Data("Referat\r\nMøte i rådet\r\n".utf8)
        let file = try folder.write(data, named: "fast.txt")

        let document = try await extract(file)

        // printf 'Referat\r\nMøte i rådet\r\n' | sha256sum
        #expect(document.source.sha256 == "ff6b676a94c21b72e187554346287c82b0b6bebc5c5884b65f22e08dd741dbce")
        #expect(document.source.bytes == 25)
        #expect(document.source.bytes == data.count)
        #expect(document.properties == ["encoding": "utf-8", "lineEndings": "crlf"])
        #expect(document.warnings == parserWarnings("Referat\nMøte i rådet\n"))
    }

    @Test(
        "A lone-CR Windows-1252 file with smart quotes works end to end, whatever its extension",
        arguments: ["referat.txt", "referat.md", "REFERAT", "referat.csv"])
    func loneCRWindows1252(fileName: String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "Referat \u{201C}Politirådet\u{201D}\r1. Sak \u{2013} budsjett \u{20AC}5\r\rSlutt\r"
        let data = try #require(text.data(using: .windowsCP1252))
        let file = try folder.write(data, named: fileName)

        let document = try await extract(file)

        #expect(document.source.mediaType == "text/plain")
        #expect(document.properties["encoding"] == "windows-1252")
        #expect(document.properties["lineEndings"] == "cr")
        #expect(document.warnings.contains("decoded as Windows-1252 (no byte order mark, not valid UTF-8)"))
        let decoded = try TextDecoder.decode(data, hint: .none)
        #expect(
            MinutesParser.lines(of: LineEnding.normalize(decoded.text).text).map(\.text)
                == ["Referat “Politirådet”", "1. Sak – budsjett €5", "", "Slutt", ""])
    }

    @Test("Bytes in memory extract like a file")
    func bytesInMemory() async throws {
        let data = Data("Referat\rSak 1\r".utf8)
        let document = try await registry.extract(ExtractionInput(data: data, path: "bundle.zip!referat.txt"))
        #expect(document.source.path == "bundle.zip!referat.txt")
        #expect(document.source.fileName == "referat.txt")
        #expect(document.source.bytes == data.count)
        #expect(document.source.mediaType == "text/plain")
        #expect(document.properties["lineEndings"] == "cr")
    }

    @Test("Only empty lines (unstructured_all_whitespace.txt)")
    func onlyEmptyLines() async throws {
        let document = try await extract(try SharedFiles.corpusURL("text/unstructured_all_whitespace.txt"))
        #expect(document.source.bytes == 3)
        #expect(document.properties == ["encoding": "utf-8", "lineEndings": "lf"])
        #expect(document.warnings == parserWarnings("\n\n\n"))
    }

    @Test("UTF-16 with an odd number of bytes is an undecodable-text error with advice")
    func undecodable() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(Data([0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00, 0x43]), named: "kuttet.txt")

        let error = await #expect(throws: IngestError.self) { try await extract(file) }

        #expect(error?.code == .undecodableText)
        #expect(error?.path == file.path)
        #expect(error?.message.contains("UTF-16LE") == true)
        #expect(error?.advice?.isEmpty == false)
    }

    @Test("An empty file is an empty-file error, forced or not")
    func emptyFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(Data(), named: "tom.txt")
        for forced in [nil, "plain-text"] {
            let error = await #expect(throws: IngestError.self) { try await extract(file, forcing: forced) }
            #expect(error?.code == .emptyFile)
        }
    }

    @Test("Too much text is truncated to the character limit, with a warning")
    func textLimit() async throws {
        let data = Data("Referat\nMøte i rådet\n".utf8)
        let context = ExtractionContext(registry: registry, limits: ExtractionLimits(maxTextCharacters: 10))
        let document = try await registry.extract(ExtractionInput(data: data, path: "lang.txt"), context: context)
        #expect(document.warnings == ["text truncated to the limit of 10 characters"] + parserWarnings("Referat\nMø"))
    }

    @Test("An e-mail is read as text until an e-mail extractor exists, with a warning")
    func emailFallback() async throws {
        let email =
            "From: Politirådet <post@example.no>\r\nSubject: Referat\r\nDate: Tue, 3 Jun 2025 10:00:00 +0200\r\n"
            + "\r\nReferat fra møtet.\r\n"
        let document = try await registry.extract(ExtractionInput(data: Data(email.utf8), path: "referat.eml"))
        #expect(document.source.mediaType == "message/rfc822")
        #expect(document.extractor.name == "plain-text")
        #expect(document.properties["lineEndings"] == "crlf")
        #expect(document.warnings.contains { $0.hasPrefix("message/rfc822 content read as plain text") })
    }

    @Test("UTF-16 without a byte order mark looks binary and is refused (unstructured_utf16le.txt)")
    func utf16WithoutMark() async throws {
        let url = try SharedFiles.corpusURL("text/unstructured_utf16le.txt")
        let error = await #expect(throws: IngestError.self) { try await extract(url) }
        #expect(error?.code == .unsupportedType)
        #expect(error?.message.contains("application/octet-stream") == true)
        #expect(error?.advice?.contains("plain-text") == true)
    }

    @Test("Forcing plain-text on binary content reads it, with a warning")
    func forcedBinary() async throws {
        let data = Data("Referat\u{0}\u{1}\u{2}".utf8)
        let input = ExtractionInput(data: data, path: "rar.bin")
        let document = try await registry.extract(input, forcing: "plain-text")
        #expect(document.source.mediaType == "application/octet-stream")
        #expect(document.warnings.contains { $0.hasPrefix("the content looks binary") })
    }

    @Test("A PDF named .txt is refused, and forcing plain-text on it is a mismatch (drocer_pdf_disguised_as_txt.txt)")
    func pdfNamedTxt() async throws {
        let url = try SharedFiles.corpusURL("text/drocer_pdf_disguised_as_txt.txt")
        let refused = await #expect(throws: IngestError.self) { try await extract(url) }
        #expect(refused?.code == .unsupportedType)
        #expect(refused?.message.contains("application/pdf") == true)

        let forced = await #expect(throws: IngestError.self) { try await extract(url, forcing: "plain-text") }
        #expect(forced?.code == .extractorMismatch)
        #expect(forced?.message.contains("application/pdf") == true)
    }
}

@Suite("PlainTextExtractor confidence")
struct PlainTextExtractorConfidenceTests {
    func sniffed(_ type: FileType, fileName: String) -> SniffedInput {
        let input = ExtractionInput(data: Data("x".utf8), path: fileName)
        let source = SourceInfo(path: fileName, fileName: fileName, mediaType: type.mediaType, bytes: 1, sha256: "")
        return SniffedInput(input: input, detectedType: type, encodingHint: .none, source: source)
    }

    @Test("Plain text by content, with any extension", arguments: ["a.txt", "a.md", "a", "a.pdf", "a.text"])
    func plainText(fileName: String) {
        #expect(PlainTextExtractor().confidence(for: sniffed(.plainText, fileName: fileName)) == .content)
    }

    @Test("E-mail only at file-extension rank", arguments: ["a.eml", "a.txt", "a"])
    func email(fileName: String) {
        #expect(PlainTextExtractor().confidence(for: sniffed(.email, fileName: fileName)) == .fileExtension)
    }

    @Test(
        "Never binary or typed content, even named .txt",
        arguments: [FileType.binary, .pdf, .zip, .gzip, .tar, .sevenZip, .jpeg, .png, .empty, .folder])
    func refused(type: FileType) {
        #expect(PlainTextExtractor().confidence(for: sniffed(type, fileName: "a.txt")) == nil)
    }
}
