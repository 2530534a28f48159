/// A zip's end-of-central-directory record, looked for when libarchive does not recognise an input, to tell a
/// damaged or split zip from something that is not an archive at all.
struct ZipEndRecord: Equatable {
    /// The number of the disk (part) this record is on, from 0.
    var diskNumber: UInt16

    /// The part number (from 1) when the zip is split into several parts and this is not the first; else nil.
    var splitPart: Int? { diskNumber > 0 && diskNumber != 0xFFFF ? Int(diskNumber) + 1 : nil }

    /// The record size without its comment.
    private static let fixedSize = 22

    /// Looks for the record in the last 64 KiB (the largest comment) plus the record's size.
    /// - Returns: the record, or nil when there is none.
    static func find(in source: ArchiveSource, size: Int) -> ZipEndRecord? {
        let tail = source.tail(0xFFFF + fixedSize, size: size)
        guard tail.count >= fixedSize else { return nil }
        var index = tail.count - fixedSize
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                let commentLength = Int(tail[index + 20]) | Int(tail[index + 21]) << 8
                if index + fixedSize + commentLength <= tail.count {
                    return ZipEndRecord(diskNumber: UInt16(tail[index + 4]) | UInt16(tail[index + 5]) << 8)
                }
            }
            index -= 1
        }
        return nil
    }
}
