import GRDB

/// The store's tables, created and upgraded by versioned migrations.
///
/// A migration, once released, never changes: a change to the schema is a new migration ("v2" …) appended to
/// ``migrator``, so a store written by an older `ingest` opens and is brought up to date.
///
/// ```
/// document      id, path, sha256, source_sha256, extractor, extractor_version, ingested_at, superseded_by,
///               language, title, organization, meeting_date, json (the whole model, keys sorted)
///               UNIQUE (sha256, source_sha256)
/// agenda_item   id, document_id, position, number, title, text, decisions (JSON array), pages (JSON array)
/// participant   id, document_id, position, name, role, party, status
/// attachment    id, document_id, position, number, title, source_path, source_sha256, media_type
/// abbreviation  id, document_id, position, abbreviation, expansion
/// search_index  FTS5 (title, body, document_id UNINDEXED), tokenize 'unicode61 remove_diacritics 0'
///               rowid = agenda_item.id for an item; -document.id for the document's title block
/// ```
enum StoreSchema {
    /// Every migration, in order.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        return migrator
    }()

    /// The first schema.
    private static func v1(_ db: Database) throws {
        try db.create(table: "document") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("path", .text).notNull().indexed()
            // The idempotency key: the bundle's hash when the document came in one, else the file's.
            t.column("sha256", .text).notNull().indexed()
            // The minutes file's own hash: documents of one bundle (a folder of several meetings) share `sha256`.
            t.column("source_sha256", .text).notNull()
            t.uniqueKey(["sha256", "source_sha256"])
            t.column("extractor", .text).notNull()
            t.column("extractor_version", .text).notNull()
            t.column("ingested_at", .datetime).notNull()
            t.column("superseded_by", .integer).references("document", onDelete: .setNull)
            t.column("language", .text)
            t.column("title", .text)
            t.column("organization", .text)
            t.column("meeting_date", .text).indexed()
            t.column("json", .text).notNull()
        }
        try db.create(table: "agenda_item") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("document", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("number", .text).notNull()
            t.column("title", .text).notNull()
            t.column("text", .text).notNull()
            t.column("decisions", .jsonText).notNull()
            t.column("pages", .jsonText).notNull()
            t.uniqueKey(["document_id", "position"])
        }
        try db.create(table: "participant") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("document", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("role", .text)
            t.column("party", .text)
            t.column("status", .text).notNull()
            t.uniqueKey(["document_id", "position"])
        }
        try db.create(table: "attachment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("document", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("number", .text)
            t.column("title", .text).notNull()
            t.column("source_path", .text)
            t.column("source_sha256", .text)
            t.column("media_type", .text)
            t.uniqueKey(["document_id", "position"])
        }
        try db.create(table: "abbreviation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("document", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("abbreviation", .text).notNull()
            t.column("expansion", .text).notNull()
            t.uniqueKey(["document_id", "position"])
        }
        try db.create(virtualTable: "search_index", using: FTS5()) { t in
            // Keeps æ ø å (and é, ü …) distinct from a o e u; case still folds (Æ → æ).
            t.tokenizer = .unicode61(diacritics: .keep)
            t.column("title")
            t.column("body")
            t.column("document_id").notIndexed()
        }
    }
}
