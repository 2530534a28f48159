import IngestCore

/// Turns a page's text, character boxes and font runs into lines with style hints: position, width, dominant
/// font size and boldness; and marks paragraph gaps (vertical space larger than the line spacing) with a blank line.
struct PDFLineBuilder: Sendable {
    /// Font name parts that mean a bold face.
    private static let boldMarkers = ["bold", "black", "heavy", "semibold", "demibold", "demi", ",b", "-bd", "extrabold"]

    func lines(of page: PDFPageContent) -> [TextLine] {
        let scalars = Array(page.text.unicodeScalars)
        guard page.boxes.count == scalars.count else {
            // Without one box per character there is no geometry to trust: plain lines.
            return page.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TextLine(String($0), page: page.number) }
        }
        let boldByRun = page.runs.map { run in
            let name = run.fontName.lowercased()
            return Self.boldMarkers.contains { name.contains($0) }
        }
        var result: [TextLine] = []
        var runIndex = 0
        var lineStart = 0
        var previousBottom: Double?
        var previousHeight = 0.0
        for index in 0...scalars.count {
            guard index == scalars.count || scalars[index] == "\n" else { continue }
            defer { lineStart = index + 1 }
            guard lineStart < index else {
                result.append(TextLine("", page: page.number))
                continue
            }
            var text = String.UnicodeScalarView()
            var minX = Double.greatestFiniteMagnitude
            var maxX = -Double.greatestFiniteMagnitude
            var minY = Double.greatestFiniteMagnitude
            var maxY = -Double.greatestFiniteMagnitude
            var visible = 0
            var bold = 0
            var sizeSum = 0.0
            var previousRight: Double?
            for position in lineStart..<index {
                let scalar = scalars[position]
                guard scalar != " " else {
                    text.append(scalar)
                    previousRight = nil
                    continue
                }
                let box = page.boxes[position]
                // Poppler joins table cells on one line without a space ("1.Minutes", "Dato:18.3.2024"): a gap
                // wider than a third of the font size is a word space, wider than twice of it a column gap.
                if let previousRight {
                    let gap = box.x1 - previousRight
                    let em = max(box.y2 - box.y1, 1)
                    if gap > em * 2 { text.append(contentsOf: "  ".unicodeScalars) }
                    else if gap > em * 0.3 { text.append(" ") }
                }
                previousRight = box.x2
                text.append(scalar)
                minX = min(minX, box.x1)
                maxX = max(maxX, box.x2)
                minY = min(minY, box.y1)
                maxY = max(maxY, box.y2)
                while runIndex < page.runs.count, page.runs[runIndex].end < position { runIndex += 1 }
                if runIndex < page.runs.count, page.runs[runIndex].start <= position {
                    sizeSum += page.runs[runIndex].fontSize
                    if boldByRun[runIndex] { bold += 1 }
                }
                visible += 1
            }
            let line = String(text)
            guard visible > 0 else {
                result.append(TextLine(line, page: page.number))
                continue
            }
            let height = maxY - minY
            if let previousBottom, minY - previousBottom > max(previousHeight, height) * 0.9 {
                result.append(TextLine("", page: page.number))
            }
            previousBottom = maxY
            previousHeight = height
            let style = LineStyle(
                fontSize: sizeSum / Double(visible), isBold: bold * 10 >= visible * 6, x: minX, y: minY,
                width: maxX - minX)
            result.append(TextLine(line, page: page.number, style: style))
        }
        return TableRowMerger().merge(result, pageWidth: page.width)
    }
}
