/// Tells the language of a text by counting each vocabulary's common words.
enum LanguageDetector {
    /// The vocabulary whose common words occur most often, or `nil` for a text with too few of any.
    static func detect(_ lines: [SourceLine], among vocabularies: [MinutesVocabulary]) -> MinutesVocabulary? {
        var counts = Array(repeating: 0, count: vocabularies.count)
        var seen = 0
        let table = vocabularies == MinutesVocabulary.builtIn ? builtInTable : Self.table(for: vocabularies)
        func count(_ token: String) {
            for index in table[token] ?? [] { counts[index] += 1 }
            seen += 1
        }
        var lower: [UInt8] = []  // an ASCII line, lowercased
        for line in lines where !line.isBlank {
            if line.text.isPlainASCII {
                // Lowercase the bytes once; a word is a slice of them (lowercasing keeps letters letters).
                lower.removeAll(keepingCapacity: true)
                lower.append(contentsOf: line.text.utf8)
                for index in lower.indices { lower[index] = lower[index].asciiLowercased }
                var start: Int?
                for index in lower.indices {
                    if lower[index].isASCIILetter {
                        if start == nil { start = index }
                    } else if let wordStart = start {
                        count(String(decoding: lower[wordStart..<index], as: UTF8.self))
                        start = nil
                    }
                }
                if let wordStart = start { count(String(decoding: lower[wordStart...], as: UTF8.self)) }
                if seen > 5_000 { break }
                continue
            }
            let lower = line.text.lowercasedQuickly()
            if lower.hasStandaloneScalars {
                // Characters are scalars: find the runs of letters without forming characters.
                let scalars = lower.unicodeScalars
                var start: String.Index?
                var index = scalars.startIndex
                while index != scalars.endIndex {
                    let scalar = scalars[index]
                    let isLetter = scalar.isASCII ? UInt8(scalar.value).isASCIILetter : scalar.properties.isAlphabetic
                    if isLetter {
                        if start == nil { start = index }
                    } else if let wordStart = start {
                        count(String(lower[wordStart..<index]))
                        start = nil
                    }
                    index = scalars.index(after: index)
                }
                if let wordStart = start { count(String(lower[wordStart...])) }
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

    /// The built-in vocabularies' ``table(for:)``, made once.
    private static let builtInTable = table(for: MinutesVocabulary.builtIn)

    /// For each common word of the vocabularies, the positions of the vocabularies that have it: one lookup a word
    /// instead of one a vocabulary.
    private static func table(for vocabularies: [MinutesVocabulary]) -> [String: [Int]] {
        var table: [String: [Int]] = [:]
        for (index, vocabulary) in vocabularies.enumerated() {
            for word in vocabulary.commonWords { table[word, default: []].append(index) }
        }
        return table
    }
}
