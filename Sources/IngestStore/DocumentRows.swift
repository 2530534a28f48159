import Foundation
import GRDB
import IngestCore

/// The rows one document becomes, prepared outside the write lock (JSON encoded, texts normalised) and written in
/// one transaction by ``save(in:)``.
struct DocumentRows: Sendable {
    /// An agenda item's row and its search text.
    struct Item: Sendable {
        var number: String
        var title: String
        var text: String
        var decisions: String
        var pages: String
        var searchBody: String
    }

    var path: String
    var key: String
    var sourceHash: String
    var document: MinutesDocument
    var json: String
    var ingestedAt: Date
    var items: [Item]
    var titleBlock: (title: String, body: String)?

    /// Prepares the rows.
    /// - Throws: ``StoreError`` when the document cannot be encoded as JSON.
    init(_ document: MinutesDocument, path: String, ingestedAt: Date) throws(StoreError) {
        self.path = path
        self.document = document
        self.key = document.bundle?.source.sha256 ?? document.source.sha256
        self.sourceHash = document.source.sha256
        self.ingestedAt = ingestedAt
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            json = String(decoding: try encoder.encode(document), as: UTF8.self)
            items = try document.agendaItems.map { item throws in
                // Decisions usually repeat a paragraph of the text; index those that do not.
                let extra = item.decisions.filter { !item.text.contains($0) }
                return Item(
                    number: item.number, title: item.title, text: item.text,
                    decisions: String(decoding: try encoder.encode(item.decisions), as: UTF8.self),
                    pages: String(decoding: try encoder.encode(item.pages), as: UTF8.self),
                    searchBody: ([item.text] + extra).joined(separator: "\n\n").precomposedStringWithCanonicalMapping)
            }
        } catch {
            throw StoreError(
                message: "cannot encode \(path) for the store (\(error))",
                advice: "please report this as a bug in the extractor '\(document.extractor.name)'")
        }
        let sections = document.sections.flatMap { [$0.heading, $0.text] }
        let blockBody = ([document.meeting.organization].compactMap { $0 } + sections).joined(separator: "\n\n")
        let blockTitle = document.title ?? ""
        titleBlock =
            blockTitle.isEmpty && blockBody.isEmpty
            ? nil
            : (blockTitle.precomposedStringWithCanonicalMapping, blockBody.precomposedStringWithCanonicalMapping)
    }

    /// Saves the document; call inside a write transaction.
    ///
    /// Content already stored (same key and minutes hash) is left alone: `.unchanged`. New content for a path that
    /// has a current record supersedes that record: `.newVersion`. Content that was stored before but superseded
    /// (the file was changed back) becomes current again instead of being stored twice.
    func save(in db: Database) throws -> SaveOutcome {
        let current = try Int64.fetchOne(
            db, sql: "SELECT id FROM document WHERE path = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1",
            arguments: [path])
        if let stored = try Row.fetchOne(
            db, sql: "SELECT id, superseded_by FROM document WHERE sha256 = ? AND source_sha256 = ?",
            arguments: [key, sourceHash])
        {
            let id: Int64 = stored["id"]
            let supersededBy: Int64? = stored["superseded_by"]
            guard supersededBy != nil else { return .unchanged(id: id) }
            try db.execute(
                sql: "UPDATE document SET superseded_by = NULL, path = ? WHERE id = ?", arguments: [path, id])
            let itemIDs = try Int64.fetchAll(
                db, sql: "SELECT id FROM agenda_item WHERE document_id = ? ORDER BY position", arguments: [id])
            try index(documentID: id, itemIDs: itemIDs, in: db)
            guard let current, current != id else { return .unchanged(id: id) }
            try Self.supersede(current, by: id, in: db)
            return .newVersion(id: id, previous: current)
        }
        let id = try insert(in: db)
        guard let current else { return .inserted(id: id) }
        try Self.supersede(current, by: id, in: db)
        return .newVersion(id: id, previous: current)
    }

    /// Inserts the document, its children and its search rows.
    /// - Returns: the new record's id.
    private func insert(in db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO document (path, sha256, source_sha256, extractor, extractor_version, ingested_at,
                                      language, title, organization, meeting_date, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                path, key, sourceHash, document.extractor.name, document.extractor.version, ingestedAt,
                document.language, document.title, document.meeting.organization, document.meeting.date, json,
            ])
        let id = db.lastInsertedRowID
        var itemIDs: [Int64] = []
        itemIDs.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO agenda_item (document_id, position, number, title, text, decisions, pages)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, position, item.number, item.title, item.text, item.decisions, item.pages])
            itemIDs.append(db.lastInsertedRowID)
        }
        for (position, person) in document.participants.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO participant (document_id, position, name, role, party, status)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, position, person.name, person.role, person.party, person.status.rawValue])
        }
        for (position, attachment) in document.attachments.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO attachment (document_id, position, number, title, source_path, source_sha256, media_type)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, position, attachment.number, attachment.title, attachment.source?.path,
                    attachment.source?.sha256, attachment.source?.mediaType,
                ])
        }
        for (position, pair) in document.abbreviations.enumerated() {
            try db.execute(
                sql: "INSERT INTO abbreviation (document_id, position, abbreviation, expansion) VALUES (?, ?, ?, ?)",
                arguments: [id, position, pair.abbreviation, pair.expansion])
        }
        try index(documentID: id, itemIDs: itemIDs, in: db)
        return id
    }

    /// Adds the document's search rows: one per agenda item, one for the title block.
    private func index(documentID: Int64, itemIDs: [Int64], in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO search_index (rowid, title, body, document_id) VALUES (?, ?, ?, ?)")
        for (item, itemID) in zip(items, itemIDs) {
            try statement.execute(
                arguments: [itemID, item.title.precomposedStringWithCanonicalMapping, item.searchBody, documentID])
        }
        if let titleBlock {
            try statement.execute(arguments: [-documentID, titleBlock.title, titleBlock.body, documentID])
        }
    }

    /// Marks `old` as replaced by `new` and takes its rows out of the search index; its other rows stay as history.
    static func supersede(_ old: Int64, by new: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE document SET superseded_by = ? WHERE id = ?", arguments: [new, old])
        let itemIDs = try Int64.fetchAll(db, sql: "SELECT id FROM agenda_item WHERE document_id = ?", arguments: [old])
        let delete = try db.cachedStatement(sql: "DELETE FROM search_index WHERE rowid = ?")
        for rowid in itemIDs + [-old] {
            try delete.execute(arguments: [rowid])
        }
    }
}
