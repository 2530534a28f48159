/// One line of text as an extractor read it, with style hints where the format has them.
public struct TextLine: Sendable, Equatable {
    /// The text of the line, without the line break.
    public var text: String
    /// The page the line is on (1-based), for formats with pages.
    public var page: Int?
    /// Typography and position, for formats that carry them (PDF); `nil` for plain text.
    public var style: LineStyle?

    /// Creates a line.
    public init(_ text: String, page: Int? = nil, style: LineStyle? = nil) {
        self.text = text
        self.page = page
        self.style = style
    }
}

/// Typography and position of a line, from formats that have them.
public struct LineStyle: Sendable, Equatable {
    /// The dominant font size, in points.
    public var fontSize: Double
    /// True when the line is set in a bold face (from the font name or weight).
    public var isBold: Bool
    /// The left edge, in points from the page's left.
    public var x: Double
    /// The top edge, in points from the page's top.
    public var y: Double
    /// The width of the line's text, in points.
    public var width: Double

    /// Creates a style.
    public init(fontSize: Double, isBold: Bool, x: Double, y: Double, width: Double) {
        self.fontSize = fontSize
        self.isBold = isBold
        self.x = x
        self.y = y
        self.width = width
    }
}
