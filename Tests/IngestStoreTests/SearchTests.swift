import Foundation
import IngestCore
import Testing

@testable import IngestStore

/// Full-text search over the seed minutes and small real-style minutes: hits, ranking, snippets, folding, syntax.
@Suite("Searching")
struct SearchTests {
    let fixtures: StoreFixtures
    let store: MinutesStore
    let seedID: Int64

    init() throws {
        fixtures = try StoreFixtures()
        store = try fixtures.store()
        seedID = try store.save(try StoreFixtures.seed(), path: "SampleDocs/politiradet-oslo-referat.txt").id
    }

    @Test("'skjenketider' finds item 5 of the seed minutes, with its title, snippet, date, body and source")
    func findsSkjenketider() throws {
        let hits = try store.search("skjenketider")
        let hit = try #require(hits.first)
        #expect(hits.count == 1)
        #expect(hit.documentID == seedID)
        #expect(hit.itemNumber == "5")
        #expect(hit.itemTitle == "Fotball-VM og utvidede skjenketider")
        // Only the title has the word: the snippet is the title, match marked, then the start of the text.
        #expect(hit.snippet.hasPrefix("Fotball-VM og utvidede «skjenketider» — Det har vært avholdt et møte"))
        #expect(hit.snippet.hasSuffix("…"))
        #expect(hit.snippetRuns.filter(\.isMatch).map(\.text) == ["skjenketider"])
        #expect(hit.sourcePath == "SampleDocs/politiradet-oslo-referat.txt")
        // The seed text has no header (it sat in a table of the PDF): no date, body or title to show.
        #expect(hit.meetingDate == nil && hit.organization == nil && hit.documentTitle == nil)
        #expect(hit.pages == [])
        #expect(hit.score > 0)
    }

    @Test("A hit carries its meeting's date, body, title and the item's pages")
    func hitCarriesMeeting() throws {
        var document = StoreFixtures.document(
            text: """
                Politirådet i Oslo

                Referat fra møte i Politirådet

                Dato: 12. mars 2026

                1. Dagsorden godkjent

                2. Skjenketider i sommer

                Byrådet foreslår lengre skjenketider under fotball-VM.
                """, path: "/m/politiradet-2026-03-12.txt")
        document.agendaItems[1].pages = [2, 3]
        let id = try store.save(document, path: "/m/politiradet-2026-03-12.txt").id
        let hit = try #require(try store.search("skjenketider sommer").first)
        #expect(hit.documentID == id)
        #expect(hit.itemNumber == "2")
        #expect(hit.itemTitle == "Skjenketider i sommer")
        #expect(hit.meetingDate == "2026-03-12")
        #expect(hit.organization == document.meeting.organization && hit.organization != nil)
        #expect(hit.documentTitle == document.title && hit.documentTitle != nil)
        #expect(hit.pages == [2, 3])
        #expect(hit.sourcePath == "/m/politiradet-2026-03-12.txt")
    }

    @Test("A snippet is about a dozen words of the body around the match, whitespace collapsed, cut with …")
    func snippetAroundBodyMatch() throws {
        let hit = try #require(try store.search("høringssvar").first)
        #expect(hit.itemNumber == "5")
        #expect(hit.snippet.contains("«høringssvar»"))
        #expect(hit.snippet.hasPrefix("…") || hit.snippet.hasSuffix("…"))
        #expect(!hit.snippet.contains("\n") && !hit.snippet.contains("  "))
        let words = hit.snippet.split(separator: " ").count
        #expect((8...16).contains(words), "\(hit.snippet)")
        #expect(hit.snippet(open: "\u{1B}[1m", close: "\u{1B}[0m").contains("\u{1B}[1mhøringssvar\u{1B}[0m"))
    }

    @Test("'fotball-vm' is the phrase 'fotball vm' and finds 'Fotball-VM'; item 5 (title) before item 4 (text)")
    func hyphenatedWordIsPhrase() throws {
        let hits = try store.search("fotball-vm")
        #expect(hits.map(\.itemNumber) == ["5", "4"])
        #expect(hits.first?.snippetRuns.contains { $0.isMatch && $0.text.lowercased().hasPrefix("fotball") } == true)
        #expect(try store.search("vm-fotball").isEmpty, "a phrase keeps its word order")
    }

    @Test("Case folds for Norwegian letters: SKJENKETIDER, Ærlig, ØKONOMI, ÅPNINGSTIDER")
    func norwegianCaseFolding() throws {
        let document = StoreFixtures.minutes(
            items: [
                ("Økonomi", "Styret var ærlig om at åpningstider og budsjett henger sammen."),
                ("Eventuelt", "Når møtet var slutt, gikk alle hjem."),
            ], path: "/m/styret.txt")
        let id = try store.save(document, path: "/m/styret.txt").id
        #expect(try store.search("SKJENKETIDER").map(\.itemNumber) == ["5"])
        #expect(try store.search("Ærlig").map(\.documentID) == [id])
        #expect(try store.search("ØKONOMI").map(\.itemTitle) == ["Økonomi"])
        #expect(try store.search("ÅPNINGSTIDER").map(\.itemNumber) == ["1"])
        #expect(try store.search("når").map(\.itemNumber).contains("2"))
    }

    @Test("æ ø å stay distinct from a o: 'nar' does not find 'når', 'okonomi' not 'økonomi'")
    func diacriticsKept() throws {
        let document = StoreFixtures.minutes(
            items: [("Økonomi", "Når møtet var slutt, gikk alle hjem.")], path: "/m/styret.txt")
        try store.save(document, path: "/m/styret.txt")
        #expect(try store.search("nar").isEmpty)
        #expect(try store.search("okonomi").isEmpty)
        #expect(try store.search("mote").isEmpty)
        #expect(try !store.search("møtet").isEmpty)
    }

    @Test("A match in an item title ranks above matches in another item's text")
    func titleRanksAboveBody() throws {
        let document = StoreFixtures.minutes(
            items: [
                (
                    "Eventuelt",
                    "Kassereren minnet om at budsjettet for neste år må være klart i mai, og at budsjettet skal deles ut."
                ),
                ("Budsjettet for 2025", "Styret gikk gjennom tallene og ga sin tilslutning."),
            ], path: "/m/styret.txt")
        try store.save(document, path: "/m/styret.txt")
        let hits = try store.search("budsjettet")
        #expect(hits.map(\.itemTitle) == ["Budsjettet for 2025", "Eventuelt"])
        #expect(hits[0].score > hits[1].score)
    }

    @Test("All words must occur, in any order; a limit caps the hits")
    func allWordsAndLimit() throws {
        #expect(try store.search("skjenketider politiet").map(\.itemNumber) == ["5"])
        #expect(try store.search("politiet skjenketider").map(\.itemNumber) == ["5"])
        #expect(try store.search("skjenketider pride").isEmpty)
        let all = try store.search("politiet")
        #expect(all.count > 3)
        #expect(try store.search("politiet", limit: 2) == Array(all.prefix(2)))
    }

    @Test("The document's title block (title, body, free sections) is searchable too, as a hit without an item")
    func titleBlockHit() throws {
        let hits = try store.search("politirådssamarbeidet")
        #expect(hits.count == 1)
        #expect(hits.first?.documentID == seedID)
        #expect(hits.first?.itemNumber == nil && hits.first?.itemTitle == nil)
        #expect(hits.first?.snippet.contains("«politirådssamarbeidet»") == true)
    }

    @Test("FTS5 syntax passes through: prefix*, OR, NEAR, quoted phrases")
    func advancedSyntax() throws {
        #expect(try store.search("skjenke*").map(\.itemNumber).contains("5"))
        #expect(Set(try store.search("skjenketider OR Oslomodellen").compactMap(\.itemNumber)) == ["5", "6"])
        #expect(try store.search("\"utvidede skjenketider\"").map(\.itemNumber) == ["5"])
        #expect(try store.search("NEAR(skjenkeregler politiet, 5)").map(\.itemNumber) == ["5"])
        #expect(try store.search("skjenketider NOT høringssvar").isEmpty)
    }

    @Test("An FTS5 syntax error is a StoreError that says where and what to do")
    func syntaxErrors() throws {
        let unbalanced = #expect(throws: StoreError.self) { try store.search("\"skjenketider") }
        #expect(unbalanced?.message.hasPrefix("search syntax error") == true, "\(String(describing: unbalanced))")
        #expect(unbalanced?.advice?.contains("quote phrases in pairs") == true)

        let dangling = #expect(throws: StoreError.self) { try store.search("skjenketider AND") }
        #expect(dangling?.message == "search syntax error at the end of the query")

        let parenthesis = #expect(throws: StoreError.self) { try store.search("skjenketider OR )") }
        #expect(parenthesis?.message == "search syntax error near ')'")

        let column = #expect(throws: StoreError.self) { try store.search("tittel:skjenketider OR vm") }
        #expect(column?.message.contains("tittel") == true, "\(String(describing: column))")
    }

    @Test("Plain queries never raise syntax errors: punctuation is text, lower-case operators are words")
    func plainQueriesAreSafe() throws {
        for query in [
            "skjenketider:", "(skjenketider", "skjenketider)", "skjenketider^", "-skjenketider",
            "skjenketider + vm", "{skjenketider}", "'skjenketider'", "skjenketider, fotball-vm.",
        ] {
            #expect(try store.search(query).first?.itemNumber == "5", "\(query)")
        }
        #expect(try store.search("skjenketider and politiet").isEmpty, "'and' is a word here")
        #expect(try store.search("").isEmpty)
        #expect(try store.search("  – ! ").isEmpty)
    }
}
