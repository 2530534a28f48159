import Foundation
import Testing

/// `ingest extractors`, run as a process.
@Suite("ingest extractors")
struct ExtractorsCommandTests {
    @Test("Lists the built-in extractors as a table")
    func table() async throws {
        let fixtures = try Fixtures()
        let output = try await IngestProcess.run(["extractors"], in: fixtures.directory)

        #expect(output.status == 0)
        let lines = output.stdoutText.split(separator: "\n")
        #expect(lines.first?.hasPrefix("IDENTIFIER  VERSION") == true)
        let plainText = try #require(lines.first { $0.hasPrefix("plain-text ") })
        #expect(plainText.contains("text/plain"))
        #expect(plainText.contains(".txt"))
    }

    @Test("--json gives every extractor's identifier, version, types, extensions and summary")
    func json() async throws {
        struct Description: Decodable {
            var identifier: String
            var version: String
            var fileTypes: [String]
            var fileExtensions: [String]
            var summary: String
        }
        let fixtures = try Fixtures()
        let output = try await IngestProcess.run(["extractors", "--json"], in: fixtures.directory)

        #expect(output.status == 0)
        let descriptions = try JSONDecoder().decode([Description].self, from: output.stdout)
        let plainText = try #require(descriptions.first { $0.identifier == "plain-text" })
        #expect(plainText.fileTypes == ["text/plain"])
        #expect(plainText.fileExtensions.contains("txt"))
        #expect(!plainText.version.isEmpty)
        #expect(!plainText.summary.isEmpty)
    }
}
