import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Length-prefixed frames on a pipe, the wire between `ingest` and its workers: eight bytes of length
/// (little-endian), then the payload.
enum Frames {
    /// Writes one frame, retrying short and interrupted writes.
    /// - Returns: `false` when the pipe is closed (the other side is gone) or the write fails.
    static func write(_ payload: Data, to descriptor: Int32) -> Bool {
        var header = Data(count: 8)
        header.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(payload.count).littleEndian, as: UInt64.self) }
        return writeAll(header, to: descriptor) && writeAll(payload, to: descriptor)
    }

    /// Reads one frame.
    /// - Parameters:
    ///   - descriptor: the pipe.
    ///   - maxBytes: the largest payload accepted; a larger announced length is treated as a broken stream.
    /// - Returns: the payload, or `nil` at the end of the stream, on a read error or a frame over `maxBytes`.
    static func read(from descriptor: Int32, maxBytes: Int) -> Data? {
        guard let header = readExactly(8, from: descriptor) else { return nil }
        let length = header.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard length <= UInt64(maxBytes) else { return nil }
        return readExactly(Int(length), from: descriptor)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                // send() with MSG_NOSIGNAL on a socket: a closed peer is EPIPE, not SIGPIPE; write() on a pipe.
                var written = send(descriptor, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if written < 0, errno == ENOTSOCK {
                    written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    private static func readExactly(_ count: Int, from descriptor: Int32) -> Data? {
        var data = Data(count: count)
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < count {
                let received = Glibc.read(descriptor, base + offset, count - offset)
                if received < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if received == 0 { return false }
                offset += received
            }
            return true
        }
        return complete ? data : nil
    }
}
