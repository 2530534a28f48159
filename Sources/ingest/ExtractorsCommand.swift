import ArgumentParser
import Foundation
import IngestCore

/// `ingest extractors`: lists the registered extractors.
struct ExtractorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extractors",
        abstract: "List the extractors this build knows: identifier, version, types, extensions, summary.",
        discussion: """
            The identifier is what `--extractor ID` takes.

            Examples:
              ingest extractors
              ingest extractors --json | jq -r '.[].identifier'
            """
    )

    @Flag(help: "Print a JSON array of objects (identifier, version, fileTypes, fileExtensions, summary).")
    var json = false

    func run() async throws {
        let descriptions = BuiltInExtractors.all.map(ExtractorDescription.init)
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
    var summary: String

    init(_ extractor: any Extractor) {
        identifier = extractor.identifier
        version = extractor.version
        fileTypes = extractor.fileTypes.map(\.mediaType)
        fileExtensions = extractor.fileExtensions
        summary = extractor.summary
    }

    /// A table with a header row and columns padded to their widest cell; the summary is last and unpadded.
    static func table(_ descriptions: [ExtractorDescription]) -> String {
        let rows =
            [["IDENTIFIER", "VERSION", "TYPES", "EXTENSIONS", "SUMMARY"]]
            + descriptions.map {
                [
                    $0.identifier, $0.version, $0.fileTypes.joined(separator: ","),
                    $0.fileExtensions.map { ".\($0)" }.joined(separator: ","), $0.summary,
                ]
            }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[4] + "\n"
        }.joined()
    }
}
