/// The structural labels of all known languages, ready for matching at the start of a line.
struct LabelCatalog: Sendable {
    /// What a label introduces.
    enum Kind: CaseIterable, Sendable {
        case present, absent, secretary, chair, guest
        case date, time, location, organization
        case decision, attachments, abbreviations, agenda

        /// Whether the label introduces a participant list.
        var isParticipantList: Bool { [.present, .absent, .secretary, .chair, .guest].contains(self) }
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

    /// The labels by their first character, longest first within each list.
    private let labelsByFirstCharacter: [Character: [(kind: Kind, label: String)]]
    let closingPhrases: [String]
    let itemPrefixes: [String]

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
        var byFirst: [Character: [(kind: Kind, label: String)]] = [:]
        for (kind, label) in labels.sorted(by: { $0.1.count > $1.1.count }) {
            guard let first = label.first else { continue }
            byFirst[first, default: []].append((kind, label))
        }
        labelsByFirstCharacter = byFirst
        closingPhrases = Array(Set(vocabularies.flatMap(\.closingPhrases))).sorted { $0.count > $1.count }
        itemPrefixes = Array(Set(vocabularies.flatMap(\.itemPrefixes))).sorted { $0.count > $1.count }
    }

    /// The label at the start of a line, if any.
    /// - Parameters:
    ///   - text: the line.
    ///   - kinds: the kinds to look for; all when `nil`.
    ///   - extraWords: how many words may stand between the label and its colon ("Vedlegg til referatet:").
    func match(_ line: String, kinds: Set<Kind>? = nil, extraWords: Int = 0) -> Match? {
        guard let first = line.first, let candidates = labelsByFirstCharacter[Character(first.lowercased())] else {
            return nil
        }
        // Labels and the colon after them sit at the start: lowercase only that much.
        let head = String(line.prefix(64))
        let lower = head.lowercased()
        // Offsets below are taken from the lowercased text; use it for the printed text too in the rare case
        // where lowercasing changed the length.
        let text = lower.count == head.count ? line : lower
        for (kind, label) in candidates {
            if let kinds, !kinds.contains(kind) { continue }
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
        let lower = text.prefix(40).lowercased()
        return closingPhrases.first { lower.hasPrefix($0) }
    }
}
