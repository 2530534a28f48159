import GRDB

extension MinutesStore {
    /// How many rows each table holds, the search index included (for tests and diagnostics).
    func rowCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in ["document", "agenda_item", "participant", "attachment", "abbreviation", "search_index"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// Runs SQL outside the store's own logic, in a transaction (tests use it to add failing triggers).
    func execute(sql: String) throws(StoreError) {
        try write { db in try db.execute(sql: sql) }
    }

    /// The migrations applied to the store, in order.
    func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try StoreSchema.migrator.appliedIdentifiers(db).sorted() }
    }
}
