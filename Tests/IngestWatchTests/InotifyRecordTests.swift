import Testing

@testable import IngestWatch

@Suite("InotifyRecord: records read from the bytes of an inotify descriptor")
struct InotifyRecordTests {
    /// One record as the kernel lays it out: wd, mask, cookie, len, then the name NUL-padded to len bytes.
    /// Without `length`, a name is padded to the next multiple of 16 bytes (at least one NUL), as the kernel does.
    private func record(wd: Int32, mask: UInt32, cookie: UInt32 = 0, name: String, padTo length: Int? = nil)
        -> [UInt8]
    {
        var name = Array(name.utf8)
        let padded = length ?? (name.isEmpty ? 0 : (name.count / 16 + 1) * 16)
        name += [UInt8](repeating: 0, count: padded - name.count)
        var bytes: [UInt8] = []
        withUnsafeBytes(of: wd) { bytes += $0 }
        withUnsafeBytes(of: mask) { bytes += $0 }
        withUnsafeBytes(of: cookie) { bytes += $0 }
        withUnsafeBytes(of: UInt32(name.count)) { bytes += $0 }
        return bytes + name
    }

    @Test("records back to back, names NUL-padded, a record about the watched folder itself without a name")
    func backToBack() {
        let bytes =
            record(wd: 1, mask: 0x8, name: "møtereferat.pdf", padTo: 32) + record(wd: 2, mask: 0x400, name: "")
            + record(wd: 1, mask: 0x80, cookie: 7, name: "a.txt")
        let records = InotifyRecord.parse(bytes)
        #expect(
            records == [
                InotifyRecord(watchDescriptor: 1, mask: 0x8, cookie: 0, nameBytes: Array("møtereferat.pdf".utf8)),
                InotifyRecord(watchDescriptor: 2, mask: 0x400, cookie: 0, nameBytes: []),
                InotifyRecord(watchDescriptor: 1, mask: 0x80, cookie: 7, nameBytes: Array("a.txt".utf8)),
            ])
        #expect(records[0].name == "møtereferat.pdf")
    }

    @Test("a truncated record or a length past the end ends the list; nothing is read out of bounds")
    func truncated() {
        let whole = record(wd: 1, mask: 0x8, name: "a.txt")
        #expect(InotifyRecord.parse(whole + Array(whole.prefix(10))).count == 1)
        var lying = record(wd: 3, mask: 0x8, name: "b.txt")
        lying[12] = 0xFF  // len claims 255 + … bytes
        #expect(InotifyRecord.parse(whole + lying).count == 1)
        #expect(InotifyRecord.parse([]).isEmpty)
        #expect(InotifyRecord.parse([1, 2, 3]).isEmpty)
    }

    @Test("a name that is not UTF-8 has no string")
    func invalidName() {
        let bad = InotifyRecord(watchDescriptor: 1, mask: 0x8, cookie: 0, nameBytes: [0x66, 0xFF, 0x66])
        #expect(bad.name == nil)
    }
}
