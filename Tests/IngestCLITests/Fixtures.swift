import Foundation

/// A scratch folder for one test, with the files the tests feed to `ingest`; removed when the test ends.
final class Fixtures {
    /// The folder.
    let directory: URL

    /// The package's root folder (this file is `Tests/IngestCLITests/Fixtures.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The real minutes in `SampleDocs/`.
    static let sampleMinutes = packageRoot.appendingPathComponent("SampleDocs/politiradet-oslo-referat.txt")

    /// The JSON Schema of the model.
    static let schema = packageRoot.appendingPathComponent("schema/minutes-document.schema.json")

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("IngestCLITests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Copies the sample minutes to `path` (relative to ``directory``), creating folders.
    /// - Returns: `path`, for use as an argument.
    @discardableResult
    func minutes(_ path: String) throws -> String {
        try write(try Data(contentsOf: Self.sampleMinutes), to: path)
    }

    /// Writes short plain-text minutes to `path`.
    @discardableResult
    func text(_ path: String, _ content: String) throws -> String {
        try write(Data(content.utf8), to: path)
    }

    /// Writes bytes to `path` (relative to ``directory``), creating folders.
    /// - Returns: `path`, for use as an argument.
    @discardableResult
    func write(_ data: Data, to path: String) throws -> String {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return path
    }

    /// The names of the files in a folder under ``directory``, hidden ones included, sorted.
    func fileNames(in path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(path).path).sorted()
    }

    /// The contents of a file under ``directory``.
    func contents(of path: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(path))
    }
}
