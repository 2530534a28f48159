public import IngestCore
import Foundation

/// Reads minutes from PDF files through poppler-glib: text in reading order with style hints for headings, running
/// headers and footers removed, hyphenation undone, metadata and embedded files.
public struct PDFMinutesExtractor: Extractor {
    /// "pdf".
    public let identifier = "pdf"
    /// The extractor's version.
    public let version = "0.1.0"
    /// One line for `ingest extractors`.
    public let summary = "PDF minutes through poppler-glib (layout-aware text, metadata, embedded files)"
    /// poppler read the input: isolated in a worker process by `ingest`.
    public let runsNativeCode = true
    /// PDF.
    public let fileTypes: [FileType] = [.pdf]
    /// The PDF extension.
    public let fileExtensions = ["pdf"]

    /// Creates the extractor.
    public init() {}

    /// Extracts a PDF.
    /// - Throws: ``IngestError`` with code ``IngestError/Code/encrypted`` when a password is needed or wrong,
    ///   ``IngestError/Code/damaged`` when poppler cannot read the file.
    public func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument {
        let path = input.input.path
        var collector = LineCollector(limits: context.limits)
        let reading = try PDFReader.read(input.input, password: context.password, limits: context.limits) {
            collector.add($0)
        }
        let (lines, pages) = (collector.lines, collector.pages)
        var warnings = reading.warnings + collector.warnings
        let hasText = pages.contains { !$0.text.isEmpty }
        var document: MinutesDocument
        if hasText {
            document = MinutesDocument(source: input.source, extractor: info, structure: MinutesParser().parse(lines: lines),
                                       pages: pages, properties: reading.metadata, warnings: warnings)
        } else {
            if !pages.isEmpty {
                warnings.append("no text layer: the pages are images only (a scan?); run OCR first to extract the text")
            }
            document = MinutesDocument(source: input.source, extractor: info, pages: pages,
                                       properties: reading.metadata, warnings: warnings)
        }
        document.title = document.title ?? reading.metadata["title"]
        for file in reading.embeddedFiles.prefix(context.limits.maxAttachments) {
            document.attachments.append(await embeddedAttachment(file, parentPath: path, context: context,
                                                                 warnings: &document.warnings))
        }
        if reading.embeddedFiles.count > context.limits.maxAttachments {
            document.warnings.append("only the first \(context.limits.maxAttachments) embedded files were extracted")
        }
        return document
    }

    /// The lines, with style hints, that the minutes parser receives for a PDF: for tests and for looking into
    /// what the extractor saw.
    /// - Parameters:
    ///   - input: the PDF.
    ///   - password: the password, for encrypted files.
    /// - Returns: the lines in reading order, page by page.
    /// - Throws: ``IngestError`` as ``extract(_:context:)`` does.
    public func textLines(of input: ExtractionInput, password: String? = nil) throws(IngestError) -> [TextLine] {
        var collector = LineCollector(limits: ExtractionLimits())
        _ = try PDFReader.read(input, password: password, limits: collector.limits) { collector.add($0) }
        return collector.lines
    }

    private func embeddedAttachment(
        _ file: PDFEmbeddedFile, parentPath: String, context: ExtractionContext, warnings: inout [String]
    ) async -> Attachment {
        let memberPath = "\(parentPath)!\(file.name)"
        var attachment = Attachment(title: file.description.flatMap { $0.isEmpty ? nil : $0 } ?? file.name)
        guard let data = file.data else {
            warnings.append("embedded file \(file.name) could not be read: \(file.failure ?? "unknown reason")")
            return attachment
        }
        do {
            let nested = try context.nested(path: memberPath)
            let document = try await context.registry.extract(ExtractionInput(data: data, path: memberPath),
                                                              context: nested)
            attachment.source = document.source
            attachment.document = document
        } catch {
            warnings.append("embedded file \(file.name): \(error.message)")
            if let sniffed = try? context.registry.sniff(ExtractionInput(data: data, path: memberPath)) {
                attachment.source = sniffed.source
            }
        }
        return attachment
    }
}
