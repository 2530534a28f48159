import IngestCore

/// A document with every field of the model set everywhere, including an attachment with its own extracted
/// document, so the schema test sees every key the encoder can write.
enum FullyPopulatedDocument {
    static func make() -> MinutesDocument {
        let attachmentSource = SourceInfo(
            path: "bundle.zip!Vedlegg 1 – Årsrapport.pdf", fileName: "Vedlegg 1 – Årsrapport.pdf",
            mediaType: "application/pdf", bytes: 48_213, sha256: String(repeating: "ab", count: 32))
        let attachmentDocument = document(
            source: attachmentSource, extractor: ExtractorInfo(name: "pdf", version: "0.1.0"), attachments: [])
        let attachment = Attachment(
            number: "1", title: "Årsrapport 2025", source: attachmentSource, document: attachmentDocument)
        return document(
            source: SourceInfo(
                path: "bundle.zip!politiradet-oslo-referat.txt", fileName: "politiradet-oslo-referat.txt",
                mediaType: "text/plain", bytes: 7943,
                sha256: "dd3d16d2277f16cbb80e15249acb544608712433bd581197ee595d83d48758b0"),
            extractor: ExtractorInfo(name: "plain-text", version: "0.1.0"),
            attachments: [attachment])
    }

    /// The bundle every document here came in (the attachment's too: a zip inside the zip, say).
    private static let bundle = BundleInfo(
        source: SourceInfo(
            path: "Sample Docs/bundle.zip", fileName: "bundle.zip", mediaType: "application/zip", bytes: 56_300,
            sha256: String(repeating: "cd", count: 32)),
        extractor: ExtractorInfo(name: "bundle", version: "1.0.0"), files: 2)

    private static func document(source: SourceInfo, extractor: ExtractorInfo, attachments: [Attachment])
        -> MinutesDocument
    {
        var document = MinutesDocument(
            source: source,
            extractor: extractor,
            language: "nb-NO",
            title: "Referat fra møte i Politirådet i Oslo",
            meeting: Meeting(
                organization: "Politirådet i Oslo", date: "2026-03-12", startTime: "09:00", endTime: "11:30",
                location: "Rådhuset, møterom 1"),
            participants: [
                Participant(name: "Kari Nordmann", role: "byrådsleder", party: "Ap", status: .present),
                Participant(name: "Ola Nordmann", role: "politimester", party: "uavhengig", status: .absent),
                Participant(name: "Per Hansen", role: "sekretær", party: "–", status: .secretary),
                Participant(name: "Lise Berg", role: "observatør", party: "KrF", status: .guest),
            ],
            agendaItems: [
                AgendaItem(
                    number: "12/26", title: "Orientering fra politimester",
                    text: "Oslo politidistrikt har offentliggjort tall.\n\n- første punkt\n- andre punkt",
                    decisions: ["Orienteringen tas til orientering."], pages: [1, 2])
            ],
            attachments: attachments,
            abbreviations: [Abbreviation(abbreviation: "OPD", expansion: "Oslo politidistrikt")],
            sections: [Section(heading: "Om politirådssamarbeidet", text: "Politirådet møtes fire ganger i året.")],
            pages: [Page(number: 1, text: "Side 1"), Page(number: 2, text: "Side 2")],
            properties: ["Author": "Oslo kommune", "Producer": "Microsoft® Word", "encoding": "utf-8"],
            warnings: ["page 3 has no text layer"])
        document.bundle = bundle
        return document
    }
}
