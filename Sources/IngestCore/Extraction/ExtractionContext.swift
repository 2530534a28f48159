import Foundation

/// What an extraction may use besides its input: options, limits, and the registry for nested documents.
public struct ExtractionContext: Sendable {
    /// The registry, for extracting nested documents (attachments, archive members).
    public var registry: ExtractorRegistry
    /// The limits to honour.
    public var limits: ExtractionLimits
    /// A password for encrypted documents, if the user gave one.
    public var password: String?
    /// How deep this extraction is nested: 0 for a file the user named.
    public var depth: Int
    /// How many files of one bundle may be extracted at once (`ingest --jobs`); `nil` in the initialiser means the
    /// number of cores.
    public var parallelism: Int

    /// Creates a context.
    public init(registry: ExtractorRegistry, limits: ExtractionLimits = ExtractionLimits(), password: String? = nil,
                depth: Int = 0, parallelism: Int? = nil) {
        self.registry = registry
        self.limits = limits
        self.password = password
        self.depth = depth
        self.parallelism = max(1, parallelism ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The context for a document nested in the current one.
    /// - Throws: ``IngestError`` when nesting would exceed ``ExtractionLimits/maxNestingDepth``.
    public func nested(path: String) throws(IngestError) -> ExtractionContext {
        guard depth + 1 <= limits.maxNestingDepth else {
            throw IngestError(
                code: .limitExceeded, path: path,
                message: "nested more than \(limits.maxNestingDepth) levels deep",
                advice: "raise --max-depth if the file is trusted")
        }
        var context = self
        context.depth += 1
        return context
    }
}
