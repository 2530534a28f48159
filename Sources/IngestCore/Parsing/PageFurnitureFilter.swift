import Foundation

/// Removes what a page prints around its content: page numbers ("Side 2 av 4", "Page 2 of 4", "- 3 -", "2/4")
/// and running headers and footers (lines that repeat at the top or bottom of most pages).
struct PageFurnitureFilter {
    let pageWords: Set<String>
    let ofWords: Set<String>
    let titleWords: [String]

    init(vocabularies: [MinutesVocabulary]) {
        pageWords = Set(vocabularies.flatMap(\.pageWords))
        ofWords = Set(vocabularies.flatMap(\.pageOfWords))
        titleWords = vocabularies.flatMap(\.titleWords)
    }

    /// Lines at the top or bottom edge of a page set in a clearly smaller type than the body (running headers and
    /// footers that change from page to page, "Minutes of the Board 18 August 2025"). The top of the first page
    /// is left alone: small type there is often the organisation or the date.
    private func smallPrintAtEdges(_ lines: [SourceLine], pages: [(Int, [Int])]) -> [Int] {
        let sizes = lines.compactMap(\.style?.fontSize).sorted()
        guard sizes.count >= 10 else { return [] }
        let body = sizes[sizes.count / 2]
        func isSmall(_ index: Int) -> Bool {
            guard let size = lines[index].style?.fontSize else { return false }
            return size < body * 0.85
        }
        var result: [Int] = []
        for (position, (_, indices)) in pages.enumerated() {
            if position > 0 { result += indices.prefix(3).prefix(while: isSmall) }
            result += indices.suffix(3).reversed().prefix(while: isSmall)
        }
        return result
    }

    /// A table's column headings ("Item  Discussion", "Sak  Tema") printed again above every part of the table:
    /// a bold row of two to four short cells, without a colon, found three times or more.
    private func repeatedTableHeadings(_ lines: [SourceLine]) -> [Int] {
        var rows: [String: [Int]] = [:]
        for index in lines.indices {
            let line = lines[index]
            guard line.style?.isBold == true, line.text.utf8.count <= 60, line.text.firstRange(of: "  ") != nil,
                !line.text.contains(":"), !line.text.contains(where: \.isNumber)
            else { continue }
            let cells = line.text.components(separatedBy: "  ").filter { !$0.trimmingSpaces().isEmpty }
            guard (2...4).contains(cells.count), cells.allSatisfy({ $0.split(separator: " ").count <= 2 }) else {
                continue
            }
            rows[line.text, default: []].append(index)
        }
        return rows.values.filter { $0.count >= 3 }.flatMap { $0 }
    }

    /// Returns the lines without furniture. The furniture lines go entirely, so a paragraph that runs over a page
    /// break joins up again; blank lines next to them stay.
    func filter(_ lines: [SourceLine]) -> [SourceLine] {
        let pages = linesByPage(lines)
        let edges = pageEdgeIndices(pages)
        var isFurniture = lines.indices.map { index in
            !lines[index].isBlank && isPageNumber(lines[index].text, atPageEdge: edges.contains(index))
        }
        for index in repeatedEdgeLines(lines, pages: pages) + smallPrintAtEdges(lines, pages: pages)
            + repeatedTableHeadings(lines)
        {
            isFurniture[index] = true
        }
        guard isFurniture.contains(true) else { return lines }
        // A page break is no paragraph break: drop the blank lines between the last line of one page and the first
        // of the next, so a paragraph or a list that runs over the break joins up again.
        var result: [SourceLine] = []
        result.reserveCapacity(lines.count)
        var pendingBlanks: [SourceLine] = []
        var previousPage: Int?  // of the last line kept that is not blank
        for (line, isFurniture) in zip(lines, isFurniture) where !isFurniture {
            if line.isBlank {
                pendingBlanks.append(line)
                continue
            }
            if previousPage == nil || previousPage == line.page || line.page == nil { result += pendingBlanks }
            pendingBlanks.removeAll(keepingCapacity: true)
            result.append(line)
            previousPage = line.page
        }
        return result + pendingBlanks
    }

    /// "Side 2 av 4", "Page 2 of 4", "Page 2", "- 3 -", "2/4" and, at a page edge, a bare "3".
    func isPageNumber(_ text: String, atPageEdge: Bool) -> Bool {
        // An ASCII digit character is an ASCII digit byte: most lines have none and are rejected on bytes.
        guard text.utf8.count <= 24, text.containsASCIIDigit,
            text.contains(where: \.isASCIIDigit)
        else { return false }
        if text.isPlainASCII {
            var lower = Array(text.utf8)
            for index in lower.indices { lower[index] = lower[index].asciiLowercased }
            return isPageNumber(asciiLowercase: lower, atPageEdge: atPageEdge)
        }
        let lower = text.lowercasedQuickly()
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "\u{2013}" })
        if words.count >= 2, pageWords.contains(String(words[0])), isNumber(words[1]) {
            if words.count == 2 { return true }
            if words.count == 4, ofWords.contains(String(words[2])), isNumber(words[3]) { return true }
        }
        let stripped = lower.filter { $0 != " " }
        if stripped.count >= 3, stripped.first == "-" || stripped.first == "–",
            stripped.last == "-" || stripped.last == "–", isNumber(stripped.dropFirst().dropLast(1))
        {
            return true
        }
        let parts = stripped.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, isNumber(parts[0]), isNumber(parts[1]), let page = Int(parts[0]),
            let count = Int(parts[1]), page <= count, count < 1000, atPageEdge
        {
            return true
        }
        return atPageEdge && isNumber(stripped[...]) && stripped.count <= 3
    }

    private func isNumber(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.count <= 4 && text.allSatisfy(\.isASCIIDigit)
    }

    /// ``isPageNumber(_:atPageEdge:)`` for lowercased ASCII text without carriage returns, whose characters are
    /// its bytes: the same tests on bytes ("–" is not ASCII, so only "-" can frame a number).
    private func isPageNumber(asciiLowercase bytes: [UInt8], atPageEdge: Bool) -> Bool {
        func isNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
            !bytes.isEmpty && bytes.count <= 4 && bytes.allSatisfy(\.isASCIIDigitByte)
        }
        func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        let words = bytes.split(separator: UInt8(ascii: " "))
        if words.count >= 2, pageWords.contains(string(words[0])), isNumber(words[1]) {
            if words.count == 2 { return true }
            if words.count == 4, ofWords.contains(string(words[2])), isNumber(words[3]) { return true }
        }
        let stripped = bytes.filter { $0 != UInt8(ascii: " ") }
        if stripped.count >= 3, stripped.first == UInt8(ascii: "-"), stripped.last == UInt8(ascii: "-"),
            isNumber(stripped.dropFirst().dropLast(1))
        {
            return true
        }
        let parts = stripped.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if parts.count == 2, isNumber(parts[0]), isNumber(parts[1]), let page = Int(string(parts[0])),
            let count = Int(string(parts[1])), page <= count, count < 1000, atPageEdge
        {
            return true
        }
        return atPageEdge && isNumber(stripped[...]) && stripped.count <= 3
    }

    /// The first two and last two non-blank lines of each page, when pages are known.
    private func pageEdgeIndices(_ pages: [(Int, [Int])]) -> Set<Int> {
        var edges: Set<Int> = []
        for (_, indices) in pages {
            edges.formUnion(indices.prefix(2))
            edges.formUnion(indices.suffix(2))
        }
        return edges
    }

    /// The indices of the lines that are not blank, page by page in page order; lines without a page are left out.
    private func linesByPage(_ lines: [SourceLine]) -> [(Int, [Int])] {
        var pages: [Int: [Int]] = [:]
        for index in lines.indices where !lines[index].isBlank {
            guard let page = lines[index].page else { continue }
            pages[page, default: []].append(index)
        }
        return pages.sorted { $0.key < $1.key }
    }

    /// Lines among the first or last three of a page whose text (digits ignored) recurs on at least half of the
    /// pages, and on at least two.
    private func repeatedEdgeLines(_ lines: [SourceLine], pages: [(Int, [Int])]) -> [Int] {
        guard pages.count >= 2 else { return [] }
        var occurrences: [String: EdgeLineOccurrences] = [:]
        for (page, indices) in pages {
            // Five lines down: a running header, a date and a table's repeated column headings can all stand
            // above the first line of content.
            for position in indices.indices where position < 5 || position >= indices.count - 3 {
                let index = indices[position]
                occurrences[Self.maskingNumbers(lines[index].text), default: EdgeLineOccurrences()]
                    .note(index, on: page)
            }
        }
        let needed = max(2, (pages.count + 1) / 2)
        let repeated = occurrences.values.filter { $0.pages.count >= needed }.map(\.indices)
        return repeated.flatMap { indices in
            // A running header that repeats the title ("Minutes of the Board") is the title on its first page.
            guard let first = indices.min(), isTitle(lines[first].text) else { return indices }
            return indices.filter { $0 != first }
        }
    }

    /// Where one edge line's text (digits masked) was found.
    private struct EdgeLineOccurrences {
        var pages: Set<Int> = []
        var indices: [Int] = []

        mutating func note(_ index: Int, on page: Int) {
            pages.insert(page)
            indices.append(index)
        }
    }

    /// The text with every number character replaced by "#".
    private static func maskingNumbers(_ text: String) -> String {
        guard text.hasStandaloneScalars else { return String(text.map { $0.isNumber ? "#" : $0 }) }
        // Characters are scalars: `Character.isNumber` is the scalar's numeric type. ASCII is masked on bytes.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                result.append(byte.isASCIIDigitByte ? UInt8(ascii: "#") : byte)
            } else if scalar.properties.numericType != nil {
                result.append(UInt8(ascii: "#"))
            } else {
                result.append(contentsOf: String(scalar).utf8)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func isTitle(_ text: String) -> Bool {
        text.lowercasedQuickly().containsAny(of: titleWords)
    }
}

extension Character {
    /// True for the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
