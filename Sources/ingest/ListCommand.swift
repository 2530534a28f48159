import ArgumentParser
import Foundation
import IngestStore

/// `ingest list`: the stored meetings by date.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the stored meetings by meeting date, newest first: record id, date, body, title, items, path.",
        discussion: """
            Only the current version of each file is listed (an edited file's older records stay in the store as \
            history and can still be shown by id). Meetings without a date come last.
            Examples:
              ingest list
              ingest list --store minutes.sqlite --limit 10
              ingest list --json | jq -r '.[] | "\\(.date) \\(.path)"'
            Exit status: 0, 1 when the store is missing, 64 for a usage error.
            """
    )

    @OptionGroup var location: StoreLocation

    @Option(help: ArgumentHelp("Show at most N meetings. Example: --limit 10", valueName: "N"))
    var limit = 1000

    @Flag(help: "Print a JSON array of objects (id, date, organization, title, path, items).")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit)).") }
    }

    func run() async throws {
        let store = try location.open()
        let meetings: [MeetingSummary]
        do {
            meetings = try store.meetings(limit: limit)
        } catch {
            StandardError.report(error.description)
            throw ExitCode.failure
        }
        if json {
            try PrettyJSON.print(meetings.map(MeetingJSON.init))
        } else if meetings.isEmpty {
            StandardError.write("ingest: the store at \(location.path) holds no meetings yet")
        } else {
            print(Self.table(meetings), terminator: "")
        }
    }

    /// A table with a header row; date, body and title padded (body and title cut at 40 characters), path last.
    static func table(_ meetings: [MeetingSummary]) -> String {
        func cut(_ text: String?) -> String {
            guard let text else { return "-" }
            return text.count > 40 ? text.prefix(39) + "…" : text
        }
        let rows =
            [["ID", "DATE", "ORGANIZATION", "TITLE", "ITEMS", "PATH"]]
            + meetings.map {
                [String($0.id), $0.date ?? "-", cut($0.organization), cut($0.title), String($0.items), $0.path]
            }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<5).map { column in
                let cell = row[column]
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || column == 4 ? pad + cell : cell + pad
            }.joined(separator: "  ") + "  " + row[5] + "\n"
        }.joined()
    }
}

/// A meeting in `ingest list --json`.
struct MeetingJSON: Encodable {
    var id: Int64
    var date: String?
    var organization: String?
    var title: String?
    var path: String
    var items: Int

    init(_ meeting: MeetingSummary) {
        id = meeting.id
        date = meeting.date
        organization = meeting.organization
        title = meeting.title
        path = meeting.path
        items = meeting.items
    }
}
