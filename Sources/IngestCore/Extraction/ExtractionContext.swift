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

    /// Creates a context.
    public init(registry: ExtractorRegistry, limits: ExtractionLimits = ExtractionLimits(), password: String? = nil,
                depth: Int = 0) {
        self.registry = registry
        self.limits = limits
        self.password = password
        self.depth = depth
    }

    /// The context for a document nested in the current one.
    /// - Throws: ``IngestError`` when nesting would exceed ``ExtractionLimits/maxNestingDepth``.
    public func nested(path: String) throws(IngestError) -> ExtractionContext {
        guard depth + 1 <= limits.maxNestingDepth else {
            throw IngestError(
                code: .limitExceeded, path: path,
                message: "nested more than \(limits.maxNestingDepth) levels deep",
                advice: "raise the nesting limit if the file is trusted")
        }
        var context = self
        context.depth += 1
        return context
    }
}
