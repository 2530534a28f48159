import Foundation
import IngestCore
import Testing

/// The document information the extractor reports equals what `pdfinfo` (poppler-utils) prints for the same file.
@Suite struct MetadataTests {
    /// pdfinfo's field names and the property names the extractor uses for them.
    static let fields = [
        ("Title", "title"), ("Subject", "subject"), ("Keywords", "keywords"), ("Author", "author"),
        ("Creator", "creator"), ("Producer", "producer"),
    ]

    @Test(arguments: [
        // Title, Author, Creator, Producer, UTC-4 dates.
        "minutes/en/cuyahoga_cc_board_of_trustees_agenda_2019-09-26.pdf",
        // Producer only, Norwegian minutes.
        "minutes/no/online_genfors_2015.pdf",
        // Title; producer with ™ and a URL.
        "minutes/no/online_genfors_V2024.pdf",
        // A producer with two spaces inside, kept as they are; a 40-character creator.
        "minutes/no/nord-odal_valgprotokoll_valgstyret_2021.pdf",
        // Encrypted (owner password only): the strings are decrypted.
        "pdf/encrypted/tika_owner_protected_41p.pdf",
        // Empty title, author and creator: left out, not empty strings.
        "pdf/normal/pypdf_pdfa_crazyones.pdf",
    ])
    func propertiesEqualWhatPdfinfoPrints(path: String) async throws {
        let url = try Corpus.file(path)
        let info = try pdfinfo(url)
        let document = try #require(await extract(url, path: path).document)
        let properties = document.properties

        #expect(info["Producer"]?.isEmpty == false, "pdfinfo shows no producer for \(path)")
        for (field, property) in Self.fields {
            let printed = info[field].flatMap { $0.isEmpty ? nil : $0 }
            #expect(properties[property] == printed, "\(path): \(property) vs pdfinfo \(field)")
        }
        let pages = try #require(info["Pages"].flatMap { Int($0) })
        #expect(properties["pageCount"] == String(pages))
        #expect(document.pages.count == pages)
        #expect(document.pages.map(\.number) == Array(1...pages))
        #expect(properties["pdfVersion"] == info["PDF version"].map { "PDF-\($0)" })
        #expect(document.source.mediaType == "application/pdf")
    }

    @Test func datesAreTheSameInstantsAsPdfinfoPrints() async throws {
        let path = "minutes/en/cuyahoga_cc_board_of_trustees_agenda_2019-09-26.pdf"
        let url = try Corpus.file(path)
        let run = try runToolExpectingSuccess("pdfinfo", ["-isodates", url.path])
        let printed = Dictionary(
            uniqueKeysWithValues: run.output.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            })
        let document = try #require(await extract(url).document)
        for (field, property) in [("CreationDate", "creationDate"), ("ModDate", "modificationDate")] {
            let expected = try #require(printed[field].flatMap(Self.instant), "pdfinfo: \(printed[field] ?? "-")")
            let reported = try #require(document.properties[property].flatMap(Self.instant))
            #expect(reported == expected, "\(property) \(document.properties[property] ?? "")")
        }
        // 13:24:46 at UTC-4.
        #expect(document.properties["creationDate"] == "2019-09-16T17:24:46Z")
    }

    /// Reads `2019-09-16T13:24:46-04`, `…-04:00` or `…Z`.
    static func instant(_ text: String) -> Date? {
        var text = text
        if let sign = text.dropFirst(19).first, sign == "+" || sign == "-", text.count == 22 { text += ":00" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
