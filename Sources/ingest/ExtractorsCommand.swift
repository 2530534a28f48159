import ArgumentParser
import Foundation
import IngestCore

/// `ingest extractors`: lists the registered extractors.
struct ExtractorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extractors",
        abstract: "List the extractors: identifier, version, types, extensions, source, summary.",
        discussion: """
            The identifier is what `--extractor ID` takes. The source is "built-in" or the path of an \
            out-of-process extractor (an ingest-extractor-NAME executable in --extractors-dir, \
            $INGEST_EXTRACTORS_PATH or $PATH).

            Examples:
              ingest extractors
              ingest extractors --json | jq -r '.[].identifier'
            """
    )

    @Flag(help: "Print a JSON array of objects (identifier, version, fileTypes, fileExtensions, source, summary).")
    var json = false

    @OptionGroup(title: "Out-of-process extractors")
    var extractorSearch: ExtractorSearchOptions

    func run() async throws {
        let descriptions = await extractorSearch.extractors().map(ExtractorDescription.init)
        if json {
            try PrettyJSON.print(descriptions)
        } else {
            print(ExtractorDescription.table(descriptions), terminator: "")
        }
    }
}

/// What `ingest extractors` shows about one extractor.
struct ExtractorDescription: Encodable {
    var identifier: String
    var version: String
    var fileTypes: [String]
    var fileExtensions: [String]
    /// "built-in", or the path of an out-of-process extractor's executable.
    var source: String
    var summary: String

    init(_ extractor: any Extractor) {
        identifier = extractor.identifier
        version = extractor.version
        fileTypes = extractor.fileTypes.map(\.mediaType)
        fileExtensions = extractor.fileExtensions
        source = (extractor as? ExternalExtractor)?.executableURL.path ?? "built-in"
        summary = extractor.summary
    }

    /// A table with a header row and columns padded to their widest cell; the summary is last and unpadded.
    static func table(_ descriptions: [ExtractorDescription]) -> String {
        let rows =
            [["IDENTIFIER", "VERSION", "TYPES", "EXTENSIONS", "SOURCE", "SUMMARY"]]
            + descriptions.map {
                [
                    $0.identifier, $0.version, $0.fileTypes.joined(separator: ","),
                    $0.fileExtensions.map { ".\($0)" }.joined(separator: ","), $0.source, $0.summary,
                ]
            }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<5).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[5] + "\n"
        }.joined()
    }
}
