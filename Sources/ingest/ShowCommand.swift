import ArgumentParser
import Foundation
import IngestStore

/// `ingest show ID`: one stored document as JSON.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a stored document as JSON, the same form `ingest FILE` prints.",
        discussion: """
            ID is the record id that `ingest search` and `ingest list` show. A record that an edited file has \
            replaced is still printed, with a note on stderr naming the record that replaced it.
            Examples:
              ingest show 1
              ingest show 12 --store minutes.sqlite | jq '.agendaItems[].title'
            Exit status: 0, 1 when the store or the record is missing, 64 for a usage error.
            """
    )

    @Argument(help: ArgumentHelp("The record id.", valueName: "ID"))
    var id: Int64

    @OptionGroup var location: StoreLocation

    func run() async throws {
        let store = try location.open()
        let stored: StoredDocument?
        do {
            stored = try store.document(id: id)
        } catch {
            StandardError.report(error.description)
            throw ExitCode.failure
        }
        guard let stored else {
            StandardError.report("no record \(id) in \(location.path): see `ingest list` or `ingest search` for ids")
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(try DocumentJSON.encode(stored.document, format: .pretty) + Data("\n".utf8))
        if let newer = stored.supersededBy {
            StandardError.write(
                "ingest: note: record \(id) is an older version of \(stored.path); record \(newer) replaced it")
        }
    }
}
