import IngestCore
import Testing

/// Files attached to a page through a file-attachment annotation, not through the document's EmbeddedFiles.
@Suite struct AnnotationAttachmentTests {
    @Test func aTextFileInAnAnnotationIsExtracted() async throws {
        let path = "pdf/attachments/pdfjs_annotation_fileattachment.pdf"
        let document = try #require(await extract(try Corpus.file(path)).document)
        let attachment = try #require(document.attachments.first)
        #expect(document.attachments.count == 1)
        #expect(attachment.title == "Test.txt")
        #expect(attachment.source?.path.hasSuffix("\(path)!Test.txt") == true)
        #expect(attachment.document?.extractor.name == "plain-text")
    }

    @Test func anAttachmentNoExtractorReadsIsListedWithAWarning() async throws {
        let path = "pdf/attachments/tika_file_in_annotation.pdf"
        let document = try #require(await extract(try Corpus.file(path)).document)
        #expect(document.attachments.map(\.title) == ["Excel.xlsx"])
        #expect(document.attachments.first?.source?.mediaType == "application/zip")
        #expect(document.attachments.first?.document == nil)
        #expect(document.warnings.contains { $0.hasPrefix("embedded file Excel.xlsx: no extractor reads application/zip") })
    }
}
