import Foundation
import IngestCore

/// The JSON form of documents as `ingest` writes it: keys sorted, slashes unescaped.
enum DocumentJSON {
    /// How a document is laid out.
    enum Format {
        /// Indented, for people and for `--out` files.
        case pretty
        /// One line, for `--jsonl`.
        case line
    }

    /// Encodes a document.
    /// - Throws: ``IngestError`` with code `output-failed` when the document cannot be encoded.
    static func encode(_ document: MinutesDocument, format: Format) throws(IngestError) -> Data {
        let encoder = JSONEncoder()
        switch format {
        case .pretty: encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        case .line: encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }
        do {
            return try encoder.encode(document)
        } catch {
            throw IngestError(
                code: .outputFailed, path: document.source.path,
                message: "cannot encode the document as JSON (\(error))",
                advice: "please report this as a bug in the extractor '\(document.extractor.name)'")
        }
    }
}
