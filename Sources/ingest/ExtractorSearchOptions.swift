import ArgumentParser
import Foundation
import IngestCore

/// Where to look for out-of-process extractors (`ingest-extractor-NAME` executables).
struct ExtractorSearchOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Also look for ingest-extractor-NAME executables in DIR (repeatable), before $INGEST_EXTRACTORS_PATH "
                + "and $PATH. Example: --extractors-dir Examples/ExternalExtractors",
            valueName: "DIR"))
    var extractorsDir: [String] = []

    /// The folders to search, in order: `--extractors-dir`, `$INGEST_EXTRACTORS_PATH`, `$PATH`.
    var folders: [String] {
        let environment = ProcessInfo.processInfo.environment
        return extractorsDir + ExternalExtractors.folders(inSearchPath: environment["INGEST_EXTRACTORS_PATH"])
            + ExternalExtractors.folders(inSearchPath: environment["PATH"])
    }

    /// The built-in extractors followed by the discovered ones; warnings for executables that were left out go
    /// to stderr.
    func extractors() async -> [any Extractor] {
        let discovered = await ExternalExtractors.discover(
            paths: folders, reserved: Set(BuiltInExtractors.all.map(\.identifier)))
        for warning in discovered.warnings { StandardError.write("ingest: warning: \(warning)") }
        return BuiltInExtractors.all + discovered.extractors.map { $0 as any Extractor }
    }
}
