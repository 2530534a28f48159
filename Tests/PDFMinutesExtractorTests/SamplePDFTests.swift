import Foundation
import IngestCore
import Testing

/// `SampleDocs/politiradet-oslo-referat.pdf`, typeset from the seed minutes by `SampleDocs/tools/make_seed_pdf.py`
/// with a running header, `Side N av M` footers, hyphenated line ends and a paragraph over a page break: extracted,
/// it must give what the seed text gives.
///
/// Runs when the PDF exists or `SampleDocs/README.md` lists it; then a missing PDF fails the test.
@Suite(.enabled(if: SamplePDF.isExpected, "SampleDocs/politiradet-oslo-referat.pdf is neither present nor listed"))
struct SamplePDFTests {
    let pdf: MinutesDocument
    let seed: MinutesStructure

    init() async throws {
        let url = try #require(
            SamplePDF.url, "SampleDocs/README.md lists \(SamplePDF.path), but the file is missing")
        let seedText = try String(
            contentsOf: try Corpus.sharedFile("seed/politiradet-oslo-referat.txt"), encoding: .utf8)
        seed = MinutesParser().parse(text: seedText)
        let result = await extract(url, path: "SampleDocs/politiradet-oslo-referat.pdf")
        pdf = try #require(result.document, "\(result.summary)")
    }

    @Test func itIsThePDFExtractorsDocumentWithThreePages() {
        #expect(pdf.extractor.name == "pdf")
        #expect(pdf.pages.map(\.number) == [1, 2, 3])
        #expect(pdf.properties["pageCount"] == "3")
        #expect(pdf.warnings == [])
    }

    @Test func theTextLimitStopsReadingPagesWithAWarning() async throws {
        let url = try #require(SamplePDF.url)
        let limits = ExtractionLimits(maxTextCharacters: 100)
        let limited = try await registry.extract(
            ExtractionInput(fileURL: url), context: ExtractionContext(registry: registry, limits: limits))
        #expect(limited.pages.map(\.number) == [1])
        #expect(
            limited.warnings.contains(
                "only the first 1 of 3 pages were read: they reached the text limit of 100 characters"))
    }

    @Test func theAgendaIsTheSeeds() {
        #expect(seed.agendaItems.map(\.number) == (1...10).map(String.init))
        #expect(pdf.agendaItems.map(\.number) == seed.agendaItems.map(\.number))
        #expect(pdf.agendaItems.map(\.title) == seed.agendaItems.map(\.title))
    }

    @Test func itemBodiesAndDecisionsAreTheSeedsUpToWhitespace() {
        for (item, expected) in zip(pdf.agendaItems, seed.agendaItems) {
            #expect(item.text.whitespaceNormalized == expected.text.whitespaceNormalized, "item \(item.number)")
            #expect(item.decisions.map(\.whitespaceNormalized) == expected.decisions.map(\.whitespaceNormalized))
        }
    }

    @Test func hyphenationAtLineEndsIsUndone() throws {
        let two = try #require(pdf.agendaItems.first { $0.number == "2" })
        #expect(two.text.contains("lavest oppklaringsprosent"))
        let all = pdf.agendaItems.map(\.text).joined(separator: "\n")
        #expect(!all.contains("oppklarings- prosent") && !all.contains("oppklarings-\nprosent"))
        #expect(all.contains("bemanningssituasjonen"))
        #expect(all.contains("kriminalitetsforebyggende"))
    }

    @Test func noPageFurnitureInAnyItem() throws {
        let footer = try Regex("Side\\s+\\d+\\s+av\\s+\\d+")
        for (item, expected) in zip(pdf.agendaItems, seed.agendaItems) {
            let text = item.title + "\n" + item.text
            #expect(text.firstMatch(of: footer) == nil, "item \(item.number): \(text)")
            #expect(!text.contains("referat 5. mars 2026"), "item \(item.number)")
            #expect(!text.contains("Politirådet i Oslo –"), "item \(item.number)")
            // "Oslo kommune" is also the header's right-hand label; in bodies only where the seed has it.
            let labels = text.components(separatedBy: "Oslo kommune").count
            let seedLabels = (expected.title + "\n" + expected.text).components(separatedBy: "Oslo kommune").count
            #expect(labels == seedLabels, "item \(item.number)")
        }
    }

    @Test func everyItemKnowsItsPages() throws {
        for item in pdf.agendaItems {
            #expect(!item.pages.isEmpty, "item \(item.number)")
            #expect(
                item.pages == item.pages.sorted() && Set(item.pages).isSubset(of: [1, 2, 3]), "item \(item.number)")
        }
        // The README: item 6's paragraph runs over the page break from page 2 to 3.
        #expect(pdf.agendaItems.first { $0.number == "6" }?.pages == [2, 3])
        #expect(pdf.agendaItems.first?.pages == [1])
        #expect(pdf.agendaItems.last?.pages == [3])
    }

    @Test func attachmentsAbbreviationsAndTheCooperationSectionAreTheSeeds() throws {
        #expect(pdf.attachments.count == 3)
        #expect(pdf.attachments.map(\.number) == seed.attachments.map(\.number))
        #expect(pdf.attachments.map(\.title) == seed.attachments.map(\.title))
        #expect(pdf.abbreviations.count == 5)
        #expect(pdf.abbreviations == seed.abbreviations)
        let section = try #require(pdf.sections.first { $0.heading == "Om politirådssamarbeidet" })
        let expected = try #require(seed.sections.first { $0.heading == "Om politirådssamarbeidet" })
        #expect(section.text.whitespaceNormalized == expected.text.whitespaceNormalized)
        #expect(pdf.sections.map(\.heading) == seed.sections.map(\.heading))
    }

    @Test func theInventedHeaderIsRead() {
        // SampleDocs/README.md: the header values are invented (the seed has none).
        #expect(pdf.meeting.date == "2026-03-05")
        #expect(pdf.meeting.startTime == "09:00")
        #expect(pdf.meeting.endTime == "11:00")
        #expect(pdf.meeting.location == "Oslo rådhus")
        #expect(pdf.properties["title"] == "Referat fra møte i Politirådet i Oslo")
    }
}

/// Where the sample PDF is, and whether the tests should expect it.
enum SamplePDF {
    static let path = "SampleDocs/politiradet-oslo-referat.pdf"
    static let fileURL = Corpus.repositoryRoot.appendingPathComponent(path)

    /// The PDF, if it exists.
    static var url: URL? { FileManager.default.fileExists(atPath: fileURL.path) ? fileURL : nil }

    /// The PDF exists, or the SampleDocs README lists it (so it should).
    static var isExpected: Bool {
        if url != nil { return true }
        let readme = Corpus.repositoryRoot.appendingPathComponent("SampleDocs/README.md")
        let text = (try? String(contentsOf: readme, encoding: .utf8)) ?? ""
        return text.contains(fileURL.lastPathComponent)
    }
}

extension String {
    /// Runs of whitespace (spaces, line breaks, no-break and narrow no-break spaces) as one space, trimmed.
    var whitespaceNormalized: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
