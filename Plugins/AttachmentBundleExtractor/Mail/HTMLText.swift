/// Turns an HTML mail body into plain text: tags dropped, script/style/head content removed, entities decoded,
/// whitespace collapsed as a browser does, and block elements kept as line breaks (paragraphs as blank lines).
///
/// A text extractor, not an HTML parser: it never fails, and unclosed or broken markup degrades to text.
enum HTMLText {
    /// The plain text of an HTML document or fragment.
    /// - Parameter html: the markup.
    /// - Returns: the text, lines trimmed at the end, at most one blank line in a row.
    static func plainText(fromHTML html: String) -> String {
        var converter = Converter(Array(html.unicodeScalars))
        converter.run()
        return tidy(converter.output)
    }

    /// Elements whose content is not shown.
    private static let hiddenElements: Set<String> = ["script", "style", "head", "title", "noscript", "template"]
    /// Elements that start and end a paragraph: a blank line around them.
    private static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote", "pre", "hr",
    ]
    /// Elements that start and end a line.
    private static let lineElements: Set<String> = [
        "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "address", "center", "form",
        "fieldset", "caption", "nav", "aside", "main", "figure", "figcaption", "body", "html",
    ]

    private struct Converter {
        let input: [Unicode.Scalar]
        var position = 0
        var output = String.UnicodeScalarView()
        /// Whitespace seen since the last text, to be written as one space before the next text.
        var pendingSpace = false
        /// Line breaks wanted before the next text (1 = new line, 2 = blank line).
        var pendingBreaks = 0
        var preformatted = 0
        /// Hidden elements with no closing tag after some position, hence none after any later one.
        var unclosed: Set<String> = []

        init(_ input: [Unicode.Scalar]) { self.input = input }

        mutating func run() {
            while position < input.count {
                let scalar = input[position]
                if scalar == "<" {
                    readMarkup()
                } else if scalar == "&" {
                    let (text, length) = HTMLEntities.decode(input, at: position)
                    position += length
                    emit(text)
                } else {
                    position += 1
                    if preformatted == 0 && Self.isHTMLSpace(scalar) {
                        pendingSpace = true
                    } else if scalar != "\r" {
                        emit(String(scalar).unicodeScalars)
                    }
                }
            }
        }

        static func isHTMLSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
        }

        mutating func emit(_ text: String.UnicodeScalarView) {
            guard !text.isEmpty else { return }
            if pendingBreaks > 0 {
                if !output.isEmpty {
                    let existing = output.reversed().prefix(while: { $0 == "\n" }).count
                    for _ in existing..<max(existing, pendingBreaks) { output.append("\n") }
                }
            } else if pendingSpace, let last = output.last, last != "\n", last != " " {
                output.append(" ")
            }
            pendingBreaks = 0
            pendingSpace = false
            output.append(contentsOf: text)
        }

        mutating func breakLine(_ count: Int) {
            pendingBreaks = max(pendingBreaks, count)
            pendingSpace = false
        }

        /// Reads a tag, comment, doctype or processing instruction starting at `<`.
        mutating func readMarkup() {
            if matches("<!--", at: position) {
                position = indexAfter("-->", from: position + 4) ?? input.count
                return
            }
            let next = position + 1 < input.count ? input[position + 1] : " "
            if next == "!" || next == "?" {
                position = indexAfter(">", from: position + 2) ?? input.count
                return
            }
            var cursor = position + 1
            let closing = cursor < input.count && input[cursor] == "/"
            if closing { cursor += 1 }
            let nameStart = cursor
            while cursor < input.count, Self.isNameCharacter(input[cursor]) { cursor += 1 }
            guard cursor > nameStart, input[nameStart].properties.isAlphabetic else {
                // Not a tag ("a < b"): the "<" is text.
                position += 1
                emit("<".unicodeScalars)
                return
            }
            let name = String(String.UnicodeScalarView(input[nameStart..<cursor])).lowercased()
            position = endOfTag(from: cursor)
            handle(name, closing: closing)
        }

        mutating func handle(_ name: String, closing: Bool) {
            if !closing && HTMLText.hiddenElements.contains(name) {
                if !unclosed.contains(name), let end = indexOfClosingTag(name, from: position) {
                    position = endOfTag(from: end)
                    return
                }
                // Remembered, so that many unclosed <head> tags do not each search to the end again.
                unclosed.insert(name)
                if name != "head" {
                    position = input.count  // an unclosed script or style hides the rest, as in a browser
                }
                return
            }
            switch name {
            case "br":
                // A line break of its own, on top of those blocks ask for ("<div><br></div>" is an empty line).
                emit("\n".unicodeScalars)
            case "li" where !closing:
                breakLine(1)
                emit("- ".unicodeScalars)
                pendingSpace = false
            case "td", "th":
                if !closing { pendingSpace = true }
            case "pre":
                preformatted = closing ? max(0, preformatted - 1) : preformatted + 1
                breakLine(2)
            default:
                if HTMLText.paragraphElements.contains(name) {
                    breakLine(2)
                } else if HTMLText.lineElements.contains(name) {
                    breakLine(1)
                }
            }
        }

        static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":"
                || scalar == "_"
        }

        /// The index after the `>` that ends a tag, skipping quoted attribute values.
        func endOfTag(from start: Int) -> Int {
            var cursor = start
            var quote: Unicode.Scalar?
            while cursor < input.count {
                let scalar = input[cursor]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    // A quote only opens a value right after "=" (possibly with spaces).
                    var back = cursor - 1
                    while back >= start, Self.isHTMLSpace(input[back]) { back -= 1 }
                    if back >= start, input[back] == "=" { quote = scalar }
                } else if scalar == ">" {
                    return cursor + 1
                }
                cursor += 1
            }
            return input.count
        }

        /// Where `</name` starts, case-insensitively, at or after `start`.
        func indexOfClosingTag(_ name: String, from start: Int) -> Int? {
            let pattern = Array("</\(name)".unicodeScalars)
            var cursor = start
            while cursor + pattern.count <= input.count {
                if input[cursor] == "<", matches(pattern, at: cursor, caseInsensitive: true) {
                    let after = cursor + pattern.count
                    if after == input.count || !Self.isNameCharacter(input[after]) { return after }
                }
                cursor += 1
            }
            return nil
        }

        func matches(_ text: String, at index: Int) -> Bool {
            matches(Array(text.unicodeScalars), at: index, caseInsensitive: false)
        }

        func matches(_ pattern: [Unicode.Scalar], at index: Int, caseInsensitive: Bool) -> Bool {
            guard index + pattern.count <= input.count else { return false }
            for offset in 0..<pattern.count {
                var scalar = input[index + offset]
                if caseInsensitive, ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) {
                    scalar = lower
                }
                if scalar != pattern[offset] { return false }
            }
            return true
        }

        func indexAfter(_ text: String, from start: Int) -> Int? {
            let pattern = Array(text.unicodeScalars)
            var cursor = start
            while cursor + pattern.count <= input.count {
                if matches(pattern, at: cursor, caseInsensitive: false) { return cursor + pattern.count }
                cursor += 1
            }
            return nil
        }
    }

    /// Non-breaking spaces become spaces, lines lose trailing spaces, blank lines are collapsed to one.
    private static func tidy(_ scalars: String.UnicodeScalarView) -> String {
        let text = String(scalars).replacingNonBreakingSpaces()
        var lines: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line[...]
            while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty {
                blank += 1
                if blank > 1 || lines.isEmpty { continue }
            } else {
                blank = 0
            }
            lines.append(trimmed)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingNonBreakingSpaces() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 }))
    }
}
