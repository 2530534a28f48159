public import Foundation

/// The bytes an extractor reads: a file on disk or bytes in memory (an archive member, an embedded file).
public struct ExtractionInput: Sendable, Equatable {
    /// Where the bytes live.
    public enum Content: Sendable, Equatable {
        /// A file on disk.
        case file(URL)
        /// Bytes in memory.
        case bytes(Data)
    }

    /// The path to report in output and errors (`minutes.pdf`, `bundle.zip!Vedlegg 1.pdf`).
    public var path: String
    /// Where the bytes live.
    public var content: Content

    /// Creates an input for a file on disk; its path is reported as given.
    public init(fileURL: URL, path: String? = nil) {
        self.path = path ?? fileURL.relativePath
        self.content = .file(fileURL)
    }

    /// Creates an input for bytes in memory.
    /// - Parameters:
    ///   - data: the content.
    ///   - path: the path to report, ending in the member's file name.
    public init(data: Data, path: String) {
        self.path = path
        self.content = .bytes(data)
    }

    /// The last path component of ``path``; for bytes in memory, of the member path after the last `!`
    /// (`bundle.zip!Vedlegg 1.pdf` → `Vedlegg 1.pdf`).
    public var fileName: String {
        var name = path[...]
        if case .bytes = content, let bang = name.lastIndex(of: "!") { name = name[name.index(after: bang)...] }
        return name.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? String(name)
    }

    /// The extension of ``fileName``, lowercased, without the dot; empty when there is none.
    public var fileExtension: String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return "" }
        return fileName[fileName.index(after: dot)...].lowercased()
    }

    /// Reads all of the content.
    /// - Parameter limit: the largest size accepted, in bytes.
    /// - Throws: ``IngestError`` when the file cannot be read or is larger than `limit`.
    public func readAll(limit: Int) throws(IngestError) -> Data {
        switch content {
        case .bytes(let data):
            guard data.count <= limit else { throw .tooLarge(path: path, bytes: data.count, limit: limit) }
            return data
        case .file(let url):
            let size = try Self.fileSize(url, path: path)
            guard size <= limit else { throw .tooLarge(path: path, bytes: size, limit: limit) }
            do {
                return try Data(contentsOf: url, options: .mappedIfSafe)
            } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
        }
    }

    /// Reads at most the first `count` bytes.
    /// - Throws: ``IngestError`` when the file cannot be opened.
    public func readPrefix(_ count: Int) throws(IngestError) -> Data {
        switch content {
        case .bytes(let data):
            return data.prefix(count)
        case .file(let url):
            guard let handle = try? FileHandle(forReadingFrom: url) else {
                if !FileManager.default.fileExists(atPath: url.path) { throw .fileNotFound(path: path) }
                throw .unreadable(path: path, reason: "permission denied or not a regular file")
            }
            defer { try? handle.close() }
            do {
                return try handle.read(upToCount: count) ?? Data()
            } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
        }
    }

    /// Whether the input is a folder on disk (a bundle of files) rather than a file.
    public var isFolder: Bool {
        guard case .file(let url) = content else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The size of the content in bytes.
    /// - Throws: ``IngestError/fileNotFound(path:)`` when the file does not exist.
    public func byteCount() throws(IngestError) -> Int {
        switch content {
        case .bytes(let data): return data.count
        case .file(let url): return try Self.fileSize(url, path: path)
        }
    }

    private static func fileSize(_ url: URL, path: String) throws(IngestError) -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue {
            throw IngestError(
                code: .unsupportedType, path: path, message: "is a folder",
                advice: "a folder is read as a bundle by the bundle extractor; name the files in it to read them alone")
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let size = attributes[.size] as? NSNumber
        else { throw .unreadable(path: path, reason: "cannot read file attributes") }
        return size.intValue
    }
}
