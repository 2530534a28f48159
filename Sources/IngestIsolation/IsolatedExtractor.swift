public import IngestCore

/// An extractor that runs another one in a supervised worker process (``WorkerPool``): same identifier, types and
/// confidence, but a crash, a hang or runaway memory in the extractor's native code costs one file, not the run.
public struct IsolatedExtractor: Extractor {
    /// The extractor the workers run.
    public let isolated: any Extractor
    private let pool: WorkerPool

    /// Wraps an extractor; the workers must have one with the same identifier (`ingest worker` has the built-ins).
    /// - Parameters:
    ///   - isolated: the extractor to run in workers.
    ///   - pool: the workers.
    public init(_ isolated: any Extractor, pool: WorkerPool) {
        self.isolated = isolated
        self.pool = pool
    }

    /// The isolated extractor's identifier.
    public var identifier: String { isolated.identifier }
    /// The isolated extractor's version.
    public var version: String { isolated.version }
    /// The isolated extractor's summary.
    public var summary: String { isolated.summary }
    /// The isolated extractor's types.
    public var fileTypes: [FileType] { isolated.fileTypes }
    /// The isolated extractor's extensions.
    public var fileExtensions: [String] { isolated.fileExtensions }
    /// Native code, by definition.
    public var runsNativeCode: Bool { true }

    /// The isolated extractor's judgement.
    public func confidence(for input: SniffedInput) -> ExtractionConfidence? {
        isolated.confidence(for: input)
    }

    /// Extracts the input in a worker.
    public func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError)
        -> MinutesDocument
    {
        try await pool.extract(input, extractor: identifier, context: context)
    }
}

extension ExtractorRegistry {
    /// The same registry with every extractor that runs native code (``Extractor/runsNativeCode``) wrapped in an
    /// ``IsolatedExtractor`` on `pool`.
    /// - Parameter pool: the workers.
    /// - Returns: the isolating registry.
    public func isolatingNativeExtractors(in pool: WorkerPool) -> ExtractorRegistry {
        ExtractorRegistry(
            extractors: extractors.map { extractor in
                extractor.runsNativeCode && !(extractor is IsolatedExtractor)
                    ? IsolatedExtractor(extractor, pool: pool) : extractor
            })
    }
}
