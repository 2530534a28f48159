/// Finds the structure of minutes in lines of text: header fields, participants, agenda items with their bodies and
/// decisions, attachments, abbreviations and free sections.
///
/// One parser serves every extractor. Extractors without typography hand it plain lines; extractors that have
/// typography (PDF) add ``LineStyle`` hints, which the parser uses to find headings that text alone would miss.
public struct MinutesParser: Sendable {
    /// The vocabularies the parser knows.
    public var vocabularies: [MinutesVocabulary]

    /// Creates a parser.
    /// - Parameter vocabularies: the languages to recognise; defaults to all built-in ones.
    public init(vocabularies: [MinutesVocabulary] = MinutesVocabulary.builtIn) {
        self.vocabularies = vocabularies
    }

    /// Parses a whole text; form feeds separate pages.
    /// - Parameter text: the text, with any line breaks (LF, CRLF, CR).
    /// - Returns: the structure found.
    public func parse(text: String) -> MinutesStructure {
        parse(lines: Self.lines(of: text))
    }

    /// Parses lines.
    /// - Parameter lines: the lines in reading order.
    /// - Returns: the structure found.
    public func parse(lines: [TextLine]) -> MinutesStructure {
        MinutesStructure()
    }

    /// Splits text into lines (LF, CRLF or CR) and numbers pages at form feeds.
    /// - Parameter text: the text.
    /// - Returns: one line per line of text; `page` is set only when the text has form feeds.
    public static func lines(of text: String) -> [TextLine] {
        let hasPages = text.contains("\u{0C}")
        var result: [TextLine] = []
        var page = 1
        for pageText in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
            for line in pageText.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                result.append(TextLine(String(line), page: hasPages ? page : nil))
            }
            page += 1
        }
        return result
    }
}
