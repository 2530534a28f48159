import Foundation

/// Sorts the lines of one region of the minutes (the header before the first item, or one item's body) into body
/// text, labelled fields, attachment and abbreviation lists, free sections and closing lines.
struct RegionScanner {
    /// What a region holds, sorted.
    struct Region {
        /// Lines of running text (an item's body; in the header: title, organisation and other free lines).
        var body: [SourceLine] = []
        /// Labelled fields ("Dato: …", "Til stede: …") with their lines (the text after the label first).
        var fields: [(match: LabelCatalog.Match, lines: [SourceLine])] = []
        /// Lines of attachment lists.
        var attachmentLines: [SourceLine] = []
        /// Lines of abbreviation lists.
        var abbreviationLines: [SourceLine] = []
        /// Free sections with their lines.
        var sections: [(heading: String, lines: [SourceLine])] = []
        /// Lines that close the meeting ("Møtet hevet kl. 16.00.").
        var closingLines: [String] = []
    }

    private enum Mode {
        case body, field, attachments, abbreviations, section, closed
        /// After a signature line: the signatories' names and roles, not text.
        case signed
    }

    let context: ParsingContext
    var catalog: LabelCatalog { context.catalog }
    /// True for the region before the first item, where labelled fields are read.
    let isHeader: Bool

    private static let fieldKinds: LabelCatalog.Kinds = [
        .present, .absent, .secretary, .chair, .guest, .date, .time, .location, .organization, .agenda,
    ]

    func scan(_ input: ArraySlice<SourceLine>) -> Region {
        let lines = isHeader ? ArraySlice(input.flatMap(splitAtLabels)) : input
        var region = Region()
        var mode = Mode.body
        var collected = 0  // content lines in the current field or list
        var trailerStarted = false
        for (index, line) in zip(lines.indices, lines) {
            if line.isBlank {
                switch mode {
                case .field:
                    if collected > 0, !tableGoesOn(after: index, in: lines, field: region.fields.last) {
                        mode = trailerStarted ? .closed : .body
                    }
                case .attachments, .abbreviations:
                    if collected > 0 { mode = trailerStarted ? .closed : .body }
                case .body: region.body.append(line)
                case .section: if let last = region.sections.indices.last { region.sections[last].lines.append(line) }
                case .closed, .signed: break
                }
                continue
            }
            if catalog.closingPhrase(in: line.text) != nil {
                region.closingLines.append(line.text)
                if !isHeader { trailerStarted = true }
                mode = .closed
                continue
            }
            if let match = catalog.match(line.text, kinds: [.attachments, .abbreviations], extraWords: 3),
                match.hadColon || match.rest.isEmpty
            {
                mode = match.kind == .attachments ? .attachments : .abbreviations
                if !isHeader { trailerStarted = true }
                collected = 0
                if !match.rest.isEmpty {
                    append(restLine(line, match.rest), to: mode, in: &region)
                    collected += 1
                }
                continue
            }
            if isHeader, let match = catalog.match(line.text, kinds: Self.fieldKinds, extraWords: 1),
                match.hadColon
                    || (match.rest.isEmpty && (match.kind.isParticipantList || match.kind == .agenda)
                        && !context.titleWords.contains(match.label.lowercased()))
            {
                region.fields.append((match, match.rest.isEmpty ? [] : [restLine(line, match.rest)]))
                mode = .field
                collected = match.rest.isEmpty ? 0 : 1
                continue
            }
            if !isHeader, isSignature(line.text) {
                // "Drammen, 9. mai 2024" followed by a name: the minutes are signed; nothing after is item text.
                trailerStarted = true
                mode = .signed
                continue
            }
            if isHeader, mode == .body, isParticipantEntry(line.text),
                let last = region.fields.lastIndex(where: { $0.match.kind.isParticipantList })
            {
                // A grid layout can put another field between a participant list's first and later entries.
                region.fields[last].lines.append(line)
                continue
            }
            if trailerStarted || mode == .closed || mode == .signed || isHeader, let heading = sectionHeading(line) {
                region.sections.append((heading, []))
                mode = .section
                continue
            }
            switch mode {
            case .body:
                region.body.append(line)
            case .field:
                if let last = region.fields.indices.last {
                    region.fields[last].lines.append(line)
                    collected += 1
                }
            case .attachments, .abbreviations:
                if collected > 0, !continuesList(line) {
                    mode = trailerStarted ? .closed : .body
                    if mode == .body { region.body.append(line) } else { appendToLastSection(line, in: &region) }
                } else {
                    append(line, to: mode, in: &region)
                    collected += 1
                }
            case .section:
                appendToLastSection(line, in: &region)
            case .closed:
                appendToLastSection(line, in: &region)
            case .signed:
                continue
            }
        }
        return region
    }

    private func append(_ line: SourceLine, to mode: Mode, in region: inout Region) {
        switch mode {
        case .attachments: region.attachmentLines.append(line)
        case .abbreviations: region.abbreviationLines.append(line)
        default: region.body.append(line)
        }
    }

    private func appendToLastSection(_ line: SourceLine, in region: inout Region) {
        if let last = region.sections.indices.last {
            region.sections[last].lines.append(line)
        } else {
            region.body.append(line)
        }
    }

    /// A grid of fields printed side by side reads as one line ("Dato:  18 August 2025  Tid:  9 am – 10 am"):
    /// split it before each column that starts with a field label.
    private func splitAtLabels(_ line: SourceLine) -> [SourceLine] {
        guard let cells = Self.cellsAtColumnGaps(line.text) else { return [line] }
        var result: [SourceLine] = []
        for cell in cells {
            let startsField = catalog.match(cell, kinds: Self.fieldKinds, extraWords: 1)?.hadColon == true
            if result.isEmpty || startsField {
                var copy = line
                copy.text = cell
                result.append(copy)
            } else {
                result[result.count - 1].text += "  " + cell
            }
        }
        return result
    }

    /// The cells of a line split at every two spaces, trimmed, empty ones dropped; `nil` for a line without two
    /// spaces in a row.
    private static func cellsAtColumnGaps(_ text: String) -> [String]? {
        guard text.hasStandaloneScalars else {
            guard text.contains("  ") else { return nil }
            return text.components(separatedBy: "  ").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        // Characters are scalars: split the bytes, taking two spaces at a time from the left.
        let bytes = text.utf8
        var cells: [String] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        var foundGap = false
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: " "), next != bytes.endIndex, bytes[next] == UInt8(ascii: " ") {
                foundGap = true
                cells.append(text[start..<index].trimmingSpaces())
                start = bytes.index(after: next)
                index = start
            } else {
                index = next
            }
        }
        guard foundGap else { return nil }
        cells.append(text[start...].trimmingSpaces())
        return cells.filter { !$0.isEmpty }
    }

    /// A participant table ("Name  Role" rows with blank lines between them) goes on after a blank line when the
    /// next line is another row.
    private func tableGoesOn(after index: Int, in lines: ArraySlice<SourceLine>,
                             field: (match: LabelCatalog.Match, lines: [SourceLine])?) -> Bool {
        guard let field, field.match.kind.isParticipantList, field.lines.last?.text.firstRange(of: "  ") != nil else {
            return false
        }
        guard let next = lines[(index + 1)...].first(where: { !$0.isBlank }) else { return false }
        return next.text.firstRange(of: "  ") != nil && catalog.match(next.text) == nil
            && ItemNumber.parse(next.text, prefixes: catalog.itemPrefixes) == nil
    }

    /// "Kåre Lie, kommunaldirektør": one person with a role.
    private func isParticipantEntry(_ text: String) -> Bool {
        let parts = text.split(separator: ",", maxSplits: 1)
        guard parts.count == 2 else { return false }
        return context.participants.isName(parts[0].trimmingSpaces())
            && context.participants.isRole(parts[1].trimmingSpaces())
    }

    /// A place and a date alone on a line, as minutes are signed: "Drammen, 9. mai 2024".
    private func isSignature(_ text: String) -> Bool {
        // A date has two ASCII digits in a row (see ``MeetingDateParser/firstDateMatch(in:)``): most lines are
        // ruled out on bytes.
        guard text.containsUTF8Byte(UInt8(ascii: ",")), text.containsTwoASCIIDigitsInARow, text.characterCount < 60,
            let comma = text.firstIndex(of: ",")
        else { return false }
        let place = text[..<comma].split(separator: " ")
        guard (1...3).contains(place.count), place.allSatisfy({ $0.first?.isUppercase == true }) else { return false }
        let rest = text[text.index(after: comma)...].trimmingSpaces()
        guard rest.characterCount < 30, let match = context.dates.firstDateMatch(in: rest) else { return false }
        return rest[match.end...].trimmingSpaces().isEmpty
    }

    /// A list goes on with marked entries, "Vedlegg 2 – …" lines, abbreviation pairs and wrapped lines.
    private func continuesList(_ line: SourceLine) -> Bool {
        if ListMarker.parse(line.text) != nil { return true }
        if line.text.firstRange(of: ": ") != nil || line.text.firstRange(of: " – ") != nil
            || line.text.firstRange(of: " = ") != nil
        {
            let head = line.text.split(separator: " ", maxSplits: 1).first ?? ""
            if head.count <= 13, head.contains(where: \.isUppercase), sectionHeading(line) == nil { return true }
        }
        if let first = line.text.first, first.isLowercase { return true }
        // A table row whose first cell is a short form ("OPD  Oslo politidistrikt").
        if let gap = line.text.firstRange(of: "  "), line.text[..<gap.lowerBound].count <= 12,
            !line.text[..<gap.lowerBound].contains(" ")
        {
            return true
        }
        return line.indent > 0
    }

    /// A free section's heading: a short capitalised line ending in a colon ("Om politirådssamarbeidet:").
    func sectionHeading(_ line: SourceLine) -> String? {
        let text = line.text
        guard text.hasSuffix(":"), let first = text.first, first.isUppercase else { return nil }
        let heading = String(text.dropLast(1)).trimmingSpaces()
        let words = heading.split(separator: " ")
        guard (1...8).contains(words.count), !heading.contains(":"), !heading.contains(where: \.isNumber) else {
            return nil
        }
        if catalog.match(text) != nil { return nil }
        return heading
    }

    private func restLine(_ line: SourceLine, _ rest: String) -> SourceLine {
        var copy = line
        copy.text = rest
        return copy
    }
}
