public import Foundation
public import IngestCore

/// The byte format of the `parser-lines` target: lines with style hints, one record each, so that the fuzzer
/// mutates text, page breaks and typography (including NaN, infinite and huge numbers) together.
///
/// A record is:
/// - a flags byte: bit 0 the line has a style, bit 1 bold, bit 2 the line starts a new page, bit 3 no page at all;
/// - with a style, font size, x, y and width as little-endian `Float32`s (16 bytes);
/// - the text's length in bytes (`UInt16`, little-endian), then the text, read as lenient UTF-8.
///
/// A record cut short ends the input; what was read before it stands.
public enum StyledLineRecords {
    private static let hasStyle: UInt8 = 1
    private static let bold: UInt8 = 2
    private static let newPage: UInt8 = 4
    private static let noPage: UInt8 = 8

    /// Reads lines from records.
    /// - Parameter data: the records.
    /// - Returns: the lines, pages numbered from 1.
    public static func decode(_ data: Data) -> [TextLine] {
        var reader = ByteReader(bytes: [UInt8](data))
        var lines: [TextLine] = []
        var page = 1
        while let flags = reader.byte() {
            var style: LineStyle?
            if flags & hasStyle != 0 {
                guard let size = reader.float(), let x = reader.float(), let y = reader.float(),
                    let width = reader.float()
                else { break }
                style = LineStyle(fontSize: size, isBold: flags & bold != 0, x: x, y: y, width: width)
            }
            guard let length = reader.uint16(), let text = reader.bytes(Int(length)) else { break }
            if flags & newPage != 0 { page += 1 }
            let number = flags & noPage != 0 ? nil : page
            lines.append(TextLine(String(decoding: text, as: UTF8.self), page: number, style: style))
        }
        return lines
    }

    /// Writes lines as records: seeds from real extractions (`ingest-fuzz --encode-lines`).
    /// - Parameter lines: the lines; text over 65,535 bytes is cut.
    /// - Returns: the records.
    public static func encode(_ lines: [TextLine]) -> Data {
        var data = Data()
        var page: Int?
        for line in lines {
            var flags: UInt8 = 0
            if let style = line.style { flags |= hasStyle | (style.isBold ? bold : 0) }
            if line.page == nil { flags |= noPage } else if page != nil, line.page != page { flags |= newPage }
            page = line.page ?? page
            data.append(flags)
            if let style = line.style {
                for value in [style.fontSize, style.x, style.y, style.width] {
                    withUnsafeBytes(of: Float32(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
                }
            }
            let text = Array(line.text.utf8.prefix(Int(UInt16.max)))
            withUnsafeBytes(of: UInt16(text.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(contentsOf: text)
        }
        return data
    }
}

/// Reads little-endian values from the front of a byte array.
private struct ByteReader {
    var bytes: [UInt8]
    var offset = 0

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func byte() -> UInt8? { bytes(1)?.first }

    mutating func uint16() -> UInt16? {
        bytes(2).map { UInt16($0[$0.startIndex]) | UInt16($0[$0.startIndex + 1]) << 8 }
    }

    mutating func float() -> Double? {
        bytes(4).map { slice in
            let bits = slice.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return Double(Float32(bitPattern: bits))
        }
    }
}
