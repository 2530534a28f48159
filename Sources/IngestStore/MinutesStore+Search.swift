import Foundation
import GRDB

extension MinutesStore {
    /// How much more a match in a title counts than one in the body, in bm25.
    static let titleWeight = 5.0

    /// How many tokens a snippet holds around the match.
    static let snippetTokens = 12

    /// Finds agenda items (and title blocks) of current records that match a query, best first.
    ///
    /// The query is plain words by default, all of which must occur (in any order, case folded; æ ø å stay
    /// distinct from a o); a hyphenated word is a phrase ("fotball-vm" finds "Fotball-VM"). A query with `"`, `*`,
    /// `NEAR(`, `AND`, `OR` or `NOT` is FTS5 syntax and is passed through ("skjenke*", `"fotball vm" OR pride`).
    /// Hits are ranked by bm25, a match in a title counting more than one in the text.
    /// - Parameters:
    ///   - query: what to look for.
    ///   - limit: the most hits to return.
    /// - Returns: the hits, best first; none for a query without words.
    /// - Throws: ``StoreError`` for an FTS5 syntax error (with advice), or when the store cannot be read.
    public func search(_ query: String, limit: Int = 20) throws(StoreError) -> [SearchHit] {
        guard let query = SearchQuery(query), limit > 0 else { return [] }
        let markers = "char(\(SnippetText.open)), char(\(SnippetText.close)), '…'"
        // The inner query lets FTS5 sort by rank itself and stop at the limit, so snippets are made for the hits
        // returned only (sorting outside FTS5 would make one for every matching row: 75 ms instead of 4 for "the").
        // The index holds current records only: superseded ones leave it when they are replaced.
        let sql = """
            SELECT hit.entry, hit.title_snippet, hit.body_snippet, hit.rank,
                   d.id, d.path, d.title, d.organization, d.meeting_date,
                   a.number, a.title AS item_title, a.pages
            FROM (
                SELECT rowid AS entry, document_id, rank,
                       snippet(search_index, 0, \(markers), 64) AS title_snippet,
                       snippet(search_index, 1, \(markers), \(Self.snippetTokens)) AS body_snippet
                FROM search_index
                WHERE search_index MATCH ? AND rank MATCH 'bm25(\(Self.titleWeight), 1.0)'
                ORDER BY rank
                LIMIT ?
            ) AS hit
            JOIN document d ON d.id = hit.document_id
            LEFT JOIN agenda_item a ON a.id = hit.entry
            ORDER BY hit.rank, hit.entry
            """
        let rows: [Row]
        do {
            rows = try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: [query.expression, limit]) }
        } catch let error as DatabaseError where Self.isQueryError(error) {
            throw Self.queryError(error)
        } catch {
            throw StoreError(error, path: path, doing: "search")
        }
        return rows.map { row in
            let pages: String? = row["pages"]
            return SearchHit(
                documentID: row["id"],
                itemNumber: row["number"],
                itemTitle: row["item_title"],
                snippetRuns: SnippetText.runs(title: row["title_snippet"], body: row["body_snippet"]),
                meetingDate: row["meeting_date"],
                organization: row["organization"],
                documentTitle: row["title"],
                sourcePath: row["path"],
                pages: pages.flatMap { try? JSONDecoder().decode([Int].self, from: Data($0.utf8)) } ?? [],
                score: -(row["rank"] as Double))
        }
    }

    /// Whether SQLite rejected the MATCH expression (rather than failing to read).
    private static func isQueryError(_ error: DatabaseError) -> Bool {
        guard error.resultCode == .SQLITE_ERROR, let message = error.message else { return false }
        return message.hasPrefix("fts5:") || message.contains("syntax error") || message.hasPrefix("no such column")
            || message.contains("unterminated string") || message.hasPrefix("unknown special query")
    }

    /// An FTS5 error as advice for the user.
    private static func queryError(_ error: DatabaseError) -> StoreError {
        let message = error.message ?? "syntax error"
        let advice =
            "quote phrases in pairs, or drop the special characters (\" * AND OR NOT NEAR) to search plain words"
        if let near = message.range(of: "syntax error near \"") {
            let token = message[near.upperBound...].dropLast(message.hasSuffix("\"") ? 1 : 0)
            if token.isEmpty {
                return StoreError(message: "search syntax error at the end of the query", advice: advice)
            }
            return StoreError(message: "search syntax error near '\(token)'", advice: advice)
        }
        if message.hasPrefix("no such column: ") {
            let column = message.dropFirst("no such column: ".count)
            return StoreError(
                message: "search syntax error: '\(column):' is read as a column filter",
                advice: "put the word in quotes (\"\(column):…\"), or search in title: or body:")
        }
        let detail = message.hasPrefix("fts5: ") ? String(message.dropFirst(6)) : message
        return StoreError(message: "search syntax error: \(detail)", advice: advice)
    }
}

/// The markers `snippet()` puts around matches inside the store: private-use characters that minutes never
/// contain, so « » in the text (Norwegian quotes) cannot be mistaken for a match.
enum SnippetText {
    /// U+E000, before a match.
    static let open = 0xE000
    /// U+E001, after a match.
    static let close = 0xE001

    /// The runs of a hit's snippet: the body around its match; when only the title matched, the title with the
    /// match marked, " — ", and the start of the body.
    static func runs(title: String?, body: String?) -> [SearchHit.SnippetRun] {
        let bodyRuns = runs(body)
        if bodyRuns.contains(where: \.isMatch) { return bodyRuns }
        let titleRuns = runs(title)
        guard titleRuns.contains(where: \.isMatch) else { return bodyRuns }
        guard !bodyRuns.isEmpty else { return titleRuns }
        return titleRuns + [SearchHit.SnippetRun(text: " — ", isMatch: false)] + bodyRuns
    }

    /// Splits a marked snippet into runs, whitespace collapsed to single spaces.
    static func runs(_ snippet: String?) -> [SearchHit.SnippetRun] {
        guard let snippet else { return [] }
        let openScalar = Unicode.Scalar(UInt32(open))!
        let closeScalar = Unicode.Scalar(UInt32(close))!
        var runs: [SearchHit.SnippetRun] = []
        var text = ""
        var lastWasSpace = false
        func flush(isMatch: Bool) {
            if !text.isEmpty { runs.append(SearchHit.SnippetRun(text: text, isMatch: isMatch)) }
            text = ""
        }
        for scalar in snippet.unicodeScalars {
            switch scalar {
            case openScalar: flush(isMatch: false)
            case closeScalar: flush(isMatch: true)
            case _ where scalar.properties.isWhitespace:
                if !lastWasSpace { text.unicodeScalars.append(" ") }
                lastWasSpace = true
                continue
            default: text.unicodeScalars.append(scalar)
            }
            lastWasSpace = false
        }
        flush(isMatch: false)
        if let first = runs.first, !first.isMatch {
            runs[0].text = String(first.text.drop { $0 == " " })
            if runs[0].text.isEmpty { runs.removeFirst() }
        }
        if let last = runs.last, !last.isMatch {
            runs[runs.count - 1].text = String(last.text.reversed().drop { $0 == " " }.reversed())
            if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
        }
        return runs
    }
}
