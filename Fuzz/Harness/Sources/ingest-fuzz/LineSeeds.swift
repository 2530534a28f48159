import Foundation
import IngestCore
import IngestFuzzTargets
import PDFMinutesExtractor

/// Writes seeds for the `parser-lines` target: the lines, with style hints, that the PDF extractor hands the
/// parser for each PDF, as ``StyledLineRecords``.
enum LineSeeds {
    /// Encodes each PDF's lines into `OUT_DIR/NAME.lines`; a PDF that cannot be read is reported and skipped.
    /// - Parameters:
    ///   - folder: the output folder (created).
    ///   - pdfs: the PDF paths.
    /// - Returns: how many seeds were written.
    static func write(to folder: URL, from pdfs: [String]) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written = 0
        for path in pdfs {
            let url = URL(fileURLWithPath: path)
            do {
                let lines = try PDFMinutesExtractor().textLines(of: ExtractionInput(fileURL: url))
                let name = url.deletingPathExtension().lastPathComponent + ".lines"
                try StyledLineRecords.encode(lines).write(to: folder.appendingPathComponent(name))
                written += 1
            } catch {
                FileHandle.standardError.write(Data("skipped \(path): \(error)\n".utf8))
            }
        }
        return written
    }
}
