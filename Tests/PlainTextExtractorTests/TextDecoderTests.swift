import Foundation
import IngestCore
import PlainTextExtractor
import Testing

/// The seed minutes re-encoded in every encoding and line-ending style the extractor reads.
struct SeedEncoding: Sendable, CustomTestStringConvertible {
    let name: String
    let expectedEncoding: TextEncoding
    let expectedLineEnding: LineEnding
    let expectedHint: TextEncodingHint
    /// What the original must look like to survive the encoding (characters it lacks replaced).
    let prepare: @Sendable (String) -> String
    /// The file's bytes.
    let encode: @Sendable (String) -> Data?

    var testDescription: String { name }

    /// U+202F (narrow no-break space) is in neither Windows-1252 nor ISO-8859-1.
    static func withoutNarrowNoBreakSpace(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{202F}", with: " ")
    }

    static let all: [SeedEncoding] = [
        SeedEncoding(
            name: "UTF-8, LF", expectedEncoding: .utf8, expectedLineEnding: .lf, expectedHint: .none,
            prepare: { $0 }, encode: { Data($0.utf8) }),
        SeedEncoding(
            name: "UTF-8 with BOM, LF", expectedEncoding: .utf8, expectedLineEnding: .lf, expectedHint: .utf8BOM,
            prepare: { $0 }, encode: { Data([0xEF, 0xBB, 0xBF]) + Data($0.utf8) }),
        SeedEncoding(
            name: "UTF-16LE with BOM, LF", expectedEncoding: .utf16LittleEndian, expectedLineEnding: .lf,
            expectedHint: .utf16LittleEndianBOM, prepare: { $0 },
            encode: { $0.data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 } }),
        SeedEncoding(
            name: "UTF-16BE with BOM, CRLF", expectedEncoding: .utf16BigEndian, expectedLineEnding: .crlf,
            expectedHint: .utf16BigEndianBOM, prepare: { $0 },
            encode: {
                $0.replacingOccurrences(of: "\n", with: "\r\n").data(using: .utf16BigEndian).map {
                    Data([0xFE, 0xFF]) + $0
                }
            }),
        SeedEncoding(
            name: "Windows-1252, CRLF", expectedEncoding: .windows1252, expectedLineEnding: .crlf, expectedHint: .none,
            prepare: withoutNarrowNoBreakSpace,
            encode: { $0.replacingOccurrences(of: "\n", with: "\r\n").data(using: .windowsCP1252) }),
        SeedEncoding(
            name: "ISO-8859-1, CR", expectedEncoding: .isoLatin1, expectedLineEnding: .cr, expectedHint: .none,
            prepare: { withoutNarrowNoBreakSpace($0).replacingOccurrences(of: "\u{2013}", with: "-") },
            encode: { $0.replacingOccurrences(of: "\n", with: "\r").data(using: .isoLatin1) }),
    ]
}

@Suite("TextDecoder")
struct TextDecoderTests {
    static func seedText() throws -> String {
        let data = try Data(contentsOf: try SharedFiles.seedURL())
        return try #require(String(data: data, encoding: .utf8), "the seed is UTF-8")
    }

    static func sniffAndDecode(_ data: Data) throws -> (hint: TextEncodingHint, decoded: DecodedText) {
        let sniffed = FileTypeSniffer.sniff(prefix: data.prefix(FileTypeSniffer.prefixLength), fileExtension: "txt")
        #expect(sniffed.type == .plainText)
        return (sniffed.encodingHint, try TextDecoder.decode(data, hint: sniffed.encodingHint))
    }

    @Test("The seed is what the re-encoding tests assume")
    func seedHasTheCharactersUnderTest() throws {
        let seed = try Self.seedText()
        #expect(seed.contains("Politirådsavtale"))
        #expect(seed.contains("én-til-én"))
        #expect(seed.contains("\u{2013}"))
        #expect(seed.contains("\u{202F}"))
        #expect(!seed.contains("\r"))
    }

    @Test("The seed decodes back to the original", arguments: SeedEncoding.all)
    func seedRoundTrip(_ encoding: SeedEncoding) throws {
        let original = encoding.prepare(try Self.seedText())
        let data = try #require(encoding.encode(original), "the seed must be representable in \(encoding.name)")
        let (hint, decoded) = try Self.sniffAndDecode(data)
        #expect(hint == encoding.expectedHint)
        #expect(decoded.encoding == encoding.expectedEncoding)
        #expect(decoded.text.withLFLineEndings == original)
        #expect(decoded.text.contains("Politirådsavtale"))
        #expect(decoded.text.contains("én-til-én"))
        #expect(!decoded.text.contains("\u{FEFF}"), "the byte order mark is not part of the text")
        switch encoding.expectedEncoding {
        case .windows1252, .isoLatin1:
            let name = encoding.expectedEncoding.displayName
            #expect(decoded.warnings == ["decoded as \(name) (no byte order mark, not valid UTF-8)"])
        default:
            #expect(decoded.warnings.isEmpty)
        }
        let normalized = LineEnding.normalize(decoded.text)
        #expect(normalized.lineEnding == encoding.expectedLineEnding)
        #expect(normalized.text == original)
        #expect(MinutesParser.lines(of: decoded.text).map(\.text) == MinutesParser.lines(of: original).map(\.text))
    }

    @Test("Windows-1252 smart quotes, euro sign and dashes")
    func windows1252Punctuation() throws {
        // “Møte” – €5 … ‘æøåÆØÅ’ — ™
        var bytes: [UInt8] = [0x93] + Array("M".utf8) + [0xF8] + Array("te".utf8) + [0x94, 0x20, 0x96, 0x20, 0x80]
        bytes +=
            Array("5 ".utf8) + [0x85, 0x20, 0x91, 0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5, 0x92, 0x20, 0x97, 0x20, 0x99]
        let (_, decoded) = try Self.sniffAndDecode(Data(bytes))
        #expect(decoded.text == "“Møte” – €5 … ‘æøåÆØÅ’ — ™")
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.warnings == ["decoded as Windows-1252 (no byte order mark, not valid UTF-8)"])
    }

    @Test("Every byte 80–9F decodes as Windows-1252; the five undefined ones become C1 controls")
    func windows1252UpperControlRange() throws {
        let data = Data([0xE6] + (0x80...0x9F).map { UInt8($0) })
        let decoded = try TextDecoder.decode(data, hint: .none)
        let expected = "æ€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
        #expect(decoded.text == expected)
        #expect(decoded.text.unicodeScalars.count == 33)
        #expect(decoded.encoding == .windows1252)
    }

    @Test("Latin-1 text without bytes 80–9F is reported as ISO-8859-1")
    func isoLatin1() throws {
        let data = Data(Array("Kj".utf8) + [0xE6] + Array("re r".utf8) + [0xE5, 0x64, 0x2C, 0x20, 0xC6, 0xD8, 0xC5])
        let decoded = try TextDecoder.decode(data, hint: .none)
        #expect(decoded.text == "Kjære råd, ÆØÅ")
        #expect(decoded.encoding == .isoLatin1)
        #expect(decoded.warnings == ["decoded as ISO-8859-1 (no byte order mark, not valid UTF-8)"])
    }

    @Test("Only C1 controls from 80–9F: ISO-8859-1, not Windows-1252")
    func onlyUndefinedBytes() throws {
        let decoded = try TextDecoder.decode(Data([0x41, 0x81, 0xE5]), hint: .none)
        #expect(decoded.text.unicodeScalars.map(\.value) == [0x41, 0x81, 0xE5])
        #expect(decoded.encoding == .isoLatin1)
    }

    @Test("ASCII and valid UTF-8 are UTF-8, without a warning")
    func utf8WithoutWarning() throws {
        for text in ["", "Referat\n", "Møte – “sitat” 13\u{202F}000 kr 😀"] {
            let decoded = try TextDecoder.decode(Data(text.utf8), hint: .none)
            #expect(decoded == DecodedText(text: text, encoding: .utf8))
        }
    }

    @Test("Mostly UTF-8 with a stray byte stays UTF-8, with U+FFFD and a warning")
    func mostlyUTF8() throws {
        let data = Data("Møte i rådet, sak én".utf8) + Data([0xFF]) + Data(" – ferdig".utf8)
        let decoded = try TextDecoder.decode(data, hint: .none)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "Møte i rådet, sak én\u{FFFD} – ferdig")
        #expect(decoded.warnings == ["decoded as UTF-8 with 1 invalid byte sequence replaced by U+FFFD"])
    }

    @Test("Only empty lines, in each line-ending style")
    func emptyLinesOnly() throws {
        for (text, lineEnding) in [("\n\n\n", LineEnding.lf), ("\r\n\r\n", .crlf), ("\r\r\r", .cr)] {
            let (hint, decoded) = try Self.sniffAndDecode(Data(text.utf8))
            #expect(hint == .none)
            #expect(decoded.text == text)
            let normalized = LineEnding.normalize(decoded.text)
            #expect(normalized.lineEnding == lineEnding)
            #expect(normalized.text.allSatisfy { $0 == "\n" })
            let lines = MinutesParser.lines(of: normalized.text)
            #expect(lines.count == normalized.text.count + 1)
            #expect(lines.allSatisfy { $0.text.isEmpty })
        }
    }

    @Test("UTF-16 with a byte order mark and an odd number of bytes is an error")
    func utf16OddByteCount() throws {
        let data = Data([0xFF, 0xFE, 0x41, 0x00, 0x42])
        #expect(FileTypeSniffer.sniff(prefix: data, fileExtension: "txt").encodingHint == .utf16LittleEndianBOM)
        let error = #expect(throws: TextDecodingError.self) {
            try TextDecoder.decode(data, hint: .utf16LittleEndianBOM)
        }
        #expect(error?.encoding == .utf16LittleEndian)
        #expect(error?.reason.contains("odd number of bytes (5)") == true)
    }

    @Test("UTF-16 with an unpaired surrogate is an error")
    func utf16UnpairedSurrogate() throws {
        let data = Data([0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x00, 0x00, 0x42])
        let error = #expect(throws: TextDecodingError.self) { try TextDecoder.decode(data, hint: .utf16BigEndianBOM) }
        #expect(error?.encoding == .utf16BigEndian)
        #expect(error?.reason.contains("unpaired surrogates") == true)
    }

    @Test("A UTF-8 byte order mark followed by Windows-1252 bytes is an error")
    func utf8MarkOverLegacyBytes() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("Kj".utf8) + [0xE6] + Array("re r".utf8) + [0xE5, 0x64])
        let error = #expect(throws: TextDecodingError.self) { try TextDecoder.decode(data, hint: .utf8BOM) }
        #expect(error?.encoding == .utf8)
    }

    @Test("Line endings: LF, CRLF, CR, mixed and none")
    func lineEndings() {
        #expect(LineEnding.normalize("a\nb\n") == ("a\nb\n", .lf))
        #expect(LineEnding.normalize("a\r\nb\r\n") == ("a\nb\n", .crlf))
        #expect(LineEnding.normalize("a\rb\r") == ("a\nb\n", .cr))
        #expect(LineEnding.normalize("a\r\r\nb") == ("a\n\nb", .mixed))
        #expect(LineEnding.normalize("a\nb\r\n") == ("a\nb\n", .mixed))
        #expect(LineEnding.normalize("ab") == ("ab", .none))
        #expect(LineEnding.normalize("") == ("", .none))
    }
}

@Suite("TextDecoder on the shared corpus")
struct TextDecoderCorpusTests {
    static func decodeCorpusFile(_ relativePath: String) throws -> (FileTypeSniffer.Result, DecodedText) {
        let data = try Data(contentsOf: try SharedFiles.corpusURL(relativePath))
        let sniffed = FileTypeSniffer.sniff(prefix: data.prefix(FileTypeSniffer.prefixLength), fileExtension: "txt")
        return (sniffed, try TextDecoder.decode(data, hint: sniffed.encodingHint))
    }

    @Test("Windows-1252 smart quotes (tika_windows-1252.txt)")
    func tikaWindows1252() throws {
        let (sniffed, decoded) = try Self.decodeCorpusFile("text/tika_windows-1252.txt")
        #expect(sniffed.type == .plainText)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text.contains("this is a “windows” encoding"))
    }

    @Test("Norwegian ISO-8859-1 with CRLF (nord-odal_innsyn_request_body_iso-8859-1.txt)")
    func nordOdalLatin1() throws {
        let (sniffed, decoded) = try Self.decodeCorpusFile("text/nord-odal_innsyn_request_body_iso-8859-1.txt")
        #expect(sniffed.type == .plainText)
        #expect(decoded.encoding == .isoLatin1)
        #expect(decoded.text.hasPrefix("Kjære Nord-Odal kommune"))
        #expect(decoded.text.contains("Ønsker innsyn i valggjennomføringen"))
        #expect(LineEnding.normalize(decoded.text).lineEnding == .crlf)
    }

    @Test("UTF-16LE with a byte order mark (unstructured_utf16_bom.txt)")
    func utf16WithMark() throws {
        let (sniffed, decoded) = try Self.decodeCorpusFile("text/unstructured_utf16_bom.txt")
        #expect(sniffed.encodingHint == .utf16LittleEndianBOM)
        #expect(decoded.encoding == .utf16LittleEndian)
        #expect(decoded.text.hasPrefix("This is a test document to use for unit tests."))
    }

    @Test("UTF-32LE with a byte order mark (unstructured_utf32.txt), which the sniffer calls UTF-16LE")
    func utf32WithMark() throws {
        let (sniffed, decoded) = try Self.decodeCorpusFile("text/unstructured_utf32.txt")
        #expect(sniffed.encodingHint == .utf16LittleEndianBOM)
        #expect(decoded.encoding == .utf32LittleEndian)
        #expect(decoded.text.hasPrefix("This is a test document to use for unit tests."))
        #expect(!decoded.text.contains("\u{0}"))
    }

    @Test("UTF-8 without a byte order mark (tika_utf8_non_ascii.txt)")
    func utf8NonASCII() throws {
        let (_, decoded) = try Self.decodeCorpusFile("text/tika_utf8_non_ascii.txt")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.text.contains("Der schnelle braune Fuchs springt über den faulen Hund"))
    }
}
