import Foundation
import Testing

/// Validates JSON documents against `schema/minutes-document.schema.json` with Python's `jsonschema`, the
/// reference implementation of JSON Schema, rather than a validator of our own.
enum SchemaValidator {
    /// The Python side: checks the schema itself, then each document; prints one JSON array of problem lists.
    /// In strict mode every property an object schema declares is required, which proves that a document with
    /// every field set really writes every key the schema names.
    private static let script = #"""
        import copy, json, sys
        try:
            import jsonschema
        except ImportError:
            print("the Python package jsonschema is missing: run `pip install jsonschema` (or `make setup`)")
            sys.exit(3)
        schema_path, documents_path, mode = sys.argv[1:4]
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        if mode == "strict":
            schema = copy.deepcopy(schema)
            def require_all(node):
                if isinstance(node, dict):
                    if node.get("type") == "object" and isinstance(node.get("properties"), dict):
                        node["required"] = sorted(node["properties"])
                    for value in node.values():
                        require_all(value)
                elif isinstance(node, list):
                    for value in node:
                        require_all(value)
            require_all(schema)
        validator = jsonschema.Draft202012Validator(schema)
        with open(documents_path, encoding="utf-8") as f:
            documents = json.load(f)
        problems = [
            ["/" + "/".join(map(str, e.absolute_path)) + ": " + e.message for e in validator.iter_errors(d)]
            for d in documents
        ]
        print(json.dumps(problems))
        """#

    /// The problems `jsonschema` finds in each document, one list per document (empty when it is valid).
    /// - Parameters:
    ///   - documents: JSON texts, each one document.
    ///   - strict: whether every property the schema declares must be present.
    /// - Throws: a test failure when python3 or its `jsonschema` package is missing, or the schema is invalid.
    static func problems(in documents: [Data], strict: Bool = false) async throws -> [[String]] {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("IngestCLITests-schema-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let documentsURL = scratch.appendingPathComponent("documents.json")
        try (Data("[".utf8) + Data(documents.joined(separator: Data(",".utf8))) + Data("]".utf8))
            .write(to: documentsURL)

        let output = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", script, Fixtures.schema.path, documentsURL.path, strict ? "strict" : "plain"],
            in: scratch)
        try #require(
            output.status != 127,
            "python3 is not on PATH: install it (`make setup`), then run `pip install jsonschema`")
        try #require(output.status != 3, "\(output.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))")
        try #require(output.status == 0, "jsonschema failed (is the schema valid?): \(output.stderr)")
        return try JSONDecoder().decode([[String]].self, from: output.stdout)
    }

    /// Records an issue for every document that does not validate.
    static func expectValid(
        _ documents: [Data], strict: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        try #require(!documents.isEmpty, "no documents to validate", sourceLocation: sourceLocation)
        let problems = try await problems(in: documents, strict: strict)
        for (index, list) in problems.enumerated() where !list.isEmpty {
            let problems = list.joined(separator: "\n")
            Issue.record(
                "document \(index + 1) of \(documents.count) does not match the schema:\n\(problems)",
                sourceLocation: sourceLocation)
        }
    }
}
