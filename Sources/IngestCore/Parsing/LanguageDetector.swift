/// Tells the language of a text by counting each vocabulary's common words.
enum LanguageDetector {
    /// The vocabulary whose common words occur most often, or `nil` for a text with too few of any.
    static func detect(_ lines: [SourceLine], among vocabularies: [MinutesVocabulary]) -> MinutesVocabulary? {
        var counts = Array(repeating: 0, count: vocabularies.count)
        var seen = 0
        for line in lines where !line.isBlank {
            for word in line.text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                let token = String(word)
                for index in vocabularies.indices where vocabularies[index].commonWords.contains(token) {
                    counts[index] += 1
                }
                seen += 1
            }
            if seen > 5_000 { break }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
            counts[best] >= 5
        else { return nil }
        return vocabularies[best]
    }
}
