public import Foundation

/// Tells a file's real type from its first bytes, and from its extension only when the bytes say nothing.
public enum FileTypeSniffer {
    /// How many leading bytes ``sniff(prefix:fileExtension:)`` looks at.
    public static let prefixLength = 8192

    /// The result of sniffing: a type and, for text, what the byte order mark says.
    public struct Result: Sendable, Equatable {
        /// The detected type.
        public var type: FileType
        /// For text, the byte order mark found.
        public var encodingHint: TextEncodingHint
    }

    /// Detects the type of content from its first bytes.
    /// - Parameters:
    ///   - prefix: the first bytes of the content (up to ``prefixLength``), or all of it.
    ///   - fileExtension: the lowercased extension, used only for bytes that carry no signature.
    /// - Returns: the detected type.
    public static func sniff(prefix: Data, fileExtension: String) -> Result {
        let bytes = [UInt8](prefix)
        if bytes.isEmpty { return Result(type: .empty, encodingHint: .none) }
        if let type = signatureType(bytes) { return Result(type: type, encodingHint: .none) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return textOrEmail(Array(bytes.dropFirst(3)), hint: .utf8BOM) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Result(type: .plainText, encodingHint: .utf16LittleEndianBOM) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Result(type: .plainText, encodingHint: .utf16BigEndianBOM) }
        if looksBinary(bytes) {
            return Result(type: .binary, encodingHint: .none)
        }
        return textOrEmail(bytes, hint: .none)
    }

    private static func signatureType(_ bytes: [UInt8]) -> FileType? {
        // PDF readers accept the header within the first 1024 bytes (after junk such as a BOM or HTTP headers).
        if firstIndex(of: Array("%PDF-".utf8), in: bytes.prefix(1024)) != nil { return .pdf }
        let signatures: [([UInt8], FileType)] = [
            ([0x50, 0x4B, 0x03, 0x04], .zip),
            ([0x50, 0x4B, 0x05, 0x06], .zip),  // empty zip
            ([0x50, 0x4B, 0x07, 0x08], .zip),  // spanned zip
            ([0x1F, 0x8B], .gzip),
            ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], .sevenZip),
            ([0xFF, 0xD8, 0xFF], .jpeg),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .png),
        ]
        for (magic, type) in signatures where bytes.starts(with: magic) { return type }
        if bytes.count >= 262, Array(bytes[257..<262]) == Array("ustar".utf8) { return .tar }
        return nil
    }

    /// True when the bytes hold NULs or many control characters: no text encoding we read produces those
    /// (UTF-16 comes with a byte order mark and is handled before this check).
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        var control = 0
        for byte in bytes {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { control += 1 }
        }
        return control * 100 > bytes.count * 2
    }

    private static func textOrEmail(_ bytes: [UInt8], hint: TextEncodingHint) -> Result {
        looksLikeEmail(bytes) ? Result(type: .email, encodingHint: hint) : Result(type: .plainText, encodingHint: hint)
    }

    /// An e-mail starts with RFC 5322 header fields and has a `From:` and a `Date:`, `Subject:` or `MIME-Version:`.
    static func looksLikeEmail(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(prefixLength), as: UTF8.self)
        // Split on `isNewline`: in Swift "\r\n" is one Character, so splitting on "\n" would miss CRLF lines.
        let lines = head.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var names: Set<String> = []
        for (index, line) in lines.enumerated() {
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t" { continue }  // folded header
            guard let colon = line.firstIndex(of: ":"),
                case let name = line[..<colon],
                !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else {
                // The last, unterminated line may be a header cut off by the end of the prefix.
                if index == lines.count - 1 { break }
                return false
            }
            names.insert(name.lowercased())
        }
        let hasOrigin = names.contains("from") || names.contains("received") || names.contains("return-path")
        return hasOrigin && !names.isDisjoint(with: ["date", "subject", "mime-version", "message-id"])
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
