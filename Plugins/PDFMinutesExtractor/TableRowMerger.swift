import IngestCore

/// Puts table rows back together. Poppler reads some tables column by column ("OPD", "BLK", … then "Oslo
/// politidistrikt", …); cells that sit on the same baseline, each short, form one row, printed left to right with a
/// column gap ("OPD  Oslo politidistrikt") where the row's first cell was.
struct TableRowMerger: Sendable {
    /// The most words a table cell holds; longer lines are prose, and two prose columns are never merged.
    var maxCellWords = 6
    /// The widest a cell may be, as a share of the page width.
    var maxCellShare = 0.45

    func merge(_ lines: [TextLine], pageWidth: Double) -> [TextLine] {
        let cells = lines.indices.filter { index in
            guard let style = lines[index].style, !lines[index].text.isEmpty else { return false }
            return style.width < pageWidth * maxCellShare && hasAtMostCellWords(lines[index].text)
        }
        guard cells.count >= 2 else { return lines }
        var rows: [[Int]] = []
        for index in cells.sorted(by: { baseline(lines[$0]) < baseline(lines[$1]) }) {
            if let last = rows.last?.last, abs(baseline(lines[last]) - baseline(lines[index])) < 2.0 {
                rows[rows.count - 1].append(index)
            } else {
                rows.append([index])
            }
        }
        var result = lines
        var removed: Set<Int> = []
        for row in rows where row.count >= 2 {
            let ordered = row.sorted { (lines[$0].style?.x ?? 0) < (lines[$1].style?.x ?? 0) }
            guard let first = row.min(), let leftStyle = lines[ordered[0]].style,
                let right = lines[ordered[ordered.count - 1]].style
            else { continue }
            var merged = lines[first]
            merged.text = ordered.map { lines[$0].text }.joined(separator: "  ")
            merged.style = LineStyle(
                fontSize: leftStyle.fontSize, isBold: ordered.allSatisfy { lines[$0].style?.isBold == true },
                x: leftStyle.x, y: leftStyle.y, width: right.x + right.width - leftStyle.x)
            result[first] = merged
            removed.formUnion(row.filter { $0 != first })
        }
        return result.indices.filter { !removed.contains($0) }.map { result[$0] }
    }

    /// True when the text has at most ``maxCellWords`` words (runs of characters between spaces).
    private func hasAtMostCellWords(_ text: String) -> Bool {
        // Below U+0300 every scalar is a character of its own, so spaces can be counted as bytes.
        guard text.utf8.allSatisfy({ $0 < 0xCC }) else {
            return text.split(separator: " ").count <= maxCellWords
        }
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > maxCellWords { return false }
            }
        }
        return true
    }

    private func baseline(_ line: TextLine) -> Double {
        guard let style = line.style else { return 0 }
        return style.y + style.fontSize
    }
}
