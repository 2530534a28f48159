import Foundation
import Crypto

/// The extractors Ingest knows, and the choice of one for each input.
///
/// The registry sniffs an input's real type from its first bytes (``FileTypeSniffer``), asks every extractor how
/// well it can take it, and hands it to the most confident one, or to the one the caller forces. It is an
/// immutable value: build it once with the full list and share it.
public struct ExtractorRegistry: Sendable {
    /// The registered extractors, in registration order (earlier wins a tie).
    public let extractors: [any Extractor]

    /// Creates a registry.
    /// - Parameter extractors: the extractors, in order of preference for equally confident matches.
    public init(extractors: [any Extractor]) {
        self.extractors = extractors
    }

    /// The extractor with an identifier, if registered.
    public func extractor(identifier: String) -> (any Extractor)? {
        extractors.first { $0.identifier == identifier }
    }

    /// Reads an input's first bytes and describes it.
    /// - Parameters:
    ///   - input: the input.
    ///   - limits: the file size limit to check.
    /// - Returns: the input with its detected type and source description (including the SHA-256 of its content).
    /// - Throws: ``IngestError`` when the input is missing, unreadable or over the size limit.
    public func sniff(_ input: ExtractionInput, limits: ExtractionLimits = ExtractionLimits()) throws(IngestError)
        -> SniffedInput
    {
        if input.isFolder {
            // A folder's own hash is the bundle extractor's to compute, over its files.
            let source = SourceInfo(
                path: input.path, fileName: input.fileName, mediaType: FileType.folder.mediaType, bytes: 0,
                sha256: ContentHash.sha256(of: Data()))
            return SniffedInput(input: input, detectedType: .folder, encodingHint: .none, source: source)
        }
        let size = try input.byteCount()
        guard size <= limits.maxFileBytes else { throw .tooLarge(path: input.path, bytes: size, limit: limits.maxFileBytes) }
        let prefix = try input.readPrefix(FileTypeSniffer.prefixLength)
        let result = FileTypeSniffer.sniff(prefix: prefix, fileExtension: input.fileExtension)
        let source = SourceInfo(
            path: input.path, fileName: input.fileName, mediaType: result.type.mediaType, bytes: size,
            sha256: try Self.sha256(of: input))
        return SniffedInput(input: input, detectedType: result.type, encodingHint: result.encodingHint, source: source)
    }

    /// Picks the extractor for a sniffed input.
    /// - Parameters:
    ///   - input: the sniffed input.
    ///   - forcedIdentifier: an extractor the caller insists on, or `nil` to choose by confidence.
    /// - Returns: the extractor to use.
    /// - Throws: ``IngestError`` naming the detected type and the registered extractors when none fits.
    public func choose(for input: SniffedInput, forcing forcedIdentifier: String? = nil) throws(IngestError)
        -> any Extractor
    {
        let path = input.input.path
        // Before forcing: an empty file has nothing for any extractor to read.
        if input.detectedType == .empty { throw .emptyFile(path: path) }
        if let forcedIdentifier {
            guard let forced = extractor(identifier: forcedIdentifier) else {
                throw IngestError(
                    code: .unknownExtractor, path: path, message: "no extractor named '\(forcedIdentifier)'",
                    advice: "choose one of: \(identifierList)")
            }
            return forced
        }
        var best: (extractor: any Extractor, confidence: ExtractionConfidence)?
        for candidate in extractors {
            guard let confidence = candidate.confidence(for: input) else { continue }
            if let current = best, confidence <= current.confidence { continue }
            best = (candidate, confidence)
        }
        guard let best else {
            throw IngestError(
                code: .unsupportedType, path: path,
                message: "no extractor reads \(input.detectedType.mediaType) (detected from the content)",
                advice: "registered extractors: \(describedList); force one with `ingest FILE --extractor ID`")
        }
        return best.extractor
    }

    /// Sniffs, chooses and extracts one input.
    /// - Parameters:
    ///   - input: the input.
    ///   - context: options and limits; its registry is replaced by this one.
    ///   - forcedIdentifier: an extractor the caller insists on.
    /// - Returns: the document.
    /// - Throws: ``IngestError`` when the input cannot be extracted.
    public func extract(
        _ input: ExtractionInput, context: ExtractionContext? = nil, forcing forcedIdentifier: String? = nil
    ) async throws(IngestError) -> MinutesDocument {
        var context = context ?? ExtractionContext(registry: self)
        context.registry = self
        let sniffed = try sniff(input, limits: context.limits)
        let extractor = try choose(for: sniffed, forcing: forcedIdentifier)
        return try await extractor.extract(sniffed, context: context)
    }

    private var identifierList: String {
        extractors.map(\.identifier).joined(separator: ", ")
    }

    private var describedList: String {
        extractors.map { "\($0.identifier) (\($0.fileTypes.map(\.mediaType).joined(separator: ", ")))" }
            .joined(separator: "; ")
    }

    private static func sha256(of input: ExtractionInput) throws(IngestError) -> String {
        var hasher = SHA256()
        switch input.content {
        case .bytes(let data):
            hasher.update(data: data)
        case .file(let url):
            guard let handle = try? FileHandle(forReadingFrom: url) else {
                throw .unreadable(path: input.path, reason: "cannot open for reading")
            }
            defer { try? handle.close() }
            do {
                while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    hasher.update(data: chunk)
                }
            } catch {
                throw .unreadable(path: input.path, reason: error.localizedDescription)
            }
        }
        return ContentHash.hex(hasher.finalize())
    }
}
