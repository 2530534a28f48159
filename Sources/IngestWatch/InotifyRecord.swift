/// One record of the byte stream a Linux inotify descriptor delivers, copied into Swift values.
///
/// The kernel writes `struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }` records back to
/// back, `name` NUL-padded to `len` bytes. ``parse(_:)`` reads them from a plain byte array with bounds checks,
/// so no pointer into the kernel's buffer outlives one read, and a short or garbled buffer cannot make it read
/// past the end.
struct InotifyRecord: Sendable, Equatable {
    /// The watch the record belongs to (what `inotify_add_watch` returned).
    var watchDescriptor: Int32
    /// The `IN_*` bits of the event.
    var mask: UInt32
    /// Pairs an `IN_MOVED_FROM` with its `IN_MOVED_TO`.
    var cookie: UInt32
    /// The name of the entry in the watched folder, raw bytes up to the first NUL; empty for an event on the
    /// watched folder itself.
    var nameBytes: [UInt8]

    /// The size of the fixed part of a record: `int wd; uint32_t mask, cookie, len`.
    static let headerSize = 16

    /// The name as a string, or `nil` when it is not valid UTF-8 (such a file cannot be named in a path).
    var name: String? {
        String(validating: nameBytes, as: UTF8.self)
    }

    /// Reads the records in `bytes`, in order.
    /// - Parameter bytes: what one `read(2)` on the inotify descriptor returned.
    /// - Returns: the complete records; a record that claims more bytes than remain ends the list (the kernel never
    ///   splits records across reads, so this only happens with a corrupt buffer).
    static func parse(_ bytes: [UInt8]) -> [InotifyRecord] {
        var records: [InotifyRecord] = []
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while raw.count - offset >= headerSize {
                let watchDescriptor = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let cookie = raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameStart = offset + headerSize
                guard length <= raw.count - nameStart else { break }
                let field = raw[nameStart..<(nameStart + length)]
                let nameEnd = field.firstIndex(of: 0) ?? field.endIndex
                records.append(
                    InotifyRecord(
                        watchDescriptor: watchDescriptor, mask: mask, cookie: cookie,
                        nameBytes: Array(raw[nameStart..<nameEnd])))
                offset = nameStart + length
            }
        }
        return records
    }
}
