public import Foundation
public import IngestCore

/// A regular file found under a folder.
public struct FolderFile: Sendable, Equatable {
    /// The path relative to the folder, "/"-separated ("2023/møte-1/referat.pdf").
    public var relativePath: String
    /// Where the file is.
    public var url: URL
}

/// The regular files under a folder, and what was skipped.
public struct FolderListing: Sendable {
    /// The files, sorted by relative path.
    public var files: [FolderFile]
    /// Skipped entries (links out of the folder, hidden files are skipped silently), and a hit entry limit.
    public var warnings: [String]
}

/// Lists the files of a folder tree for a bundle or a collection, safely: symbolic links are followed only when
/// they stay inside the folder, hidden files (".DS_Store", ".git") are skipped, and at most
/// ``ExtractionLimits/maxArchiveEntries`` files are listed.
public enum FolderWalker {
    /// Lists the regular files under `root`, recursively.
    /// - Parameters:
    ///   - root: the folder.
    ///   - limits: the entry limit to honour.
    /// - Throws: ``IngestError`` when the folder does not exist, is a file, or cannot be read.
    public static func list(_ root: URL, limits: ExtractionLimits) throws(IngestError) -> FolderListing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: root.relativePath)
        }
        guard isDirectory.boolValue else {
            throw IngestError(code: .unsupportedType, path: root.relativePath, message: "is not a folder")
        }
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey]
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else {
            throw .unreadable(path: root.relativePath, reason: "cannot list the folder")
        }
        var files: [FolderFile] = []
        var warnings: [String] = []
        for case let url as URL in enumerator {
            let relative = relativePath(of: url, under: root)
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isSymbolicLink == true {
                let target = url.resolvingSymlinksInPath().standardizedFileURL.path
                guard target.hasPrefix(rootPath + "/") else {
                    warnings.append("\(relative): skipped, a link to outside the folder")
                    continue
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
            } else if values?.isRegularFile != true {
                continue
            }
            guard files.count < limits.maxArchiveEntries else {
                warnings.append("stopped after \(limits.maxArchiveEntries) files (the entry limit)")
                break
            }
            files.append(FolderFile(relativePath: relative, url: url))
        }
        files.sort { $0.relativePath < $1.relativePath }
        return FolderListing(files: files, warnings: warnings)
    }

    private static func relativePath(of url: URL, under root: URL) -> String {
        let base = root.standardizedFileURL.pathComponents
        let components = url.standardizedFileURL.pathComponents
        guard components.starts(with: base) else { return url.lastPathComponent }
        return components.dropFirst(base.count).joined(separator: "/")
    }
}
