import Foundation

/// Joins printed lines into paragraphs: hard line breaks inside a paragraph go, end-of-line hyphenation is undone
/// where it is a line-break artifact and kept where the hyphen belongs to the word, and list items keep a line
/// each.
struct TextReflower: Sendable {
    /// The typical width of a full line, in characters.
    let lineWidth: Int
    /// Every word of the document, lowercased, with and without hyphens: a document is its own best dictionary
    /// for deciding whether "politi-" + "rådet" is "politirådet". Collected only when a hyphenated line end asks.
    let vocabulary: DocumentVocabulary
    /// Words that follow a hyphen that stands for a shared word part ("rus- og kriminalitetsforebyggende").
    private static let conjunctions: Set<String> = ["og", "eller", "samt", "and", "or", "nor", "to", "til"]

    init(lineWidth: Int, documentText: [SourceLine]) {
        self.lineWidth = lineWidth
        vocabulary = DocumentVocabulary(lines: documentText)
    }

    /// Splits lines into paragraphs at blank lines, list items, forced breaks and deliberate line breaks.
    /// - Parameters:
    ///   - lines: the lines, blank lines included.
    ///   - forcesBreak: lines that must start a new paragraph (a decision label).
    func paragraphs(_ lines: [SourceLine], forcesBreak: (SourceLine) -> Bool = { _ in false }) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        func close() {
            if let paragraph = current { result.append(paragraph) }
            current = nil
        }
        for line in lines {
            if line.isBlank {
                close()
                continue
            }
            if forcesBreak(line) { close() }
            if let marker = ListMarker.parse(line.text), marker.isBullet || current?.isList == true
                || current.map({ endsSentence($0.lastLine) }) ?? true
            {
                if current?.isList == true {
                    current?.entries.append([line])
                } else {
                    close()
                    current = Paragraph(entries: [[line]], isList: true)
                }
                continue
            }
            // Taken out of `current`, the paragraph is the only owner of its entries: appending does not copy them.
            guard var paragraph = current.take(), let previous = paragraph.lastLine else {
                current = Paragraph(entries: [[line]], isList: false)
                continue
            }
            let continues = paragraph.isList
                ? isListContinuation(line, after: previous) : !isDeliberateBreak(after: previous, before: line)
            if continues {
                paragraph.entries[paragraph.entries.count - 1].append(line)
                current = paragraph
            } else {
                result.append(paragraph)
                current = Paragraph(entries: [[line]], isList: false)
            }
        }
        close()
        return result
    }

    private func endsSentence(_ line: SourceLine?) -> Bool {
        guard let last = line?.text.last else { return true }
        return ".:!?".contains(last)
    }

    /// Renders paragraphs: entries of a list one per line, paragraphs separated by one blank line.
    func render(_ paragraphs: [Paragraph]) -> String {
        paragraphs.map { paragraph in
            paragraph.entries.map { entry in
                let text = join(entry)
                guard paragraph.isList, let marker = ListMarker.parse(text) else { return text }
                return marker.rendered + marker.content
            }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// Joins the lines of one paragraph or list entry into one line.
    func join(_ lines: [SourceLine]) -> String {
        guard lines.count > 1 else { return Self.withoutSoftHyphens(lines.first?.text ?? "") }
        var result = ""
        // Room for every line and a space between two: appending then never grows the string.
        result.reserveCapacity(lines.reduce(lines.count) { $0 + $1.text.utf8.count })
        for line in lines {
            let text = line.text
            let last = result.last
            if result.isEmpty {
                result += text
            } else if last == "\u{00AD}" {
                result.removeLast()
                result += text
            } else if last == "-", let beforeHyphen = result.dropLast(1).last, beforeHyphen.isLetter {
                switch hyphenJoin(result, text) {
                case .keepingHyphen:
                    result += text
                case .droppingHyphen:
                    result.removeLast()
                    result += text
                case .withSpace:
                    result += " "
                    result += text
                }
            } else {
                result += " "
                result += text
            }
        }
        return Self.withoutSoftHyphens(result)
    }

    /// The text without soft hyphens, its compound gaps closed: the last step of ``join(_:)``.
    private static func withoutSoftHyphens(_ joined: String) -> String {
        var result = joined
        if result.unicodeScalars.contains("\u{00AD}") {
            result = result.replacingOccurrences(of: "\u{00AD}", with: "")
        }
        return Self.closingCompoundGaps(result)
    }

    /// "én-til- én-oppfølging" → "én-til-én-oppfølging": a space after the second hyphen of a compound is a
    /// line-break artifact of the text tool, unlike "rus- og" where the hyphen stands for a shared word part.
    static func closingCompoundGaps(_ text: String) -> String {
        guard text.containsUTF8Byte(UInt8(ascii: "-")) else { return text }
        if text.hasStandaloneScalars { return closingCompoundGapsByScalars(text) }
        guard text.contains("- ") else { return text }
        var result = ""
        var word = ""  // the word being read, hyphens included
        var pendingGap = false
        for character in text {
            if pendingGap {
                pendingGap = false
                if character.isLowercase, word.filter({ $0 == "-" }).count >= 2 {
                    result.append(character)
                    word.append(character)
                    continue
                }
                result.append(" ")
                word = ""
            }
            if character == " ", word.hasSuffix("-") {
                pendingGap = true
                continue
            }
            result.append(character)
            word = character.isLetter || character == "-" ? word + String(character) : ""
        }
        if pendingGap { result.append(" ") }
        return result
    }

    /// ``closingCompoundGaps(_:)`` for text whose characters are its scalars: the same walk, keeping of the word
    /// only what the rule asks (how many hyphens, whether it ends in one) and dropping the gap spaces from the bytes.
    private static func closingCompoundGapsByScalars(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var hyphens = 0  // in the word being read
        var endsWithHyphen = false
        var pendingGap = false
        var changed = false
        for scalar in text.unicodeScalars {
            if pendingGap {
                pendingGap = false
                if hyphens >= 2, scalar.isASCII ? scalar.value >= 0x61 && scalar.value <= 0x7A
                    : Character(scalar).isLowercase
                {
                    changed = true
                    UTF8.encode(scalar) { result.append($0) }
                    endsWithHyphen = false
                    continue
                }
                result.append(UInt8(ascii: " "))
                hyphens = 0
                endsWithHyphen = false
            }
            if scalar == " ", endsWithHyphen {
                pendingGap = true
                continue
            }
            UTF8.encode(scalar) { result.append($0) }
            if scalar == "-" {
                hyphens += 1
                endsWithHyphen = true
            } else if scalar.isASCII ? UInt8(scalar.value).isASCIILetter : scalar.properties.isAlphabetic {
                endsWithHyphen = false
            } else {
                hyphens = 0
                endsWithHyphen = false
            }
        }
        if pendingGap { result.append(UInt8(ascii: " ")) }
        return changed ? String(decoding: result, as: UTF8.self) : text
    }

    /// How a text ending in a letter and a hyphen joins the next line.
    private enum HyphenJoin {
        /// The hyphen is part of the word ("én-til-" + "én").
        case keepingHyphen
        /// The hyphen only broke the word ("politi-" + "rådet").
        case droppingHyphen
        /// The hyphen stands for a shared word part ("rus-" + "og kriminalitetsforebyggende").
        case withSpace
    }

    /// How `head`, ending in a letter and a hyphen, joins `tail`.
    private func hyphenJoin(_ head: String, _ tail: String) -> HyphenJoin {
        // The last word before the hyphen and the first word of the next line, without splitting either line.
        var beforeHyphen = head.dropLast(1)
        while beforeHyphen.last == " " { beforeHyphen.removeLast() }
        let fragment = beforeHyphen.lastIndex(of: " ").map { String(beforeHyphen[beforeHyphen.index(after: $0)...]) }
            ?? String(beforeHyphen)
        let tailStart = tail.drop(while: { $0 == " " })
        let nextWord = tailStart.isEmpty ? tail : String(tailStart.prefix(while: { $0 != " " }))
        let nextCore = nextWord.prefix(while: { $0.isLetter || $0 == "-" })
        if Self.conjunctions.contains(nextWord.lowercased()) { return .withSpace }
        guard let first = nextCore.first, first.isLowercase else { return .keepingHyphen }
        let joined = (fragment + nextCore).lowercased()
        let hyphenated = (fragment + "-" + nextCore).lowercased()
        if vocabulary.contains(hyphenated) && !vocabulary.contains(joined) { return .keepingHyphen }
        if vocabulary.contains(joined) { return .droppingHyphen }
        // A compound already hyphenated ("én-til-"), or a part that is not plain lower case ("SaLTo-"), keeps it.
        let keepsHyphen = fragment.contains("-") || fragment.dropFirst().contains(where: \.isUppercase)
            || fragment.contains(where: \.isNumber)
        return keepsHyphen ? .keepingHyphen : .droppingHyphen
    }

    /// A line break is deliberate when a sentence ended and the next line's first word would have fitted on it.
    func isDeliberateBreak(after previous: SourceLine, before next: SourceLine) -> Bool {
        guard let last = previous.text.last, ".!?:".contains(last) else { return false }
        guard let first = next.text.first, first.isUppercase || first.isNumber || "«\"“".contains(first) else {
            return false
        }
        if previous.trailingSpaces >= 2 { return true }
        guard lineWidth >= 30 else { return false }
        let nextWord = next.text.split(separator: " ", maxSplits: 1).first?.characterCount ?? 0
        return (previous.text.characterCount + 1 + nextWord) * 10 < lineWidth * 8
    }

    private func isListContinuation(_ line: SourceLine, after previous: SourceLine) -> Bool {
        if line.indent > 0 && line.indent >= previous.indent { return true }
        guard let first = line.text.first else { return false }
        return !(first.isUppercase || first.isNumber)
    }
}
