import Foundation
import GRDB
import IngestCore

extension MinutesStore {
    /// One record, current or superseded, with its document.
    /// - Parameter id: the record's id (``SaveOutcome/id``, ``SearchHit/documentID``).
    /// - Returns: the record, or `nil` when there is none with this id.
    /// - Throws: ``StoreError`` when the store cannot be read or the record's JSON no longer decodes.
    public func document(id: Int64) throws(StoreError) -> StoredDocument? {
        let row = try read { db in try Row.fetchOne(db, sql: "SELECT * FROM document WHERE id = ?", arguments: [id]) }
        guard let row else { return nil }
        let json: String = row["json"]
        let document: MinutesDocument
        do {
            document = try JSONDecoder().decode(MinutesDocument.self, from: Data(json.utf8))
        } catch {
            throw StoreError(
                message: "record \(id) in \(path) does not decode as a minutes document (\(error))",
                advice: "ingest its file again with a current ingest")
        }
        return StoredDocument(
            id: row["id"], path: row["path"], sha256: row["sha256"],
            extractor: ExtractorInfo(name: row["extractor"], version: row["extractor_version"]),
            ingestedAt: row["ingested_at"], supersededBy: row["superseded_by"], document: document)
    }

    /// The current records by meeting date, newest first; records without a date come last, newest record first.
    /// - Parameter limit: the most meetings to return.
    /// - Returns: one summary per current record.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func meetings(limit: Int = 100) throws(StoreError) -> [MeetingSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.meeting_date, d.organization, d.title, d.path,
                           (SELECT count(*) FROM agenda_item a WHERE a.document_id = d.id) AS items
                    FROM document d
                    WHERE d.superseded_by IS NULL
                    ORDER BY d.meeting_date IS NULL, d.meeting_date DESC, d.id DESC
                    LIMIT ?
                    """,
                arguments: [max(0, limit)]
            ).map { row in
                MeetingSummary(
                    id: row["id"], date: row["meeting_date"], organization: row["organization"], title: row["title"],
                    path: row["path"], items: row["items"])
            }
        }
    }
}
