public import Foundation
public import IngestCore

/// A character encoding ``TextDecoder`` can detect. The raw value is the lowercase IANA-style name recorded in
/// `MinutesDocument.properties["encoding"]`.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16 little-endian, announced by the byte order mark `FF FE`.
    case utf16LittleEndian = "utf-16le"
    /// UTF-16 big-endian, announced by the byte order mark `FE FF`.
    case utf16BigEndian = "utf-16be"
    /// UTF-32 little-endian, announced by the byte order mark `FF FE 00 00`.
    case utf32LittleEndian = "utf-32le"
    /// Windows-1252: bytes in `80`–`9F` that Windows-1252 defines (€, “, ”, –, …) are present.
    case windows1252 = "windows-1252"
    /// ISO-8859-1: no byte in `80`–`9F` is a Windows-1252 character, so both read the bytes the same way.
    case isoLatin1 = "iso-8859-1"

    /// The name as people write it ("UTF-8", "Windows-1252"), for messages.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .utf32LittleEndian: "UTF-32LE"
        case .windows1252: "Windows-1252"
        case .isoLatin1: "ISO-8859-1"
        }
    }
}

/// Text decoded from bytes, with the encoding found and anything the reader should know about the decoding.
public struct DecodedText: Sendable, Equatable {
    /// The text, without a byte order mark. Line endings are as in the input.
    public var text: String
    /// The encoding the bytes were decoded with.
    public var encoding: TextEncoding
    /// Guesses and repairs made while decoding, worded for `MinutesDocument.warnings`.
    public var warnings: [String]

    /// Creates decoded text.
    public init(text: String, encoding: TextEncoding, warnings: [String] = []) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Why bytes could not be decoded as text.
public struct TextDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The encoding the bytes announced (by a byte order mark) but do not follow.
    public var encoding: TextEncoding
    /// What is wrong with the bytes.
    public var reason: String

    /// Creates an error.
    public init(encoding: TextEncoding, reason: String) {
        self.encoding = encoding
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}

/// Decodes the bytes of a text file whose encoding nobody declared.
///
/// The rules, in order:
/// 1. A byte order mark decides: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`), UTF-16BE (`FE FF`); `FF FE 00 00` is
///    UTF-32LE. Bytes that contradict their mark (an odd number of UTF-16 bytes, unpaired surrogates, mostly
///    invalid UTF-8 after a UTF-8 mark) are an error: the file is damaged or mislabelled.
/// 2. Without a mark, bytes that are valid UTF-8 are UTF-8 (this includes plain ASCII).
/// 3. Bytes that are mostly UTF-8 (at least ``mostlyUTF8Ratio`` well-formed non-ASCII characters per invalid
///    sequence) are UTF-8 with the invalid sequences replaced by U+FFFD, and a warning.
/// 4. Anything else is a legacy single-byte file, read as Windows-1252 with a warning. Windows-1252 agrees with
///    ISO-8859-1 on every byte except `80`–`9F`, where it has printable characters (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “
///    ” • – — ˜ ™ š › œ ž Ÿ) and ISO-8859-1 has C1 controls that no text uses; the five bytes Windows-1252 leaves
///    undefined (`81 8D 8F 90 9D`) become the C1 control of the same value, as in ISO-8859-1 (and as the WHATWG
///    Encoding Standard does). The encoding is reported as ``TextEncoding/windows1252`` when the file holds a
///    Windows-1252 character in `80`–`9F`, otherwise as ``TextEncoding/isoLatin1``: the text is the same either
///    way, and the name is the narrowest one the bytes support.
///
/// Line endings are left alone; see ``LineEnding/normalize(_:)``.
public enum TextDecoder {
    /// How many well-formed non-ASCII characters per invalid sequence make bytes "mostly UTF-8" (rule 3).
    public static let mostlyUTF8Ratio = 3

    /// The bytes `81 8D 8F 90 9D`, which Windows-1252 does not define.
    static let undefinedInWindows1252: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// Decodes text.
    /// - Parameters:
    ///   - data: all of the file's bytes, including any byte order mark.
    ///   - hint: what the sniffer found at the start of the bytes (`SniffedInput.encodingHint`).
    /// - Returns: the text, its encoding and any warnings.
    /// - Throws: ``TextDecodingError`` when the bytes do not follow the encoding their byte order mark announces.
    public static func decode(_ data: Data, hint: TextEncodingHint) throws(TextDecodingError) -> DecodedText {
        switch hint {
        case .utf8BOM:
            return try decodeUTF8(data.dropFirst(3), hasByteOrderMark: true)
        case .utf16LittleEndianBOM:
            if data.starts(with: [0xFF, 0xFE, 0x00, 0x00]), data.count % 4 == 0,
                let text = String(data: data.dropFirst(4), encoding: .utf32LittleEndian)
            {
                return DecodedText(text: text, encoding: .utf32LittleEndian)
            }
            return try decodeUTF16(data.dropFirst(2), as: .utf16LittleEndian)
        case .utf16BigEndianBOM:
            return try decodeUTF16(data.dropFirst(2), as: .utf16BigEndian)
        case .none:
            return try decodeUTF8(data, hasByteOrderMark: false)
        }
    }

    /// UTF-8 (rules 2 and 3), falling back to Windows-1252 (rule 4) when there is no byte order mark.
    private static func decodeUTF8(_ data: Data, hasByteOrderMark: Bool) throws(TextDecodingError) -> DecodedText {
        if let text = String(data: data, encoding: .utf8) {
            return DecodedText(text: text, encoding: .utf8)
        }
        let lenient = String(decoding: data, as: UTF8.self)
        var invalid = 0
        var wellFormed = 0
        for scalar in lenient.unicodeScalars where !scalar.isASCII {
            if scalar == "\u{FFFD}" { invalid += 1 } else { wellFormed += 1 }
        }
        if invalid == 0 { return DecodedText(text: lenient, encoding: .utf8) }
        if wellFormed >= invalid * mostlyUTF8Ratio {
            let sequences = invalid == 1 ? "sequence" : "sequences"
            return DecodedText(
                text: lenient, encoding: .utf8,
                warnings: ["decoded as UTF-8 with \(invalid) invalid byte \(sequences) replaced by U+FFFD"])
        }
        if hasByteOrderMark {
            throw TextDecodingError(
                encoding: .utf8,
                reason: "starts with a UTF-8 byte order mark but \(invalid) byte sequences are not UTF-8")
        }
        return decodeSingleByte(data)
    }

    /// UTF-16 after its byte order mark.
    private static func decodeUTF16(_ data: Data, as encoding: TextEncoding) throws(TextDecodingError) -> DecodedText {
        // Foundation silently drops a trailing odd byte, so check the length first.
        guard data.count % 2 == 0 else {
            throw TextDecodingError(
                encoding: encoding,
                reason: "starts with a \(encoding.displayName) byte order mark but has an odd number of bytes "
                    + "(\(data.count + 2)): the file is cut short or not UTF-16")
        }
        let foundationEncoding: String.Encoding = encoding == .utf16BigEndian ? .utf16BigEndian : .utf16LittleEndian
        guard let text = String(data: data, encoding: foundationEncoding) else {
            throw TextDecodingError(
                encoding: encoding,
                reason: "starts with a \(encoding.displayName) byte order mark but holds unpaired surrogates")
        }
        return DecodedText(text: text, encoding: encoding)
    }

    /// Windows-1252, with the bytes it leaves undefined read as ISO-8859-1 (rule 4).
    private static func decodeSingleByte(_ data: Data) -> DecodedText {
        var text = ""
        var runStart = data.startIndex
        for index in data.indices where undefinedInWindows1252.contains(data[index]) {
            text += windows1252(data[runStart..<index])
            text.unicodeScalars.append(Unicode.Scalar(data[index]))
            runStart = data.index(after: index)
        }
        text += windows1252(data[runStart...])
        let usesWindows1252 = data.contains { (0x80...0x9F).contains($0) && !undefinedInWindows1252.contains($0) }
        let encoding: TextEncoding = usesWindows1252 ? .windows1252 : .isoLatin1
        return DecodedText(
            text: text, encoding: encoding,
            warnings: ["decoded as \(encoding.displayName) (no byte order mark, not valid UTF-8)"])
    }

    /// Decodes bytes that hold none of the undefined Windows-1252 bytes.
    private static func windows1252(_ bytes: Data) -> String {
        if bytes.isEmpty { return "" }
        // Every byte but the undefined five decodes; ISO-8859-1 (which agrees outside 80–9F) is a safety net.
        return String(data: bytes, encoding: .windowsCP1252) ?? String(data: bytes, encoding: .isoLatin1) ?? ""
    }
}

/// The line endings a text uses.
public enum LineEnding: String, Sendable, Hashable, CaseIterable {
    /// `\n` (Unix, macOS).
    case lf
    /// `\r\n` (Windows).
    case crlf
    /// `\r` alone (classic Mac OS).
    case cr
    /// More than one kind.
    case mixed
    /// The text has no line break.
    case none

    /// Finds the line endings a text uses and converts all of them to `\n`.
    /// - Parameter text: the text.
    /// - Returns: the text with `\n` line breaks only, and the kind of line endings it had.
    public static func normalize(_ text: String) -> (text: String, lineEnding: LineEnding) {
        var found: Set<LineEnding> = []
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if previousWasCR {
                previousWasCR = false
                if scalar == "\n" {
                    found.insert(.crlf)
                    continue
                }
                found.insert(.cr)
            }
            switch scalar {
            case "\r":
                previousWasCR = true
                scalars.append("\n")
            case "\n":
                found.insert(.lf)
                scalars.append(scalar)
            default:
                scalars.append(scalar)
            }
        }
        if previousWasCR { found.insert(.cr) }
        let lineEnding: LineEnding = found.count > 1 ? .mixed : found.first ?? .none
        return (String(scalars), lineEnding)
    }
}
