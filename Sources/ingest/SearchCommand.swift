import ArgumentParser
import Foundation
import IngestStore

/// `ingest search QUERY`: finds agenda items in the store.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the stored minutes: matching agenda items with date, body, item, snippet and source.",
        discussion: """
            QUERY is plain words by default: every word must occur in an agenda item (its title or text) or a \
            document's title block, in any order; case does not matter, but æ ø å are letters of their own \
            ("nar" does not find "når"). A hyphenated word is a phrase: fotball-vm finds "Fotball-VM". Matches in \
            titles rank above matches in the text.
            A query with ", *, NEAR(, or the upper-case words AND, OR, NOT is FTS5 syntax, passed on as typed: \
            "exact phrase", prefix*, a OR b, a NOT b, NEAR(a b, 5), title:word or body:word.
            Each hit shows the meeting date, the body that met, the item's number and title, a snippet with the \
            match in bold (on a terminal) or «between these marks» (in pipes), the source file with its pages, and \
            the record id for `ingest show`. Fill the store with `ingest FILE… --store PATH`.
            Examples:
              ingest search skjenketider
              ingest search fotball-vm --store minutes.sqlite
              ingest search 'skjenke* OR "utvidede åpningstider"' --limit 5
              ingest search budsjett --json | jq -r '.[].sourcePath'
            Exit status: 0 (also when nothing matches: a note goes to stderr), 1 when the store is missing or the \
            query is not valid FTS5 syntax, 64 for a usage error.
            """
    )

    @Argument(help: ArgumentHelp("What to look for: words, or FTS5 syntax.", valueName: "QUERY"))
    var query: [String]

    @OptionGroup var location: StoreLocation

    @Option(help: ArgumentHelp("Show at most N hits, best first. Example: --limit 5", valueName: "N"))
    var limit = 20

    @Flag(help: "Print a JSON array of hits (documentID, itemNumber, itemTitle, snippet, matches, meetingDate, …).")
    var json = false

    func validate() throws {
        if query.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("Give a QUERY to search for, e.g. `ingest search skjenketider`.")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit)).") }
    }

    func run() async throws {
        let store = try location.open()
        let text = query.joined(separator: " ")
        let hits: [SearchHit]
        do {
            hits = try store.search(text, limit: limit)
        } catch {
            StandardError.report(error.description)
            throw ExitCode.failure
        }
        if json {
            try PrettyJSON.print(hits.map(SearchHitJSON.init))
        } else {
            let style = TerminalStyle.standardOutput
            print(hits.map { Self.format($0, style: style) }.joined(separator: "\n"), terminator: "")
        }
        if hits.isEmpty { StandardError.write("ingest: no matches for '\(text)' in \(location.path)") }
    }

    /// One hit as three lines: meeting and item; snippet; source, pages and record.
    static func format(_ hit: SearchHit, style: TerminalStyle) -> String {
        let item: String
        if let title = hit.itemTitle {
            // Unnumbered items have the number "".
            item = hit.itemNumber.flatMap { $0.isEmpty ? nil : "\($0). \(title)" } ?? title
        } else {
            item = hit.documentTitle ?? "(title and front matter)"
        }
        // The meeting: its date and the body that met (or, when the minutes do not name it, their title).
        var meeting = [hit.meetingDate, hit.organization].compactMap { $0 }.joined(separator: "  ")
        if hit.organization == nil, hit.itemTitle != nil, let title = hit.documentTitle {
            meeting += meeting.isEmpty ? title : "  \(title)"
        }
        let heading = meeting.isEmpty ? style.bold(item) : "\(meeting) — \(style.bold(item))"
        let marks = style.match
        var source = hit.sourcePath
        if !hit.pages.isEmpty { source += ", " + PageList.describe(hit.pages) }
        return """
            \(heading)
                \(hit.snippet(open: marks.open, close: marks.close))
                \(style.dim("\(source)  (record \(hit.documentID))"))

            """
    }
}

/// A search hit in `ingest search --json`.
struct SearchHitJSON: Encodable {
    var documentID: Int64
    var itemNumber: String?
    var itemTitle: String?
    /// The snippet, matches «marked».
    var snippet: String
    /// The matched words as they appear in the snippet.
    var matches: [String]
    var meetingDate: String?
    var organization: String?
    var documentTitle: String?
    var sourcePath: String
    var pages: [Int]
    var score: Double

    init(_ hit: SearchHit) {
        documentID = hit.documentID
        itemNumber = hit.itemNumber
        itemTitle = hit.itemTitle
        snippet = hit.snippet
        matches = hit.snippetRuns.filter(\.isMatch).map(\.text)
        meetingDate = hit.meetingDate
        organization = hit.organization
        documentTitle = hit.documentTitle
        sourcePath = hit.sourcePath
        pages = hit.pages
        score = (hit.score * 1000).rounded() / 1000
    }
}
