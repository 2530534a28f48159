import IngestCore

/// Keeps what the minutes parser and the document need of each page as poppler reads it: the page's lines with
/// style hints and its text, up to the text limit. The page's character boxes and font runs are not kept.
struct LineCollector {
    /// The limits of the extraction (the text limit applies here).
    let limits: ExtractionLimits
    /// The lines of the pages so far, in reading order.
    private(set) var lines: [TextLine] = []
    /// The pages so far, their text trimmed.
    private(set) var pages: [Page] = []
    /// Set when the text limit cut the document short.
    private(set) var warnings: [String] = []
    private let builder = PDFLineBuilder()
    private var characters = 0

    /// Creates a collector for one document.
    init(limits: ExtractionLimits) {
        self.limits = limits
    }

    /// Takes one page; pages after the text limit are ignored.
    mutating func add(_ page: PDFPageContent) {
        guard warnings.isEmpty else { return }
        pages.append(Page(number: page.number, text: Self.trimmed(page.text)))
        // Counted in UTF-8 bytes: constant time, and never fewer than the characters.
        characters += page.text.utf8.count
        if characters > limits.maxTextCharacters {
            warnings.append("text truncated after page \(page.number): over \(limits.maxTextCharacters) characters")
            return
        }
        lines += builder.lines(of: page)
    }

    /// The page text without the line breaks and spaces poppler puts around it.
    private static func trimmed(_ text: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == bytes.startIndex, last == bytes.index(before: bytes.endIndex) { return text }
        return String(text[first...last])
    }
}
