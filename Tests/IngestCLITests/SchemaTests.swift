import Foundation
import IngestCore
import Testing

/// `schema/minutes-document.schema.json` describes exactly what the Codable model writes.
@Suite("JSON Schema of the model")
struct SchemaTests {
    private static func encode(_ document: MinutesDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(document)
    }

    /// Every optional value nil, at the top and in list entries.
    private static func sparseDocument() -> MinutesDocument {
        MinutesDocument(
            source: SourceInfo(
                path: "a.txt", fileName: "a.txt", mediaType: "text/plain", bytes: 1,
                sha256: String(repeating: "0", count: 64)),
            extractor: ExtractorInfo(name: "plain-text", version: "0.1.0"),
            participants: [Participant(name: "Kari Nordmann", status: .present)],
            agendaItems: [AgendaItem(number: "1", title: "Godkjenning av innkalling")],
            attachments: [Attachment(title: "Listed, but not in the bundle")])
    }

    @Test("A document with every field set, nested attachment included, validates with every property required")
    func fullyPopulatedDocumentWritesEverySchemaProperty() async throws {
        let data = try Self.encode(FullyPopulatedDocument.make())
        try await SchemaValidator.expectValid([data])
        try await SchemaValidator.expectValid([data], strict: true)
    }

    @Test("A document with every optional value nil validates")
    func sparseDocumentValidates() async throws {
        try await SchemaValidator.expectValid([try Self.encode(Self.sparseDocument())])
    }

    @Test("The fully populated document survives a JSON round trip")
    func roundTrip() throws {
        let document = FullyPopulatedDocument.make()
        let decoded = try JSONDecoder().decode(MinutesDocument.self, from: try Self.encode(document))
        #expect(decoded == document)
        #expect(decoded.attachments.first?.document?.title == document.title)
    }

    /// A change that makes an encoded document invalid.
    struct Corruption: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var apply: @Sendable (inout [String: Any]) -> Void

        init(_ name: String, _ apply: @escaping @Sendable (inout [String: Any]) -> Void) {
            testDescription = name
            self.apply = apply
        }
    }

    static let corruptions: [Corruption] = [
        Corruption("unknown key") { $0["extra"] = 1 },
        Corruption("null for an absent optional") { $0["title"] = NSNull() },
        Corruption("missing required key") { $0["warnings"] = nil },
        Corruption("unknown participant status") { $0["participants"] = [["name": "A", "status": "chair"]] },
        Corruption("date not YYYY-MM-DD") { $0["meeting"] = ["date": "12.03.2026"] },
        Corruption("time not HH:MM") { $0["meeting"] = ["startTime": "9.00"] },
        Corruption("language not BCP 47") { $0["language"] = "Norwegian bokmål" },
        Corruption("non-string property value") { $0["properties"] = ["pages": 3] },
        Corruption("uppercase SHA-256") { document in
            var source = document["source"] as? [String: Any] ?? [:]
            source["sha256"] = String(repeating: "A", count: 64)
            document["source"] = source
        },
        Corruption("attachment document of the wrong shape") {
            $0["attachments"] = [["title": "Vedlegg 1", "document": [String: Any]()]]
        },
    ]

    @Test("The schema rejects what the model never writes", arguments: corruptions)
    func rejectsInvalid(_ corruption: Corruption) async throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: try Self.encode(Self.sparseDocument())) as? [String: Any])
        corruption.apply(&object)
        let data = try JSONSerialization.data(withJSONObject: object)
        let problems = try await SchemaValidator.problems(in: [data])
        #expect(problems.first?.isEmpty == false, "\(corruption.testDescription) should not validate")
    }
}
