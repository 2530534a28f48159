/// The structural labels of all known languages, ready for matching at the start of a line.
struct LabelCatalog: Sendable {
    /// What a label introduces.
    enum Kind: Int, CaseIterable, Sendable {
        case present, absent, secretary, chair, guest
        case date, time, location, organization
        case decision, attachments, abbreviations, agenda

        /// Whether the label introduces a participant list.
        var isParticipantList: Bool { Kinds.participantLists.contains(Kinds(self)) }
    }

    /// A set of kinds, as bits: asked for every label of every line, where a `Set` would hash.
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt16

        init(rawValue: UInt16) {
            self.rawValue = rawValue
        }

        /// The set holding one kind.
        init(_ kind: Kind) {
            rawValue = 1 << UInt16(kind.rawValue)
        }

        static let present = Kinds(.present)
        static let absent = Kinds(.absent)
        static let secretary = Kinds(.secretary)
        static let chair = Kinds(.chair)
        static let guest = Kinds(.guest)
        static let date = Kinds(.date)
        static let time = Kinds(.time)
        static let location = Kinds(.location)
        static let organization = Kinds(.organization)
        static let decision = Kinds(.decision)
        static let attachments = Kinds(.attachments)
        static let abbreviations = Kinds(.abbreviations)
        static let agenda = Kinds(.agenda)
        static let all = Kinds(rawValue: (1 << UInt16(Kind.allCases.count)) - 1)
        static let participantLists: Kinds = [.present, .absent, .secretary, .chair, .guest]
    }

    /// A label found at the start of a line.
    struct Match: Sendable, Equatable {
        var kind: Kind
        /// The label as printed in the line ("Til stede").
        var label: String
        /// The text after the label and its colon, trimmed; empty when the label stands alone.
        var rest: String
        /// True when the label ended with a colon.
        var hadColon: Bool
    }

    /// A label of one kind.
    private struct Label: Sendable {
        var kind: Kind
        var text: String
    }

    /// The labels by their first character, longest first within each list.
    private let labelsByFirstCharacter: [Character: [Label]]
    /// The labels' kinds, for ruling out lines that start with no label of the kinds asked for.
    private let labelIndex: CaselessPrefixIndex<Kind>
    /// The closing phrases, for ruling out lines that start with none.
    private let closingPhraseIndex: CaselessPrefixIndex<Void>
    let closingPhrases: [String]
    let itemPrefixes: ItemNumber.Prefixes

    init(vocabularies: [MinutesVocabulary]) {
        var labels: [(Kind, String)] = []
        for vocabulary in vocabularies {
            let table: [(Kind, [String])] = [
                (.present, vocabulary.presentLabels), (.absent, vocabulary.absentLabels),
                (.secretary, vocabulary.secretaryLabels), (.chair, vocabulary.chairLabels),
                (.guest, vocabulary.guestLabels), (.date, vocabulary.dateLabels), (.time, vocabulary.timeLabels),
                (.location, vocabulary.locationLabels), (.organization, vocabulary.organizationLabels),
                (.decision, vocabulary.decisionLabels), (.attachments, vocabulary.attachmentLabels),
                (.abbreviations, vocabulary.abbreviationLabels), (.agenda, vocabulary.agendaLabels),
            ]
            for (kind, words) in table {
                for word in words where !labels.contains(where: { $0.0 == kind && $0.1 == word }) {
                    labels.append((kind, word))
                }
            }
        }
        // Longest first, so "meldt forfall" wins over "forfall" and "sak nr." over "sak".
        var byFirst: [Character: [Label]] = [:]
        for (kind, label) in labels.sorted(by: { $0.1.count > $1.1.count }) {
            guard let first = label.first else { continue }
            byFirst[first, default: []].append(Label(kind: kind, text: label))
        }
        labelsByFirstCharacter = byFirst
        labelIndex = CaselessPrefixIndex(labels.map { ($0.1, $0.0) })
        closingPhrases = Array(Set(vocabularies.flatMap(\.closingPhrases))).sorted { $0.count > $1.count }
        closingPhraseIndex = CaselessPrefixIndex(closingPhrases.map { ($0, ()) })
        itemPrefixes = ItemNumber.Prefixes(
            Array(Set(vocabularies.flatMap(\.itemPrefixes))).sorted { $0.count > $1.count })
    }

    /// The label at the start of a line, if any.
    /// - Parameters:
    ///   - text: the line.
    ///   - kinds: the kinds to look for; all by default.
    ///   - extraWords: how many words may stand between the label and its colon ("Vedlegg til referatet:").
    func match(_ line: String, kinds: Kinds = .all, extraWords: Int = 0) -> Match? {
        // Most lines start with no label at all, which their bytes show without lowercasing anything.
        guard labelIndex.mayStart(line, where: { kinds.contains(Kinds($0)) }) else { return nil }
        return unicodeMatch(line, kinds: kinds, extraWords: extraWords)
    }

    /// ``match(_:kinds:extraWords:)`` for any text, character by character.
    private func unicodeMatch(_ line: String, kinds: Kinds, extraWords: Int) -> Match? {
        guard let first = line.first, let candidates = labelsByFirstCharacter[Character(first.lowercased())] else {
            return nil
        }
        // Labels and the colon after them sit at the start: lowercase only that much.
        let head = String(line.prefix(64))
        let lower = head.lowercased()
        // Offsets below are taken from the lowercased text; use it for the printed text too in the rare case
        // where lowercasing changed the length.
        let text = lower.count == head.count ? line : lower
        for candidate in candidates {
            let (kind, label) = (candidate.kind, candidate.text)
            if !kinds.contains(Kinds(kind)) { continue }
            guard lower.hasPrefix(label) else { continue }
            let afterLabel = lower.dropFirst(label.count)
            let offset = text.index(text.startIndex, offsetBy: label.count)
            let printed = String(text[..<offset])
            if afterLabel.isEmpty { return Match(kind: kind, label: printed, rest: "", hadColon: false) }
            let next = afterLabel.first
            if next == ":" {
                return Match(kind: kind, label: printed, rest: text[text.index(after: offset)...].trimmingSpaces(),
                             hadColon: true)
            }
            guard next == " " || label.hasSuffix(".") else { continue }
            // "Vedlegg til referatet:", "Tid og sted:"
            if extraWords > 0, let colon = afterLabel.firstIndex(of: ":") {
                let between = afterLabel[..<colon].split(separator: " ")
                if between.count <= extraWords, between.allSatisfy({ $0.allSatisfy(\.isLetter) }) {
                    let colonOffset = afterLabel.distance(from: afterLabel.startIndex, to: colon) + label.count
                    let restStart = text.index(text.startIndex, offsetBy: colonOffset + 1)
                    let fullLabel = String(text[..<text.index(text.startIndex, offsetBy: colonOffset)])
                    return Match(kind: kind, label: fullLabel, rest: text[restStart...].trimmingSpaces(),
                                 hadColon: true)
                }
            }
            // A label alone on its line apart from a colon-less trailing space ("Vedtak ").
            if afterLabel.trimmingSpaces().isEmpty {
                return Match(kind: kind, label: printed, rest: "", hadColon: false)
            }
        }
        return nil
    }

    /// The closing phrase at the start of a line ("Møtet hevet kl. 16.00."), if any.
    func closingPhrase(in text: String) -> String? {
        guard closingPhraseIndex.mayStart(text, where: { _ in true }) else { return nil }
        let lower = text.prefix(40).lowercased()
        return closingPhrases.first { lower.hasPrefix($0) }
    }
}

/// Lowercase words (labels, closing phrases) looked for at the start of lines ignoring case, with what their bytes
/// tell: most lines are ruled out on their first bytes, before any character is formed or lowercased.
struct CaselessPrefixIndex<Value: Sendable>: Sendable {
    private struct Word: Sendable {
        var value: Value
        /// The word's UTF-8 when its scalars are standalone (see ``Unicode/Scalar/isStandalone``): each ASCII byte
        /// is then a character of its own. `nil` otherwise: then no line is ruled out.
        var bytes: [UInt8]?
    }

    /// Words starting with an ASCII byte, by that byte.
    private let byFirstByte: [[Word]]
    /// Words starting otherwise, or that bytes cannot rule out: asked about every line.
    private let others: [Word]

    /// - Parameter words: the words, lowercase, each with a value a caller can filter on.
    init(_ words: [(word: String, value: Value)]) {
        var byFirstByte = [[Word]](repeating: [], count: 128)
        var others: [Word] = []
        for (word, value) in words {
            let entry = Word(value: value, bytes: word.hasStandaloneScalars ? Array(word.utf8) : nil)
            if let first = entry.bytes?.first, first < 0x80 {
                byFirstByte[Int(first)].append(entry)
            } else {
                others.append(entry)
            }
        }
        self.byFirstByte = byFirstByte
        self.others = others
    }

    /// False when no word whose value passes `include` can start the line, lowercased (as
    /// `line.lowercased().hasPrefix(word)` tells); true when one may.
    func mayStart(_ line: String, where include: (Value) -> Bool) -> Bool {
        guard let first = line.utf8.first else { return false }
        func mayStart(_ word: Word) -> Bool { include(word.value) && !Self.isRuledOut(word, by: line) }
        if others.contains(where: mayStart) { return true }
        if first < 0x80 { return byFirstByte[Int(first.asciiLowercased)].contains(where: mayStart) }
        // A line starting with a standalone scalar beyond ASCII is ruled out for every word starting with ASCII.
        if Self.startsWithStandaloneScalar(line.utf8) { return false }
        return byFirstByte.contains { $0.contains(where: mayStart) }
    }

    /// True when the line, lowercased, cannot start with the word.
    ///
    /// Walks the word's bytes while they are ASCII. An ASCII byte of the line aligned with one of them must
    /// lowercase to it: any other character, or that byte with marks joined to it, differs from the word's
    /// character. A character starting with a standalone scalar beyond ASCII equals no ASCII character and neither
    /// does its lowercase. Any other scalar, on either side, leaves the question to the characters.
    private static func isRuledOut(_ word: Word, by line: String) -> Bool {
        guard let bytes = word.bytes else { return false }
        let utf8 = line.utf8
        var index = utf8.startIndex
        for wordByte in bytes {
            guard wordByte < 0x80 else { return false }
            guard index != utf8.endIndex else { return true }
            let byte = utf8[index]
            guard byte < 0x80 else { return startsWithStandaloneScalar(utf8[index...]) }
            if byte.asciiLowercased != wordByte { return true }
            utf8.formIndex(after: &index)
        }
        return false
    }

    /// True when the bytes start with the UTF-8 of a standalone scalar beyond ASCII (see
    /// ``Unicode/Scalar/isStandalone``).
    private static func startsWithStandaloneScalar(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return !scalar.isASCII && scalar.isStandalone
    }
}
