/// A line as the parser works on it: trimmed, with what its whitespace and neighbours said kept aside.
struct SourceLine: Sendable, Equatable {
    /// The text without leading and trailing whitespace.
    var text: String
    /// Leading spaces (a tab counts as four).
    var indent: Int
    /// Trailing spaces in the original; PDF text tools mark paragraph ends with two or more.
    var trailingSpaces: Int
    /// The page, if known.
    var page: Int?
    /// Typography, if known.
    var style: LineStyle?
    /// True when the next line of the original underlined this one (`-----`, `=====`).
    var isUnderlined = false

    /// True for a line with no text: a paragraph or block boundary.
    var isBlank: Bool { text.isEmpty }

    static func blank(page: Int?) -> SourceLine {
        SourceLine(text: "", indent: 0, trailingSpaces: 0, page: page, style: nil)
    }
}
