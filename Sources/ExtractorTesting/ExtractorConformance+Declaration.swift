import Foundation
import IngestCore

extension ExtractorConformance {
    /// Checks what the extractor says about itself.
    func declarationFailures() -> [ConformanceFailure] {
        var problems: [String] = []
        let identifier = extractor.identifier
        if identifier.isEmpty {
            problems.append("the identifier is empty")
        } else if identifier != identifier.lowercased() || identifier.contains(where: \.isWhitespace) {
            problems.append("the identifier '\(identifier)' must be lowercase without spaces (like 'plain-text')")
        }
        if extractor.version.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("the version is empty") }
        if extractor.summary.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("the summary is empty") }
        if extractor.fileTypes.isEmpty && extractor.fileExtensions.isEmpty {
            problems.append("it declares no file types and no file extensions: name what it reads")
        }
        return problems.map { ConformanceFailure(check: .declaration, subject: "extractor", message: $0) }
    }
}
