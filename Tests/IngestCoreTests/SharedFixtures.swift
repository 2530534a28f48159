import Foundation
import Testing

/// Files under ../shared, the project's real inputs (seed minutes, corpus, labelled set).
enum SharedFixtures {
    /// The repository root, three levels above this file.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared` beside the repository.
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The seed minutes text, exactly as a PDF text tool gave it.
    static func seedText() throws -> String {
        let url = shared.appendingPathComponent("seed/politiradet-oslo-referat.txt")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing \(url.path): the tests read the shared seed minutes from ../shared/seed")
            throw CocoaError(.fileNoSuchFile)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
