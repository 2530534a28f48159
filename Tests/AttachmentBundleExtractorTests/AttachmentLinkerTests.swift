import Testing
@testable import AttachmentBundleExtractor
import IngestCore

@Suite("Attachment entries are linked to the files of their bundle")
struct AttachmentLinkerTests {
    private typealias Candidate = AttachmentLinker.Candidate

    @Test("The labelled bundle: 'Vedlegg 2 - …' backs entry 2 and 'Vedlegg 3 - …' entry 3; entry 1 has no file")
    func labelledBundle() {
        let entries = [
            IngestCore.Attachment(number: "1", title: "Referat fra ungdomsrådet"),
            IngestCore.Attachment(number: "2", title: "Tertialrapport 1/2025"),
            IngestCore.Attachment(number: "3", title: "Presentasjon fra Utdanningsetaten"),
        ]
        let files = [
            Candidate(fileName: "Vedlegg 2 - Tertialrapport 1-2025.pdf", title: "Tertialrapport 1 2025"),
            Candidate(fileName: "Vedlegg 3 - Presentasjon fra Utdanningsetaten.pdf", title: nil),
        ]
        #expect(AttachmentLinker.link(entries, to: files) == [nil, 0, 1])
    }

    @Test("A file whose label names another number does not back an entry, however alike the titles")
    func wrongNumberLoses() {
        let entries = [IngestCore.Attachment(number: "2", title: "Budsjett 2026"), IngestCore.Attachment(number: "3", title: "Budsjett 2026 revidert")]
        let files = [Candidate(fileName: "Vedlegg 3 - Budsjett 2026 revidert.pdf", title: nil),
                     Candidate(fileName: "Vedlegg 2 - Budsjett 2026.pdf", title: nil)]
        #expect(AttachmentLinker.link(entries, to: files) == [1, 0])
    }

    @Test("Without numbers, titles match file names (cut short) and the files' own titles")
    func titlesOnly() {
        let entries = [IngestCore.Attachment(title: "Handlingsprogram for SaLTo 2026"), IngestCore.Attachment(title: "Politirådsavtale 2026 – 2028")]
        let files = [
            Candidate(fileName: "politiradsavtale.pdf", title: "Politirådsavtale 2026 – 2028"),
            Candidate(fileName: "SaLTo_handlingsprog_2026.pdf", title: nil),
            Candidate(fileName: "kart.png", title: nil),
        ]
        #expect(AttachmentLinker.link(entries, to: files) == [1, 0])
    }

    @Test("File names give label, number and title words", arguments: [
        ("Vedlegg 2 - Tertialrapport 1-2025.pdf", true, "2", ["tertialrapport", "1", "2025"]),
        ("Bilag_A_kart.pdf", true, "a", ["kart"]),
        ("3 - Budsjett.docx", false, "3", ["budsjett"]),
        ("2023-08-15 referat.pdf", false, nil, ["2023", "08", "15", "referat"]),
        ("Appendix.pdf", true, nil, [String]()),
    ])
    func fileNameWords(name: String, hasLabel: Bool, number: String?, words: [String]) {
        let parsed = FileNameWords(name)
        #expect(parsed.hasLabel == hasLabel)
        #expect(parsed.number == number)
        #expect(parsed.titleWords == words)
    }
}
