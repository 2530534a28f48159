import Foundation
import IngestCore

/// How much an extracted document looks like minutes rather than an attachment (a report, a presentation):
/// a minutes title, agenda items, participants, a meeting date, an attachment list.
enum MinutesLikeness {
    /// The score from which a document counts as minutes.
    static let threshold = 4

    /// The document's score; ``threshold`` or more means minutes.
    static func score(_ document: MinutesDocument, fileName: String) -> Int {
        var score = 0
        if containsTitleWord(document.title ?? "") { score += 3 }
        if containsTitleWord(fileName) { score += 1 }
        if document.agendaItems.count >= 2 { score += 2 } else if !document.agendaItems.isEmpty { score += 1 }
        if !document.participants.isEmpty { score += 2 }
        if document.meeting.date != nil { score += 1 }
        if !document.attachments.isEmpty { score += 1 }
        return score
    }

    private static let titleWords: [String] = MinutesVocabulary.builtIn.flatMap(\.titleWords)

    private static func containsTitleWord(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return titleWords.contains { lowered.contains($0) }
    }
}
