import Foundation
import Testing

/// A fixture the tests need is not where it should be.
struct MissingFixture: Error, CustomStringConvertible {
    let path: String
    let what: String
    var description: String { "missing fixture \(what) at \(path): the tests need the shared folder beside the repo" }
}

/// Files in the shared folder (`../shared` relative to the repository root).
enum SharedFiles {
    /// The repository root: three levels up from `Tests/PlainTextExtractorTests/<File>.swift`.
    static func repositoryRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// A file in the shared folder, which must exist.
    /// - Throws: ``MissingFixture`` naming the resolved path.
    static func url(_ relativePath: String) throws -> URL {
        let url = repositoryRoot().appendingPathComponent("../shared/\(relativePath)").standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingFixture(path: url.path, what: relativePath)
        }
        return url
    }

    /// The seed minutes (UTF-8, LF).
    static func seedURL() throws -> URL { try url("seed/politiradet-oslo-referat.txt") }

    /// A file of the shared corpus (see `corpus/MANIFEST.tsv`).
    static func corpusURL(_ relativePath: String) throws -> URL { try url("corpus/\(relativePath)") }
}

/// A fresh folder under the temporary directory, removed by ``remove()``.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "PlainTextExtractorTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file into the folder.
    func write(_ data: Data, named name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The SHA-256 of a file as `sha256sum` prints it, computed by running the tool.
func sha256sum(of url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    #if os(Linux)
        process.arguments = ["sha256sum", url.path]
    #else
        process.arguments = ["shasum", "-a", "256", url.path]
    #endif
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "sha256sum failed for \(url.path)")
    let text = String(decoding: output, as: UTF8.self)
    return String(text.prefix { !$0.isWhitespace })
}

extension String {
    /// The text with CRLF and CR line breaks turned into LF.
    var withLFLineEndings: String {
        replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
