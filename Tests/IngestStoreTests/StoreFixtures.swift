import Foundation
import IngestCore
import IngestStore
import Testing

/// A scratch folder for one test's store, and documents made from real minutes text; removed when the test ends.
final class StoreFixtures {
    /// The folder.
    let directory: URL

    /// The package's root folder (this file is `Tests/IngestStoreTests/StoreFixtures.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed minutes of Politirådet i Oslo, as a PDF text tool gave them.
    static let seedText: String = {
        let url = packageRoot.appendingPathComponent("SampleDocs/politiradet-oslo-referat.txt")
        return String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
    }()

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("IngestStoreTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A path for a store file in the scratch folder (not created).
    func storePath(_ name: String = "minutes.sqlite") -> String {
        directory.appendingPathComponent(name).path
    }

    /// Opens (creating) a store in the scratch folder.
    func store(_ name: String = "minutes.sqlite") throws -> MinutesStore {
        try MinutesStore(path: storePath(name))
    }

    /// The seed minutes as a document.
    static func seed(path: String = "SampleDocs/politiradet-oslo-referat.txt") throws -> MinutesDocument {
        try #require(!seedText.isEmpty, "the tests read SampleDocs/politiradet-oslo-referat.txt")
        return document(text: seedText, path: path)
    }

    /// A document from minutes text, as the plain-text extractor would give it.
    static func document(text: String, path: String) -> MinutesDocument {
        let data = Data(text.utf8)
        let source = SourceInfo(
            path: path, fileName: URL(fileURLWithPath: path).lastPathComponent, mediaType: "text/plain",
            bytes: data.count, sha256: ContentHash.sha256(of: data))
        return MinutesDocument(
            source: source, extractor: ExtractorInfo(name: "plain-text", version: "1.0.0"),
            structure: MinutesParser().parse(text: text))
    }

    /// Short minutes with a title, a date and numbered items (title, body).
    static func minutes(
        title: String = "Referat fra styremøte", date: String = "14. mars 2024", items: [(String, String)],
        path: String
    ) -> MinutesDocument {
        var text = "\(title)\n\nDato: \(date)\n\n"
        for (index, item) in items.enumerated() {
            text += "\(index + 1). \(item.0)\n\n\(item.1)\n\n"
        }
        return document(text: text, path: path)
    }
}
