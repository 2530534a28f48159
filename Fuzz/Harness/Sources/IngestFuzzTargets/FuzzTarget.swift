public import Foundation
import IngestCore

/// One fuzz target: a way to feed arbitrary bytes to one part of Ingest.
///
/// A target never fails on its own: any `IngestError` (or other thrown error) is an accepted outcome. What the
/// fuzzer looks for is a trap (index out of range, overflow, force unwrap), a sanitizer report, a hang or runaway
/// memory.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Bytes in any encoding → ``PlainTextExtractor`` (decoding, line endings, parser).
    case text
    /// Bytes as lenient UTF-8 → `MinutesParser.parse(text:)`.
    case parserText = "parser-text"
    /// Bytes as records of lines with style hints (``StyledLineRecords``) → `MinutesParser.parse(lines:)`, the
    /// way the PDF extractor feeds the parser.
    case parserLines = "parser-lines"
    /// Bytes as an `.eml` file → the bundle extractor's e-mail path (GMime, part walk, attachments, assembly).
    case mail
    /// Bytes as a PDF → the PDF extractor (poppler, line building, parser, embedded files).
    case pdf
    /// Bytes as an archive (zip, tar, gzip, 7z) → the bundle extractor's archive path (libarchive, members).
    case archive

    /// What the target covers, for `ingest-fuzz --list`.
    public var summary: String {
        switch self {
        case .text: "PlainTextExtractor: bytes in any encoding to a document"
        case .parserText: "MinutesParser.parse(text:) on lenient UTF-8"
        case .parserLines: "MinutesParser.parse(lines:) on lines with style hints (as the PDF extractor passes them)"
        case .mail: "the e-mail bundle path: GMime parsing, parts, attachments, assembly"
        case .pdf: "PDFMinutesExtractor: poppler, line building, parser, embedded files"
        case .archive: "the archive bundle path: libarchive, member limits, assembly"
        }
    }

    /// Runs one input through the target.
    /// - Parameter data: the fuzzer's bytes.
    public func run(_ data: Data) {
        switch self {
        case .text: FuzzExtraction.plainText.run(data)
        case .parserText: _ = FuzzExtraction.parser.parse(text: String(decoding: data, as: UTF8.self))
        case .parserLines: _ = FuzzExtraction.parser.parse(lines: StyledLineRecords.decode(data))
        case .mail: FuzzExtraction.mail.run(data)
        case .pdf: FuzzExtraction.pdf.run(data)
        case .archive: FuzzExtraction.archive.run(data)
        }
    }
}
