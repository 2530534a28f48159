import Foundation
import IngestCore

/// Pairs the entries of a minutes' attachment list ("Vedlegg 2: Tertialrapport 1/2025") with the files of its
/// bundle ("Vedlegg 2 - Tertialrapport 1-2025.pdf"): by the number in the file name, by the title against the file
/// name, and by the title against the file's own extracted title.
struct AttachmentLinker {
    /// A file that may back an entry.
    struct Candidate {
        /// The file name ("Vedlegg 2 - Tertialrapport 1-2025.pdf").
        var fileName: String
        /// The title extracted from the file, if any.
        var title: String?
    }

    /// The least score that links an entry to a file.
    static let threshold = 0.5

    /// For each entry, the index of the candidate that backs it, or `nil`. Each candidate backs one entry at most;
    /// the best-scoring pairs are taken first.
    static func link(_ entries: [Attachment], to candidates: [Candidate]) -> [Int?] {
        var pairs: [(score: Double, entry: Int, candidate: Int)] = []
        for (entryIndex, entry) in entries.enumerated() {
            for (candidateIndex, candidate) in candidates.enumerated() {
                let score = Self.score(entry, candidate)
                if score >= threshold { pairs.append((score, entryIndex, candidateIndex)) }
            }
        }
        pairs.sort { ($0.score, -$0.entry, -$0.candidate) > ($1.score, -$1.entry, -$1.candidate) }
        var links = [Int?](repeating: nil, count: entries.count)
        var taken = Set<Int>()
        for pair in pairs where links[pair.entry] == nil && !taken.contains(pair.candidate) {
            links[pair.entry] = pair.candidate
            taken.insert(pair.candidate)
        }
        return links
    }

    /// How well a file matches an entry, 0…1 (a number named in the file name counts more than a title).
    static func score(_ entry: Attachment, _ candidate: Candidate) -> Double {
        let stem = FileNameWords(candidate.fileName)
        let entryWords = FileNameWords.words(entry.title)
        var score = max(similarity(entryWords, stem.titleWords),
                        similarity(entryWords, FileNameWords.words(candidate.title ?? "")))
        if let number = entry.number?.lowercased(), let fileNumber = stem.number {
            if number == fileNumber {
                score = stem.hasLabel ? 1 : max(score, 0.6) + 0.2
            } else if stem.hasLabel {
                score *= 0.5  // "Vedlegg 3 - …" does not back entry 2, however alike the titles
            }
        }
        return min(score, 1)
    }

    /// The Dice coefficient of two word lists, where a word also matches a longer word it begins (file names are
    /// often cut short).
    static func similarity(_ left: [String], _ right: [String]) -> Double {
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        var unused = right
        var shared = 0
        for word in left {
            if let match = unused.firstIndex(where: { $0 == word || prefixMatch($0, word) }) {
                unused.remove(at: match)
                shared += 1
            }
        }
        return 2 * Double(shared) / Double(left.count + right.count)
    }

    private static func prefixMatch(_ left: String, _ right: String) -> Bool {
        let (short, long) = left.count < right.count ? (left, right) : (right, left)
        return short.count >= 4 && long.hasPrefix(short)
    }
}

/// The words of a file name, with the attachment label and number at its start taken apart:
/// "Vedlegg 2 - Tertialrapport 1-2025.pdf" → label, number "2", title words ["tertialrapport", "1", "2025"].
struct FileNameWords {
    /// Whether the name starts with an attachment label ("Vedlegg", "Bilag", "Attachment", "Appendix").
    var hasLabel = false
    /// The number or letter after the label, or a number opening the name ("2 - Budsjett.pdf").
    var number: String?
    /// The remaining words, lowercased.
    var titleWords: [String]

    static let labels: Set<String> = ["vedlegg", "vedl", "bilag", "attachment", "att", "appendix", "annex",
                                      "enclosure", "exhibit"]

    init(_ fileName: String) {
        var words = Self.words(Self.stem(of: fileName))
        if let first = words.first, Self.labels.contains(first) {
            hasLabel = true
            words.removeFirst()
            if let next = words.first, next.count <= 3, next.allSatisfy({ $0.isNumber || $0.isLetter }),
                next.first?.isNumber == true || next.count == 1
            {
                number = next
                words.removeFirst()
            }
        } else if let first = words.first, first.count <= 2, first.allSatisfy(\.isNumber), words.count > 1 {
            number = first
            words.removeFirst()
        }
        titleWords = words
    }

    /// The file name without a short extension ("Vedlegg 2.pdf" → "Vedlegg 2").
    static func stem(of fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex,
            fileName.distance(from: dot, to: fileName.endIndex) <= 6
        else { return fileName }
        return String(fileName[..<dot])
    }

    /// Lowercased words: runs of letters and digits, NFC.
    static func words(_ text: String) -> [String] {
        text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }
}
