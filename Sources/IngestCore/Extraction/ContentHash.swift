public import Foundation
import Crypto

/// SHA-256 digests as lowercase hex, the form ``SourceInfo/sha256`` records.
public enum ContentHash {
    /// The SHA-256 of `data`, lowercase hex.
    public static func sha256(of data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The SHA-256 of the concatenation of `parts`, lowercase hex (a folder's hash over its files' paths and hashes).
    public static func sha256(of parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts { hasher.update(data: Data(part.utf8)) }
        return hex(hasher.finalize())
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
