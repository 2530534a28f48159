public import Foundation

/// Validates document JSON against the model's JSON Schema with Python's `jsonschema`, the reference
/// implementation, run as a child process (`python3`).
public struct SchemaCheck: Sendable {
    /// The schema file.
    public var schemaURL: URL

    /// `schema/minutes-document.schema.json` of the package this file is built in, found from its own path.
    public static let defaultSchemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ExtractorTesting
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // the package
        .appendingPathComponent("schema/minutes-document.schema.json")

    /// Creates a check.
    /// - Parameter schemaURL: the schema file; by default the package's own.
    public init(schemaURL: URL = SchemaCheck.defaultSchemaURL) {
        self.schemaURL = schemaURL
    }

    /// Reads a JSON array of documents; prints one JSON array with a list of problems per document.
    private static let script = #"""
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.stderr.write("the Python package jsonschema is missing: run `pip install jsonschema` (or `make setup`)")
            sys.exit(3)
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            documents = json.load(f)
        validator = jsonschema.Draft202012Validator(schema)
        result = [
            sorted("/" + "/".join(map(str, e.absolute_path)) + ": " + e.message for e in validator.iter_errors(d))
            for d in documents
        ]
        print(json.dumps(result))
        """#

    /// Validates documents.
    /// - Parameter documents: each document's name (for the report) and JSON.
    /// - Returns: one ``ConformanceFailure`` (check ``ConformanceFailure/Check/schema``) per invalid document, or
    ///   one naming the problem when the validator cannot run (no `python3`, no `jsonschema`, no schema file).
    public func validate(_ documents: [(name: String, json: Data)]) async -> [ConformanceFailure] {
        guard !documents.isEmpty else { return [] }
        guard FileManager.default.fileExists(atPath: schemaURL.path) else {
            return [failure("validator", "no schema at \(schemaURL.path): pass SchemaCheck(schemaURL:)")]
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("ExtractorTesting-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let documentsURL = scratch.appendingPathComponent("documents.json")
        let outputURL = scratch.appendingPathComponent("problems.json")
        let errorURL = scratch.appendingPathComponent("stderr.txt")
        let status: Int32
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let array = Data("[".utf8) + Data(documents.map(\.json).joined(separator: Data(",".utf8))) + Data("]".utf8)
            try array.write(to: documentsURL)
            status = try await Self.run(
                ["python3", "-c", Self.script, schemaURL.path, documentsURL.path], stdout: outputURL, stderr: errorURL)
        } catch {
            return [failure("validator", "cannot run python3: \(error)")]
        }
        let errorText = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        switch status {
        case 0: break
        case 127: return [failure("validator", "python3 is not on PATH: install it, then `pip install jsonschema`")]
        default: return [failure("validator", "jsonschema failed (status \(status)): \(errorText)")]
        }
        guard let data = try? Data(contentsOf: outputURL),
            let problems = try? JSONDecoder().decode([[String]].self, from: data), problems.count == documents.count
        else { return [failure("validator", "unreadable validator output")] }
        return zip(documents, problems).compactMap { document, problems in
            problems.isEmpty
                ? nil : failure(document.name, "does not match the schema: " + problems.joined(separator: "; "))
        }
    }

    private func failure(_ subject: String, _ message: String) -> ConformanceFailure {
        ConformanceFailure(check: .schema, subject: subject, message: message)
    }

    /// Runs `/usr/bin/env ARGUMENTS` with output to files (no pipe can fill up) and waits for it to exit.
    private static func run(_ arguments: [String], stdout: URL, stderr: URL) async throws -> Int32 {
        try Data().write(to: stdout)
        try Data().write(to: stderr)
        let stdoutHandle = try FileHandle(forWritingTo: stdout)
        let stderrHandle = try FileHandle(forWritingTo: stderr)
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
