/// A paragraph of body text: prose (one entry) or a list (one entry per list item).
struct Paragraph: Sendable, Equatable {
    /// The entries; each is the lines it was printed on.
    var entries: [[SourceLine]]
    /// True when the paragraph is a bulleted or enumerated list.
    var isList: Bool

    /// All lines of the paragraph.
    var lines: [SourceLine] { entries.flatMap { $0 } }

    /// The first line of the paragraph.
    var firstLine: SourceLine? { entries.first?.first }

    /// The last line of the paragraph.
    var lastLine: SourceLine? { entries.last?.last }
}

/// A list marker at the start of a line: a bullet ("-", "–", "•", "*") or an enumerator ("a)", "(b)", "1)").
struct ListMarker: Sendable, Equatable {
    /// The marker as it should be printed in the output ("- " for every bullet, the enumerator as printed).
    var rendered: String
    /// True for bullets, false for enumerators.
    var isBullet: Bool { rendered == "- " }
    /// The text after the marker.
    var content: String

    static func parse(_ text: String) -> ListMarker? {
        if startsWithNonMarkerWord(text) { return nil }
        guard let first = text.first else { return nil }
        let afterFirst = text.dropFirst()
        if Self.isBullet(first) {
            if afterFirst.first == " " {
                let content = afterFirst.trimmingSpaces()
                return content.isEmpty ? nil : ListMarker(rendered: "- ", content: content)
            }
            // "-Politirådet i Oslo …": a hyphen glued to a capitalised word.
            if first == "-", let next = afterFirst.first, next.isUppercase {
                return ListMarker(rendered: "- ", content: String(afterFirst))
            }
            return nil
        }
        // "a) ", "(a) ", "1) ", "iv) "
        var body = Substring(text)
        let parenthesised = body.first == "("
        if parenthesised { body = body.dropFirst() }
        // Only a token of up to three characters counts: look no further than four.
        let token = body.prefix(4).prefix(while: { $0.isLetter || $0.isASCIIDigit })
        guard !token.isEmpty, token.count <= 3 else { return nil }
        let afterToken = body.dropFirst(token.count)
        let isEnumerator = token.allSatisfy(\.isASCIIDigit) || (token.count == 1 && token.first?.isLowercase == true)
            || token.allSatisfy({ "ivx".contains($0) }) || (token.count == 1 && afterToken.first == ")")
        guard isEnumerator else { return nil }
        guard afterToken.first == ")" || (!parenthesised && afterToken.first == "." && token.allSatisfy(\.isASCIIDigit))
        else { return nil }
        let rest = afterToken.dropFirst()
        guard rest.first == " " else { return nil }
        let content = rest.trimmingSpaces()
        guard let firstOfContent = content.first else { return nil }
        // "8. trinn for å …" is a sentence that wrapped before an ordinal, not a list entry.
        if afterToken.first == ".", firstOfContent.isLowercase { return nil }
        let marker = String(text[..<rest.startIndex])
        return ListMarker(rendered: marker + " ", content: content)
    }

    /// True when the text starts with ASCII letters or digits that cannot be a marker, found on bytes: four or more
    /// of them (a token of up to three counts; the fourth is a character of its own unless a scalar from U+0300 up
    /// follows it), or up to three followed by ASCII other than ")" and "." (which then starts the character after
    /// the token). Bullets, "(" and other first characters are left to ``parse(_:)``.
    private static func startsWithNonMarkerWord(_ text: String) -> Bool {
        let bytes = text.utf8
        var count = 0
        var next: UInt8?
        for byte in bytes {
            guard byte.isASCIILetter || byte.isASCIIDigitByte else {
                next = byte
                break
            }
            count += 1
            if count == 5 { return true }
        }
        if count == 4 { return (next ?? 0) < 0xCC }
        guard count > 0, let next else { return false }
        return next < 0x80 && next != UInt8(ascii: ")") && next != UInt8(ascii: ".")
    }

    /// The bullets: "-", "–", "—", "•", "*", "▪", "·", "○", "◦", "►", "‣".
    private static func isBullet(_ character: Character) -> Bool {
        // The only ASCII bullets are the hyphen and the asterisk; other ASCII characters need no string search.
        if let ascii = character.asciiValue { return ascii == UInt8(ascii: "-") || ascii == UInt8(ascii: "*") }
        return "–—•▪·○◦►‣".contains(character)
    }
}
