/// One match of ``MinutesStore/search(_:limit:)``: an agenda item (or a document's title block) of a current
/// record, with a snippet around the match.
public struct SearchHit: Sendable, Equatable {
    /// A piece of a snippet: text that matched the query, or text around it.
    public struct SnippetRun: Sendable, Equatable {
        /// The text, whitespace collapsed to single spaces.
        public var text: String
        /// Whether the text matched the query.
        public var isMatch: Bool

        /// Creates a run.
        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// How ``snippet`` marks the matched text: «like this».
    public static let matchMarkers = (open: "«", close: "»")

    /// The record the match is in (what `ingest show ID` takes).
    public var documentID: Int64
    /// The agenda item's number, or `nil` when the match is in the document's title block (title, organisation,
    /// free sections).
    public var itemNumber: String?
    /// The agenda item's title, or `nil` when the match is in the document's title block.
    public var itemTitle: String?
    /// About a dozen words of the text around the match, as runs; when only the title matched, the title (match
    /// marked), " — " and the start of the text. ``snippet`` and ``snippet(open:close:)`` render them.
    public var snippetRuns: [SnippetRun]
    /// The meeting date, `YYYY-MM-DD`, when known.
    public var meetingDate: String?
    /// The body that met, when known.
    public var organization: String?
    /// The document's title, when known.
    public var documentTitle: String?
    /// The path the document was saved under.
    public var sourcePath: String
    /// The pages (1-based) the agenda item spans, for formats with pages.
    public var pages: [Int]
    /// The relevance (bm25, higher is better; title matches weigh more than body matches). Hits come best first.
    public var score: Double

    /// Creates a hit.
    public init(
        documentID: Int64, itemNumber: String?, itemTitle: String?, snippetRuns: [SnippetRun], meetingDate: String?,
        organization: String?, documentTitle: String?, sourcePath: String, pages: [Int], score: Double
    ) {
        self.documentID = documentID
        self.itemNumber = itemNumber
        self.itemTitle = itemTitle
        self.snippetRuns = snippetRuns
        self.meetingDate = meetingDate
        self.organization = organization
        self.documentTitle = documentTitle
        self.sourcePath = sourcePath
        self.pages = pages
        self.score = score
    }

    /// The snippet with each match marked «like this»; "…" where the text was cut.
    ///
    /// Norwegian text also quotes with « »: to tell a match from a quotation, render ``snippetRuns`` or use
    /// ``snippet(open:close:)`` with markers of your own (ANSI bold on a terminal).
    public var snippet: String {
        snippet(open: Self.matchMarkers.open, close: Self.matchMarkers.close)
    }

    /// The snippet with each match between `open` and `close`.
    /// - Parameters:
    ///   - open: what goes before a match ("\u{1B}[1m" for bold on a terminal).
    ///   - close: what goes after it ("\u{1B}[0m").
    /// - Returns: the rendered snippet.
    public func snippet(open: String, close: String) -> String {
        snippetRuns.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }
}
