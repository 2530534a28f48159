/// What `ingest-extractor-NAME describe` prints: one JSON object saying what the extractor reads.
public struct ExternalExtractorDescription: Codable, Sendable, Equatable {
    /// The identifier, as `--extractor ID` takes it ("markdown").
    public var identifier: String
    /// The extractor's version.
    public var version: String
    /// One line saying what it reads.
    public var summary: String
    /// The media types it reads ("text/markdown").
    public var mediaTypes: [String]
    /// The extensions it reads (lowercase, no dot), for text without a signature.
    public var extensions: [String]
    /// Leading bytes, in hex ("25504446"), that mark content it reads.
    public var magic: [String]?

    /// Creates a description.
    public init(
        identifier: String, version: String, summary: String, mediaTypes: [String], extensions: [String],
        magic: [String]? = nil
    ) {
        self.identifier = identifier
        self.version = version
        self.summary = summary
        self.mediaTypes = mediaTypes
        self.extensions = extensions
        self.magic = magic
    }

    /// The magic prefixes as bytes; entries that are not even-length hex are left out.
    var magicBytes: [[UInt8]] {
        (magic ?? []).compactMap { hex in
            let digits = Array(hex.lowercased().filter { !$0.isWhitespace })
            guard !digits.isEmpty, digits.count.isMultiple(of: 2) else { return nil }
            var bytes: [UInt8] = []
            for index in stride(from: 0, to: digits.count, by: 2) {
                guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else { return nil }
                bytes.append(byte)
            }
            return bytes
        }
    }
}
