/// One meeting in ``MinutesStore/meetings(limit:)``: a current record in a line.
public struct MeetingSummary: Sendable, Equatable {
    /// The record's id.
    public var id: Int64
    /// The meeting date, `YYYY-MM-DD`, when the minutes give one.
    public var date: String?
    /// The body that met.
    public var organization: String?
    /// The document's title.
    public var title: String?
    /// The path the document was saved under.
    public var path: String
    /// How many agenda items the minutes have.
    public var items: Int

    /// Creates a summary.
    public init(id: Int64, date: String?, organization: String?, title: String?, path: String, items: Int) {
        self.id = id
        self.date = date
        self.organization = organization
        self.title = title
        self.path = path
        self.items = items
    }
}
