/// The words minutes in one language use for their structure: labels, item prefixes, month names.
///
/// The parser knows no language of its own; it reads these tables. Adding a language is adding a table (a new
/// `MinutesVocabulary+Language.swift` with one static value) and listing it in ``builtIn``. Labels are matched
/// case-insensitively at the start of a line, longest first.
public struct MinutesVocabulary: Sendable, Equatable {
    /// The BCP 47 tag of the language ("nb").
    public var language: String
    /// Frequent short words, used to tell the language of a text.
    public var commonWords: Set<String>
    /// Words in a title that mark a document as minutes ("referat", "minutes").
    public var titleWords: [String]
    /// Prefixes printed before an item number ("sak", "item").
    public var itemPrefixes: [String]
    /// Labels of the agenda overview ("saksliste", "agenda").
    public var agendaLabels: [String]
    /// Labels of the list of members present.
    public var presentLabels: [String]
    /// Labels of the list of members absent.
    public var absentLabels: [String]
    /// Labels of the person taking minutes.
    public var secretaryLabels: [String]
    /// Labels of the person chairing; the role recorded is the label.
    public var chairLabels: [String]
    /// Labels of guests, observers and staff attending.
    public var guestLabels: [String]
    /// Labels of the meeting date.
    public var dateLabels: [String]
    /// Labels of the meeting time.
    public var timeLabels: [String]
    /// Labels of the meeting place.
    public var locationLabels: [String]
    /// Labels of the organisation holding the meeting.
    public var organizationLabels: [String]
    /// Labels that start a decision ("vedtak", "resolved").
    public var decisionLabels: [String]
    /// Labels of the attachment list ("vedlegg", "attachments").
    public var attachmentLabels: [String]
    /// Labels of the abbreviation list ("forkortelser").
    public var abbreviationLabels: [String]
    /// Phrases that close the meeting ("møtet hevet"); the time they carry is the end time.
    public var closingPhrases: [String]
    /// Words that mark a role rather than a name ("ordfører", "councillor").
    public var roleWords: [String]
    /// Endings of compound role words ("politi|mester", "kommunal|sjef"), for languages that compound.
    public var roleEndings: [String]
    /// Column headings of participant tables ("navn", "rolle"), lowercase.
    public var tableHeaderWords: [String]
    /// Month names and abbreviations, lowercase, with their number.
    public var months: [String: Int]
    /// Words for "page" and "of" in page footers ("Side 2 av 4").
    public var pageWords: [String]
    /// The word between the page number and the page count ("av", "of").
    public var pageOfWords: [String]

    /// The tables shipped with Ingest.
    public static let builtIn: [MinutesVocabulary] = [.norwegianBokmal, .norwegianNynorsk, .english]
}
