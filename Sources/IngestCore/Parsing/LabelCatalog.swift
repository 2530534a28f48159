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

    /// A label with what the ASCII fast path needs.
    private struct Label: Sendable {
        var kind: Kind
        var text: String
        /// The label's bytes when it is all ASCII; `nil` otherwise (it then cannot start an ASCII line).
        var ascii: [UInt8]?
        /// The label's scalars when they are all standalone (see ``Unicode/Scalar/isStandalone``).
        var scalars: [Unicode.Scalar]?
    }

    /// The labels by their first character, longest first within each list.
    private let labelsByFirstCharacter: [Character: [Label]]
    /// The same lists by their first byte, for labels starting with an ASCII character; empty for other bytes.
    private let labelsByFirstByte: [[Label]]
    /// Closing phrases with their bytes when all ASCII.
    private let closingPhraseBytes: [(phrase: String, ascii: [UInt8]?)]
    /// Closing phrases with their scalars, when all are standalone (see ``Unicode/Scalar/isStandalone``).
    private let closingPhraseScalars: [(phrase: String, scalars: [Unicode.Scalar])]?
    /// The first bytes of the closing phrases, when each phrase starts with a character that is one ASCII scalar.
    private let closingPhraseFirstBytes: Set<UInt8>?
    /// False when a word holds a scalar that is canonically equivalent to an ASCII character (KELVIN SIGN and
    /// two others): then only the Unicode-aware comparison is right.
    private let asciiFastPath: Bool
    /// True when every label's scalars are standalone, so lines whose heads are too can be matched by scalars.
    private let scalarFastPath: Bool
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
        var byFirstByte = [[Label]](repeating: [], count: 128)
        for (kind, label) in labels.sorted(by: { $0.1.count > $1.1.count }) {
            guard let first = label.first else { continue }
            let entry = Label(kind: kind, text: label, ascii: Self.asciiBytes(label),
                              scalars: label.hasStandaloneScalars ? Array(label.unicodeScalars) : nil)
            byFirst[first, default: []].append(entry)
            if let ascii = first.asciiValue, first != "\r\n" { byFirstByte[Int(ascii)].append(entry) }
        }
        labelsByFirstCharacter = byFirst
        labelsByFirstByte = byFirstByte
        closingPhrases = Array(Set(vocabularies.flatMap(\.closingPhrases))).sorted { $0.count > $1.count }
        closingPhraseBytes = closingPhrases.map { ($0, Self.asciiBytes($0)) }
        closingPhraseScalars = closingPhrases.allSatisfy(\.hasStandaloneScalars)
            ? closingPhrases.map { ($0, Array($0.unicodeScalars)) } : nil
        let startASCII = closingPhrases.allSatisfy { phrase in
            let bytes = Array(phrase.utf8.prefix(2))
            return bytes.first.map { $0 < 0x80 && $0 != 0x0D } == true && (bytes.count < 2 || bytes[1] < 0xCC)
        }
        closingPhraseFirstBytes = startASCII ? Set(closingPhrases.compactMap(\.utf8.first)) : nil
        itemPrefixes = ItemNumber.Prefixes(
            Array(Set(vocabularies.flatMap(\.itemPrefixes))).sorted { $0.count > $1.count })
        scalarFastPath = labels.allSatisfy { $0.1.hasStandaloneScalars }
        asciiFastPath = !(labels.map(\.1) + closingPhrases).contains { word in
            word.unicodeScalars.contains { [0x037E, 0x1FEF, 0x212A].contains($0.value) }
        }
    }

    private static func asciiBytes(_ text: String) -> [UInt8]? {
        text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? Array(text.utf8) : nil
    }

    /// The length of a line's head (at most `limit` bytes) when the first `limit + 1` bytes are ASCII without a
    /// carriage return: then its first `limit` characters are its first `limit` bytes. `nil` otherwise.
    private static func asciiHeadLength(_ line: String, limit: Int) -> Int? {
        var count = 0
        for byte in line.utf8 {
            guard byte < 0x80, byte != 0x0D else { return nil }
            count += 1
            if count > limit { return limit }
        }
        return count
    }

    /// The label at the start of a line, if any.
    /// - Parameters:
    ///   - text: the line.
    ///   - kinds: the kinds to look for; all by default.
    ///   - extraWords: how many words may stand between the label and its colon ("Vedlegg til referatet:").
    func match(_ line: String, kinds: Kinds = .all, extraWords: Int = 0) -> Match? {
        let utf8 = line.utf8
        if asciiFastPath, let first = utf8.first, first < 0x80, first != 0x0D {
            // An ASCII first byte followed by a scalar below U+0300 (which never joins the one before) is the
            // first character: look the candidates up by byte and decide without lowercasing anything.
            let second = utf8.dropFirst().first ?? 0
            guard second < 0xCC else { return unicodeMatch(line, kinds: kinds, extraWords: extraWords) }
            let candidates = labelsByFirstByte[Int(first.asciiLowercased)]
            guard candidates.contains(where: { kinds.contains(Kinds($0.kind)) }) else { return nil }
            if let headLength = Self.asciiHeadLength(line, limit: 64) {
                return asciiMatch(line, headLength: headLength, candidates: candidates, kinds: kinds,
                                  extraWords: extraWords)
            }
        }
        if scalarFastPath, let head = Self.lowercasedHead(line, limit: 64) {
            return scalarMatch(line, head: head, kinds: kinds, extraWords: extraWords)
        }
        return unicodeMatch(line, kinds: kinds, extraWords: extraWords)
    }

    /// The lowercased scalars of a line's first `limit` characters, when its first `limit + 1` scalars are
    /// standalone and each of the first `limit` lowercases to one standalone scalar: then the characters of the line's
    /// head and of its lowercased form (`String.lowercased()` maps scalar by scalar) are their scalars, one for one.
    private static func lowercasedHead(_ line: String, limit: Int) -> [Unicode.Scalar]? {
        var head: [Unicode.Scalar] = []
        for scalar in line.unicodeScalars {
            guard scalar.isStandalone else { return nil }
            if head.count == limit { break }
            if scalar.isASCII {
                head.append(Unicode.Scalar(UInt8(scalar.value).asciiLowercased))
            } else {
                let mapping = scalar.properties.lowercaseMapping.unicodeScalars
                guard let lower = mapping.first, mapping.count == 1, lower.isStandalone else { return nil }
                head.append(lower)
            }
        }
        return head
    }

    /// ``match(_:kinds:extraWords:)`` for a line whose lowercased head ``lowercasedHead(_:limit:)`` gives.
    private func scalarMatch(_ line: String, head: [Unicode.Scalar], kinds: Kinds, extraWords: Int) -> Match? {
        guard let first = head.first, let candidates = labelsByFirstCharacter[Character(first)] else { return nil }
        let scalars = line.unicodeScalars
        func index(_ offset: Int) -> String.Index { scalars.index(scalars.startIndex, offsetBy: offset) }
        for label in candidates {
            guard kinds.contains(Kinds(label.kind)), let labelScalars = label.scalars,
                labelScalars.count <= head.count, head[..<labelScalars.count].elementsEqual(labelScalars)
            else { continue }
            let labelEnd = labelScalars.count
            let printed = String(line[..<index(labelEnd)])
            if labelEnd == head.count { return Match(kind: label.kind, label: printed, rest: "", hadColon: false) }
            let next = head[labelEnd]
            if next == ":" {
                return Match(kind: label.kind, label: printed, rest: line[index(labelEnd + 1)...].trimmingSpaces(),
                             hadColon: true)
            }
            guard next == " " || labelScalars.last == "." else { continue }
            // "Vedlegg til referatet:", "Tid og sted:"
            if extraWords > 0, let colon = head[labelEnd...].firstIndex(of: ":") {
                let between = head[labelEnd..<colon].split(separator: " ")
                if between.count <= extraWords, between.allSatisfy({ $0.allSatisfy(Self.isLetter) }) {
                    return Match(kind: label.kind, label: String(line[..<index(colon)]),
                                 rest: line[index(colon + 1)...].trimmingSpaces(), hadColon: true)
                }
            }
            // A label alone on its line apart from a colon-less trailing space ("Vedtak ").
            if head[labelEnd...].allSatisfy({ $0 == " " }) {
                return Match(kind: label.kind, label: printed, rest: "", hadColon: false)
            }
        }
        return nil
    }

    /// `Character.isLetter` for a scalar that is a character of its own.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? UInt8(scalar.value).isASCIILetter : scalar.properties.isAlphabetic
    }

    /// ``match(_:kinds:extraWords:)`` for a line whose first `headLength` bytes (at most 64) are ASCII and are
    /// its first `headLength` characters.
    private func asciiMatch(_ line: String, headLength: Int, candidates: [Label], kinds: Kinds,
                            extraWords: Int) -> Match? {
        let utf8 = line.utf8
        let head = utf8.prefix(headLength).map(\.asciiLowercased)
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        for label in candidates {
            guard kinds.contains(Kinds(label.kind)), let bytes = label.ascii, bytes.count <= headLength,
                head[..<bytes.count].elementsEqual(bytes)
            else { continue }
            let labelEnd = bytes.count
            let printed = String(line[..<index(labelEnd)])
            if labelEnd == headLength { return Match(kind: label.kind, label: printed, rest: "", hadColon: false) }
            let next = head[labelEnd]
            if next == UInt8(ascii: ":") {
                return Match(kind: label.kind, label: printed, rest: line[index(labelEnd + 1)...].trimmingSpaces(),
                             hadColon: true)
            }
            guard next == UInt8(ascii: " ") || bytes.last == UInt8(ascii: ".") else { continue }
            // "Vedlegg til referatet:", "Tid og sted:"
            if extraWords > 0, let colon = head[labelEnd...].firstIndex(of: UInt8(ascii: ":")) {
                let between = head[labelEnd..<colon].split(separator: UInt8(ascii: " "))
                if between.count <= extraWords, between.allSatisfy({ $0.allSatisfy(\.isASCIILetter) }) {
                    return Match(kind: label.kind, label: String(line[..<index(colon)]),
                                 rest: line[index(colon + 1)...].trimmingSpaces(), hadColon: true)
                }
            }
            // A label alone on its line apart from a colon-less trailing space ("Vedtak ").
            if head[labelEnd...].allSatisfy({ $0 == UInt8(ascii: " ") }) {
                return Match(kind: label.kind, label: printed, rest: "", hadColon: false)
            }
        }
        return nil
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
        // A first character that is one ASCII scalar, lowercased, must be the first byte of a phrase.
        let utf8 = text.utf8
        if asciiFastPath, let first = utf8.first, first < 0x80, first != 0x0D, (utf8.dropFirst().first ?? 0) < 0xCC,
            let firstBytes = closingPhraseFirstBytes, !firstBytes.contains(first.asciiLowercased)
        {
            return nil
        }
        if asciiFastPath, let headLength = Self.asciiHeadLength(text, limit: 40) {
            let head = text.utf8.prefix(headLength).map(\.asciiLowercased)
            return closingPhraseBytes.first { phrase in
                guard let bytes = phrase.ascii else { return false }
                return bytes.count <= headLength && head[..<bytes.count].elementsEqual(bytes)
            }?.phrase
        }
        if let phraseScalars = closingPhraseScalars, let head = Self.lowercasedHead(text, limit: 40) {
            return phraseScalars.first { phrase in
                phrase.scalars.count <= head.count && head[..<phrase.scalars.count].elementsEqual(phrase.scalars)
            }?.phrase
        }
        let lower = text.prefix(40).lowercased()
        return closingPhrases.first { lower.hasPrefix($0) }
    }
}
