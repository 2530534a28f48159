/// What the first bytes of a text file say about its encoding.
public enum TextEncodingHint: String, Sendable, Hashable, Codable {
    /// A UTF-8 byte order mark (`EF BB BF`).
    case utf8BOM
    /// A UTF-16 little-endian byte order mark (`FF FE`).
    case utf16LittleEndianBOM
    /// A UTF-16 big-endian byte order mark (`FE FF`).
    case utf16BigEndianBOM
    /// No byte order mark: the encoding must be detected from the bytes.
    case none
}
