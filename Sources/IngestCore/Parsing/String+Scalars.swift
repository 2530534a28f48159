import Foundation

/// Cheap tests that let the parser work on bytes and scalars instead of characters where that gives the same answer.
///
/// Swift compares and counts `Character`s: grapheme clusters, compared by canonical equivalence. That is costly and
/// mostly needless: in text made only of the scalars below, every scalar is a character of its own (none of them
/// joins its neighbours in a grapheme cluster) and no two of them are canonically equivalent, so counting, splitting
/// and comparing scalars (or, for ASCII, bytes) gives exactly what the `Character` operations give. Text with any
/// other scalar takes the `Character` road.
extension Unicode.Scalar {
    /// True for a scalar that is always a character of its own and canonically equivalent to no other scalar of
    /// this set: ASCII without the carriage return (CR LF is one character), Latin-1, Latin Extended-A and -B and
    /// IPA (below U+0300, where combining marks start), general punctuation without the zero-width and invisible
    /// format characters, currency signs, geometric shapes (bullets), Latin ligatures and the replacement character.
    var isStandalone: Bool {
        switch value {
        case 0x0D: false
        case 0x0000..<0x0300: true
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x25A0...0x25FF, 0xFB00...0xFB06, 0xFFFD: true
        default: false
        }
    }
}

extension StringProtocol {
    /// Calls `body` with the text's UTF-8 in contiguous memory: a loop over a buffer costs a fraction of one over
    /// `utf8`, which checks and advances an index per byte. Native strings and their substrings are contiguous;
    /// any other text is copied first.
    @inline(__always)
    func withUTF8Buffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(self)
        return copy.withUTF8(body)
    }

    /// True when the UTF-8 of the text holds `byte` (an ASCII byte is always a whole scalar).
    func containsUTF8Byte(_ byte: UInt8) -> Bool {
        withUTF8Buffer { $0.contains(byte) }
    }

    /// True when the text holds two ASCII digits 0–9 in a row.
    var containsTwoASCIIDigitsInARow: Bool {
        withUTF8Buffer { bytes in
            var previousIsDigit = false
            for byte in bytes {
                let isDigit = byte.isASCIIDigitByte
                if isDigit && previousIsDigit { return true }
                previousIsDigit = isDigit
            }
            return false
        }
    }

    /// True when the text holds an ASCII digit 0–9.
    var containsASCIIDigit: Bool {
        withUTF8Buffer { $0.contains(where: \.isASCIIDigitByte) }
    }

    /// True when every scalar of the text ``Unicode/Scalar/isStandalone``: its characters are then its scalars.
    var hasStandaloneScalars: Bool {
        // Bytes below 0xCC are ASCII, continuation bytes or leads of scalars below U+0300.
        if withUTF8Buffer({ $0.allSatisfy { $0 < 0xCC && $0 != 0x0D } }) { return true }
        return unicodeScalars.allSatisfy(\.isStandalone)
    }

    /// The number of characters, as `count` tells, counted as bytes or scalars when those are the characters.
    var characterCount: Int {
        // Bytes below 0xCC (but CR) are ASCII, continuation bytes or leads of scalars below U+0300: count the scalars
        // by their first bytes in one pass.
        let scalars = withUTF8Buffer { bytes -> Int? in
            var scalars = 0
            for byte in bytes {
                guard byte < 0xCC, byte != 0x0D else { return nil }
                if byte & 0xC0 != 0x80 { scalars += 1 }
            }
            return scalars
        }
        if let scalars { return scalars }
        return unicodeScalars.allSatisfy(\.isStandalone) ? unicodeScalars.count : count
    }

    /// True when the text is all ASCII without a carriage return: its characters are then its bytes.
    var isPlainASCII: Bool {
        withUTF8Buffer { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
    }
}

extension UInt8 {
    /// The ASCII lowercase of a byte; other bytes unchanged.
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }

    /// True for the ASCII letters A–Z and a–z.
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }

    /// True for the ASCII digits 0–9.
    var isASCIIDigitByte: Bool { self >= 0x30 && self <= 0x39 }
}

extension StringProtocol {
    /// The runs of spaces at both ends and the text between, found on bytes; `nil` when a neighbour of a run might
    /// join a space into a larger character (a combining mark after the leading run, a prepended concatenation mark
    /// before the trailing run), where only counting characters is right.
    func spaceRuns() -> (leading: Int, trailing: Int, trimmed: Substring)? {
        let text = Substring(self)
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }) else {
            let count = bytes.count
            return (count, count, text[text.endIndex...])
        }
        // The scalar after the leading spaces: below U+0300 it cannot extend the last space.
        if first != bytes.startIndex, bytes[first] >= 0xCC { return nil }
        guard let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return nil }
        let end = bytes.index(after: last)
        if end != bytes.endIndex, bytes[last] >= 0x80 {
            // The scalar before the trailing spaces: prepended concatenation marks start at U+0600.
            guard let scalar = text[..<end].unicodeScalars.last, scalar.value < 0x600 else { return nil }
        }
        return (bytes.distance(from: bytes.startIndex, to: first), bytes.distance(from: end, to: bytes.endIndex),
                text[first..<end])
    }
}

extension String {
    /// True when the last character is the ASCII character `ascii` alone, as `last == Character(…)` tells, without
    /// finding the last grapheme cluster when the scalar before cannot join it.
    func lastCharacterIs(_ ascii: UInt8) -> Bool {
        let scalars = unicodeScalars
        guard let last = scalars.last, last.value == UInt32(ascii) else { return false }
        guard let before = scalars.dropLast(1).last, !before.isStandalone else { return true }
        return self.last == Character(Unicode.Scalar(ascii))
    }
}

extension String {
    /// True when the text contains one of the words, as `words.contains { contains($0) }` tells; ASCII text is
    /// searched as bytes (a word that is not ASCII cannot occur in it and is looked for the Unicode way all the same).
    func containsAny(of words: [String]) -> Bool {
        guard isPlainASCII else {
            guard hasStandaloneScalars else { return words.contains { contains($0) } }
            // Characters are scalars: search scalars for words whose characters are scalars too.
            let scalars = Array(unicodeScalars)
            return words.contains { word in
                guard !word.isEmpty, word.hasStandaloneScalars else { return contains(word) }
                let needle = Array(word.unicodeScalars)
                guard needle.count <= scalars.count else { return false }
                return (0...(scalars.count - needle.count)).contains { start in
                    scalars[start..<(start + needle.count)].elementsEqual(needle)
                }
            }
        }
        let bytes = Array(utf8)
        return words.contains { word in
            guard word.isPlainASCII else { return contains(word) }
            let needle = Array(word.utf8)
            guard let first = needle.first else { return contains(word) }
            guard needle.count <= bytes.count else { return false }
            return (0...(bytes.count - needle.count)).contains { start in
                bytes[start] == first && bytes[start..<(start + needle.count)].elementsEqual(needle)
            }
        }
    }
}

extension String {
    /// The first range of `needle`, as Foundation's `range(of:)` finds it, searched on bytes when the text and the
    /// needle are made of standalone scalars (see ``Unicode/Scalar/isStandalone``): their characters are then their
    /// scalars, no two of them canonically equivalent, so a match of characters is a match of bytes.
    func firstRange(of needle: String) -> Range<String.Index>? {
        guard let first = needle.utf8.first, hasStandaloneScalars, needle.hasStandaloneScalars else {
            return range(of: needle)
        }
        // The first byte of a scalar: a match starts where a scalar does.
        let found = withUTF8Buffer { bytes in
            needle.withUTF8Buffer { pattern -> Range<Int>? in
                guard pattern.count <= bytes.count else { return nil }
                var start = 0
                while start + pattern.count <= bytes.count {
                    if bytes[start] == first, UnsafeBufferPointer(rebasing: bytes[start..<(start + pattern.count)])
                        .elementsEqual(pattern)
                    {
                        return start..<(start + pattern.count)
                    }
                    start += 1
                }
                return nil
            }
        }
        guard let found else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: found.lowerBound)
        return lower..<utf8.index(lower, offsetBy: found.count)
    }
}

extension String {
    /// Puts the UTF-8 of `lowercased()` in `bytes` when the text is made of standalone scalars (see
    /// ``Unicode/Scalar/isStandalone``) up to U+00FF or from U+2010 up (ASCII and Latin-1 letters, dashes,
    /// quotes, bullets: "Møtet – «sak»"), whose lowercase is A–Z, À–Ö and Ø–Þ moved by 0x20 and every other
    /// scalar unchanged; false for other text.
    func lowercasedSimply(into bytes: inout [UInt8]) -> Bool {
        // Latin-1 beyond ASCII is 0xC2 or 0xC3 and one continuation byte.
        let isLatin1 = withUTF8Buffer { $0.allSatisfy { $0 != 0x0D && ($0 < 0xC0 || $0 == 0xC2 || $0 == 0xC3) } }
        guard isLatin1
            || unicodeScalars.allSatisfy({ $0.isStandalone && ($0.value <= 0xFF || $0.value >= 0x2010) })
        else { return false }
        bytes.removeAll(keepingCapacity: true)
        withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.withUnsafeMutableBufferPointer { bytes in
            var afterC3 = false
            for index in bytes.indices {
                let byte = bytes[index]
                if afterC3, byte <= 0x9E, byte != 0x97 {
                    bytes[index] = byte + 0x20  // U+00C0–U+00DE without U+00D7 (×)
                } else if byte < 0x80 {
                    bytes[index] = byte.asciiLowercased
                }
                afterC3 = byte == 0xC3
            }
        }
        return true
    }

    /// `lowercased()`, made on bytes when ``lowercasedSimply(into:)`` can and the text is not ASCII (which
    /// `lowercased()` does fast itself).
    func lowercasedQuickly() -> String {
        if withUTF8Buffer({ $0.allSatisfy { $0 < 0x80 } }) { return lowercased() }
        var bytes: [UInt8] = []
        return lowercasedSimply(into: &bytes) ? String(decoding: bytes, as: UTF8.self) : lowercased()
    }
}
