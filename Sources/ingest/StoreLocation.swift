import ArgumentParser
import IngestStore

/// The `--store PATH` option of the commands that read the store (`search`, `list`, `show`).
struct StoreLocation: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The store to read; the default is $INGEST_STORE, else $XDG_DATA_HOME/ingest/minutes.sqlite, else "
                + "~/.local/share/ingest/minutes.sqlite. Example: --store minutes.sqlite",
            valueName: "PATH"))
    var store: String?

    /// The store's path: `--store`, else ``MinutesStore/defaultPath``.
    var path: String { store ?? MinutesStore.defaultPath }

    /// Opens the existing store, or reports why it cannot and exits with status 1.
    func open() throws -> MinutesStore {
        do {
            return try MinutesStore(path: path, createIfMissing: false)
        } catch {
            StandardError.report(error.description)
            throw ExitCode.failure
        }
    }
}
