import Foundation
import IngestCore
import Testing

@testable import IngestStore

/// Opening stores: new, existing, missing, foreign, newer; the default location.
@Suite("Opening a store")
struct StoreOpeningTests {
    @Test("A new store is created with its folders and migrated to the current schema, empty")
    func createsAndMigratesEmptyStore() throws {
        let fixtures = try StoreFixtures()
        let path = fixtures.directory.appendingPathComponent("nested/deeper/minutes.sqlite").path
        let store = try MinutesStore(path: path)

        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.appliedMigrations() == ["v1"])
        #expect(try store.meetings().isEmpty)
        #expect(try store.search("skjenketider").isEmpty)
        #expect(try store.record(sha256: String(repeating: "0", count: 64)) == nil)
        #expect(try store.document(id: 1) == nil)
        #expect(try store.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test("Reopening an existing store keeps its records and runs no migration twice")
    func reopensExistingStore() throws {
        let fixtures = try StoreFixtures()
        let document = try StoreFixtures.seed()
        let id: Int64
        do {
            let store = try fixtures.store()
            id = try store.save(document, path: "/minutes/politiradet.txt").id
        }
        let reopened = try fixtures.store()
        #expect(try reopened.appliedMigrations() == ["v1"])
        let stored = try #require(try reopened.document(id: id))
        #expect(stored.document == document)
        #expect(stored.path == "/minutes/politiradet.txt")
        #expect(stored.sha256 == document.source.sha256)
        #expect(stored.extractor == document.extractor)
        #expect(stored.supersededBy == nil)
        #expect(try reopened.search("skjenketider").map(\.documentID) == [id])
        #expect(try reopened.save(document, path: "/minutes/politiradet.txt") == .unchanged(id: id))
    }

    @Test("With createIfMissing false a missing store is an error that says how to make one")
    func missingStoreIsAnError() throws {
        let fixtures = try StoreFixtures()
        let path = fixtures.storePath("absent.sqlite")
        let error = #expect(throws: StoreError.self) { try MinutesStore(path: path, createIfMissing: false) }
        #expect(error?.description == "no store at \(path): ingest files with --store \(path) first")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A file that is not a database is refused with advice, and left as it was")
    func foreignFileIsRefused() throws {
        let fixtures = try StoreFixtures()
        let path = fixtures.storePath("notes.txt")
        let content = Data(String(repeating: "Referat fra møte i Politirådet\n", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try MinutesStore(path: path) }
        #expect(error?.message.hasPrefix("\(path) is not an ingest store") == true)
        #expect(error?.advice == "use another path with --store PATH")
        #expect(FileManager.default.contents(atPath: path) == content)
    }

    @Test("A store migrated by a newer ingest is refused rather than half understood")
    func newerStoreIsRefused() throws {
        let fixtures = try StoreFixtures()
        do {
            let store = try fixtures.store()
            try store.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2')")
        }
        let error = #expect(throws: StoreError.self) { try fixtures.store() }
        #expect(error?.message.contains("was written by a newer version of ingest") == true)
    }

    @Test("The default path: $INGEST_STORE, else $XDG_DATA_HOME/ingest, else ~/.local/share/ingest")
    func defaultPath() {
        #expect(
            MinutesStore.defaultPath(environment: ["INGEST_STORE": "/srv/m.sqlite", "HOME": "/home/kari"])
                == "/srv/m.sqlite")
        #expect(
            MinutesStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/kari"])
                == "/data/ingest/minutes.sqlite")
        #expect(
            MinutesStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/kari"])
                == "/home/kari/.local/share/ingest/minutes.sqlite")
        #expect(
            MinutesStore.defaultPath(environment: ["HOME": "/home/kari"])
                == "/home/kari/.local/share/ingest/minutes.sqlite")
    }
}
