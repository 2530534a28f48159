/// Tells the language of a text by counting each vocabulary's common words.
enum LanguageDetector {
    /// The vocabulary whose common words occur most often, or `nil` for a text with too few of any.
    static func detect(_ lines: [SourceLine], among vocabularies: [MinutesVocabulary]) -> MinutesVocabulary? {
        var counts = Array(repeating: 0, count: vocabularies.count)
        var seen = 0
        func count(_ token: String) {
            for index in vocabularies.indices where vocabularies[index].commonWords.contains(token) {
                counts[index] += 1
            }
            seen += 1
        }
        for line in lines where !line.isBlank {
            if line.text.isPlainASCII {
                // Lowercase the words only, byte by byte.
                var word: [UInt8] = []
                for byte in line.text.utf8 {
                    if byte.isASCIILetter {
                        word.append(byte.asciiLowercased)
                    } else if !word.isEmpty {
                        count(String(decoding: word, as: UTF8.self))
                        word.removeAll(keepingCapacity: true)
                    }
                }
                if !word.isEmpty { count(String(decoding: word, as: UTF8.self)) }
                if seen > 5_000 { break }
                continue
            }
            let lower = line.text.lowercased()
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
}
