import IngestCore
public import Testing

extension ExtractorConformance {
    /// Runs every check and records one Swift Testing issue per failure.
    /// - Parameter sourceLocation: where to report failures; the caller's line by default.
    public func check(sourceLocation: SourceLocation = #_sourceLocation) async {
        for failure in await run() {
            Issue.record("\(extractor.identifier): \(failure)", sourceLocation: sourceLocation)
        }
    }
}
