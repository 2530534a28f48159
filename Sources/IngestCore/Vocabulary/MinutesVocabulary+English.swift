extension MinutesVocabulary {
    /// English (British and American usage).
    public static let english = MinutesVocabulary(
        language: "en",
        commonWords: [
            "the", "and", "of", "to", "is", "was", "for", "with", "on", "that", "were", "be", "by", "it", "at", "as",
            "are", "this", "from", "will", "has", "have", "an", "which", "would",
        ],
        titleWords: ["minutes", "record of meeting", "notes of meeting", "proceedings"],
        itemPrefixes: ["agenda item", "item no.", "item", "minute", "no."],
        agendaLabels: ["agenda", "order of business"],
        presentLabels: [
            "present", "members present", "attendees", "attendance", "in attendance", "attending", "governors present",
            "councillors present", "directors present", "trustees present",
        ],
        absentLabels: ["apologies", "apologies for absence", "absent", "not present", "apologies received", "regrets"],
        secretaryLabels: ["minutes taken by", "minute taker", "minute-taker", "secretary", "clerk", "recorder",
                          "minutes by", "clerk to the governors", "minutes"],
        chairLabels: ["chair", "chairman", "chairperson", "chaired by", "presiding"],
        guestLabels: ["also present", "also in attendance", "guests", "guest", "observers", "officers present",
                      "in attendance (officers)", "staff present", "invited"],
        dateLabels: ["date", "meeting date", "when", "date and time"],
        timeLabels: ["time", "start time"],
        locationLabels: ["place", "venue", "location", "where"],
        organizationLabels: ["organisation", "organization", "body", "committee", "board"],
        decisionLabels: [
            "resolved", "decision", "decided", "agreed", "resolution", "it was resolved", "it was agreed", "motion carried",
        ],
        attachmentLabels: ["papers attached", "attached papers", "supporting papers", "attachments", "attachment", "appendices", "appendix", "enclosures", "annexes", "annex"],
        abbreviationLabels: ["abbreviations", "abbreviations used", "glossary", "acronyms"],
        closingPhrases: ["meeting closed", "the meeting closed", "meeting ended", "the meeting ended", "meeting finished",
                         "the meeting finished", "there being no further business", "these minutes were approved",
                         "minutes approved by", "meeting adjourned", "the meeting was adjourned", "adjournment"],
        roleWords: [
            "mayor", "councillor", "councilor", "clerk", "officer", "chair", "chairman", "chairperson", "vice",
            "deputy", "secretary", "treasurer", "governor", "headteacher", "head", "director", "manager", "member",
            "trustee", "coordinator", "adviser", "advisor", "representative", "executive", "ceo", "cfo", "president",
            "principal", "superintendent", "inspector", "commissioner", "consultant", "lead", "observer", "minutes",
        ],
        roleEndings: [],
        tableHeaderWords: ["name", "role", "title", "position", "party", "representing", "organisation", "organization"],
        months: [
            "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
            "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
            "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        ],
        pageWords: ["page", "p."],
        pageOfWords: ["of"]
    )
}
