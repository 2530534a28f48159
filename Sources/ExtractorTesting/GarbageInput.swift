import Foundation

/// Hostile bytes every extractor must survive: it throws ``IngestError`` or returns a document, never crashes.
struct GarbageInput: Sendable, Hashable {
    /// A name for reports, used as the input's path (`garbage-random.bin`).
    var name: String
    /// The bytes.
    var data: Data

    /// The built-in set: 4 KiB of (seeded, so reproducible) random bytes, an empty file, 64 KiB of NULs.
    /// ``ExtractorConformance`` adds the first half of the first fixture.
    static let builtIn: [GarbageInput] = [
        GarbageInput(name: "garbage-random.bin", data: randomBytes(count: 4096, seed: 0x5EED)),
        GarbageInput(name: "garbage-empty.bin", data: Data()),
        GarbageInput(name: "garbage-nuls.bin", data: Data(count: 64 * 1024)),
    ]

    /// Bytes from a small linear congruential generator: the same every run, so a failure can be reproduced.
    static func randomBytes(count: Int, seed: UInt64) -> Data {
        var state = seed
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        return Data(bytes)
    }
}
