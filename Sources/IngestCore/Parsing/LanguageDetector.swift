/// Tells the language of a text by counting each vocabulary's common words.
enum LanguageDetector {
    /// The vocabulary whose common words occur most often, or `nil` for a text with too few of any.
    static func detect(_ lines: [SourceLine], among vocabularies: [MinutesVocabulary]) -> MinutesVocabulary? {
        var counts = Array(repeating: 0, count: vocabularies.count)
        var seen = 0
        let table = vocabularies == MinutesVocabulary.builtIn ? builtInTable : CommonWords(vocabularies)
        func count(_ token: String) {
            for index in table.positions[token] ?? [] { counts[index] += 1 }
            seen += 1
        }
        /// Counts a word of standalone scalars (see ``Unicode/Scalar/isStandalone``), one character each, that
        /// is only made a `String` when it is short enough to be a common word.
        func count(_ token: @autoclosure () -> String, characters: Int) {
            guard characters <= table.longestWord else {
                seen += 1
                return
            }
            count(token())
        }
        var lower: [UInt8] = []  // an ASCII line, lowercased
        for line in lines where !line.isBlank {
            if line.text.isPlainASCII {
                // Lowercase the bytes once; a word is a slice of them (lowercasing keeps letters letters).
                lower.removeAll(keepingCapacity: true)
                line.text.withUTF8Buffer { lower.append(contentsOf: $0) }
                lower.withUnsafeMutableBufferPointer { lower in
                    for index in lower.indices { lower[index] = lower[index].asciiLowercased }
                    var start: Int?
                    for index in lower.indices {
                        if lower[index].isASCIILetter {
                            if start == nil { start = index }
                        } else if let wordStart = start {
                            let word = UnsafeBufferPointer(rebasing: lower[wordStart..<index])
                            count(String(decoding: word, as: UTF8.self), characters: index - wordStart)
                            start = nil
                        }
                    }
                    if let wordStart = start {
                        count(String(decoding: UnsafeBufferPointer(rebasing: lower[wordStart...]), as: UTF8.self),
                              characters: lower.count - wordStart)
                    }
                }
                if seen > 5_000 { break }
                continue
            }
            let lower = line.text.lowercasedQuickly()
            if lower.hasStandaloneScalars {
                // Characters are scalars: find the runs of letters without forming characters.
                let scalars = lower.unicodeScalars
                var start: String.Index?
                var length = 0  // of the word being read, in scalars
                var index = scalars.startIndex
                while index != scalars.endIndex {
                    let scalar = scalars[index]
                    let isLetter = scalar.isASCII ? UInt8(scalar.value).isASCIILetter : scalar.properties.isAlphabetic
                    if isLetter {
                        if start == nil { start = index }
                        length += 1
                    } else if let wordStart = start {
                        count(String(lower[wordStart..<index]), characters: length)
                        start = nil
                        length = 0
                    }
                    index = scalars.index(after: index)
                }
                if let wordStart = start { count(String(lower[wordStart...]), characters: length) }
            } else {
                for word in lower.split(whereSeparator: { !$0.isLetter }) { count(String(word)) }
            }
            if seen > 5_000 { break }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
            counts[best] >= 5
        else { return nil }
        return vocabularies[best]
    }

    /// The built-in vocabularies' ``CommonWords``, made once.
    private static let builtInTable = CommonWords(MinutesVocabulary.builtIn)

    /// For each common word of the vocabularies, the positions of the vocabularies that have it: one lookup a word
    /// instead of one a vocabulary.
    private struct CommonWords {
        /// The positions of the vocabularies that have a word.
        let positions: [String: [Int]]
        /// The number of characters of the longest common word: a longer word is none of them.
        let longestWord: Int

        init(_ vocabularies: [MinutesVocabulary]) {
            var table: [String: [Int]] = [:]
            for (index, vocabulary) in vocabularies.enumerated() {
                for word in vocabulary.commonWords { table[word, default: []].append(index) }
            }
            positions = table
            longestWord = table.keys.map(\.count).max() ?? 0
        }
    }
}
