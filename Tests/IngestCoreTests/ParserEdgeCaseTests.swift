import Testing
@testable import IngestCore

/// Numbering styles, traps and text cleaning, each on a small generated text.
@Suite struct ParserEdgeCaseTests {
    let parser = MinutesParser()

    @Test(arguments: [
        ("Sak 12/26 Budsjett 2027\nTeksten.\n\nSak 13/26 Eventuelt\nIngen saker.", ["12/26", "13/26"], "Budsjett 2027"),
        ("1) Godkjenning av innkalling\nGodkjent.\n\n2) Eventuelt\nIngen saker.", ["1", "2"], "Godkjenning av innkalling"),
        ("Item 3: Finance report\nThe report was noted.\n\nItem 4: Any other business\nNone.", ["3", "4"],
         "Finance report"),
        ("PS 40/25 Dagsorden godkjent\n\nPS 41/25 Fastlegesituasjonen\nDet er behov for fastleger.", ["40/25", "41/25"],
         "Dagsorden godkjent"),
        ("1\n\nBostedsløshet blant unge voksne\nPlanen omfatter nye boliger.\n\n2\n\nDiverse\nIngen saker.", ["1", "2"],
         "Bostedsløshet blant unge voksne"),
    ])
    func numberingStyles(text: String, numbers: [String], firstTitle: String) {
        let structure = parser.parse(text: text)
        #expect(structure.agendaItems.map(\.number) == numbers)
        #expect(structure.agendaItems.first?.title == firstTitle)
    }

    @Test func agendaOverviewIsNotTakenForTheItems() {
        let text = """
            Saksliste:
            1. Godkjenning av innkalling
            2. Budsjett

            1. Godkjenning av innkalling
            Innkallingen ble godkjent.

            2. Budsjett
            Budsjettet ble vedtatt.
            """
        let structure = parser.parse(text: text)
        #expect(structure.agendaItems.map(\.title) == ["Godkjenning av innkalling", "Budsjett"])
        #expect(structure.agendaItems.map(\.text) == ["Innkallingen ble godkjent.", "Budsjettet ble vedtatt."])
    }

    @Test func wrappedOrdinalsAndNumberedListsStayInTheBody() {
        let text = """
            1. Skole
            Politiet deltar på foreldremøter på
            8. trinn for å informere om rus.
            Tiltakene er:
            1. Flere miljøarbeidere
            2. Bekymringssamtaler

            2. Eventuelt
            Ingen saker.
            """
        let structure = parser.parse(text: text)
        #expect(structure.agendaItems.map(\.number) == ["1", "2"])
        #expect(structure.agendaItems.first?.text
            == "Politiet deltar på foreldremøter på 8. trinn for å informere om rus. Tiltakene er:\n\n"
            + "1. Flere miljøarbeidere\n2. Bekymringssamtaler")
    }

    @Test func decisionsAfterALabelAloneAndInline() {
        let text = """
            Sak 66/24 Bostedsløshet
            Saken ble drøftet.
            Vedtak:
            1. Felleskostnadene økes med 5 % fra 1. juli.
            2. Rådet støtter planene.

            Sak 67/24 Meldinger
            Vedtak: Meldingene tas til orientering.
            """
        let structure = parser.parse(text: text)
        #expect(structure.agendaItems.map(\.decisions) == [
            ["Felleskostnadene økes med 5 % fra 1. juli.", "Rådet støtter planene."],
            ["Meldingene tas til orientering."],
        ])
        #expect(structure.agendaItems.map(\.text) == ["Saken ble drøftet.", ""])
    }

    @Test func endOfLineHyphenation() {
        let text = """
            1. Politirådet
            Politi-
            rådet møtes. SaLTo-
            koordinatoren deltok. Det rus- og
            kriminalitetsforebyggende arbeidet og ungdoms-
            oppfølging ble drøftet. Politirådet er viktig for ungdomsoppfølging.
            """
        let item = parser.parse(text: text).agendaItems.first
        #expect(item?.text == "Politirådet møtes. SaLTo-koordinatoren deltok. Det rus- og kriminalitetsforebyggende "
            + "arbeidet og ungdomsoppfølging ble drøftet. Politirådet er viktig for ungdomsoppfølging.")
    }

    @Test func pageFurnitureGoesAndParagraphsContinueAcrossPages() {
        let page1 = "Politirådet i Oslo – referat\n\n1. Orientering\nDet har vært avholdt et møte mellom\nSide 1 av 2"
        let page2 = "Politirådet i Oslo – referat\n\nbyrådet og politiet om skjenketider.\n- 2 -\n"
        let structure = parser.parse(text: page1 + "\u{0C}" + page2)
        // The running header repeats the title: it stays once, as the title, and leaves the item text.
        #expect(structure.title == "Politirådet i Oslo – referat")
        let item = structure.agendaItems.first
        #expect(item?.text == "Det har vært avholdt et møte mellom byrådet og politiet om skjenketider.")
        #expect(item?.pages == [1, 2])
    }

    @Test func emptyAndItemlessTextGiveAWarningNotACrash() {
        #expect(parser.parse(text: "").agendaItems.isEmpty)
        #expect(parser.parse(text: "").warnings == ["no agenda items found"])
        #expect(parser.parse(text: "\n\n   \n\u{0C}\u{0C}").warnings == ["no agenda items found"])
        #expect(parser.parse(text: "Bare en linje uten struktur.").agendaItems.isEmpty)
    }

    @Test func headerFieldsInNorwegian() {
        let text = """
            Referat fra møte i Politirådet
            Organ: Politirådet i Kristiansand
            Tid: torsdag 5. mars 2026 kl. 09.00–11.00
            Sted: Rådhuset, bystyresalen
            Til stede: Thea Kvam (ordfører), Kåre Lie (Ap), nestleder
            Forfall: Tone Nowak
            Referent: Ståle Jensen
            Møteleder: Anne Berg

            1. Dagsorden godkjent
            """
        let structure = parser.parse(text: text)
        #expect(structure.title == "Referat fra møte i Politirådet")
        #expect(structure.meeting == Meeting(organization: "Politirådet i Kristiansand", date: "2026-03-05",
                                             startTime: "09:00", endTime: "11:00", location: "Rådhuset, bystyresalen"))
        #expect(structure.participants == [
            Participant(name: "Thea Kvam", role: "ordfører", status: .present),
            Participant(name: "Kåre Lie", role: "nestleder", party: "Ap", status: .present),
            Participant(name: "Tone Nowak", status: .absent),
            Participant(name: "Ståle Jensen", status: .secretary),
            Participant(name: "Anne Berg", role: "Møteleder", status: .present),
        ])
    }

    @Test("A bold heading wrapped onto a second bold line keeps its whole title, capital or digit first")
    func boldHeadingWrapped() {
        func line(_ text: String, _ y: Double, bold: Bool, width: Double = 420) -> TextLine {
            TextLine(text, page: 1, style: LineStyle(fontSize: 11, isBold: bold, x: 80, y: y, width: width))
        }
        let lines = [
            line("Referat fra møte i Politirådet", 100, bold: true, width: 200),
            line("PS 43/25 Skolebehovsplan 2025–2028: kapasitet, rehabilitering og nye skolebygg i", 140, bold: true),
            line("Lade", 154, bold: true, width: 26),
            line("Politiet deltar på foreldremøter på 8. trinn for å informere om rus og kriminalitet.", 172, bold: false),
            line("PS 46/25 Trafikksikkerhet langs skoleveiene – innspill til handlingsprogram for", 200, bold: true),
            line("2025–2028 fra foreldre og skoler", 214, bold: true, width: 168),
            line("Kommunen har søkt om belønningsmidler til bedre kollektivtilbud.", 232, bold: false),
            line("PS 47/25 Budsjett 2026", 260, bold: true, width: 120),
            line("Orientering om budsjettet.", 278, bold: false),
        ]
        let items = parser.parse(lines: lines).agendaItems
        #expect(items.map(\.title) == [
            "Skolebehovsplan 2025–2028: kapasitet, rehabilitering og nye skolebygg i Lade",
            "Trafikksikkerhet langs skoleveiene – innspill til handlingsprogram for 2025–2028 fra foreldre og skoler",
            "Budsjett 2026",
        ])
        #expect(items.first?.text == "Politiet deltar på foreldremøter på 8. trinn for å informere om rus og kriminalitet.")
    }

    @Test("Roles before names, capitalised or not, in a list wrapped over lines mid-name")
    func rolesBeforeNamesWrapped() {
        let text = """
            Referat fra møte i Politirådet
            Møtende: Ordfører Kari Løvås, politimester Geir Løvås, SaLTo-koordinator Thea Kvam,
            direktør i Utdanningsetaten Morten Hansen
            Meldt forfall: politistasjonssjef Anders Solberg, direktør i Utdanningsetaten Stian
            Johnsen, varaordfører Terje Brekke

            PS 40/25 Dagsorden godkjent
            """
        #expect(parser.parse(text: text).participants == [
            Participant(name: "Kari Løvås", role: "Ordfører", status: .present),
            Participant(name: "Geir Løvås", role: "politimester", status: .present),
            Participant(name: "Thea Kvam", role: "SaLTo-koordinator", status: .present),
            Participant(name: "Morten Hansen", role: "direktør i Utdanningsetaten", status: .present),
            Participant(name: "Anders Solberg", role: "politistasjonssjef", status: .absent),
            Participant(name: "Stian Johnsen", role: "direktør i Utdanningsetaten", status: .absent),
            Participant(name: "Terje Brekke", role: "varaordfører", status: .absent),
        ])
    }

    @Test(arguments: [
        ("5. mars 2026", "2026-03-05"), ("05.03.2026", "2026-03-05"), ("5.3.26", "2026-03-05"),
        ("torsdag 5. mars 2026 kl. 09.00–11.00", "2026-03-05"), ("March 5, 2026", "2026-03-05"),
        ("2026-03-05", "2026-03-05"), ("5th March 2026", "2026-03-05"), ("Wednesday, December 25, 2024", "2024-12-25"),
        ("16 January 2026 at 10 am", "2026-01-16"), ("Referat fra møte i Politirådet – 10.01.2025", "2025-01-10"),
    ])
    func dates(text: String, expected: String) {
        #expect(MeetingDateParser(vocabularies: MinutesVocabulary.builtIn).firstDate(in: text) == expected)
    }

    @Test(arguments: [
        ("kl. 09.00–11.00", "09:00", "11:00"), ("19:00 – 21:30", "19:00", "21:30"),
        ("10 am – 12.30 pm", "10:00", "12:30"), ("23.02.2026 kl. 13.00-14.30", "13:00", "14:30"),
        ("6:00 pm", "18:00", nil),
    ])
    func times(text: String, start: String, end: String?) {
        let times = MeetingDateParser(vocabularies: MinutesVocabulary.builtIn).times(in: text)
        #expect(times.start == start)
        #expect(times.end == end)
    }
}

/// Layouts that PDF tables and signature blocks produce.
@Suite struct ParserLayoutTests {
    let parser = MinutesParser()

    @Test func participantTableWithHeaderRowAndBlankLinesBetweenRows() {
        let text = """
            Minutes of the Board Meeting
            Present:

            Name  Role

            Bernadette Ellis  Chair

            Louise Hughes  Trustee

            Apologies: Stephen Singh (Trustee)

            1. Declarations of interest
            There were none.
            """
        #expect(parser.parse(text: text).participants == [
            Participant(name: "Bernadette Ellis", role: "Chair", status: .present),
            Participant(name: "Louise Hughes", role: "Trustee", status: .present),
            Participant(name: "Stephen Singh", role: "Trustee", status: .absent),
        ])
    }

    @Test func participantEntriesSeparatedFromTheirListByAnotherField() {
        let text = """
            Referat fra politirådsmøte
            Møtende:  Thea Kvam, Ordfører
            Møtetid:
            23.02.2026 kl. 13.00-14.30

            Kåre Lie, kommunaldirektør

            1. Godkjenning av innkalling
            """
        let structure = parser.parse(text: text)
        #expect(structure.participants.map(\.name) == ["Thea Kvam", "Kåre Lie"])
        #expect(structure.meeting.startTime == "13:00")
    }

    @Test func aSignatureEndsTheLastItem() {
        let text = """
            Sak 73/24 Eventuelt
            Ingen saker.

            Drammen, 9. mai 2024

            Ståle Jensen

            referent
            """
        #expect(parser.parse(text: text).agendaItems.map(\.text) == ["Ingen saker."])
    }

    @Test func smallPrintAtPageEdgesIsFurniture() {
        func line(_ text: String, page: Int, size: Double, y: Double) -> TextLine {
            TextLine(text, page: page, style: LineStyle(fontSize: size, isBold: false, x: 60, y: y, width: 300))
        }
        var lines = [line("Minutes of the Board", page: 1, size: 14, y: 80), line("", page: 1, size: 11, y: 0)]
        lines.append(TextLine("1. Finance", page: 1, style: LineStyle(fontSize: 11, isBold: true, x: 60, y: 100,
                                                                         width: 80)))
        for index in 0..<8 { lines.append(line("The accounts were presented in full detail \(index).", page: 1,
                                               size: 11, y: 120 + Double(index) * 14)) }
        lines.append(line("Page 1 of 2", page: 1, size: 8, y: 800))
        lines.append(line("Minutes of the Board 18 August 2025", page: 2, size: 8, y: 40))
        lines.append(line("and were approved.", page: 2, size: 11, y: 100))
        let item = parser.parse(lines: lines).agendaItems.first
        #expect(item?.text.hasSuffix("detail 7. and were approved.") == true)
        #expect(item?.text.contains("August") == false)
    }
}

/// What style hints from PDFs let the parser see.
@Suite struct ParserStyleHintTests {
    private func line(_ text: String, bold: Bool = false, page: Int = 1, y: Double) -> TextLine {
        TextLine(text, page: page, style: LineStyle(fontSize: 11, isBold: bold, x: 60, y: y, width: 300))
    }

    @Test func aBoldLineIsAHeadingEvenWithoutPunctuationAfterItsNumber() {
        let lines = [
            line("4 Situasjonsbrief fra politiet", bold: true, y: 100),
            line("Situasjonsbrief utgikk.", y: 114),
            line("5 Fotball-VM og utvidede skjenketider", bold: true, y: 140),
            line("Det har vært avholdt et møte.", y: 154),
            // The same shape in body type stays text.
            line("6 deltakere fra politiet var til stede.", y: 168),
        ]
        let items = MinutesParser().parse(lines: lines).agendaItems
        #expect(items.map(\.number) == ["4", "5"])
        #expect(items.last?.title == "Fotball-VM og utvidede skjenketider")
        #expect(items.last?.text == "Det har vært avholdt et møte.\n\n6 deltakere fra politiet var til stede.")
    }

    @Test func anItemSpansOnlyThePagesItsTextIsOn() {
        let lines = [
            line("1. Budsjett", bold: true, y: 100), line("Budsjettet ble lagt fram.", y: 114),
            TextLine("", page: 1), TextLine("", page: 2),
            line("2. Eventuelt", bold: true, page: 2, y: 80), line("Ingen saker.", page: 2, y: 94),
        ]
        #expect(MinutesParser().parse(lines: lines).agendaItems.map(\.pages) == [[1], [2]])
    }
}

/// Minutes that set their items apart by type alone, without numbers.
@Suite struct UnnumberedHeadingTests {
    private func line(_ text: String, bold: Bool = false, size: Double = 11, x: Double = 72, width: Double = 400,
                      y: Double) -> TextLine {
        TextLine(text, page: 1, style: LineStyle(fontSize: size, isBold: bold, x: x, y: y, width: width))
    }

    @Test func boldOrLargerShortLinesBecomeItemsWithoutANumber() {
        var lines = [line("Commission Meeting Minutes", bold: true, size: 24, y: 40)]
        lines.append(line("Minutes from Monday, January 29, 2018 at Carbon Arc", width: 300, y: 80))
        lines.append(line("\u{F0B7} Perfunctory Business", bold: true, x: 90, width: 110, y: 100))
        for (offset, text) in ["o The meeting was called to order at 9:08am", "o Minutes approved"].enumerated() {
            lines.append(line(text, x: 126, width: 250, y: 115 + Double(offset) * 15))
        }
        lines.append(line("[16:32] Updates", bold: true, x: 90, width: 60, y: 150))
        lines.append(line("o New funding for street pole banner repairs, storefront ads and the", x: 126, width: 420,
                          y: 165))
        // A bold phrase wrapped from a full line continues it.
        lines.append(line("Adopt-A-Meter art program", bold: true, x: 180, width: 130, y: 180))
        lines.append(line("Meeting adjourned at 11:25am", bold: true, x: 90, width: 160, y: 200))
        let structure = MinutesParser().parse(lines: lines)
        #expect(structure.agendaItems.map(\.title) == ["Perfunctory Business", "Updates"])
        #expect(structure.agendaItems.map(\.number) == ["", ""])
        #expect(structure.agendaItems.last?.text.hasSuffix("and the Adopt-A-Meter art program") == true)
        #expect(structure.meeting.endTime == "11:25")
    }

    @Test func numberedItemsWinOverTypography() {
        let lines = [
            line("1. Budsjett", bold: true, y: 100), line("Budsjettet ble vedtatt.", y: 114),
            line("Merknader", bold: true, y: 130), line("Ingen merknader.", y: 144),
            line("2. Eventuelt", bold: true, y: 160), line("Ingen saker.", y: 174),
            line("Ingen flere saker.", y: 188), line("Møtet ble avsluttet.", y: 202),
            line("Neste møte blir i juni.", y: 216), line("Referent: Kari", y: 230),
        ]
        #expect(MinutesParser().parse(lines: lines).agendaItems.map(\.number) == ["1", "2"])
    }
}

/// Agendas numbered with Roman numerals, as many American boards print them.
@Suite struct RomanNumeralTests {
    @Test func romanNumeralsNumberItems() {
        let text = """
            REGULAR MEETING OF THE BOARD OF TRUSTEES

            I. CALL TO ORDER
            The meeting was called to order at 4:00 p.m.

            II. ROLL CALL
            All trustees were present.

            III.APPROVAL OF THE MINUTES
            The minutes were approved.

            IV. NEW BUSINESS
            None.
            """
        let items = MinutesParser().parse(text: text).agendaItems
        #expect(items.map(\.number) == ["I", "II", "III", "IV"])
        #expect(items.map(\.title) == ["CALL TO ORDER", "ROLL CALL", "APPROVAL OF THE MINUTES", "NEW BUSINESS"])
    }

    @Test(arguments: [("XIV", 14), ("IX", 9), ("XL", 40), ("IIII", nil), ("VX", nil), ("IC", nil)])
    func romanValues(numeral: String, value: Int?) {
        #expect(HeadingDetector.romanValue(Substring(numeral)) == value)
    }
}

/// Markdown minutes and candidate tables.
@Suite struct MarkdownAndTableRowTests {
    @Test func markdownHeadingsAreHeadingsEvenWithABareNumber() {
        let text = "# Referat hovedstyret\n\n## 214 Godkjenning av innkalling\nGodkjent.\n\n## 215 Eventuelt\nIngen saker."
        let structure = MinutesParser().parse(text: text)
        #expect(structure.title == "Referat hovedstyret")
        #expect(structure.agendaItems.map(\.number) == ["214", "215"])
        #expect(structure.agendaItems.map(\.title) == ["Godkjenning av innkalling", "Eventuelt"])
    }

    @Test func numberedTableRowsWithMoreCellsAreNotItems() {
        let text = "1. Valg av kandidater\nListen:\n\n1  Odd Kjetil Sløtte  **  1962\n2  Stine Myrvang  **  1979\n\n"
            + "2. Eventuelt\nIngen saker."
        #expect(MinutesParser().parse(text: text).agendaItems.map(\.title) == ["Valg av kandidater", "Eventuelt"])
    }

    @Test("In a text longer than 2,000 characters (XML on one line) only the start is searched for dates and times")
    func longTextIsSearchedAtItsStart() {
        let parser = MeetingDateParser(vocabularies: MinutesVocabulary.builtIn)
        let filler = String(repeating: "<w:t>Møte æøå</w:t> ", count: 150)  // 3,000 characters, multi-byte letters
        let early = "Møte torsdag 5. mars 2026 kl. 09.00–11.00 " + filler
        let match = parser.firstDateMatch(in: early)
        #expect(match?.date == "2026-03-05")
        #expect(match.map { String(early[$0.end...].prefix(10)) } == " kl. 09.00")
        #expect(parser.times(in: early).start == "09:00")
        let late = filler + "5. mars 2026 kl. 09.00"
        #expect(parser.firstDate(in: late) == nil)
        #expect(parser.times(in: late).start == nil)
    }
}
