/// Reads dates and times as minutes print them, in any known language.
///
/// Dates: "2026-03-05", "05.03.2026", "5.3.26", "5. mars 2026", "torsdag 5. mars 2026", "5 March 2026",
/// "March 5, 2026", "5th March 2026". Times: "kl. 09.00–11.00", "19:00 – 21:30", "10 am – 12.30 pm".
/// Not `Sendable` (`Regex` is not): make one per parse.
struct MeetingDateParser {
    let months: [String: Int]
    /// The UTF-8 of the month names, when every name's scalars are standalone (see ``Unicode/Scalar/isStandalone``).
    private let monthBytes: [[UInt8]]?
    private let patterns = Patterns()

    /// The regular expressions, each compiled once per parser, on first use: a regex literal is parsed again each
    /// time it is evaluated, and a text without a date of some form never pays for that form.
    private final class Patterns {
        lazy var isoDate = #/(?:^|[^\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/#
        lazy var numericDate = #/(?:^|[^\d.,])(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?![\d])/#
        lazy var dayMonthYear =
            #/(?i)(?:^|[^\d])(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?([a-zæøå]{3,9})\.?,?\s+(\d{4})(?!\d)/#
        lazy var monthDayYear = #/(?i)([a-zæøå]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/#
        lazy var clockTime = #/(?i)(?:^|[^\d.,:/])(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?![\d])(?!\.\d)/#
    }

    init(vocabularies: [MinutesVocabulary]) {
        var months: [String: Int] = [:]
        for vocabulary in vocabularies { months.merge(vocabulary.months) { first, _ in first } }
        self.months = months
        monthBytes = months.keys.allSatisfy(\.hasStandaloneScalars) ? months.keys.map { Array($0.utf8) } : nil
    }

    /// The first date in a text, as `YYYY-MM-DD`.
    func firstDate(in text: String) -> String? {
        firstDateMatch(in: text)?.date
    }

    /// How much of one text is searched for a date or times, in characters. A meeting's date sits in a header line
    /// or a sentence, not thousands of characters into one line; a longer text (a document's XML on one line, say)
    /// is searched only at its start, which keeps the regular expressions' cost bounded (5 MiB of XML took 27 s).
    static let searchedCharacters = 2_000

    /// A text, or its first ``searchedCharacters`` characters when it is longer.
    private static func searchedPart(of text: String) -> String {
        text.utf8.count > searchedCharacters ? String(text.prefix(searchedCharacters)) : text
    }

    /// The first date in a text and where it ends.
    func firstDateMatch(in text: String) -> (date: String, end: String.Index)? {
        let searched = Self.searchedPart(of: text)
        guard let match = firstDateMatch(inSearched: searched) else { return nil }
        // `searched` may be a copy of the start: carry the end over to `text` by its UTF-8 offset.
        let offset = searched.utf8.distance(from: searched.startIndex, to: match.end)
        return (match.date, text.utf8.index(text.startIndex, offsetBy: offset))
    }

    private func firstDateMatch(inSearched text: String) -> (date: String, end: String.Index)? {
        // `Int` reads only ASCII digits: a year needs a run of two of them, or of four outside numeric dates.
        let shape = ASCIIShape(text)
        guard shape.longestDigitRun >= 2, text.contains(where: \.isASCIIDigit) else { return nil }
        let mayHaveFullYear = shape.longestDigitRun >= 4
        var best: (date: String, start: String.Index, end: String.Index)?
        func consider(_ year: Int, _ month: Int, _ day: Int, _ range: Range<String.Index>) {
            guard let date = Self.format(year: year, month: month, day: day) else { return }
            if let current = best, current.start <= range.lowerBound { return }
            best = (date, range.lowerBound, range.upperBound)
        }
        if mayHaveFullYear, shape.hyphens >= 2, let match = text.firstMatch(of: patterns.isoDate),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3)
        {
            consider(year, month, day, match.range)
        }
        if shape.dotsAndSlashes >= 2, let match = text.firstMatch(of: patterns.numericDate),
            let first = Int(match.1), let second = Int(match.2), var year = Int(match.3)
        {
            if year < 100 { year += 2000 }
            // Day first (European and British usage) unless that cannot be.
            if second > 12, first <= 12 {
                consider(year, first, second, match.range)
            } else {
                consider(year, second, first, match.range)
            }
        }
        if mayHaveFullYear, mayNameMonth(text) {
            for match in text.matches(of: patterns.dayMonthYear) {
                if let month = months[match.2.lowercased()], let day = Int(match.1), let year = Int(match.3) {
                    consider(year, month, day, match.range)
                    break
                }
            }
            for match in text.matches(of: patterns.monthDayYear) {
                if let month = months[match.1.lowercased()], let day = Int(match.2), let year = Int(match.3) {
                    consider(year, month, day, match.range)
                    break
                }
            }
        }
        return best.map { ($0.date, $0.end) }
    }

    /// False when the text names no month: a text of ASCII and Latin-1 (see `lowercasedSimply(into:)`)
    /// whose lowercase holds no month name. Dates with a month name capture it as ASCII letters and "æøå" in any
    /// case, and look its lowercase up; in such text that is a slice of the text's lowercase. True otherwise.
    private func mayNameMonth(_ text: String) -> Bool {
        var lower: [UInt8] = []
        guard let monthBytes, text.lowercasedSimply(into: &lower) else { return true }
        return monthBytes.contains { name in
            guard let first = name.first, name.count <= lower.count else { return false }
            return (0...(lower.count - name.count)).contains { start in
                lower[start] == first && lower[start..<(start + name.count)].elementsEqual(name)
            }
        }
    }

    /// The start and end times in a text ("kl. 09.00–11.00" → 09:00, 11:00), as `HH:MM`.
    func times(in text: String) -> (start: String?, end: String?) {
        let text = Self.searchedPart(of: text)
        // Only an hour of ASCII digits is read (`Int` rejects other digits that `\d` matches).
        guard text.containsASCIIDigit else { return (nil, nil) }
        var found: [String] = []
        for match in text.matches(of: patterns.clockTime) {
            guard var hour = Int(match.1) else { continue }
            let minute = match.2.flatMap { Int($0) }
            let meridiem = match.3.map { $0.lowercased().filter { $0.isLetter } }
            if minute == nil && meridiem == nil { continue }
            if let meridiem {
                if meridiem == "pm", hour < 12 { hour += 12 }
                if meridiem == "am", hour == 12 { hour = 0 }
            }
            guard hour < 24, (minute ?? 0) < 60 else { continue }
            found.append(Self.pad(hour) + ":" + Self.pad(minute ?? 0))
            if found.count == 2 { break }
        }
        return (found.first, found.count > 1 ? found[1] : nil)
    }

    /// What the bytes of a text tell about the dates it may hold: a numeric date needs two runs of digits with two
    /// separators between them, and the separators are ASCII characters of their own, each one byte.
    private struct ASCIIShape {
        /// The length of the longest run of ASCII digits.
        var longestDigitRun = 0
        /// The hyphens, as an ISO date separates its parts.
        var hyphens = 0
        /// The full stops and slashes, as other numeric dates separate their parts.
        var dotsAndSlashes = 0

        init(_ text: String) {
            var current = 0
            var longest = 0
            var hyphens = 0
            var dotsAndSlashes = 0
            text.withUTF8Buffer { bytes in
                for byte in bytes {
                    current = byte.isASCIIDigitByte ? current + 1 : 0
                    longest = max(longest, current)
                    if byte == UInt8(ascii: "-") { hyphens += 1 }
                    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") { dotsAndSlashes += 1 }
                }
            }
            longestDigitRun = longest
            self.hyphens = hyphens
            self.dotsAndSlashes = dotsAndSlashes
        }
    }

    private static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
