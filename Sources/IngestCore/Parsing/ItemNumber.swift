/// An agenda item number at the start of a line: "1.", "3)", "Sak 12/26", "Item 3:", "PS 40/25".
struct ItemNumber: Sendable, Equatable {
    /// The prefix word as printed ("Sak", "Item"), if any.
    var prefix: String?
    /// The number as printed, without prefix and punctuation ("12/26").
    var number: String
    /// The punctuation after the number (".", ")", ":"), empty when none.
    var separator: String
    /// The text after the number, trimmed.
    var rest: String
    /// Sort key: the first and second numeric components.
    var order: (Int, Int)

    static func == (lhs: ItemNumber, rhs: ItemNumber) -> Bool {
        lhs.prefix == rhs.prefix && lhs.number == rhs.number && lhs.separator == rhs.separator && lhs.rest == rhs.rest
    }

    /// Item prefix words ready for matching.
    struct Prefixes: Sendable {
        /// The words, lowercase, longest first.
        let words: [String]
        /// Indexed by byte: whether a word starts with that ASCII character; `nil` when some word starts otherwise.
        let firstBytes: [Bool]?
        /// The words' scalars, for the words whose scalars are standalone (see ``Unicode/Scalar/isStandalone``).
        let scalars: [[Unicode.Scalar]?]

        init(_ words: [String]) {
            self.words = words
            scalars = words.map { $0.hasStandaloneScalars ? Array($0.unicodeScalars) : nil }
            var firstBytes = [Bool](repeating: false, count: 128)
            var allASCII = true
            for word in words {
                if ItemNumber.startsWithASCIICharacter(word), let first = word.utf8.first {
                    firstBytes[Int(first)] = true
                } else {
                    allASCII = false
                }
            }
            self.firstBytes = allASCII ? firstBytes : nil
        }
    }

    /// Reads an item number at the start of a line.
    /// - Parameters:
    ///   - text: the line.
    ///   - prefixes: the item prefixes of all known languages.
    static func parse(_ text: String, prefixes: Prefixes) -> ItemNumber? {
        // Every item number has an ASCII digit: most lines have none and are rejected on bytes.
        guard text.containsASCIIDigit else { return nil }
        // Most lines start with neither a digit nor a prefix's first letter. When the first character is one
        // standalone scalar (see ``Unicode/Scalar/isStandalone``), only a prefix whose first character is that
        // scalar lowercased can match: prefixes starting with an ASCII character are told apart by their first byte.
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return nil }
        if let firstBytes = prefixes.firstBytes, first.isStandalone, !(0x30...0x39).contains(first.value),
            scalars.dropFirst().first?.isStandalone ?? true
        {
            guard first.isASCII, firstBytes[Int(UInt8(first.value).asciiLowercased)] else { return nil }
        }
        if text.hasStandaloneScalars, let lower = lowercasedOneForOne(text) {
            return parse(scalars: text, lower: lower, prefixes: prefixes)
        }
        return parse(characters: text, prefixes: prefixes.words)
    }

    /// The lowercase of each scalar when each lowercases to one standalone scalar: then the lowercased text has as
    /// many characters as the text, one per scalar.
    private static func lowercasedOneForOne(_ text: String) -> [Unicode.Scalar]? {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.append(Unicode.Scalar(UInt8(scalar.value).asciiLowercased))
                continue
            }
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars
            guard let lower = mapping.first, mapping.count == 1, lower.isStandalone else { return nil }
            result.append(lower)
        }
        return result
    }

    /// ``parse(_:prefixes:)`` for text whose characters are its scalars and lowercase one for one (`lower`).
    private static func parse(scalars text: String, lower: [Unicode.Scalar], prefixes: Prefixes) -> ItemNumber? {
        let characters = Array(text.unicodeScalars)
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
        /// The text from the `start`th scalar on, `count` scalars or to the end; its characters are its scalars.
        func slice(from start: Int, count: Int? = nil) -> Substring {
            let scalars = text.unicodeScalars
            let lowerBound = scalars.index(scalars.startIndex, offsetBy: start)
            let upperBound = count.map { scalars.index(lowerBound, offsetBy: $0) } ?? scalars.endIndex
            return text[lowerBound..<upperBound]
        }
        var position = 0
        var prefix: String?
        for (candidate, candidateScalars) in zip(prefixes.words, prefixes.scalars) {
            let end: Int
            if let candidateScalars {
                guard candidateScalars.count <= lower.count, lower.starts(with: candidateScalars) else { continue }
                end = candidateScalars.count
            } else {
                var lowered = String.UnicodeScalarView()
                lowered.append(contentsOf: lower)
                guard String(lowered).hasPrefix(candidate) else { continue }
                end = candidate.count
            }
            guard end < characters.count else { continue }
            let next = characters[end]
            guard next == " " || isDigit(next) || candidate.hasSuffix(".") else { continue }
            prefix = String(slice(from: 0, count: end))
            position = end
            while position < characters.count, characters[position] == " " { position += 1 }
            break
        }
        let digitsStart = position
        while position < characters.count, isDigit(characters[position]), position - digitsStart < 4 {
            position += 1
        }
        let firstDigits = position - digitsStart
        guard firstDigits >= 1, firstDigits <= 3 || (prefix != nil && firstDigits <= 4) else { return nil }
        guard let primary = Int(slice(from: digitsStart, count: position - digitsStart)) else { return nil }
        var secondary = 0
        // "12/26", "65/24" (case/year); "3.2" only after a prefix word.
        if position + 1 < characters.count, characters[position] == "/" || (prefix != nil && characters[position] == "."),
            isDigit(characters[position + 1])
        {
            position += 1
            let start = position
            while position < characters.count, isDigit(characters[position]), position - start < 4 { position += 1 }
            if position < characters.count, isDigit(characters[position]) { return nil }
            secondary = Int(slice(from: start, count: position - start)) ?? 0
        }
        if position < characters.count,
            isDigit(characters[position]) || characters[position].properties.isAlphabetic
        {
            return nil
        }
        let number = slice(from: digitsStart, count: position - digitsStart)
        var separator = ""
        if position < characters.count, [".", ":", ")"].contains(characters[position]) {
            separator = String(characters[position])
            position += 1
            // "1.1 Title" is a sub-heading, not an item.
            if separator == ".", position < characters.count, isDigit(characters[position]) { return nil }
        }
        if position < characters.count, characters[position] != " " { return nil }
        // Without a prefix or punctuation, only a column gap ("1  Dagsorden godkjent", as tables print) or the end
        // of the line (a number alone in its cell) marks a number.
        if prefix == nil, separator.isEmpty, position < characters.count,
            !(position + 1 < characters.count && characters[position + 1] == " ")
        {
            return nil
        }
        let rest = slice(from: position).trimmingSpaces()
        return ItemNumber(prefix: prefix, number: String(number), separator: separator, rest: rest,
                          order: (primary, secondary))
    }

    /// True when a word's first character is one ASCII scalar.
    fileprivate static func startsWithASCIICharacter(_ word: String) -> Bool {
        let scalars = word.unicodeScalars
        guard let first = scalars.first, first.isASCII, first.isStandalone else { return false }
        return scalars.dropFirst().first?.isStandalone ?? true
    }

    /// ``parse(_:prefixes:)`` for any text, character by character.
    private static func parse(characters text: String, prefixes: [String]) -> ItemNumber? {
        let characters = Array(text)
        var position = 0
        var prefix: String?
        let lower = text.lowercasedQuickly()
        if lower.count == characters.count {
            for candidate in prefixes where lower.hasPrefix(candidate) {
                let end = candidate.count
                guard end < characters.count else { continue }
                let next = characters[end]
                guard next == " " || next.isASCIIDigit || candidate.hasSuffix(".") else { continue }
                prefix = String(characters[0..<end])
                position = end
                while position < characters.count, characters[position] == " " { position += 1 }
                break
            }
        }
        let digitsStart = position
        while position < characters.count, characters[position].isASCIIDigit, position - digitsStart < 4 {
            position += 1
        }
        let firstDigits = position - digitsStart
        guard firstDigits >= 1, firstDigits <= 3 || (prefix != nil && firstDigits <= 4) else { return nil }
        guard let primary = Int(String(characters[digitsStart..<position])) else { return nil }
        var secondary = 0
        // "12/26", "65/24" (case/year); "3.2" only after a prefix word.
        if position + 1 < characters.count, characters[position] == "/" || (prefix != nil && characters[position] == "."),
            characters[position + 1].isASCIIDigit
        {
            position += 1
            let start = position
            while position < characters.count, characters[position].isASCIIDigit, position - start < 4 { position += 1 }
            if position < characters.count, characters[position].isASCIIDigit { return nil }
            secondary = Int(String(characters[start..<position])) ?? 0
        }
        if position < characters.count, characters[position].isASCIIDigit || characters[position].isLetter {
            return nil
        }
        let number = String(characters[digitsStart..<position])
        var separator = ""
        if position < characters.count, ".:)".contains(characters[position]) {
            separator = String(characters[position])
            position += 1
            // "1.1 Title" is a sub-heading, not an item.
            if separator == ".", position < characters.count, characters[position].isASCIIDigit { return nil }
        }
        if position < characters.count, characters[position] != " " { return nil }
        // Without a prefix or punctuation, only a column gap ("1  Dagsorden godkjent", as tables print) or the end
        // of the line (a number alone in its cell) marks a number.
        if prefix == nil, separator.isEmpty, position < characters.count,
            !(position + 1 < characters.count && characters[position + 1] == " ")
        {
            return nil
        }
        let rest = String(characters[position...]).trimmingSpaces()
        return ItemNumber(prefix: prefix, number: number, separator: separator, rest: rest, order: (primary, secondary))
    }

    /// What items of the same numbering style share.
    var signature: String {
        let form = number.contains("/") ? "/" : number.contains(".") ? "." : number.allSatisfy(\.isLetter) ? "I" : "#"
        return "\(prefix?.lowercased() ?? "")|\(form)|\(separator)"
    }
}
