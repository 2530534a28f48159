import Foundation
import Testing
@testable import IngestCore

/// The seed minutes (Politirådet i Oslo), exactly as a PDF text tool gave them: every line followed by an empty
/// line, blocks separated by a line holding one space.
@Suite struct SeedMinutesTests {
    let structure: MinutesStructure
    let seed: String

    init() throws {
        seed = try SharedFixtures.seedText()
        structure = MinutesParser().parse(text: seed)
    }

    @Test func findsAllTenItemsWithExactNumbersAndTitles() {
        let expected: [(String, String)] = [
            ("1", "Dagsorden godkjent"),
            ("2", "Orientering fra politimester"),
            ("3", "Orientering fra byrådsleder"),
            ("4", "Situasjonsbrief fra politiet"),
            ("5", "Fotball-VM og utvidede skjenketider"),
            ("6", "Status for Oslomodell for én-til-én-oppfølging"),
            ("7", "Oppfølgingspunkter fra politirådsseminaret"),
            ("8", "Ny Politirådsavtale 2026 – 2028"),
            ("9", "Nytt SaLTo handlingsprogram 2026 – 2028"),
            ("10", "Eventuelt"),
        ]
        #expect(structure.agendaItems.map(\.number) == expected.map(\.0))
        #expect(structure.agendaItems.map(\.title) == expected.map(\.1))
    }

    @Test func itemFiveBodyIsTheSeedParagraphReflowed() throws {
        // Computed from the seed independently of the parser: the lines between the two headings, joined.
        let lines = seed.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            $0.replacingOccurrences(of: "\u{202F}", with: " ").trimmingCharacters(in: .whitespaces)
        }
        let start = try #require(lines.firstIndex(of: "5. Fotball-VM og utvidede skjenketider"))
        let end = try #require(lines.firstIndex(of: "6. Status for Oslomodell for én-til- én-oppfølging"))
        let expected = lines[(start + 1)..<end].filter { !$0.isEmpty }.joined(separator: " ")
        let item = try #require(structure.agendaItems.first { $0.number == "5" })
        #expect(item.text == expected)
        #expect(item.text.hasPrefix("Det har vært avholdt et møte mellom byråd for kultur og næring og politiet"))
        #expect(item.text.hasSuffix("rundt utfordringer som følge av utvidet skjenkeforskrift."))
        #expect(item.decisions.isEmpty)
    }

    @Test func bodiesAreReflowedIntoParagraphsWithoutHardBreaks() throws {
        let item = try #require(structure.agendaItems.first { $0.number == "2" })
        let paragraphs = item.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs.allSatisfy { !$0.contains("\n") })
        #expect(paragraphs[2].hasPrefix("Innbyggerundersøkelsen vil offentliggjøres neste uke"))
        #expect(structure.agendaItems.first?.text == "")
    }

    @Test func realHyphensAndDashesStay() throws {
        let six = try #require(structure.agendaItems.first { $0.number == "6" })
        #expect(six.text.contains("Oslomodellen for én-til-én-oppfølging ble lansert"))
        let nine = try #require(structure.agendaItems.first { $0.number == "9" })
        #expect(nine.text.contains("SaLTo handlingsprogram 2026 – 2028 gir"))
        #expect(nine.text.contains("det rus- og kriminalitetsforebyggende arbeidet"))
        let three = try #require(structure.agendaItems.first { $0.number == "3" })
        #expect(three.text.contains("Helse- og sosialutvalget"))
    }

    @Test func listsTheThreeAttachments() {
        #expect(structure.attachments.map(\.number) == ["1", "2", "3"])
        #expect(structure.attachments.map(\.title) == [
            "Oppfølgingspunkter fra politirådsseminaret",
            "Politirådsavtale 2026 – 2028",
            "SaLTo handlingsprogram 2026 – 2028",
        ])
    }

    @Test func readsTheFiveAbbreviationPairs() {
        #expect(structure.abbreviations == [
            Abbreviation(abbreviation: "OPD", expansion: "Oslo politidistrikt"),
            Abbreviation(abbreviation: "BLK", expansion: "Byrådslederens kontor"),
            Abbreviation(abbreviation: "UTD", expansion: "Byrådsavdeling for utdanning"),
            Abbreviation(abbreviation: "KON", expansion: "Byrådsavdeling for kultur og næring"),
            Abbreviation(abbreviation: "SET", expansion: "Byrådsavdeling for sosiale tjenester"),
        ])
    }

    @Test func keepsTheFreeSectionOutOfTheLastItem() throws {
        #expect(structure.sections.map(\.heading) == ["Om politirådssamarbeidet"])
        let section = try #require(structure.sections.first)
        let entries = section.text.components(separatedBy: "\n")
        #expect(entries.count == 4)
        #expect(entries.first == "- Politirådet i Oslo har som formål å utveksle informasjon, etablere felles "
            + "problemforståelse og få kunnskap som er av betydning for de prioriteringer og beslutninger som "
            + "foretas innenfor den enkelte sektor.")
        #expect(entries.last == "- Referat og vedlegg er offentlig.")
        let last = try #require(structure.agendaItems.last)
        #expect(last.text.hasSuffix("20 utekontakter fra kommunen kommer til å delta."))
        #expect(!last.text.contains("Vedlegg"))
        #expect(!last.text.contains("Forkortelser"))
    }

    @Test func tellsTheLanguageAndInventsNoHeader() {
        #expect(structure.language == "nb")
        #expect(structure.title == nil)
        #expect(structure.meeting == Meeting())
        #expect(structure.participants.isEmpty)
        #expect(structure.warnings.isEmpty)
    }
}
