internal import CGMime
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Turns the bytes of a text part, or a whole message in UTF-16, into UTF-8.
enum MailTextDecoding {
    /// Decodes a text part's bytes in its declared charset.
    ///
    /// Undeclared, ASCII and UTF-8 parts are read as UTF-8 when valid and as Windows-1252 otherwise; ISO-8859-1 is
    /// read as Windows-1252 (its superset for printable characters, as browsers do); other charsets go through
    /// iconv, with invalid byte sequences replaced by U+FFFD.
    /// - Parameters:
    ///   - bytes: the decoded (transfer encoding undone) part content.
    ///   - charset: the Content-Type charset parameter.
    /// - Returns: the text, with a warning when bytes had to be guessed or replaced.
    static func decode(_ bytes: Data, charset: String?) -> (text: String, warning: String?) {
        var content = bytes
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content.removeFirst(3) }
        let declared = charset?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() ?? ""
        switch declared {
        case "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968":
            if let text = String(validating: content, as: UTF8.self) { return (text, nil) }
            let warning =
                declared.hasPrefix("utf")
                ? "a text part declared UTF-8 is not valid UTF-8; read as Windows-1252" : nil
            return (windows1252(content), warning)
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "windows-1252", "cp1252":
            return (windows1252(content), nil)
        default:
            return iconvToUTF8(content, charset: declared)
        }
    }

    /// A whole message stored as UTF-16 (with a BOM, or ASCII headers with every other byte NUL), as UTF-8.
    /// - Parameter data: the raw input.
    /// - Returns: the transcoded message and the encoding's name, or `nil` when the input is not UTF-16.
    static func utf16MessageAsUTF8(_ data: Data) -> (data: Data, encoding: String)? {
        guard data.count >= 4 else { return nil }
        let bytes = [UInt8](data.prefix(1024))
        var littleEndian: Bool
        var body = data[...]
        if bytes[0] == 0xFF, bytes[1] == 0xFE {
            littleEndian = true
            body = data.dropFirst(2)
        } else if bytes[0] == 0xFE, bytes[1] == 0xFF {
            littleEndian = false
            body = data.dropFirst(2)
        } else {
            // Headers are ASCII: in UTF-16 one byte of each pair is NUL, the other is not.
            let pairs = bytes.count / 2
            var oddNUL = 0
            var evenNUL = 0
            for index in 0..<pairs {
                if bytes[2 * index] == 0 { evenNUL += 1 }
                if bytes[2 * index + 1] == 0 { oddNUL += 1 }
            }
            if oddNUL * 10 >= pairs * 9, evenNUL * 10 <= pairs {
                littleEndian = true
            } else if evenNUL * 10 >= pairs * 9, oddNUL * 10 <= pairs {
                littleEndian = false
            } else {
                return nil
            }
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index + 1 < body.endIndex {
            let first = UInt16(body[index])
            let second = UInt16(body[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        return (Data(text.utf8), littleEndian ? "UTF-16LE" : "UTF-16BE")
    }

    /// Windows-1252: ASCII and Latin-1, plus typographic characters in 0x80–0x9F (undefined bytes map to C1).
    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(windows1252High[Int(byte) - 0x80]) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Converts with iconv (through GLib), replacing each invalid byte with U+FFFD.
    private static func iconvToUTF8(_ bytes: Data, charset: String) -> (text: String, warning: String?) {
        let iconvName = g_mime_charset_iconv_name(charset).map { String(cString: $0) } ?? charset
        guard let converter = g_iconv_open("UTF-8", iconvName), converter != OpaquePointer(bitPattern: -1) else {
            let text = String(validating: bytes, as: UTF8.self) ?? windows1252(bytes)
            return (text, "unknown charset \"\(charset.prefix(40))\"; text read as UTF-8 or Windows-1252")
        }
        defer { _ = g_iconv_close(converter) }
        var output = Data()
        var replaced = 0
        var chunk = [CChar](repeating: 0, count: 16 * 1024)
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
                mutating: base.assumingMemoryBound(to: CChar.self))
            var inputLeft = gsize(raw.count)
            chunk.withUnsafeMutableBufferPointer { buffer in
                guard let chunkBase = buffer.baseAddress else { return }
                var flushing = false
                while true {
                    var out: UnsafeMutablePointer<CChar>? = chunkBase
                    var outLeft = gsize(buffer.count)
                    let result: gsize
                    if inputLeft > 0 {
                        result = g_iconv(converter, &input, &inputLeft, &out, &outLeft)
                    } else {
                        // No input left: one more call writes a stateful converter's closing shift sequence.
                        flushing = true
                        result = g_iconv(converter, nil, nil, &out, &outLeft)
                    }
                    let failure = result == gsize.max ? errno : 0
                    output.append(
                        UnsafeRawPointer(chunkBase).assumingMemoryBound(to: UInt8.self),
                        count: buffer.count - Int(outLeft))
                    if failure == E2BIG { continue }  // the chunk is full: go on with an empty one
                    if failure == 0 && flushing || failure != 0 && (flushing || inputLeft == 0) { break }
                    if failure == EILSEQ || failure == EINVAL {
                        // An invalid byte, or a sequence cut off at the end: replace it and go on after it.
                        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        replaced += 1
                        input = input.map { $0 + 1 }
                        inputLeft -= 1
                    } else if failure != 0 {
                        break
                    }
                }
            }
        }
        let text = String(decoding: output, as: UTF8.self)
        guard replaced == 0 else {
            return (text, "\(replaced) byte(s) invalid in charset \(charset.prefix(40)) replaced with U+FFFD")
        }
        return (text, nil)
    }
}
