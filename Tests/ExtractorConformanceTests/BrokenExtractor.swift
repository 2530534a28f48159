import Foundation
import IngestCore
import PlainTextExtractor

/// The plain-text extractor with one deliberate flaw, to prove the conformance kit notices it.
struct BrokenExtractor: Extractor {
    /// The rule the extractor breaks.
    enum Flaw: Sendable {
        case badDeclaration, wrongName, wrongHash, nonDeterministic, invalidLanguageTag, refusesEverything
        case throwsOnEverything
    }

    let flaw: Flaw
    private let base = PlainTextExtractor()

    var identifier: String { flaw == .badDeclaration ? "Plain Text" : base.identifier }
    var version: String { base.version }
    var summary: String { base.summary }
    var fileTypes: [FileType] { flaw == .badDeclaration ? [] : base.fileTypes }
    var fileExtensions: [String] { flaw == .badDeclaration ? [] : base.fileExtensions }

    func confidence(for input: SniffedInput) -> ExtractionConfidence? {
        if flaw == .refusesEverything { return nil }
        // A bad declaration still reads text, so only the declaration check fails.
        return flaw == .badDeclaration ? .content : base.confidence(for: input)
    }

    func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument {
        if flaw == .throwsOnEverything {
            throw IngestError(code: .damaged, path: input.input.path, message: "always fails")
        }
        var document = try await base.extract(input, context: context)
        document.extractor.name = identifier
        switch flaw {
        case .wrongName: document.extractor.name = "something-else"
        case .wrongHash: document.source.sha256 = String(repeating: "0", count: 64)
        case .nonDeterministic: document.warnings.append("run \(UUID().uuidString)")
        case .invalidLanguageTag: document.language = "not a language tag!"
        default: break
        }
        return document
    }
}
