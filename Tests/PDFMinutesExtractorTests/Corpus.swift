import Foundation
import Testing

/// A fixture the tests need is not where it should be.
struct MissingFixture: Error, CustomStringConvertible {
    let path: String
    let what: String
    var description: String {
        "missing \(what) at \(path): the PDF tests read ../shared (beside the repository); is the shared folder there?"
    }
}

/// The shared test corpus (`../shared/corpus` beside the repository) and its `MANIFEST.tsv`.
enum Corpus {
    /// The repository root: three levels above this file (`Tests/PDFMinutesExtractorTests/Corpus.swift`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared`, resolved.
    static let shared = repositoryRoot.appendingPathComponent("../shared").standardizedFileURL

    /// `../shared/corpus`.
    static let root = shared.appendingPathComponent("corpus")

    /// A file in the shared folder, which must exist.
    /// - Throws: ``MissingFixture`` naming the resolved path.
    static func sharedFile(_ relativePath: String) throws -> URL {
        let url = shared.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingFixture(path: url.path, what: relativePath)
        }
        return url
    }

    /// A corpus file, which must exist.
    /// - Throws: ``MissingFixture`` naming the resolved path.
    static func file(_ relativePath: String) throws -> URL {
        try sharedFile("corpus/\(relativePath)")
    }

    /// Every `*.pdf` (any case) under the corpus folders that hold PDFs, as paths relative to the corpus, sorted.
    /// - Throws: ``MissingFixture`` when the corpus or one of the folders is missing.
    static func allPDFs() throws -> [String] {
        var paths: [String] = []
        for folder in ["pdf", "minutes", "bundles"] {
            let url = try file(folder)
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
            else { throw MissingFixture(path: url.path, what: "corpus folder \(folder)") }
            for case let file as URL in walker where file.pathExtension.lowercased() == "pdf" {
                let relative = file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)
                paths.append(String(relative))
            }
        }
        return paths.sorted()
    }

    /// The manifest's rows, by relative path.
    /// - Throws: ``MissingFixture`` when the manifest is missing.
    static func manifest() throws -> [String: ManifestEntry] {
        let url = try file("MANIFEST.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var entries: [String: ManifestEntry] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 7 else { continue }
            entries[columns[0]] = ManifestEntry(path: columns[0], bytes: Int(columns[4]) ?? -1, notes: columns[6])
        }
        return entries
    }
}

/// One row of `MANIFEST.tsv`: what the source says about a file and what poppler's tools found.
struct ManifestEntry: Sendable {
    /// The path relative to the corpus.
    var path: String
    /// The size in bytes.
    var bytes: Int
    /// "what the source says | what poppler found".
    var notes: String

    /// The page count `pdfinfo` reported (`pages=N`), when it could open the file.
    var pages: Int? { number(after: "pages=") }

    /// What `pdftotext` found: "yes", "little" or "NONE".
    var text: String? {
        guard let range = notes.range(of: "text=") else { return nil }
        return String(notes[range.upperBound...].prefix { $0.isLetter })
    }

    /// poppler opened it only with the documented user password.
    var needsPassword: Bool { notes.contains("encrypted=yes [opened with password]") }

    /// Encrypted with an empty user password: opens for anyone.
    var hasOnlyOwnerPassword: Bool { notes.contains("encrypted=yes [empty user pw]") }

    /// The user password the source documents (`PASSWORD user=word` or `user='quoted'`).
    var userPassword: String? {
        guard let range = notes.range(of: "PASSWORD user=") else { return nil }
        let rest = notes[range.upperBound...]
        if rest.first == "'" {
            return String(rest.dropFirst().prefix { $0 != "'" })
        }
        return String(rest.prefix { !$0.isWhitespace && $0 != ";" })
    }

    /// `pdfinfo` failed to open it with this syntax error ("Couldn't read xref table").
    var pdfinfoSyntaxError: String? {
        guard let range = notes.range(of: "pdfinfo: FAIL (Syntax Error: ") else { return nil }
        return String(notes[range.upperBound...].prefix { $0 != ")" })
    }

    private func number(after key: String) -> Int? {
        guard let range = notes.range(of: key) else { return nil }
        return Int(notes[range.upperBound...].prefix { $0.isNumber })
    }
}

/// A fresh folder under the temporary directory; ``remove()`` deletes it.
struct TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "PDFMinutesExtractorTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The URL of a file in the folder.
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes a file into the folder.
    @discardableResult
    func write(_ data: Data, named name: String) throws -> URL {
        let file = file(name)
        try data.write(to: file)
        return file
    }

    /// Copies a file into the folder.
    func copy(_ source: URL, named name: String) throws -> URL {
        let file = file(name)
        try FileManager.default.copyItem(at: source, to: file)
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
