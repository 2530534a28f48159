import Foundation
import IngestCore
import PDFMinutesExtractor
import Testing

/// Layouts common in Norwegian and English minutes come out in reading order: two text columns, an agenda set as a
/// table, and words hyphenated at line ends.
///
/// The PDFs in `Fixtures/` are typeset by `Fixtures/make_layout_fixtures.py` (reportlab, deterministic); the
/// expected texts below are the ones that script typesets: change both together.
@Suite
struct LayoutTests {
    /// `two-column-minutes.pdf`: title and date full width, the items in two columns; item 2's paragraph runs from
    /// the foot of the left column to the top of the right one, and item 3 follows it in the right column.
    @Suite struct TwoColumns {
        static let items = [
            TypesetItem(
                number: "1", title: "Godkjenning av innkalling",
                text: "Innkalling og saksliste ble sendt ut to uker før møtet, slik reglementet krever. Leder spurte "
                    + "om det var merknader til innkallingen eller til rekkefølgen på sakene. Det kom ingen merknader, "
                    + "og innkallingen ble godkjent uten endringer. Rådet ønsket velkommen til to nye "
                    + "vararepresentanter."
            ),
            TypesetItem(
                number: "2", title: "Budsjett 2027",
                text: "Kommunedirektøren la fram forslaget til budsjett for 2027 og forklarte hvordan rammene for "
                    + "helse og omsorg er beregnet. Rådet merket seg at antall plasser i dagsenter for eldre holdes "
                    + "uendret, mens behovet ventes å øke med rundt ti prosent de neste to årene. Flere medlemmer "
                    + "pekte på at ventetiden for hjemmetjenester allerede er for lang, og at transporttilbudet til "
                    + "dagsentrene må sikres også i distriktene. Rådet ba om at kostnadene ved å øke antall plasser "
                    + "blir utredet før budsjettet vedtas, og at eldrerådet får saken til uttalelse i god tid før "
                    + "formannskapets behandling i november."
            ),
            TypesetItem(
                number: "3", title: "Eventuelt",
                text: "Sekretæren orienterte om seniormessen i rådhuset i september, der eldrerådet skal ha egen "
                    + "stand. Medlemmene ble bedt om å melde seg til vakter innen utgangen av juni. Neste møte holdes "
                    + "9. juni klokken ti i formannskapssalen."
            ),
        ]

        let document: MinutesDocument
        let lines: [TextLine]

        init() async throws {
            (document, lines) = try await LayoutFixture.read("two-column-minutes.pdf")
        }

        @Test func theFixtureBreaksItemTwoAcrossTheColumns() throws {
            // Without this the test below would prove nothing: the last line of item 2 in the left column, and the
            // first one in the right column, further right and higher up.
            let left = try #require(lines.firstIndex { $0.text.hasSuffix("pekte på at ventetiden") })
            let right = try #require(lines.firstIndex { $0.text.hasPrefix("for hjemmetjenester allerede") })
            let leftStyle = try #require(lines[left].style)
            let rightStyle = try #require(lines[right].style)
            #expect(rightStyle.x > leftStyle.x + leftStyle.width && rightStyle.y < leftStyle.y)
        }

        @Test func titleAndDateAreRead() {
            #expect(document.title == "Referat fra møte i Eldrerådet")
            #expect(document.meeting.date == "2026-05-12")
            #expect(document.language == "nb")
        }

        @Test func theItemsAreOneTwoThree() {
            #expect(document.agendaItems.map(\.number) == ["1", "2", "3"], "\(LayoutFixture.describe(lines))")
            let titles = document.agendaItems.map(\.title)
            #expect(titles.first == Self.items[0].title)
            #expect(titles.last == Self.items[2].title)
            // A heading in one column on the same baseline as a short line in the other is not a table row.
            #expect(titles == Self.items.map(\.title), "\(LayoutFixture.describe(lines))")
        }

        @Test func itemTwoIsItsParagraphLeftColumnFirst() throws {
            let two = try #require(document.agendaItems.first { $0.number == "2" })
            #expect(two.text.whitespaceNormalized == Self.items[1].text)
            #expect(two.decisions.isEmpty)
            #expect(two.pages == [1])
        }

        @Test func nothingOfItemThreeIsInItemTwo() throws {
            let two = try #require(document.agendaItems.first { $0.number == "2" })
            let words = Self.distinctiveWords(of: Self.items[2], notIn: Self.items[1])
            #expect(!words.isEmpty)
            #expect(words.filter { two.text.contains($0) } == [])
            #expect(words.filter { two.title.contains($0) } == [], "title: \(two.title)")
        }

        @Test func itemsOneAndThreeAreTheirParagraphs() throws {
            let one = try #require(document.agendaItems.first { $0.number == "1" })
            #expect(one.text.whitespaceNormalized == Self.items[0].text)
            let three = try #require(document.agendaItems.first { $0.number == "3" })
            #expect(three.text.whitespaceNormalized == Self.items[2].text)
        }

        /// The words of one item (eight letters or more) that the other item's text does not have.
        static func distinctiveWords(of item: TypesetItem, notIn other: TypesetItem) -> [String] {
            let otherWords = Set(other.text.split(separator: " ").map(String.init))
            return (item.title + " " + item.text).split(separator: " ")
                .map { $0.trimmingCharacters(in: .punctuationCharacters) }
                .filter { $0.count >= 8 && !otherWords.contains($0) }
        }
    }

    /// `table-minutes.pdf`: a header block, then the agenda as a table "Item" | "Discussion" with the number in the
    /// left cell and the bold title and body in the right one.
    @Suite struct AgendaTable {
        static let items = [
            TypesetItem(
                number: "1", title: "Approval of the previous minutes",
                text: "The minutes of the meeting held on 3 February 2026 were reviewed page by page. One spelling "
                    + "error in the list of those present was noted and will be corrected. With that change the "
                    + "minutes were approved as a true record.",
                decisions: []
            ),
            TypesetItem(
                number: "2", title: "Quarterly budget report",
                text: "The Treasurer presented the report for the last quarter of the financial year. Income from "
                    + "room hire was eleven per cent above the estimate, mainly because the community hall was booked "
                    + "for two conferences that had not been expected when the budget was set. Spending on "
                    + "maintenance was higher than planned after the boiler failed in January and had to be replaced "
                    + "at short notice, which used most of the contingency reserve. The committee discussed whether "
                    + "the reserve should be rebuilt in the coming year or whether the maintenance budget should "
                    + "instead be raised, and asked the Treasurer to model both options for the next meeting.",
                decisions: []
            ),
            TypesetItem(
                number: "3", title: "Bank signatories",
                text: "Following the change of Treasurer last autumn, the list of people authorised to sign payments "
                    + "has to be updated with the bank. The Chair asked that two signatures remain required for every "
                    + "payment above the agreed limit.",
                decisions: [
                    "Anna Berg and Tom Hill are appointed as signatories, and the bank mandate is to be updated by "
                        + "31 March."
                ]
            ),
        ]

        let document: MinutesDocument
        let lines: [TextLine]

        init() async throws {
            (document, lines) = try await LayoutFixture.read("table-minutes.pdf")
        }

        @Test func headerBlockIsRead() {
            #expect(document.title == "Minutes of the Finance Committee")
            #expect(document.meeting.date == "2026-03-03")
            #expect(document.language == "en")
        }

        @Test func participantsHaveRolesAndStatuses() {
            #expect(
                document.participants == [
                    Participant(name: "Anna Berg", role: "Chair", status: .present),
                    Participant(name: "Tom Hill", role: "Treasurer", status: .present),
                ])
        }

        @Test func theRowsAreItemsOneTwoThreeWithExactTitles() {
            #expect(document.agendaItems.map(\.number) == Self.items.map(\.number), "\(LayoutFixture.describe(lines))")
            #expect(document.agendaItems.map(\.title) == Self.items.map(\.title))
        }

        @Test func theColumnHeadsAreInNoTitleOrBody() throws {
            let heads = try Regex("\\b(Item|Discussion)\\b")
            for item in document.agendaItems {
                #expect(item.title.firstMatch(of: heads) == nil, "item \(item.number): \(item.title)")
                #expect(item.text.firstMatch(of: heads) == nil, "item \(item.number): \(item.text)")
            }
            #expect(!document.participants.contains { $0.name.contains("Item") || $0.name.contains("Discussion") })
        }

        @Test func bodiesAreWhatWasTypeset() {
            for (item, expected) in zip(document.agendaItems, Self.items) {
                #expect(item.text.whitespaceNormalized == expected.text, "item \(item.number)")
            }
            #expect(document.agendaItems.count == Self.items.count)
        }

        @Test func theDecisionIsADecisionNotText() throws {
            let three = try #require(document.agendaItems.first { $0.number == "3" })
            #expect(three.decisions.map(\.whitespaceNormalized) == Self.items[2].decisions)
            #expect(!three.text.contains("Decision"))
            #expect(!three.text.contains("appointed as signatories"))
            #expect(document.agendaItems.filter { $0.number != "3" }.allSatisfy { $0.decisions.isEmpty })
        }
    }

    /// `hyphenated-minutes.pdf`: one narrow column where compounds break at line ends with a real hyphen.
    @Suite struct HyphenatedLineEnds {
        static let items = [
            TypesetItem(
                number: "1", title: "Orientering fra politiet",
                text: "Politiet orienterte om det kriminalitetsforebyggende arbeidet i kommunen. Kommunen har nå "
                    + "ansatt en SaLTo-koordinator i full stilling, og koordinatoren skal følge opp ungdom i "
                    + "risikosonen sammen med skolene og politiet."
            ),
            TypesetItem(
                number: "2", title: "Innbyggerundersøkelsen",
                text: "Innbyggerundersøkelsen viser at trygghetsfølelsen i sentrum har økt. Rådet ba om at "
                    + "resultatene legges fram for ungdomsrådet før sommeren."
            ),
        ]
        /// The line ends the script makes, and how each must read once the lines are joined.
        static let breaks = [
            (lineEnd: "kriminalitets-", joined: "kriminalitetsforebyggende"),
            (lineEnd: "SaLTo-", joined: "SaLTo-koordinator"),
            (lineEnd: "trygghets-", joined: "trygghetsfølelsen"),
        ]

        let document: MinutesDocument
        let lines: [TextLine]

        init() async throws {
            (document, lines) = try await LayoutFixture.read("hyphenated-minutes.pdf")
        }

        @Test func theFixtureHasTheHyphenatedLineEnds() {
            // The parser receives lines ending in a real hyphen; otherwise the tests below would prove nothing.
            for (lineEnd, _) in Self.breaks {
                #expect(lines.contains { $0.text.hasSuffix(" " + lineEnd) }, "\(LayoutFixture.describe(lines))")
            }
            #expect(!lines.contains { $0.text.contains("\u{00AD}") })
        }

        @Test func theItemsAreRead() {
            #expect(document.title == "Referat fra Politirådet i Vestby")
            #expect(document.meeting.date == "2026-04-20")
            #expect(document.agendaItems.map(\.number) == Self.items.map(\.number))
            #expect(document.agendaItems.map(\.title) == Self.items.map(\.title))
        }

        @Test func brokenWordsAreJoinedAndTheRealCompoundKeepsItsHyphen() {
            let all = document.agendaItems.map(\.text).joined(separator: "\n")
            for (lineEnd, joined) in Self.breaks {
                #expect(all.contains(joined), "\(lineEnd) → \(joined)")
            }
            #expect(!all.contains("SaLTokoordinator"))
            for (item, expected) in zip(document.agendaItems, Self.items) {
                #expect(item.text.whitespaceNormalized == expected.text, "item \(item.number)")
            }
        }

        @Test func noLineEndHyphenArtifactsRemain() throws {
            // A hyphen followed by a space or a line break and a lower-case letter: "kriminalitets- forebyggende".
            // (The texts have no "rus- og …" constructions, where that is right.)
            let artifact = try Regex("\\p{L}-[ \\n]+\\p{Ll}")
            for item in document.agendaItems {
                #expect(item.text.firstMatch(of: artifact) == nil, "item \(item.number): \(item.text)")
                #expect(item.title.firstMatch(of: artifact) == nil, "item \(item.number): \(item.title)")
            }
            let all = document.agendaItems.map(\.text).joined(separator: "\n")
            #expect(!all.contains("kriminalitets-") && !all.contains("trygghets-"))
        }
    }
}

/// An agenda item as `make_layout_fixtures.py` typesets it.
struct TypesetItem {
    var number: String
    var title: String
    /// The body, whitespace-normalised, without soft hyphens and without the decisions.
    var text: String
    var decisions: [String] = []
}

/// The fixtures in `Fixtures/` beside this file.
enum LayoutFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fixture extracted through ``registry``, and the lines the minutes parser received for it.
    /// - Throws: when the fixture is missing or cannot be extracted.
    static func read(_ name: String) async throws -> (MinutesDocument, [TextLine]) {
        let url = folder.appendingPathComponent(name)
        try #require(
            FileManager.default.fileExists(atPath: url.path),
            "missing \(url.path): run python3 Tests/PDFMinutesExtractorTests/Fixtures/make_layout_fixtures.py")
        let path = "Tests/PDFMinutesExtractorTests/Fixtures/\(name)"
        let result = await extract(url, path: path)
        let document = try #require(result.document, "\(result.summary)")
        let lines = try PDFMinutesExtractor().textLines(of: ExtractionInput(fileURL: url, path: path))
        return (document, lines)
    }

    /// The lines one per row, with position and boldness, for failure messages.
    static func describe(_ lines: [TextLine]) -> String {
        "lines the parser received:\n"
            + lines.map { line in
                guard let style = line.style else { return "  [        ] \(line.text)" }
                let x = Int(style.x.rounded())
                let y = Int(style.y.rounded())
                return "  [x \(x) y \(y)\(style.isBold ? " bold" : "")] \(line.text)"
            }.joined(separator: "\n")
    }
}
