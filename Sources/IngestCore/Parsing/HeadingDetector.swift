import Foundation

/// Finds the lines that open agenda items.
///
/// A heading is a numbered line ("5. Fotball-VM og utvidede skjenketider", "Sak 12/26 …", "Item 3: …") or a
/// number alone on its line followed by a title line (tables: number in one column, title in the next), which
/// starts a block or follows a finished sentence, and whose title starts with a capital letter. Of all such
/// candidates the parser keeps the dominant numbering style, drops agenda overview entries that are repeated
/// later with a body, and keeps the longest increasing run of numbers, so numbered lists inside item bodies and
/// attachment lists do not become items.
struct HeadingDetector {
    /// An agenda item heading.
    struct Heading: Sendable, Equatable {
        /// The line holding the number.
        var lineIndex: Int
        /// The last line belonging to the heading (title continuation lines included).
        var lastLineIndex: Int
        var number: ItemNumber
        var title: String
        /// Body text that followed the title on the heading line ("1. Declarations – There were none.").
        var runInText: String?
        var hasBody = false
    }

    let catalog: LabelCatalog
    /// Words that mark a line as the document's title ("referat", "minutes").
    let titleWords: [String]
    /// The typical width of a full line, in characters.
    let lineWidth: Int

    func detect(in lines: [SourceLine]) -> [Heading] {
        var candidates = findCandidates(in: lines)
        markBodies(&candidates, lines: lines)
        let dominant = dominantSignature(candidates)
        candidates = candidates.filter { $0.number.signature == dominant }
        candidates = dropOverviewDuplicates(candidates)
        var selected = longestIncreasingRun(candidates)
        splitRunInHeadings(&selected)
        if selected.count < 2 {
            let typographic = typographicHeadings(in: lines)
            if typographic.count >= 2 { return typographic }
        }
        return selected
    }

    // MARK: Unnumbered headings

    /// Minutes that do not number their items still set them apart: a short line in bold or in a larger type,
    /// starting a unit, not a label ("Vedtak:") and not the title. Used when numbered headings are not found; the
    /// items get an empty number, since none is printed. A time mark before the title ("[16:32] Valg av
    /// ordstyrer") is not part of it.
    private func typographicHeadings(in lines: [SourceLine]) -> [Heading] {
        let sizes = lines.compactMap { $0.isBlank ? nil : $0.style?.fontSize }.sorted()
        guard sizes.count >= 5 else { return [] }
        let body = sizes[sizes.count / 2]
        var rightMargin: [Int: Double] = [:]
        for line in lines {
            guard let page = line.page, let style = line.style else { continue }
            rightMargin[page] = max(rightMargin[page] ?? 0, style.x + style.width)
        }
        // The largest type on the first page is the title block, not an item.
        let firstPage = lines.lazy.compactMap(\.page).first
        let titleSize = lines.filter { $0.page == firstPage }.compactMap(\.style?.fontSize).max() ?? 0
        var result: [Heading] = []
        for index in lines.indices {
            let line = lines[index]
            guard let style = line.style, !(line.page == firstPage && style.fontSize >= titleSize * 0.98 && style.fontSize > body * 1.15),
                style.isBold || style.fontSize >= body * 1.15, style.fontSize >= body * 0.95,
                followsAFinishedUnit(index, in: lines, rightMargin: rightMargin), line.text.firstRange(of: "  ") == nil
            else { continue }
            let title = Self.withoutLeadingMarks(line.text)
            guard isTitle(title), title.split(separator: " ").count <= 12, let last = title.last,
                !".,;:".contains(last), catalog.match(title) == nil, catalog.closingPhrase(in: title) == nil,
                !title.lowercasedQuickly().containsAny(of: titleWords)
            else { continue }
            let number = ItemNumber(prefix: nil, number: "", separator: "", rest: title, order: (result.count + 1, 0))
            result.append(Heading(lineIndex: index, lastLineIndex: index, number: number, title: title))
        }
        return result
    }

    /// The line before is blank, ends a sentence, stands further right, or stops short of the right margin
    /// without a comma or a connecting word: typography alone does not start a unit, since a bold phrase can wrap
    /// onto a line of its own.
    private func followsAFinishedUnit(_ index: Int, in lines: [SourceLine], rightMargin: [Int: Double]) -> Bool {
        guard index > 0, let last = lines[index - 1].text.last else { return true }
        if ".:!?»\")".contains(last) { return true }
        let previous = lines[index - 1]
        guard let style = lines[index].style, let previousStyle = previous.style else { return false }
        if style.x < previousStyle.x - 5 { return true }
        guard last != ",", last != "-", !endsWithConnector(previous.text),
            let margin = previous.page.flatMap({ rightMargin[$0] })
        else { return false }
        return previousStyle.x + previousStyle.width < margin * 0.85
    }

    /// The title without bullets, symbols and a time mark in front ("[16:32] ", " ").
    private static func withoutLeadingMarks(_ text: String) -> String {
        var rest = Substring(text)
        if rest.first == "[", let close = rest.firstIndex(of: "]"), rest.distance(from: rest.startIndex, to: close) <= 8 {
            rest = rest[rest.index(after: close)...]
        }
        return String(rest.drop { !($0.isLetter || $0.isNumber || "«\"“(".contains($0)) })
    }

    // MARK: Candidates

    private func findCandidates(in lines: [SourceLine]) -> [Heading] {
        var result: [Heading] = []
        var inLabelledList = false
        for index in lines.indices {
            let line = lines[index]
            if line.isBlank {
                inLabelledList = false
                continue
            }
            if catalog.match(line.text, kinds: [.attachments, .abbreviations], extraWords: 3) != nil {
                inLabelledList = true
                continue
            }
            guard !inLabelledList, let number = itemNumber(line), startsNewUnit(index, in: lines) else { continue }
            if number.rest.isEmpty {
                if let heading = numberAloneHeading(number, at: index, in: lines) { result.append(heading) }
            } else if isTitle(number.rest), number.rest.firstRange(of: "  ") == nil {
                // More column gaps after the title make it a table row ("1  Odd Kjetil Sløtte  **  1962").
                let (title, last) = continuedTitle(number.rest, from: index, in: lines)
                result.append(Heading(lineIndex: index, lastLineIndex: last, number: number, title: title))
            }
        }
        return result
    }

    /// The item number a line starts with. A bold line may number its item without punctuation ("5 Fotball-VM og
    /// utvidede skjenketider"): its typography says it is a heading, so a single space after the number will do.
    private func itemNumber(_ line: SourceLine) -> ItemNumber? {
        if let number = ItemNumber.parse(line.text, prefixes: catalog.itemPrefixes) { return number }
        if let number = Self.romanItemNumber(line.text) { return number }
        guard line.style?.isBold == true || line.isUnderlined, let space = line.text.firstIndex(of: " "),
            line.text[..<space].allSatisfy(\.isASCIIDigit)
        else { return nil }
        var widened = line.text
        widened.insert(" ", at: space)
        return ItemNumber.parse(widened, prefixes: catalog.itemPrefixes)
    }

    /// "IV. New Business", "III.APPROVAL OF THE MINUTES": a Roman numeral, a full stop or parenthesis, a title.
    static func romanItemNumber(_ text: String) -> ItemNumber? {
        // The numeral's letters are ASCII and a full stop or parenthesis follows: most lines are rejected on bytes.
        let isNumeralLetter = { (byte: UInt8) in
            byte == UInt8(ascii: "I") || byte == UInt8(ascii: "V") || byte == UInt8(ascii: "X")
                || byte == UInt8(ascii: "L") || byte == UInt8(ascii: "C")
        }
        guard let first = text.utf8.first, isNumeralLetter(first),
            let after = text.utf8.drop(while: isNumeralLetter).first,
            after == UInt8(ascii: ".") || after == UInt8(ascii: ")")
        else { return nil }
        let numeral = text.prefix { "IVXLC".contains($0) }
        // "C." and "L." alone are lettered sub-items far more often than items 100 and 50.
        guard !numeral.isEmpty, numeral.count <= 7, numeral != "C", numeral != "L", let value = romanValue(numeral)
        else { return nil }
        var rest = text.dropFirst(numeral.count)
        guard let separator = rest.first, separator == "." || separator == ")" else { return nil }
        rest = rest.dropFirst()
        let title = rest.trimmingSpaces()
        guard let first = title.first, first.isUppercase, rest.first == " " || first.isLetter else { return nil }
        return ItemNumber(prefix: nil, number: String(numeral), separator: String(separator), rest: title,
                          order: (value, 0))
    }

    /// The value of a Roman numeral in canonical form ("XIV" → 14), or `nil` for anything else ("IIII", "VX").
    static func romanValue(_ numeral: Substring) -> Int? {
        var total = 0
        var previous = 0
        for character in numeral.reversed() {
            guard let value = romanDigits[character] else { return nil }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        guard total > 0, total < 200, romanNumeral(total) == String(numeral) else { return nil }
        return total
    }

    private static let romanDigits: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]

    private static func romanNumeral(_ value: Int) -> String {
        let table: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                                      (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (amount, numeral) in table {
            while rest >= amount {
                result += numeral
                rest -= amount
            }
        }
        return result
    }

    /// A heading starts a block, follows a finished sentence or a label, or is set apart by its typography.
    private func startsNewUnit(_ index: Int, in lines: [SourceLine]) -> Bool {
        if lines[index].isUnderlined || lines[index].style?.isBold == true { return true }
        guard index > 0 else { return true }
        let previous = lines[index - 1]
        if previous.isBlank { return true }
        guard let last = previous.text.last else { return true }
        if ".:!?»\")".contains(last) { return true }
        // After a short line (a title, a cell), the break was deliberate.
        if lineWidth > 0, previous.text.characterCount * 10 < lineWidth * 6 { return true }
        return ItemNumber.parse(previous.text, prefixes: catalog.itemPrefixes) != nil
    }

    /// A title starts with a capital letter (or a quote and one), and is not a long sentence.
    func isTitle(_ fullText: String) -> Bool {
        // "Matters arising: All actions have been completed." is a run-in heading: judge its head.
        let text = runInSplit(fullText)?.0 ?? fullText
        let unquoted = text.drop(while: { "«\"'“(".contains($0) })
        guard let first = unquoted.first, first.isLetter, first.isUppercase else { return false }
        guard text.characterCount <= 200, let last = text.last, last != ",", last != ";" else { return false }
        let words = text.split(separator: " ").count
        if last == ".", words > 12 { return false }
        return true
    }

    private func numberAloneHeading(_ number: ItemNumber, at index: Int, in lines: [SourceLine]) -> Heading? {
        var next = index + 1
        while next < lines.count, next <= index + 3, lines[next].isBlank { next += 1 }
        guard next < lines.count, !lines[next].isBlank else { return nil }
        let text = lines[next].text
        guard isTitle(text), ItemNumber.parse(text, prefixes: catalog.itemPrefixes) == nil,
            catalog.match(text) == nil, text.split(separator: " ").count <= 20
        else { return nil }
        let (title, last) = continuedTitle(text, from: next, in: lines)
        return Heading(lineIndex: index, lastLineIndex: last, number: number, title: title)
    }

    /// A title that fills its line (or ends on "og", "for" …) continues on the next line when that line goes on
    /// in lower case, or is set in the same bold type ("… nye skolebygg i" / "Lade").
    private func continuedTitle(_ title: String, from index: Int, in lines: [SourceLine]) -> (String, Int) {
        var title = title
        var last = index
        while last + 1 < lines.count, last - index < 2 {
            let current = lines[last]
            let next = lines[last + 1]
            guard !next.isBlank, let first = next.text.first, first.isLowercase || sameBoldType(current, next),
                current.text.characterCount * 10 >= lineWidth * 7 || endsWithConnector(current.text),
                !(current.text.last.map { ".:".contains($0) } ?? false)
            else { break }
            title += " " + next.text
            last += 1
        }
        return (title, last)
    }

    /// Both lines bold in the same size, and the second not an item of its own.
    private func sameBoldType(_ line: SourceLine, _ next: SourceLine) -> Bool {
        guard let style = line.style, let nextStyle = next.style, style.isBold, nextStyle.isBold,
            abs(style.fontSize - nextStyle.fontSize) < 0.5
        else { return false }
        return ItemNumber.parse(next.text, prefixes: catalog.itemPrefixes) == nil
    }

    private func endsWithConnector(_ text: String) -> Bool {
        guard let word = text.split(separator: " ").last?.lowercased() else { return false }
        return ["og", "i", "for", "til", "av", "om", "med", "and", "of", "the", "in", "to", "on", "–", "-", "&"]
            .contains(word)
    }

    // MARK: Selection

    private func markBodies(_ candidates: inout [Heading], lines: [SourceLine]) {
        for position in candidates.indices {
            let start = candidates[position].lastLineIndex + 1
            let end = position + 1 < candidates.count ? candidates[position + 1].lineIndex : lines.count
            candidates[position].hasBody = start < end && lines[start..<end].contains { !$0.isBlank }
        }
    }

    private func dominantSignature(_ candidates: [Heading]) -> String? {
        var scores: [String: (withBody: Int, count: Int, first: Int)] = [:]
        for candidate in candidates {
            let key = candidate.number.signature
            var score = scores[key] ?? (0, 0, candidate.lineIndex)
            score.count += 1
            if candidate.hasBody { score.withBody += 1 }
            scores[key] = score
        }
        return scores.max { lhs, rhs in
            (lhs.value.withBody, lhs.value.count, -lhs.value.first) < (rhs.value.withBody, rhs.value.count, -rhs.value.first)
        }?.key
    }

    /// An agenda overview lists the items without bodies; the same numbers come again later with bodies.
    private func dropOverviewDuplicates(_ candidates: [Heading]) -> [Heading] {
        candidates.enumerated().filter { position, candidate in
            guard !candidate.hasBody else { return true }
            return !candidates[(position + 1)...].contains { $0.number.number == candidate.number.number }
        }.map(\.element)
    }

    /// The increasing run of numbers with the most weight; a candidate with a body weighs twice one without, so
    /// a list of numbered lines loses against the real items around it.
    private func longestIncreasingRun(_ candidates: [Heading]) -> [Heading] {
        guard !candidates.isEmpty else { return [] }
        let weight = candidates.map { $0.hasBody ? 2 : 1 }
        var best = weight
        var previous = Array(repeating: -1, count: candidates.count)
        for i in candidates.indices {
            for j in 0..<i where candidates[j].number.order < candidates[i].number.order && best[j] + weight[i] >= best[i] {
                best[i] = best[j] + weight[i]
                previous[i] = j
            }
        }
        guard let top = best.max() else { return [] }
        var index = best.lastIndex(of: top) ?? 0
        var run: [Heading] = []
        while index >= 0 {
            run.append(candidates[index])
            index = previous[index]
        }
        return run.reversed()
    }

    /// "2. The Half Marathon – Road closures will be in place …": when a third or more of the headings carry a
    /// sentence after a dash or colon, that sentence is body text.
    private func splitRunInHeadings(_ headings: inout [Heading]) {
        let splits = headings.map { runInSplit($0.title) }
        guard splits.compactMap({ $0 }).count * 3 >= headings.count, !headings.isEmpty else { return }
        for position in headings.indices {
            guard let (title, text) = splits[position] else { continue }
            headings[position].title = title
            headings[position].runInText = text
        }
    }

    private func runInSplit(_ title: String) -> (String, String)? {
        for separator in [" – ", " — ", " - ", ": "] {
            guard let range = title.firstRange(of: separator) else { continue }
            let head = title[..<range.lowerBound].trimmingSpaces()
            let tail = title[range.upperBound...].trimmingSpaces()
            guard let first = tail.first, first.isUppercase, !head.isEmpty,
                head.split(separator: " ").count <= 12
            else { continue }
            let tailWords = tail.split(separator: " ").count
            if tailWords >= 4 || tail.hasSuffix(".") { return (head, tail) }
        }
        return nil
    }
}
