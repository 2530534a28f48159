import ArgumentParser
import Foundation

/// The `ingest` command: turns meeting minutes into the structured JSON model.
@main
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Turn meeting minutes (text, PDF, bundles with attachments) into structured JSON.",
        discussion: """
            `ingest FILE…` is short for `ingest extract FILE…`: each file is extracted by the extractor that \
            fits its content, and its JSON document is printed, in input order. A folder or an archive (zip, \
            tar, tar.gz, 7z) is a collection of meetings: each minutes document in it comes out with its \
            attachments; an e-mail (.eml) comes out as the minutes it carries.

            Options of `ingest [extract] FILE…` (all of them: `ingest help extract`):
              --jsonl          one compact document per line, not pretty JSON
                               ingest SampleDocs/*.txt --jsonl > minutes.jsonl
              --out DIR        write DIR/NAME.json per input (atomically)
                               ingest SampleDocs/*.txt --out out/
              --extractor ID   use this extractor (see `ingest extractors`)
                               ingest notes.dat --extractor plain-text
              --password PW    the password for encrypted documents
                               ingest locked.pdf --password 's3cret'
              --jobs N         extract N files at once (default: all cores)
                               ingest archive/*.pdf --jobs 1 --out out/
              --max-…          limits against zip bombs and huge files
                               ingest archive-2023.zip --max-unpacked 4096 --out out/
              --store PATH     also save each document in the searchable store
                               ingest SampleDocs/*.txt --store minutes.sqlite

            Exit status: 0 when every file was extracted; 1 when some failed (each is reported on stderr as \
            `ingest: error: PATH: message: advice`, and the others still come out); 64 for a usage error.
            """,
        subcommands: [
            ExtractCommand.self, SearchCommand.self, ListCommand.self, ShowCommand.self, WatchCommand.self,
            ExtractorsCommand.self, WorkerCommand.self,
        ],
        defaultSubcommand: ExtractCommand.self
    )

    /// Sets the process locale before anything else runs, then parses and runs the command.
    ///
    /// Swift programs start in the "C" locale, in which C libraries (libarchive) cannot convert UTF-8 names.
    static func main() async {
        setlocale(LC_ALL, "C.UTF-8")
        await main(nil)
    }
}
