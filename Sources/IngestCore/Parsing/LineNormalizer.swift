/// Turns raw lines into ``SourceLine``s: unusual spaces become plain ones, double-spaced text (a blank line after
/// every line, as some PDF text tools write it) is collapsed, and setext underlines mark their heading.
enum LineNormalizer {
    static func normalize(_ lines: [TextLine]) -> [SourceLine] {
        var result = collapseDoubleSpacing(lines.map(sourceLine), raw: lines)
        markUnderlines(&result)
        return result
    }

    private static func sourceLine(_ line: TextLine) -> SourceLine {
        // Most lines hold nothing to clean: then only their ends need measuring.
        if !needsCleaning(line.text), let runs = line.text.spaceRuns() {
            let text = String(runs.trimmed)
            return SourceLine(text: text, indent: text.isEmpty ? 0 : runs.leading, trailingSpaces: runs.trailing,
                              page: line.page, style: line.style)
        }
        // Built as UTF-8 bytes: appending to a `String.UnicodeScalarView` costs hundreds of instructions a scalar.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.text.utf8.count + 8)
        for scalar in line.text.unicodeScalars {
            switch scalar.value {
            case 0x09: bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 4))
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: bytes.append(UInt8(ascii: " "))
            case 0x200B...0x200D, 0xFEFF, 0x0000...0x0008, 0x000B...0x001F, 0x007F: continue
            default: UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        let cleaned = String(decoding: bytes, as: UTF8.self)
        let indent = cleaned.prefix(while: { $0 == " " }).count
        let trailing = cleaned.reversed().prefix(while: { $0 == " " }).count
        let text = cleaned.trimmingSpaces()
        return SourceLine(text: text, indent: text.isEmpty ? 0 : indent, trailingSpaces: trailing, page: line.page,
                          style: line.style)
    }

    /// True when the text holds a scalar that ``sourceLine(_:)`` replaces or drops: tabs, control characters,
    /// unusual spaces, zero-width characters and the byte order mark.
    private static func needsCleaning(_ text: String) -> Bool {
        text.withUTF8Buffer { bytes in
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for byte in bytes {
                // Printable ASCII, most of any text, is none of the bytes below.
                if byte >= 0x20 && byte < 0x7F {
                    beforePrevious = previous
                    previous = byte
                    continue
                }
                switch byte {
                case 0x00...0x08, 0x0B...0x1F, 0x7F, 0x09, 0xE3: return true  // U+3000 is E3 80 80; others pass below
                case 0xA0 where previous == 0xC2: return true  // U+00A0
                case 0x80...0x8D where previous == 0x80 && beforePrevious == 0xE2: return true  // U+2000…U+200D
                case 0xAF where previous == 0x80 && beforePrevious == 0xE2: return true  // U+202F
                case 0x9F where previous == 0x81 && beforePrevious == 0xE2: return true  // U+205F
                case 0xBF where previous == 0xBB && beforePrevious == 0xEF: return true  // U+FEFF
                default: break
                }
                beforePrevious = previous
                previous = byte
            }
            return false
        }
    }

    /// Some PDF text tools follow every line with an empty one and mark real breaks with a line holding only
    /// whitespace. When most lines are followed by a truly empty line, drop those and keep the whitespace-only
    /// lines as the blank lines.
    private static func collapseDoubleSpacing(_ lines: [SourceLine], raw: [TextLine]) -> [SourceLine] {
        var textLines = 0
        var followedByEmpty = 0
        for index in raw.indices where !lines[index].isBlank {
            textLines += 1
            if index + 1 < raw.count, raw[index + 1].text.isEmpty { followedByEmpty += 1 }
        }
        guard textLines >= 8, followedByEmpty * 10 >= textLines * 7 else { return lines }
        var result: [SourceLine] = []
        for index in raw.indices where !(raw[index].text.isEmpty) {
            result.append(lines[index])
        }
        return result
    }

    private static func markUnderlines(_ lines: inout [SourceLine]) {
        // A Markdown heading ("## 214 Godkjenning av innkalling") is marked like an underlined one; it starts with
        // the byte of "#".
        for index in lines.indices where lines[index].text.utf8.first == UInt8(ascii: "#") {
            let text = lines[index].text
            let hashes = text.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes), text.dropFirst(hashes).first == " " else { continue }
            lines[index].text = text.dropFirst(hashes).trimmingSpaces()
            lines[index].isUnderlined = true
        }
        for index in lines.indices where index > 0 && isUnderline(lines[index].text) {
            guard !lines[index - 1].isBlank else { continue }
            lines[index - 1].isUnderlined = true
            lines[index] = .blank(page: lines[index].page)
        }
    }

    private static func isUnderline(_ text: String) -> Bool {
        // A first character that is one of the rule marks is that ASCII scalar: most lines fail on the first byte.
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "=") || first == UInt8(ascii: "_")
                || first == UInt8(ascii: "~") || first == UInt8(ascii: "*")
        else { return false }
        return text.count >= 3 && text.allSatisfy { $0 == "-" || $0 == "=" || $0 == "_" || $0 == "~" || $0 == "*" }
            && Set(text).count == 1
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        if let runs = spaceRuns() { return String(runs.trimmed) }
        guard let first = firstIndex(where: { $0 != " " }) else { return "" }
        guard let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[first...last])
    }
}
