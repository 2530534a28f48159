import IngestCore

/// Turns a page's text, character boxes and font runs into lines with style hints: position, width, dominant
/// font size and boldness; and marks paragraph gaps (vertical space larger than the line spacing) with a blank line.
///
/// The page text is walked as UTF-8 bytes (one box per Unicode scalar, so a scalar starts at every byte that is not
/// a continuation byte) and each line is assembled as bytes: pages hold thousands of characters.
struct PDFLineBuilder: Sendable {
    /// Font name parts that mean a bold face.
    private static let boldMarkers = ["bold", "black", "heavy", "semibold", "demibold", "demi", ",b", "-bd", "extrabold"]
    private static let boldMarkerBytes = boldMarkers.map { Array($0.utf8) }

    func lines(of page: PDFPageContent) -> [TextLine] {
        var pageText = page.text
        let scalarCount = pageText.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        guard page.boxes.count == scalarCount else {
            // Without one box per character there is no geometry to trust: plain lines.
            return page.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TextLine(String($0), page: page.number) }
        }
        let spans = Self.spans(of: page.runs)
        let result = pageText.withUTF8 { bytes in
            page.boxes.withUnsafeBufferPointer { boxes in
                spans.withUnsafeBufferPointer { spans in
                    lines(bytes: bytes, boxes: boxes, spans: spans, page: page.number)
                }
            }
        }
        return TableRowMerger().merge(result, pageWidth: page.width)
    }

    /// A font run as the line loop needs it: a plain value, so reading one copies no font name.
    private struct RunSpan {
        var start: Int
        var end: Int
        var fontSize: Double
        var isBold: Bool
    }

    /// The lines of a page whose boxes match its scalars one for one, before table rows are merged.
    private func lines(
        bytes: UnsafeBufferPointer<UInt8>, boxes: UnsafeBufferPointer<PDFCharacterBox>,
        spans: UnsafeBufferPointer<RunSpan>, page: Int
    ) -> [TextLine] {
        var result: [TextLine] = []
        var runIndex = 0
        var lineStart = 0  // byte offset of the line's first byte
        var position = 0  // scalar index of the byte at `lineStart`
        var previousBottom: Double?
        var previousHeight = 0.0
        var text: [UInt8] = []
        for index in 0...bytes.count {
            guard index == bytes.count || bytes[index] == UInt8(ascii: "\n") else { continue }
            defer {
                lineStart = index + 1
                position += 1  // the line break
            }
            guard lineStart < index else {
                result.append(TextLine("", page: page))
                continue
            }
            text.removeAll(keepingCapacity: true)
            var minX = Double.greatestFiniteMagnitude
            var maxX = -Double.greatestFiniteMagnitude
            var minY = Double.greatestFiniteMagnitude
            var maxY = -Double.greatestFiniteMagnitude
            var visible = 0
            var bold = 0
            var sizeSum = 0.0
            var previousRight: Double?
            var offset = lineStart
            while offset < index {
                let lead = bytes[offset]
                let length = min(Self.scalarLength(lead: lead), index - offset)
                defer {
                    offset += length
                    position += 1
                }
                guard lead != UInt8(ascii: " ") else {
                    text.append(lead)
                    previousRight = nil
                    continue
                }
                guard position < boxes.count else { break }
                let box = boxes[position]
                // Poppler joins table cells on one line without a space ("1.Minutes", "Dato:18.3.2024"): a gap
                // wider than a third of the font size is a word space, wider than twice of it a column gap.
                if let previousRight {
                    let gap = box.x1 - previousRight
                    let em = max(box.y2 - box.y1, 1)
                    if gap > em * 2 {
                        text.append(UInt8(ascii: " "))
                        text.append(UInt8(ascii: " "))
                    } else if gap > em * 0.3 {
                        text.append(UInt8(ascii: " "))
                    }
                }
                previousRight = box.x2
                if length == 1 {
                    text.append(lead)
                } else {
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]))
                }
                minX = min(minX, box.x1)
                maxX = max(maxX, box.x2)
                minY = min(minY, box.y1)
                maxY = max(maxY, box.y2)
                while runIndex < spans.count, spans[runIndex].end < position { runIndex += 1 }
                if runIndex < spans.count, spans[runIndex].start <= position {
                    sizeSum += spans[runIndex].fontSize
                    if spans[runIndex].isBold { bold += 1 }
                }
                visible += 1
            }
            let line = String(decoding: text, as: UTF8.self)
            guard visible > 0 else {
                result.append(TextLine(line, page: page))
                continue
            }
            let height = maxY - minY
            if let previousBottom, minY - previousBottom > max(previousHeight, height) * 0.9 {
                result.append(TextLine("", page: page))
            }
            previousBottom = maxY
            previousHeight = height
            let style = LineStyle(
                fontSize: sizeSum / Double(visible), isBold: bold * 10 >= visible * 6, x: minX, y: minY,
                width: maxX - minX)
            result.append(TextLine(line, page: page, style: style))
        }
        return result
    }

    /// The number of bytes of the UTF-8 sequence that starts with `lead`.
    private static func scalarLength(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The runs with whether each is set in a bold face. Runs in a row mostly share their font, so a name is
    /// judged once per change.
    private static func spans(of runs: [PDFFontRun]) -> [RunSpan] {
        var result: [RunSpan] = []
        result.reserveCapacity(runs.count)
        var previous: (name: String, isBold: Bool)?
        for run in runs {
            let isBold: Bool
            if let previous, previous.name == run.fontName {
                isBold = previous.isBold
            } else {
                isBold = isBoldFont(run.fontName)
                previous = (run.fontName, isBold)
            }
            result.append(RunSpan(start: run.start, end: run.end, fontSize: run.fontSize, isBold: isBold))
        }
        return result
    }

    /// True when a font name contains one of ``boldMarkers``, ignoring case.
    static func isBoldFont(_ fontName: String) -> Bool {
        let name = fontName.utf8
        // ASCII names (nearly all) are searched as bytes; others take the Unicode-aware road.
        guard name.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            let lower = fontName.lowercased()
            return boldMarkers.contains { lower.contains($0) }
        }
        let lower = name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return boldMarkerBytes.contains { marker in
            guard marker.count <= lower.count else { return false }
            return (0...(lower.count - marker.count)).contains { start in
                lower[start..<(start + marker.count)].elementsEqual(marker)
            }
        }
    }
}
