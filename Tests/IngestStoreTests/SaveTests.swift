import Foundation
import IngestCore
import Testing

@testable import IngestStore

/// Saving: once per content, versions per path, one transaction per document, many writers at once.
@Suite("Saving documents")
struct SaveTests {
    /// The seed minutes with item 5's title and text changed: the same file, edited.
    static func editedSeed() throws -> MinutesDocument {
        let text = StoreFixtures.seedText
            .replacingOccurrences(of: "Fotball-VM og utvidede skjenketider", with: "Fotball-VM og åpningstider")
        #expect(text != StoreFixtures.seedText)
        return StoreFixtures.document(text: text, path: "SampleDocs/politiradet-oslo-referat.txt")
    }

    @Test(
        "A new document is inserted with its items, people, attachments and abbreviations; saving it again changes nothing"
    )
    func insertThenUnchanged() throws {
        let fixtures = try StoreFixtures()
        let store = try fixtures.store()
        let document = try StoreFixtures.seed()
        let first = try store.save(document, path: "/m/politiradet.txt")
        guard case .inserted(let id) = first else {
            Issue.record("expected .inserted, got \(first)")
            return
        }
        let counts = try store.rowCounts()
        #expect(counts["document"] == 1)
        #expect(counts["agenda_item"] == document.agendaItems.count)
        #expect(counts["participant"] == document.participants.count)
        #expect(counts["attachment"] == document.attachments.count)
        #expect(counts["abbreviation"] == document.abbreviations.count)
        #expect(counts["search_index"] == document.agendaItems.count + 1, "one row per item and one title block")
        #expect(document.agendaItems.count == 10)
        #expect(document.abbreviations.count == 5 && document.attachments.count == 3)

        #expect(try store.save(document, path: "/m/politiradet.txt") == .unchanged(id: id))
        #expect(try store.save(document, path: "/elsewhere/copy.txt") == .unchanged(id: id), "same content, other path")
        #expect(try store.rowCounts() == counts)
        #expect(try store.record(sha256: document.source.sha256) == id)
    }

    @Test("New content at a stored path is a new version: history kept, the old version gone from search")
    func newVersionSupersedes() throws {
        let fixtures = try StoreFixtures()
        let store = try fixtures.store()
        let original = try StoreFixtures.seed()
        let edited = try Self.editedSeed()
        let path = "/m/politiradet.txt"
        let old = try store.save(original, path: path).id
        #expect(try store.search("skjenketider").map(\.documentID) == [old])

        let outcome = try store.save(edited, path: path, ingestedAt: Date(timeIntervalSince1970: 1_760_000_000))
        let new = outcome.id
        #expect(outcome == .newVersion(id: new, previous: old))
        #expect(new != old)

        let history = try #require(try store.document(id: old))
        #expect(history.supersededBy == new)
        #expect(history.document == original, "the old version is kept whole")
        let current = try #require(try store.document(id: new))
        #expect(current.supersededBy == nil)
        #expect(current.ingestedAt == Date(timeIntervalSince1970: 1_760_000_000))
        #expect(current.document.agendaItems[4].title == "Fotball-VM og åpningstider")

        #expect(try store.search("skjenketider").isEmpty, "only the old version had the word")
        #expect(try store.search("åpningstider").map(\.documentID) == [new])
        #expect(Set(try store.search("politimester").map(\.documentID)) == [new], "shared words find the new one only")
        #expect(try store.meetings().map(\.id) == [new])
        #expect(try store.rowCounts()["document"] == 2)
        #expect(try store.record(sha256: original.source.sha256) == nil, "superseded content is to be saved again")
        #expect(try store.record(sha256: edited.source.sha256) == new)
    }

    @Test("A file changed back to stored content makes that record current again instead of a copy")
    func revertReinstatesOldRecord() throws {
        let fixtures = try StoreFixtures()
        let store = try fixtures.store()
        let original = try StoreFixtures.seed()
        let path = "/m/politiradet.txt"
        let first = try store.save(original, path: path).id
        let second = try store.save(try Self.editedSeed(), path: path).id

        #expect(try store.record(sha256: original.source.sha256) == nil)
        #expect(try store.save(original, path: path) == .newVersion(id: first, previous: second))
        #expect(try store.record(sha256: original.source.sha256) == first)
        #expect(try store.document(id: first)?.supersededBy == nil)
        #expect(try store.document(id: second)?.supersededBy == first)
        #expect(try store.search("skjenketider").map(\.documentID) == [first])
        #expect(try store.search("åpningstider").isEmpty)
        #expect(try store.rowCounts()["document"] == 2)
    }

    @Test("A bundle's document is keyed by the bundle's hash; two minutes of one bundle are two records")
    func bundleKey() throws {
        let fixtures = try StoreFixtures()
        let store = try fixtures.store()
        let bundle = BundleInfo(
            source: SourceInfo(
                path: "møter.zip", fileName: "møter.zip", mediaType: "application/zip", bytes: 4096,
                sha256: ContentHash.sha256(of: Data("møter.zip".utf8))),
            extractor: ExtractorInfo(name: "bundle", version: "1.0.0"), files: 3)
        var seed = try StoreFixtures.seed(path: "politiradet.txt")
        seed.bundle = bundle
        var other = StoreFixtures.minutes(items: [("Budsjett", "Budsjettet ble vedtatt.")], path: "styret.txt")
        other.bundle = bundle

        let first = try store.save(seed, path: "møter.zip!politiradet.txt")
        let second = try store.save(other, path: "møter.zip!styret.txt")
        #expect(first == .inserted(id: first.id))
        #expect(second == .inserted(id: second.id))
        #expect(try store.record(sha256: bundle.source.sha256) == second.id, "the newest record of the bundle")
        #expect(try store.record(sha256: seed.source.sha256) == nil, "the key is the bundle's hash, not the file's")
        #expect(try store.document(id: first.id)?.sha256 == bundle.source.sha256)
        #expect(try store.save(seed, path: "møter.zip!politiradet.txt") == .unchanged(id: first.id))
    }

    @Test("A document whose later insert fails leaves no row at all, and the store takes it once the cause is gone")
    func oneTransactionPerDocument() throws {
        let fixtures = try StoreFixtures()
        let store = try fixtures.store()
        let document = try StoreFixtures.seed()
        // The 8th agenda item fails: the document, 7 items and nothing else would be written without a transaction.
        try store.execute(
            sql: """
                CREATE TRIGGER fail_eighth_item BEFORE INSERT ON agenda_item WHEN NEW.position = 7
                BEGIN SELECT RAISE(ABORT, 'forced failure'); END
                """)
        let error = #expect(throws: StoreError.self) { try store.save(document, path: "/m/politiradet.txt") }
        #expect(error?.message.contains("forced failure") == true)
        let counts = try store.rowCounts()
        #expect(counts.values.allSatisfy { $0 == 0 }, "\(counts)")
        #expect(try store.search("skjenketider").isEmpty)
        #expect(try store.record(sha256: document.source.sha256) == nil)

        try store.execute(sql: "DROP TRIGGER fail_eighth_item")
        #expect(try store.save(document, path: "/m/politiradet.txt") == .inserted(id: 1))
        #expect(try store.rowCounts()["agenda_item"] == 10)
    }

    @Test("A new version that fails leaves the current version current and searchable")
    func failedNewVersionKeepsCurrent() throws {
        let fixtures = try StoreFixtures()
        let store = try fixtures.store()
        let id = try store.save(try StoreFixtures.seed(), path: "/m/politiradet.txt").id
        let before = try store.rowCounts()
        try store.execute(
            sql: "CREATE TRIGGER fail_abbreviation BEFORE INSERT ON abbreviation BEGIN SELECT RAISE(ABORT, 'full'); END"
        )

        #expect(throws: StoreError.self) { try store.save(try Self.editedSeed(), path: "/m/politiradet.txt") }
        #expect(try store.rowCounts() == before)
        #expect(try store.document(id: id)?.supersededBy == nil)
        #expect(try store.search("skjenketider").map(\.documentID) == [id])
    }

    @Test("Many tasks saving the same and different documents at once: one record per content, no duplicates")
    func concurrentSaves() async throws {
        let fixtures = try StoreFixtures()
        let store = try fixtures.store()
        let seed = try StoreFixtures.seed()
        let others = (1...6).map { number in
            StoreFixtures.minutes(
                date: "\(number). mars 2024", items: [("Sak \(number)", "Møte nummer \(number) i rekken.")],
                path: "/m/styret-\(number).txt")
        }
        let outcomes = try await withThrowingTaskGroup(of: SaveOutcome.self) { group in
            for round in 0..<4 {
                for _ in 0..<4 {
                    group.addTask { try store.save(seed, path: "/m/politiradet.txt") }
                }
                for other in others where round % 2 == 0 {
                    group.addTask { try store.save(other, path: other.source.path) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 16 + 12)
        let seedID = try #require(try store.record(sha256: seed.source.sha256))
        let seedOutcomes = outcomes.filter { $0.id == seedID }
        #expect(seedOutcomes.count == 16)
        #expect(seedOutcomes.filter { $0 == .inserted(id: seedID) }.count == 1)
        #expect(outcomes.filter { if case .inserted = $0 { true } else { false } }.count == 7)
        #expect(!outcomes.contains { if case .newVersion = $0 { true } else { false } })
        #expect(try store.rowCounts()["document"] == 7)
        #expect(try store.meetings().count == 7)
        #expect(try store.search("skjenketider").count == 1)
    }

    @Test("Meetings come by date, newest first; undated ones last")
    func meetingsByDate() throws {
        let fixtures = try StoreFixtures()
        let store = try fixtures.store()
        let march = try store.save(
            StoreFixtures.minutes(date: "14. mars 2024", items: [("Budsjett", "Vedtatt.")], path: "/m/mars.txt"),
            path: "/m/mars.txt"
        ).id
        let seed = try store.save(try StoreFixtures.seed(), path: "/m/politiradet.txt").id
        let undated = try store.save(
            StoreFixtures.document(text: "Notat\n\n1. Budsjett\n\nIngen dato her.\n", path: "/m/notat.txt"),
            path: "/m/notat.txt"
        ).id
        let june = try store.save(
            StoreFixtures.minutes(
                date: "3. juni 2024", items: [("Regnskap", "Godkjent."), ("Eventuelt", "Ingen saker.")],
                path: "/m/juni.txt"),
            path: "/m/juni.txt"
        ).id

        // The seed text has no header, so no date: undated meetings come last, the newest record first.
        let meetings = try store.meetings()
        #expect(meetings.map(\.id) == [june, march, undated, seed])
        #expect(meetings.map(\.date) == ["2024-06-03", "2024-03-14", nil, nil])
        #expect(meetings.map(\.items) == [2, 1, 1, 10])
        #expect(meetings.first?.path == "/m/juni.txt")
        #expect(meetings.first?.title == "Referat fra styremøte")
        #expect(try store.meetings(limit: 2).map(\.id) == [june, march])
    }
}
