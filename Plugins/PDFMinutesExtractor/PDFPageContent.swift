import Foundation

/// One page as poppler reads it: the text in reading order, a box per character, and font runs.
struct PDFPageContent: Sendable {
    /// The page number, 1-based.
    var number: Int
    /// The page size in points.
    var width: Double
    var height: Double
    /// The text in poppler's reading order, lines separated by "\n".
    var text: String
    /// One box per Unicode scalar of ``text``, in points from the top left.
    var boxes: [PDFCharacterBox]
    /// Font name and size over ranges of Unicode scalars of ``text``.
    var runs: [PDFFontRun]
}

/// The box of one character, in points from the page's top left.
struct PDFCharacterBox: Sendable {
    var x1: Double
    var y1: Double
    var x2: Double
    var y2: Double
}

/// A font over a range of characters.
struct PDFFontRun: Sendable {
    var fontName: String
    var fontSize: Double
    /// The first and last character index covered (inclusive), in Unicode scalars of the page text.
    var start: Int
    var end: Int
}

/// A file embedded in a PDF.
struct PDFEmbeddedFile: Sendable {
    var name: String
    var description: String?
    /// The bytes, or `nil` when they could not be read.
    var data: Data?
    /// Why the bytes could not be read.
    var failure: String?
}
