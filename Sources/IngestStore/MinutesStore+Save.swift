public import Foundation
import GRDB
public import IngestCore

extension MinutesStore {
    /// Saves a document, once per content.
    ///
    /// The idempotency key is the content hash: the bundle's (`document.bundle?.source.sha256`) when the document
    /// came in one, else the file's (`document.source.sha256`); documents of one bundle are told apart by their
    /// minutes file's hash. Content already stored is not stored again (`.unchanged`, whatever the path). New
    /// content for a path whose current record holds other content becomes that path's current record, and the
    /// old record stays as history, out of search (`.newVersion`). Everything is written in one transaction: after
    /// a crash the store holds the whole record or nothing of it.
    /// - Parameters:
    ///   - document: the document.
    ///   - path: the path to save it under (what identifies "the same file" across versions); best absolute.
    ///   - ingestedAt: the time to record.
    /// - Returns: what was done, with the record's id.
    /// - Throws: ``StoreError`` when the store cannot be written.
    @discardableResult
    public func save(_ document: MinutesDocument, path: String, ingestedAt: Date = Date()) throws(StoreError)
        -> SaveOutcome
    {
        // Already stored and current: answered by a read, without encoding the document or taking the write lock.
        let key = document.bundle?.source.sha256 ?? document.source.sha256
        let stored = try read { db in
            try Int64.fetchOne(
                db,
                sql: "SELECT id FROM document WHERE sha256 = ? AND source_sha256 = ? AND superseded_by IS NULL",
                arguments: [key, document.source.sha256])
        }
        if let stored { return .unchanged(id: stored) }
        let rows = try DocumentRows(document, path: path, ingestedAt: ingestedAt)
        return try write { db in try rows.save(in: db) }
    }

    /// The newest current record with this content hash: the watcher's check before extracting a file again.
    ///
    /// For a bundle (zip, folder, e-mail) pass the bundle's hash: it finds the record of any document that came in
    /// it. Superseded records do not count: content that comes back after an edit is to be saved again, which makes
    /// its old record current (see ``save(_:path:ingestedAt:)``).
    /// - Parameter sha256: a SHA-256, lowercase hex (``ContentHash/sha256(of:)``).
    /// - Returns: the record's id, or `nil` when no current record has this hash.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func record(sha256: String) throws(StoreError) -> Int64? {
        try read { db in
            try Int64.fetchOne(
                db, sql: "SELECT max(id) FROM document WHERE sha256 = ? AND superseded_by IS NULL", arguments: [sha256])
        }
    }
}
