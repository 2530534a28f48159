/// When, where and by whom a meeting was held.
public struct Meeting: Codable, Sendable, Equatable {
    /// The body that met ("Politirådet i Oslo", "Riverton Town Council").
    public var organization: String?
    /// The meeting date, `YYYY-MM-DD`.
    public var date: String?
    /// The start time, `HH:MM` (24-hour).
    public var startTime: String?
    /// The end time, `HH:MM` (24-hour).
    public var endTime: String?
    /// Where the meeting took place, as printed.
    public var location: String?

    /// Creates a meeting description; every field is optional.
    public init(
        organization: String? = nil, date: String? = nil, startTime: String? = nil, endTime: String? = nil,
        location: String? = nil
    ) {
        self.organization = organization
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.location = location
    }
}

/// A person named in the minutes.
public struct Participant: Codable, Sendable, Equatable {
    /// How a person took part in the meeting.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Attended as a member.
        case present
        /// Sent apologies or was otherwise absent.
        case absent
        /// Took the minutes.
        case secretary
        /// Attended without being a member (invited, from the administration, observer).
        case guest
    }

    /// The name as printed, without role or party.
    public var name: String
    /// The role or title as printed ("politimester", "Chair"), if any.
    public var role: String?
    /// The party or group printed after the name ("Ap", "KrF"), if any.
    public var party: String?
    /// How the person took part.
    public var status: Status

    /// Creates a participant.
    public init(name: String, role: String? = nil, party: String? = nil, status: Status) {
        self.name = name
        self.role = role
        self.party = party
        self.status = status
    }
}

/// One item on the agenda, with what was said and decided.
public struct AgendaItem: Codable, Sendable, Equatable {
    /// The number as printed, without prefix or punctuation ("1", "12/26", "A").
    public var number: String
    /// The title as printed, without its number.
    public var title: String
    /// The body: paragraphs reflowed and joined by one blank line; list entries on lines of their own.
    public var text: String
    /// The decisions recorded for the item, one string each, without their label.
    public var decisions: [String]
    /// The pages (1-based) the item spans, for formats with pages.
    public var pages: [Int]

    /// Creates an agenda item.
    public init(number: String, title: String, text: String = "", decisions: [String] = [], pages: [Int] = []) {
        self.number = number
        self.title = title
        self.text = text
        self.decisions = decisions
        self.pages = pages
    }
}

/// An abbreviation the minutes define.
public struct Abbreviation: Codable, Sendable, Equatable {
    /// The short form ("OPD").
    public var abbreviation: String
    /// What it stands for ("Oslo politidistrikt").
    public var expansion: String

    /// Creates an abbreviation pair.
    public init(abbreviation: String, expansion: String) {
        self.abbreviation = abbreviation
        self.expansion = expansion
    }
}

/// A free block outside the agenda, under its own heading.
public struct Section: Codable, Sendable, Equatable {
    /// The heading as printed, without a trailing colon.
    public var heading: String
    /// The body, formatted like an agenda item's text.
    public var text: String

    /// Creates a section.
    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// The text of one page.
public struct Page: Codable, Sendable, Equatable {
    /// The page number, 1-based.
    public var number: Int
    /// The page's text in reading order.
    public var text: String

    /// Creates a page.
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
