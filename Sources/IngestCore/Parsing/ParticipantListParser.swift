import Foundation

/// Reads a list of people as minutes print them.
///
/// Handles "Name (role), Name (role)", "Name (Party), role, Name", "Name, Role, Name, Role", one "Name, Role" per
/// line, and role before name ("politimester Geir Løvås", "direktør i Utdanningsetaten Morten Hansen").
struct ParticipantListParser: Sendable {
    let roleWords: Set<String>
    let tableHeaderWords: Set<String>
    let roleEndings: [String]
    private static let particles: Set<String> = ["van", "von", "de", "da", "der", "den", "af", "la", "le", "du", "bin"]
    private static let prepositions: Set<String> = ["i", "for", "av", "ved", "of", "in", "at", "for", "to"]

    init(vocabularies: [MinutesVocabulary]) {
        roleWords = Set(vocabularies.flatMap(\.roleWords))
        tableHeaderWords = Set(vocabularies.flatMap(\.tableHeaderWords))
        roleEndings = Array(Set(vocabularies.flatMap(\.roleEndings)))
    }

    /// Parses the lines of one labelled list.
    /// - Parameters:
    ///   - lines: the list's lines (the text after the label first).
    ///   - status: the status every person in the list gets.
    ///   - impliedRole: the role the label implies ("Møteleder"), for people printed without one.
    func parse(_ lines: [String], status: Participant.Status, impliedRole: String? = nil) -> [Participant] {
        var lines = lines.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        // A table's header row ("Name  Role", "Navn  Rolle") names columns, not people.
        if let first = lines.first, first.contains("  "),
            first.split(separator: " ").allSatisfy({ tableHeaderWords.contains($0.lowercased()) })
        {
            lines.removeFirst()
        }
        guard !lines.isEmpty else { return [] }
        let segmentsPerLine = lines.map(splitTopLevel)
        // "Name, Role" per line: every line opens with a bare name. A list wrapped over lines ("…, direktør i
        // Utdanningsetaten Stian" / "Johnsen, varaordfører Terje Brekke") is not that, however short its lines.
        let onePerLine = lines.count >= 2 && segmentsPerLine.allSatisfy { $0.count <= 2 }
            && segmentsPerLine.allSatisfy { isName($0[0]) }
            && segmentsPerLine.allSatisfy { $0.count == 1 || (isRole($0[1]) && !$0[1].contains("(")) }
        var people: [Participant] = []
        if onePerLine {
            // "Name, Role" on each line: the second part is the role, whatever words it holds.
            for segments in segmentsPerLine {
                var person = merge([segments[0]], status: status)
                if segments.count == 2, person.count == 1, person[0].role == nil { person[0].role = segments[1] }
                people += person
            }
        } else {
            people = merge(splitTopLevel(joinWrapped(lines)), status: status)
        }
        if let impliedRole {
            for index in people.indices where people[index].role == nil { people[index].role = impliedRole }
        }
        return people
    }

    /// Joins wrapped lines; a name broken over two lines ("Aisha\nHenderson") joins with a space.
    private func joinWrapped(_ lines: [String]) -> String {
        lines.dropFirst().reduce(lines[0]) { text, line in
            text.hasSuffix("-") && !text.hasSuffix(" -") ? text + line : text + " " + line
        }
    }

    /// Splits at commas, semicolons and column gaps outside parentheses, and at a final " og " / " and ".
    private func splitTopLevel(_ line: String) -> [String] {
        let text = line.contains("  ") ? line.replacingOccurrences(of: "  ", with: ",") : line
        var segments: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, character == "," || character == ";" {
                segments.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        segments.append(current)
        var result: [String] = []
        for segment in segments.map({ $0.trimmingSpaces() }) where !segment.isEmpty {
            if let range = segment.range(of: " og ") ?? segment.range(of: " and "),
                isName(segment[..<range.lowerBound].trimmingSpaces()), isName(segment[range.upperBound...].trimmingSpaces())
            {
                result.append(segment[..<range.lowerBound].trimmingSpaces())
                result.append(segment[range.upperBound...].trimmingSpaces())
            } else {
                result.append(segment)
            }
        }
        return result
    }

    private func merge(_ segments: [String], status: Participant.Status) -> [Participant] {
        var people: [Participant] = []
        for segment in segments {
            var text = segment
            var role: String?
            var party: String?
            if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
                let inner = text[text.index(after: open)..<close].trimmingSpaces()
                if isParty(inner) { party = inner } else { role = inner }
                text = (String(text[..<open]) + String(text[text.index(after: close)...])).trimmingSpaces()
            }
            for dash in [" – ", " - ", " — "] {
                if let range = text.range(of: dash), isName(text[..<range.lowerBound].trimmingSpaces()) {
                    role = role ?? text[range.upperBound...].trimmingSpaces()
                    text = text[..<range.lowerBound].trimmingSpaces()
                }
            }
            if text.isEmpty { continue }
            if isName(text) {
                people.append(Participant(name: text, role: role, party: party, status: status))
            } else if let (leadingRole, name) = roleThenName(text) {
                people.append(Participant(name: name, role: role ?? leadingRole, party: party, status: status))
            } else if isRole(text), let last = people.indices.last, people[last].role == nil {
                people[last].role = text
            } else if let first = text.first, first.isUppercase, text.split(separator: " ").count <= 5,
                !text.contains(where: \.isNumber)
            {
                people.append(Participant(name: text, role: role, party: party, status: status))
            }
        }
        return people
    }

    /// "politimester Geir Løvås" → ("politimester", "Geir Løvås"); the name is the trailing run of capitalised
    /// words, less a word governed by a preposition ("direktør i Utdanningsetaten Morten Hansen") and less role
    /// words that open the entry with a capital ("Ordfører Kari Løvås", "SaLTo-koordinator Thea Kvam").
    private func roleThenName(_ text: String) -> (String, String)? {
        let words = text.split(separator: " ").map(String.init)
        var start = words.count
        while start > 0, isNameWord(words[start - 1]) { start -= 1 }
        if start == 0 {
            while start < words.count, isRole(words[start]) { start += 1 }
        }
        if start > 0, start < words.count, Self.prepositions.contains(words[start - 1].lowercased()) { start += 1 }
        guard start > 0, words.count - start >= 2, words.count - start <= 4 else { return nil }
        let role = words[..<start].joined(separator: " ")
        guard isRole(role) else { return nil }
        return (role, words[start...].joined(separator: " "))
    }

    /// A name: one to five capitalised words, without digits and without role words.
    func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...5).contains(words.count), !text.contains(where: \.isNumber) else { return false }
        guard words.allSatisfy({ isNameWord(String($0)) || Self.particles.contains($0.lowercased()) }) else {
            return false
        }
        return !isRole(text)
    }

    private func isNameWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, first.isLetter else { return false }
        return word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
    }

    /// A role: starts in lower case, or contains a role word (whole, or as the end of a compound).
    func isRole(_ text: String) -> Bool {
        if let first = text.first, first.isLowercase { return true }
        for word in text.lowercasedQuickly().split(whereSeparator: { !$0.isLetter }) {
            if roleWords.contains(String(word)) { return true }
            if roleEndings.contains(where: { word.count > $0.count + 2 && word.hasSuffix($0) }) { return true }
        }
        return false
    }

    /// A party or group code: "Ap", "KrF", "H", "MDG".
    private func isParty(_ text: String) -> Bool {
        guard (1...4).contains(text.count), let first = text.first, first.isUppercase else { return false }
        return text.allSatisfy(\.isLetter) && !isRole(text)
    }
}
