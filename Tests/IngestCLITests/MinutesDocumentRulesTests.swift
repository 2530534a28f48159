import Foundation
import IngestCore
import Testing

/// `MinutesDocumentRules` (what an out-of-process extractor's output is held to) agrees with the JSON Schema.
@Suite("Schema rules for documents from other processes")
struct MinutesDocumentRulesTests {
    private static func json(_ document: MinutesDocument) throws -> [String: Any] {
        let data = try JSONEncoder().encode(document)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("The language pattern is the schema's")
    func languagePatternIsTheSchemas() throws {
        let schema = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.schema)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let language = try #require(properties["language"] as? [String: Any])
        #expect(language["pattern"] as? String == MinutesDocumentRules.languageTagPattern)
    }

    @Test("A document with every field set breaks no rule and has no unknown key")
    func fullyPopulatedDocumentPasses() throws {
        let document = FullyPopulatedDocument.make()
        #expect(MinutesDocumentRules.violations(of: document) == [])
        #expect(MinutesDocumentRules.unknownKeys(in: try Self.json(document), comparedWith: document) == [])
    }

    /// One broken value each, with the path and the words the violation must name.
    static let brokenValues: [(String, @Sendable (inout MinutesDocument) -> Void, String)] = [
        (
            "language", { $0.language = "norsk bokmål" },
            "language: 'norsk bokmål' is not a BCP 47 language tag (nb, nn, en-GB)"
        ),
        ("date", { $0.meeting.date = "12.03.2026" }, "meeting.date: '12.03.2026' is not YYYY-MM-DD"),
        ("time", { $0.meeting.startTime = "9:00" }, "meeting.startTime: '9:00' is not HH:MM"),
        ("item page", { $0.agendaItems[0].pages = [0, 1] }, "agendaItems.0.pages.0: page 0 is below 1"),
        ("page", { $0.pages[1].number = -1 }, "pages.1.number: page -1 is below 1"),
        ("bundle files", { $0.bundle?.files = -2 }, "bundle.files: -2 is below 0"),
        ("extractor", { $0.extractor.name = "" }, "extractor.name: empty"),
        (
            "nested hash",
            { document in
                var attachment = document.attachments[0]
                attachment.document?.source.sha256 = "ABC"
                document.attachments[0] = attachment
            },
            "attachments.0.document.source.sha256: 'ABC' is not 64 lowercase hex digits"
        ),
    ]

    @Test("Each broken value is named with its path, and the JSON Schema rejects it too", arguments: 0..<8)
    func brokenValueIsNamed(index: Int) async throws {
        let (_, breakIt, expected) = Self.brokenValues[index]
        var document = FullyPopulatedDocument.make()
        breakIt(&document)
        #expect(MinutesDocumentRules.violations(of: document) == [expected])
        let problems = try await SchemaValidator.problems(in: [try JSONEncoder().encode(document)])
        #expect(problems.first?.isEmpty == false, "the JSON Schema accepts what the rules reject")
    }

    @Test("Unknown keys and nulls are named with their path, and the JSON Schema rejects them too")
    func unknownKeysAreNamed() async throws {
        let document = FullyPopulatedDocument.make()
        var object = try Self.json(document)
        var items = try #require(object["agendaItems"] as? [[String: Any]])
        items[0]["vote"] = "7–2"
        object["agendaItems"] = items
        object["title"] = NSNull()
        var properties = try #require(object["properties"] as? [String: String])
        properties["Any name"] = "is allowed here"
        object["properties"] = properties

        #expect(
            MinutesDocumentRules.unknownKeys(in: object, comparedWith: document) == [
                "agendaItems.0.vote: unknown key"
            ])
        var untitled = document
        untitled.title = nil
        #expect(
            MinutesDocumentRules.unknownKeys(in: object, comparedWith: untitled) == [
                "agendaItems.0.vote: unknown key", "title: unknown key (null: leave the key out)",
            ])
        let problems = try await SchemaValidator.problems(in: [try JSONSerialization.data(withJSONObject: object)])
        #expect(problems.first?.count == 2, "\(problems)")
    }
}
