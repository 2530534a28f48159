import Foundation

/// Reads the lists that close (or open) minutes: attachments ("Vedlegg: 1) …") and abbreviations
/// ("Forkortelser: OPD: Oslo politidistrikt").
struct TrailerListParser: Sendable {
    let reflower: TextReflower

    /// Attachments from the list's lines (the text after the label first).
    func attachments(_ lines: [SourceLine]) -> [Attachment] {
        var result: [Attachment] = []
        for line in lines where !line.isBlank {
            if let marker = ListMarker.parse(line.text) {
                let token = marker.rendered.filter { $0.isLetter || $0.isNumber }
                result.append(Attachment(number: token.isEmpty ? nil : token, title: marker.content))
            } else if let (number, title) = numberedAttachment(line.text) {
                result.append(Attachment(number: number, title: title))
            } else if let last = result.indices.last, let first = line.text.first, !first.isUppercase {
                result[last].title = reflower.join([SourceLine(text: result[last].title, indent: 0, trailingSpaces: 0),
                                                    line])
            } else {
                result.append(Attachment(title: line.text))
            }
        }
        return result
    }

    /// "Vedlegg 2 - Tertialrapport", "Attachment A: Risk register", "Appendix 1 – Budget".
    func numberedAttachment(_ text: String) -> (String, String)? {
        let words = text.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, let first = words.first?.lowercased(),
            ["vedlegg", "bilag", "attachment", "appendix", "annex", "enclosure"].contains(first)
        else { return nil }
        var number = String(words[1])
        var title = words.count > 2 ? String(words[2]) : ""
        if let last = number.last, ":.)–-".contains(last) { number.removeLast() }
        guard !number.isEmpty, number.count <= 3, number.allSatisfy({ $0.isNumber || $0.isUppercase }) else {
            return nil
        }
        title = String(title.drop(while: { ":–—-. ".contains($0) }))
        return title.isEmpty ? nil : (number, title)
    }

    /// Abbreviation pairs from the list's lines; a line may hold several, separated by two or more spaces.
    func abbreviations(_ lines: [SourceLine]) -> [Abbreviation] {
        var result: [Abbreviation] = []
        for line in lines where !line.isBlank {
            let cells = line.text.components(separatedBy: "  ").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            // A table row: "OPD  Oslo politidistrikt".
            if cells.count == 2, isAbbreviation(cells[0]) {
                result.append(Abbreviation(abbreviation: cells[0], expansion: cells[1]))
                continue
            }
            for chunk in line.text.components(separatedBy: "  ") where !chunk.trimmingSpaces().isEmpty {
                let text = ListMarker.parse(chunk.trimmingSpaces())?.content ?? chunk.trimmingSpaces()
                if let pair = abbreviationPair(text) { result.append(pair) }
            }
        }
        return result
    }

    /// A short form: one word of at most 12 characters with a capital letter ("OPD", "SaLTo", "KrF").
    func isAbbreviation(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 12 && !text.contains(" ") && text.contains(where: \.isUppercase)
    }

    /// "OPD: Oslo politidistrikt", "TT – Tilrettelagt transport", "KS = Kommunesektorens organisasjon".
    func abbreviationPair(_ text: String) -> Abbreviation? {
        for separator in [": ", " – ", " — ", " = ", " - ", "\t"] {
            guard let range = text.range(of: separator) else { continue }
            let short = text[..<range.lowerBound].trimmingSpaces()
            let long = text[range.upperBound...].trimmingSpaces()
            guard isAbbreviation(short), !long.isEmpty else { continue }
            return Abbreviation(abbreviation: short, expansion: long)
        }
        return nil
    }
}
