public import Foundation
public import IngestCore

/// The checks every extractor must pass, in one call: run it from a test against your own fixtures.
///
/// ```swift
/// @Test func conformance() async {
///     await ExtractorConformance(extractor: MarkdownExtractor(), fixtures: [fixture("minutes.md")]).check()
/// }
/// ```
///
/// It checks that the extractor
/// - declares itself: a lowercase identifier without spaces, a version, a summary, a file type or extension;
/// - accepts each fixture, once sniffed by a registry holding only this extractor;
/// - extracts each fixture into a document that names this extractor and the SHA-256 the registry computed (for a
///   bundle: the document's ``MinutesDocument/bundle``), and whose JSON validates against the model's schema;
/// - survives garbage forced through it (random bytes, an empty file, 64 KiB of NULs, a truncated fixture): a
///   typed ``IngestError`` or a document, never a crash (a crash stops the test process, which the runner reports);
/// - is deterministic: two runs give equal documents;
/// - is safe to run concurrently: eight or more tasks extracting the fixtures at once give the same documents.
public struct ExtractorConformance: Sendable {
    /// The extractor under test.
    public var extractor: any Extractor
    /// Files (or folders) the extractor must read.
    public var fixtures: [URL]
    /// Bytes the extractor must survive.
    public var garbage: [Data]
    /// Extractors for nested documents (an archive's members), registered after the one under test.
    public var nestedExtractors: [any Extractor]
    /// The schema validation.
    public var schema: SchemaCheck

    /// Creates the checks for one extractor.
    /// - Parameters:
    ///   - extractor: the extractor under test.
    ///   - fixtures: files (or folders) it must read; at least one.
    ///   - garbage: bytes it must survive; `nil` for the built-in hostile set (random bytes, empty, 64 KiB of NULs).
    ///     The first half of the first file fixture is always added.
    ///   - nestedExtractors: extractors for documents nested in the fixtures (a bundle's PDFs); none by default.
    ///   - schema: the schema validation; by default against this package's `schema/minutes-document.schema.json`.
    public init(
        extractor: any Extractor, fixtures: [URL], garbage: [Data]? = nil, nestedExtractors: [any Extractor] = [],
        schema: SchemaCheck = SchemaCheck()
    ) {
        self.extractor = extractor
        self.fixtures = fixtures
        self.garbage = garbage ?? GarbageInput.builtIn.map(\.data)
        self.nestedExtractors = nestedExtractors
        self.schema = schema
    }

    /// Runs every check.
    /// - Returns: the requirements the extractor failed; empty when it conforms.
    public func run() async -> [ConformanceFailure] {
        var failures = declarationFailures()
        if fixtures.isEmpty {
            failures.append(ConformanceFailure(check: .extraction, subject: "fixtures", message: "no fixtures given"))
        }
        let first = await extractFixtures()
        failures += first.failures
        failures += await schema.validate(first.documents.map { ($0.fixture, Self.json($0.document)) })
        failures += await garbageFailures()
        let second = await extractFixtures()
        failures += Self.differences(first.documents, second.documents, check: .determinism, what: "a second run")
        failures += await concurrencyFailures(baseline: first.documents)
        return failures
    }

    /// The registry the checks sniff and extract with: the extractor under test, then ``nestedExtractors``.
    var registry: ExtractorRegistry { ExtractorRegistry(extractors: [extractor] + nestedExtractors) }

    /// The context for extractions.
    var context: ExtractionContext { ExtractionContext(registry: registry) }

    /// A fixture's path for reports and inputs: its last two components, stable wherever the package lives.
    static func subject(_ url: URL) -> String {
        url.pathComponents.suffix(2).joined(separator: "/")
    }

    /// The document's JSON as the command writes it (sorted keys), for schema validation.
    static func json(_ document: MinutesDocument) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(document)) ?? Data("null".utf8)
    }
}
