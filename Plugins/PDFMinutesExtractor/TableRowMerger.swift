import IngestCore

/// Puts table rows back together. Poppler reads some tables column by column ("OPD", "BLK", … then "Oslo
/// politidistrikt", …); cells that sit on the same baseline, each short, form one row, printed left to right with a
/// column gap ("OPD  Oslo politidistrikt") where the row's first cell was.
///
/// Two columns of prose also put lines side by side, by chance or by equal leading. So a row is merged only as part
/// of a table: at least two rows with their cells at the same left edges, whose first cells are short (a key, a
/// number, a name) and follow one another in poppler's order, as a column read top to bottom does.
struct TableRowMerger: Sendable {
    /// The most words a table cell holds; longer lines are prose.
    var maxCellWords = 6
    /// The most words a row's first cell holds.
    var maxKeyWords = 3
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
        for row in tableRows(rows.filter { $0.count >= 2 }, in: lines) {
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

    /// The rows that belong to a table: grouped by the left edges of their cells, kept when a group has two or
    /// more rows whose first cells are short and consecutive in reading order (blank lines aside).
    private func tableRows(_ rows: [[Int]], in lines: [TextLine]) -> [[Int]] {
        func leftEdges(_ row: [Int]) -> [Int] {
            row.map { Int(((lines[$0].style?.x ?? 0) / 4).rounded()) }.sorted()
        }
        func firstCell(_ row: [Int]) -> Int? {
            row.min { (lines[$0].style?.x ?? 0) < (lines[$1].style?.x ?? 0) }
        }
        var groups: [[Int]: [[Int]]] = [:]
        for row in rows { groups[leftEdges(row), default: []].append(row) }
        var result: [[Int]] = []
        for group in groups.values where group.count >= 2 {
            let keys = group.compactMap(firstCell).sorted()
            guard keys.count == group.count,
                keys.allSatisfy({ hasAtMostWords(lines[$0].text, maxKeyWords) }),
                zip(keys, keys.dropFirst()).allSatisfy({ previous, next in
                    lines[(previous + 1)..<next].allSatisfy { $0.text.isEmpty }
                })
            else { continue }
            result += group
        }
        return result
    }

    /// True when the text has at most ``maxCellWords`` words (runs of characters between spaces).
    private func hasAtMostCellWords(_ text: String) -> Bool {
        hasAtMostWords(text, maxCellWords)
    }

    /// True when the text has at most `limit` words.
    private func hasAtMostWords(_ text: String, _ limit: Int) -> Bool {
        var text = text
        // Below U+0300 every scalar is a character of its own, so spaces can be counted as bytes (in contiguous
        // memory: a loop over `utf8` pays for an index per byte).
        let counted = text.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0xCC }) else { return nil }
            var words = 0
            var inWord = false
            for byte in bytes {
                if byte == UInt8(ascii: " ") {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                    if words > limit { return false }
                }
            }
            return true
        }
        return counted ?? (text.split(separator: " ").count <= limit)
    }

    private func baseline(_ line: TextLine) -> Double {
        guard let style = line.style else { return 0 }
        return style.y + style.fontSize
    }
}
