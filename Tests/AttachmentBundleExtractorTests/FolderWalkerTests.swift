import AttachmentBundleExtractor
import Foundation
import IngestCore
import Testing

@Suite("Folders are listed safely: links stay inside, hidden files stay out")
struct FolderWalkerTests {
    /// A scratch folder: minutes, a subfolder, a hidden file, a link inside and links that lead out.
    private static func makeFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("FolderWalkerTests-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("2024/vedlegg"), withIntermediateDirectories: true)
        try Data("Referat\n".utf8).write(to: root.appendingPathComponent("2024/referat.txt"))
        try Data("Budsjett\n".utf8).write(to: root.appendingPathComponent("2024/vedlegg/budsjett.txt"))
        try Data("x".utf8).write(to: root.appendingPathComponent(".DS_Store"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("kopi.txt").path, withDestinationPath: "2024/referat.txt")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("up").path, withDestinationPath: "..")
        return root
    }

    @Test("Regular files in path order; a link inside is followed, links out are skipped with a warning")
    func listing() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let listing = try FolderWalker.list(root, limits: ExtractionLimits())
        #expect(listing.files.map(\.relativePath) == ["2024/referat.txt", "2024/vedlegg/budsjett.txt", "kopi.txt"])
        #expect(listing.warnings.contains("passwd: skipped, a link to outside the folder"))
        #expect(listing.warnings.contains("up: skipped, a link to outside the folder"))
        #expect(!listing.files.contains { $0.relativePath.hasPrefix(".") })
    }

    @Test("The entry limit stops the listing with a warning naming it")
    func entryLimit() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let listing = try FolderWalker.list(root, limits: ExtractionLimits(maxArchiveEntries: 1))
        #expect(listing.files.count == 1)
        #expect(listing.warnings.contains("stopped after 1 files (the entry limit)"))
    }

    @Test("A folder that does not exist is an error, not an empty bundle")
    func missingFolder() {
        #expect(throws: IngestError.self) {
            try FolderWalker.list(URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"), limits: ExtractionLimits())
        }
    }
}
