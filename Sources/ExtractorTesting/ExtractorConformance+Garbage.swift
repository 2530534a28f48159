import Foundation
import IngestCore

extension ExtractorConformance {
    /// The garbage inputs, plus the first half of the first file fixture.
    func garbageInputs() -> [GarbageInput] {
        var inputs = garbage.enumerated().map { index, data in
            // The built-in inputs keep their names; the caller's are numbered.
            GarbageInput.builtIn.first { $0.data == data }
                ?? GarbageInput(name: "garbage-\(index + 1)-\(data.count)-bytes", data: data)
        }
        let firstFile = fixtures.first { !ExtractionInput(fileURL: $0).isFolder }
        if let firstFile, let data = try? Data(contentsOf: firstFile) {
            let name = "truncated-" + firstFile.lastPathComponent
            inputs.append(GarbageInput(name: name, data: data.prefix(data.count / 2)))
        }
        return inputs
    }

    /// Forces each garbage input through the extractor (no sniffing decides for it).
    ///
    /// A typed ``IngestError`` or a document is a pass; the document must validate against the schema. A crash
    /// cannot be caught in-process: it ends the test run, which reports it.
    func garbageFailures() async -> [ConformanceFailure] {
        let registry = ExtractorRegistry(extractors: [extractor])
        var documents: [(name: String, json: Data)] = []
        var failures: [ConformanceFailure] = []
        for input in garbageInputs() {
            do {
                let sniffed = try registry.sniff(ExtractionInput(data: input.data, path: input.name))
                let document = try await extractor.extract(sniffed, context: context)
                documents.append((input.name, Self.json(document)))
            } catch {
                // A typed IngestError with a message: what the extractor should do with garbage.
                if error.message.isEmpty {
                    failures.append(
                        ConformanceFailure(
                            check: .garbage, subject: input.name, message: "IngestError \(error.code) has no message"))
                }
            }
        }
        return failures + (await schema.validate(documents))
    }
}
