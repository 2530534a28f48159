/// What ``MinutesParser`` found in a text: everything of a ``MinutesDocument`` but its source and extractor.
public struct MinutesStructure: Sendable, Equatable {
    /// The main language as a BCP 47 tag, when it could be told.
    public var language: String?
    /// The title as printed.
    public var title: String?
    /// Date, times, place and organisation.
    public var meeting: Meeting
    /// People present, absent, taking minutes or attending as guests.
    public var participants: [Participant]
    /// The agenda items in order.
    public var agendaItems: [AgendaItem]
    /// The attachment list.
    public var attachments: [Attachment]
    /// Abbreviation pairs.
    public var abbreviations: [Abbreviation]
    /// Free blocks outside the agenda.
    public var sections: [Section]
    /// What the parser had to guess or could not find.
    public var warnings: [String]

    /// Creates an empty structure.
    public init(
        language: String? = nil, title: String? = nil, meeting: Meeting = Meeting(), participants: [Participant] = [],
        agendaItems: [AgendaItem] = [], attachments: [Attachment] = [], abbreviations: [Abbreviation] = [],
        sections: [Section] = [], warnings: [String] = []
    ) {
        self.language = language
        self.title = title
        self.meeting = meeting
        self.participants = participants
        self.agendaItems = agendaItems
        self.attachments = attachments
        self.abbreviations = abbreviations
        self.sections = sections
        self.warnings = warnings
    }
}
