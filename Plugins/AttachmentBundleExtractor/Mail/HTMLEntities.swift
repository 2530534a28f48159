/// Decodes HTML character references: numeric ones and the named ones mail bodies use (all of Latin-1, the
/// typographic punctuation of HTML 4, and a few symbols). Unknown names stay as written.
enum HTMLEntities {
    /// Decodes the character reference starting with `&` at `index`.
    /// - Parameters:
    ///   - input: the text.
    ///   - index: the position of the `&`.
    /// - Returns: the decoded text and how many scalars of `input` it replaces (`"&"` and 1 when it is no reference).
    static func decode(_ input: [Unicode.Scalar], at index: Int) -> (text: String.UnicodeScalarView, length: Int) {
        let literal = ("&".unicodeScalars, 1)
        var cursor = index + 1
        guard cursor < input.count else { return literal }
        if input[cursor] == "#" {
            cursor += 1
            let hex = cursor < input.count && (input[cursor] == "x" || input[cursor] == "X")
            if hex { cursor += 1 }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < input.count, cursor - digitsStart < 8,
                let digit = hexDigitValue(input[cursor]), hex || digit < 10
            {
                value = value * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart else { return literal }
            if cursor < input.count, input[cursor] == ";" { cursor += 1 }
            return (String.UnicodeScalarView([numericScalar(value)]), cursor - index)
        }
        let nameStart = cursor
        while cursor < input.count, cursor - nameStart < 10, isASCIIAlphanumeric(input[cursor]) { cursor += 1 }
        let name = String(String.UnicodeScalarView(input[nameStart..<cursor]))
        guard let value = named[name] else { return literal }
        let terminated = cursor < input.count && input[cursor] == ";"
        // Without ";" only the oldest references are decoded, as browsers do for "&nbsp" and "&amp".
        guard terminated || ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].contains(name) else { return literal }
        guard let scalar = Unicode.Scalar(value) else { return literal }
        return (String.UnicodeScalarView([scalar]), cursor - index + (terminated ? 1 : 0))
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func hexDigitValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "a"..."f": scalar.value - 87
        case "A"..."F": scalar.value - 55
        default: nil
        }
    }

    /// A numeric reference's character: 0x80–0x9F as Windows-1252 (as browsers do), invalid ones as U+FFFD.
    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value) {
            let text = MailTextDecoding.windows1252([UInt8(value)])
            if let scalar = text.unicodeScalars.first { return scalar }
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// Named references by name.
    private static let named: [String: UInt32] = {
        var table: [String: UInt32] = [
            "quot": 34, "amp": 38, "apos": 39, "lt": 60, "gt": 62, "OElig": 338, "oelig": 339, "Scaron": 352,
            "scaron": 353, "Yuml": 376, "fnof": 402, "circ": 710, "tilde": 732, "ensp": 8194, "emsp": 8195,
            "thinsp": 8201, "zwnj": 8204, "zwj": 8205, "lrm": 8206, "rlm": 8207, "ndash": 8211, "mdash": 8212,
            "lsquo": 8216, "rsquo": 8217, "sbquo": 8218, "ldquo": 8220, "rdquo": 8221, "bdquo": 8222,
            "dagger": 8224, "Dagger": 8225, "bull": 8226, "hellip": 8230, "permil": 8240, "prime": 8242,
            "Prime": 8243, "lsaquo": 8249, "rsaquo": 8250, "euro": 8364, "trade": 8482, "larr": 8592, "uarr": 8593,
            "rarr": 8594, "darr": 8595, "harr": 8596, "minus": 8722, "le": 8804, "ge": 8805, "ne": 8800,
            "infin": 8734, "hearts": 9829,
        ]
        for (offset, name) in latin1Names.enumerated() { table[name] = 160 + UInt32(offset) }
        return table
    }()

    /// The names of U+00A0 … U+00FF, in order.
    private static let latin1Names = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
        "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
        "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
        "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH",
        "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
        "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve",
        "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute",
        "thorn", "yuml",
    ]
}
