import Foundation

/// Where an archive's bytes come from. The memory case borrows bytes that must outlive every use of the source.
enum ArchiveSource {
    /// A file on disk, by path.
    case file(String)
    /// Bytes in memory.
    case memory(UnsafeRawBufferPointer)

    /// The last `count` bytes (fewer when the source is shorter); empty when a file cannot be read.
    /// - Parameters:
    ///   - count: how many bytes to read from the end.
    ///   - size: the source's size in bytes.
    func tail(_ count: Int, size: Int) -> [UInt8] {
        let start = max(0, size - count)
        switch self {
        case .memory(let bytes):
            return Array(bytes[min(start, bytes.count)...])
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
            defer { try? handle.close() }
            do {
                try handle.seek(toOffset: UInt64(start))
                return [UInt8](try handle.read(upToCount: count) ?? Data())
            } catch {
                return []
            }
        }
    }
}
