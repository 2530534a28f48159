internal import CLibXML2

/// Turns an HTML mail body into plain text: tags dropped, script/style/head content removed, entities decoded,
/// whitespace collapsed as a browser does, and block elements kept as line breaks (paragraphs as blank lines).
///
/// libxml2's HTML parser reads the markup, in recovery mode: it never fails on broken markup, which degrades to
/// text as in a browser, and it decodes the character references. This type only walks the tree it builds.
/// libxml2 2.9 is not an HTML5 parser, and a few of its readings show: text before any tag gets an implied `<p>`
/// (a blank line where a browser has a line break), `</br>` is dropped, and a prefixed name loses its prefix
/// (Outlook's `<o:p>` is a `<p>`, harmless at the end of the paragraphs where Outlook puts it).
///
/// When libxml2 gives no document (empty input, or out of memory) the text is empty, and the mail reader then has
/// an empty body, as for a message without one; nothing else is lost, so there is nothing to warn about.
enum HTMLText {
    /// The plain text of an HTML document or fragment.
    /// - Parameter html: the markup.
    /// - Returns: the text, lines trimmed at the end, at most one blank line in a row; empty when libxml2 gives no
    ///   document.
    static func plainText(fromHTML html: String) -> String {
        guard let document = HTMLDocument(parsing: html) else { return "" }
        var writer = TextWriter()
        document.write(into: &writer)
        return tidy(writer.output)
    }

    /// Elements whose content is not shown.
    fileprivate static let hiddenElements: Set<String> = ["script", "style", "head", "title", "noscript", "template"]
    /// Elements that start and end a paragraph: a blank line around them.
    fileprivate static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote", "pre", "hr",
    ]
    /// Elements that start and end a line.
    fileprivate static let lineElements: Set<String> = [
        "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "address", "center", "form",
        "fieldset", "caption", "nav", "aside", "main", "figure", "figcaption", "body", "html",
    ]

    /// libxml2's global state, set up once: after that, separate documents can be parsed on any threads at once.
    fileprivate static let parserInitialised: Void = xmlInitParser()

    /// Non-breaking spaces become spaces, lines lose trailing spaces, blank lines are collapsed to one.
    private static func tidy(_ text: String) -> String {
        let text = text.replacingNonBreakingSpaces()
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

/// A document parsed by libxml2, freed when this value goes away. Its pointers never leave this file.
private struct HTMLDocument: ~Copyable {
    private let document: htmlDocPtr

    /// Lenient parsing, without network access or error output. The input is already UTF-8, whatever a `<meta>`
    /// says. `XML_PARSE_HUGE` lifts libxml2's limits of 256 nested elements and 10 MB of text in one node, past
    /// which it silently stops (a long reply chain nests deeper); the mail reader's size limit bounds the input,
    /// and neither libxml2 2.9's parser, `xmlFreeDoc` nor the walk below recurses. Not `HTML_PARSE_NOBLANKS`: it
    /// would drop the space in "<b>a</b> <i>b</i>".
    private static let options = Int32(
        bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    /// Parses `html`; nil when libxml2 gives no document (empty input, out of memory, over 2 GiB).
    init?(parsing html: String) {
        _ = HTMLText.parserInitialised
        var html = html
        let parsed: htmlDocPtr? = html.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty, let length = Int32(exactly: bytes.count) else {
                return nil
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, length, nil, "UTF-8", HTMLDocument.options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Walks the tree in document order, without recursion (the nesting depth is the sender's choice).
    func write(into writer: inout TextWriter) {
        var node = document.pointee.children
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = Self.name(of: current)
                if !HTMLText.hiddenElements.contains(name) {
                    writer.open(name)
                    if let child = current.pointee.children {
                        node = child
                        continue
                    }
                    writer.close(name)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { writer.text(String(cString: content)) }
            default:
                break  // comments, processing instructions, the doctype
            }
            // On to the next sibling, closing the elements that end here.
            node = nil
            var cursor = current
            while true {
                if let next = cursor.pointee.next {
                    node = next
                    break
                }
                guard let parent = cursor.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                writer.close(Self.name(of: parent))
                cursor = parent
            }
        }
    }

    /// An element's name; libxml2's HTML parser gives it in lower case.
    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }
}

/// Writes text as a browser lays it out: runs of whitespace as one space, block elements as line breaks.
private struct TextWriter {
    /// The text so far; a `String`, as `String.UnicodeScalarView.append(contentsOf:)` copies the whole view.
    private(set) var output = ""
    /// Whitespace seen since the last text, to be written as one space before the next text.
    private var pendingSpace = false
    /// Line breaks wanted before the next text (1 = new line, 2 = blank line).
    private var pendingBreaks = 0
    private var preformatted = 0

    /// Writes the content of a text node.
    mutating func text(_ content: String) {
        var word = ""
        for scalar in Self.droppingBracketMarkup(content).unicodeScalars {
            if preformatted == 0 && Self.isHTMLSpace(scalar) {
                emit(word)
                word = ""
                pendingSpace = true
            } else if scalar != "\r" {
                word.unicodeScalars.append(Self.windows1252(scalar))
            }
        }
        emit(word)
    }

    mutating func open(_ name: String) {
        switch name {
        case "br":
            // A line break of its own, on top of those blocks ask for ("<div><br></div>" is an empty line).
            emit("\n")
        case "li":
            breakLine(1)
            emit("- ")
            pendingSpace = false
        case "td", "th":
            pendingSpace = true
        case "pre":
            preformatted += 1
            breakLine(2)
        default:
            breakAround(name)
        }
    }

    mutating func close(_ name: String) {
        switch name {
        case "br", "td", "th":
            break
        case "pre":
            preformatted = max(0, preformatted - 1)
            breakLine(2)
        default:
            breakAround(name)
        }
    }

    private mutating func breakAround(_ name: String) {
        if HTMLText.paragraphElements.contains(name) {
            breakLine(2)
        } else if HTMLText.lineElements.contains(name) {
            breakLine(1)
        }
    }

    private mutating func emit(_ text: String) {
        guard !text.isEmpty else { return }
        if pendingBreaks > 0 {
            if !output.isEmpty {
                let existing = output.unicodeScalars.reversed().prefix(while: { $0 == "\n" }).count
                for _ in existing..<max(existing, pendingBreaks) { output.append("\n") }
            }
        } else if pendingSpace, let last = output.unicodeScalars.last, last != "\n", last != " " {
            output.append(" ")
        }
        pendingBreaks = 0
        pendingSpace = false
        output += text
    }

    private mutating func breakLine(_ count: Int) {
        pendingBreaks = max(pendingBreaks, count)
        pendingSpace = false
    }

    /// The text without "<![…>": libxml2 2.9 keeps as text the markers of Outlook's and Word's conditional
    /// comments ("<![if !supportLists]>" … "<![endif]>") and "<![CDATA[…]]>", which browsers read as comments.
    private static func droppingBracketMarkup(_ content: String) -> String {
        var rest = content[...]
        var kept = ""
        while let open = rest.firstRange(of: "<!["), let close = rest[open.upperBound...].firstIndex(of: ">") {
            kept += rest[..<open.lowerBound]
            rest = rest[rest.index(after: close)...]
        }
        kept += rest
        return kept
    }

    private static func isHTMLSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// U+0080–U+009F as Windows-1252, as browsers read "&#150;" (libxml2 gives the C1 control).
    private static func windows1252(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(scalar.value) else { return scalar }
        return MailTextDecoding.windows1252([UInt8(scalar.value)]).unicodeScalars.first ?? scalar
    }
}

extension String {
    fileprivate func replacingNonBreakingSpaces() -> String {
        var text = ""
        for scalar in unicodeScalars { text.unicodeScalars.append(scalar == "\u{A0}" ? " " : scalar) }
        return text
    }
}
