import Testing
@testable import IngestCore

/// Board minutes in English, written in the style of real trust and council minutes.
@Suite struct EnglishMinutesTests {
    static let minutes = """
        Northfield Community Trust

        Minutes of the Board of Trustees Meeting

        Date: Thursday, March 5, 2026
        Time: 6.30 pm – 8.15 pm
        Venue: Committee Room 2, Northfield Town Hall
        Present: Margaret Okafor (Chair), David Lindqvist (Treasurer), Priya Raman (Trustee),
        Owen Fletcher (Trustee)
        Apologies: Sarah Mensah (Vice Chair), Tom Hargreaves
        Also in attendance: Helen Ward, Chief Executive
        Minutes taken by: James Carter

        Item 1: Welcome and apologies
        The Chair welcomed trustees. Apologies were received and accepted.

        Item 2: Minutes of the previous meeting
        Resolved: That the minutes of the meeting held on 4 December 2025 be approved as a correct record.

        Item 3: Finance report
        The Treasurer presented the management accounts to the end of January, showing a surplus of
        £12,400 against budget. Reserves stand at 7.5 months of running costs, above the policy mini-
        mum of six months. Trustees asked for a breakdown of the energy costs at the community centre.

        The Treasurer noted that the auditors would start fieldwork in April.

        Resolved:
        1. The management accounts were approved.
        2. The reserves policy will be reviewed at the June meeting.

        Item 4: Any other business
        There was no other business.
        The meeting closed at 8.15 pm.

        Attachments:
        A) Management accounts to 31 January 2026
        B) Reserves policy 2024

        Abbreviations:
        CEO: Chief Executive Officer
        GDPR: General Data Protection Regulation
        """

    let structure = MinutesParser().parse(text: Self.minutes)

    @Test func readsTheHeader() {
        #expect(structure.language == "en")
        #expect(structure.title == "Minutes of the Board of Trustees Meeting")
        #expect(structure.meeting.organization == "Northfield Community Trust")
        #expect(structure.meeting.date == "2026-03-05")
        #expect(structure.meeting.startTime == "18:30")
        #expect(structure.meeting.endTime == "20:15")
        #expect(structure.meeting.location == "Committee Room 2, Northfield Town Hall")
    }

    @Test func readsParticipantsWithRolesAndStatus() {
        #expect(structure.participants == [
            Participant(name: "Margaret Okafor", role: "Chair", status: .present),
            Participant(name: "David Lindqvist", role: "Treasurer", status: .present),
            Participant(name: "Priya Raman", role: "Trustee", status: .present),
            Participant(name: "Owen Fletcher", role: "Trustee", status: .present),
            Participant(name: "Sarah Mensah", role: "Vice Chair", status: .absent),
            Participant(name: "Tom Hargreaves", status: .absent),
            Participant(name: "Helen Ward", role: "Chief Executive", status: .guest),
            Participant(name: "James Carter", status: .secretary),
        ])
    }

    @Test func readsItemsAndDecisions() throws {
        #expect(structure.agendaItems.map(\.number) == ["1", "2", "3", "4"])
        #expect(structure.agendaItems.map(\.title) == [
            "Welcome and apologies", "Minutes of the previous meeting", "Finance report", "Any other business",
        ])
        let minutesItem = structure.agendaItems[1]
        #expect(minutesItem.text == "")
        #expect(minutesItem.decisions == [
            "That the minutes of the meeting held on 4 December 2025 be approved as a correct record."
        ])
        let finance = structure.agendaItems[2]
        #expect(finance.decisions == [
            "The management accounts were approved.", "The reserves policy will be reviewed at the June meeting.",
        ])
        #expect(finance.text == """
            The Treasurer presented the management accounts to the end of January, showing a surplus of £12,400 \
            against budget. Reserves stand at 7.5 months of running costs, above the policy minimum of six months. \
            Trustees asked for a breakdown of the energy costs at the community centre.

            The Treasurer noted that the auditors would start fieldwork in April.
            """)
        #expect(structure.agendaItems[3].text == "There was no other business.")
    }

    @Test func readsAttachmentsAndAbbreviations() {
        #expect(structure.attachments.map(\.number) == ["A", "B"])
        #expect(structure.attachments.map(\.title) == [
            "Management accounts to 31 January 2026", "Reserves policy 2024",
        ])
        #expect(structure.abbreviations == [
            Abbreviation(abbreviation: "CEO", expansion: "Chief Executive Officer"),
            Abbreviation(abbreviation: "GDPR", expansion: "General Data Protection Regulation"),
        ])
    }
}

/// "Minutes" is both a title and, with a colon, the person taking them.
@Suite struct MinutesLabelTests {
    @Test func minutesWithAColonNamesTheSecretary() {
        let text = "Board Meeting – Minutes\nPresent: Ann Lee (Chair)\nMinutes: Nadia Whitfield\n\nItem 1: Apologies\nNone."
        #expect(MinutesParser().parse(text: text).participants == [
            Participant(name: "Ann Lee", role: "Chair", status: .present),
            Participant(name: "Nadia Whitfield", status: .secretary),
        ])
    }

    @Test func minutesAloneOnALineIsATitleNotAList() {
        let text = "MINUTES\nRegular Meeting of the Board\nPresent: Ann Lee\n\n1. Call to order\nThe meeting opened."
        let structure = MinutesParser().parse(text: text)
        #expect(structure.title == "MINUTES")
        #expect(structure.participants.map(\.name) == ["Ann Lee"])
    }
}
