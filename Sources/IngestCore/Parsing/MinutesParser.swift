/// Finds the structure of minutes in lines of text: header fields, participants, agenda items with their bodies and
/// decisions, attachments, abbreviations and free sections.
///
/// One parser serves every extractor. Extractors without typography hand it plain lines; extractors that have
/// typography (PDF) add ``LineStyle`` hints, which the parser uses to find headings that text alone would miss.
/// The words it looks for come from ``MinutesVocabulary`` tables, one per language.
public struct MinutesParser: Sendable {
    /// The vocabularies the parser knows.
    public var vocabularies: [MinutesVocabulary]

    /// Creates a parser.
    /// - Parameter vocabularies: the languages to recognise; defaults to all built-in ones.
    public init(vocabularies: [MinutesVocabulary] = MinutesVocabulary.builtIn) {
        self.vocabularies = vocabularies
    }

    /// Parses a whole text; form feeds separate pages.
    /// - Parameter text: the text, with any line breaks (LF, CRLF, CR).
    /// - Returns: the structure found.
    public func parse(text: String) -> MinutesStructure {
        parse(lines: Self.lines(of: text))
    }

    /// Parses lines.
    /// - Parameter lines: the lines in reading order.
    /// - Returns: the structure found.
    public func parse(lines input: [TextLine]) -> MinutesStructure {
        var lines = LineNormalizer.normalize(input)
        lines = PageFurnitureFilter(vocabularies: vocabularies).filter(lines)
        let primary = LanguageDetector.detect(lines, among: vocabularies)
        let ordered = primary.map { first in [first] + vocabularies.filter { $0.language != first.language } }
            ?? vocabularies
        let context = ParsingContext(vocabularies: ordered, lines: lines)
        let headings = HeadingDetector(catalog: context.catalog, titleWords: context.titleWords, lineWidth: context.lineWidth).detect(in: lines)

        var structure = MinutesStructure(language: primary?.language)
        let headerEnd = headings.first?.lineIndex ?? lines.count
        let header = RegionScanner(context: context, isHeader: true).scan(lines[0..<headerEnd])
        HeaderInterpreter(context: context).interpret(header, into: &structure)
        collectLists(header, context: context, into: &structure)

        for (position, heading) in headings.enumerated() {
            let end = position + 1 < headings.count ? headings[position + 1].lineIndex : lines.count
            let bodyStart = min(heading.lastLineIndex + 1, end)
            let region = RegionScanner(context: context, isHeader: false).scan(lines[bodyStart..<end])
            structure.agendaItems.append(item(heading, region: region, lines: lines[heading.lineIndex..<end],
                                              context: context))
            collectLists(region, context: context, into: &structure)
        }
        if headings.isEmpty { structure.warnings.append("no agenda items found") }
        return structure
    }

    private func item(
        _ heading: HeadingDetector.Heading, region: RegionScanner.Region, lines: ArraySlice<SourceLine>,
        context: ParsingContext
    ) -> AgendaItem {
        var body = region.body
        if let runIn = heading.runInText {
            body.insert(SourceLine(text: runIn, indent: 0, trailingSpaces: 0, page: lines.first?.page), at: 0)
        }
        let (text, decisions) = DecisionExtractor(catalog: context.catalog, reflower: context.reflower).split(body)
        var title = TextReflower.closingCompoundGaps(heading.title)
        while let last = title.last, ":.".contains(last) { title.removeLast() }
        var pages: [Int] = []
        for line in lines where !line.isBlank {
            guard let page = line.page, pages.last != page, !pages.contains(page) else { continue }
            pages.append(page)
        }
        return AgendaItem(number: heading.number.number, title: title.trimmingSpaces(), text: text,
                          decisions: decisions, pages: pages)
    }

    private func collectLists(_ region: RegionScanner.Region, context: ParsingContext,
                              into structure: inout MinutesStructure) {
        let lists = TrailerListParser(reflower: context.reflower)
        structure.attachments += lists.attachments(region.attachmentLines)
        structure.abbreviations += lists.abbreviations(region.abbreviationLines)
        for section in region.sections {
            let text = context.reflower.render(context.reflower.paragraphs(section.lines))
            structure.sections.append(Section(heading: section.heading, text: text))
        }
        for line in region.closingLines where structure.meeting.endTime == nil {
            structure.meeting.endTime = context.dates.times(in: line).start
        }
    }

    /// Splits text into lines (LF, CRLF or CR) and numbers pages at form feeds.
    /// - Parameter text: the text.
    /// - Returns: one line per line of text; `page` is set only when the text has form feeds.
    public static func lines(of text: String) -> [TextLine] {
        let hasPages = text.contains("\u{0C}")
        var result: [TextLine] = []
        var page = 1
        for pageText in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
            for line in pageText.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
                result.append(TextLine(String(line), page: hasPages ? page : nil))
            }
            page += 1
        }
        if hasPages, result.last?.text.isEmpty == true, result.last?.page == page - 1 { result.removeLast() }
        return result
    }
}

/// What every step of one parse shares: the labels in language order, the reflower, dates and line width.
struct ParsingContext {
    let catalog: LabelCatalog
    let reflower: TextReflower
    let dates: MeetingDateParser
    let participants: ParticipantListParser
    let titleWords: [String]
    let lineWidth: Int

    init(vocabularies: [MinutesVocabulary], lines: [SourceLine]) {
        let resources = ParsingResources.resources(for: vocabularies)
        catalog = resources.catalog
        lineWidth = Self.typicalLineWidth(lines)
        reflower = TextReflower(lineWidth: lineWidth, documentText: lines)
        dates = MeetingDateParser(vocabularies: vocabularies)
        participants = resources.participants
        titleWords = resources.titleWords
    }

    /// The 90th percentile of the lengths of lines longer than 15 characters: the width of a full line. A text
    /// too short for a percentile uses its longest line.
    private static func typicalLineWidth(_ lines: [SourceLine]) -> Int {
        // A line of at most 15 bytes has at most 15 characters: only longer ones are counted.
        var lengths: [Int] = []
        for line in lines where line.text.utf8.count > 15 {
            let length = line.text.characterCount
            if length > 15 { lengths.append(length) }
        }
        lengths.sort()
        guard lengths.count >= 5 else { return lengths.last ?? 0 }
        return lengths[lengths.count * 9 / 10]
    }
}

/// What the parser derives from an ordered list of vocabularies, the same for every document: built once for the
/// built-in vocabularies (one ordering per detected language), and per parse for others.
struct ParsingResources: Sendable {
    let catalog: LabelCatalog
    let participants: ParticipantListParser
    let titleWords: [String]

    init(vocabularies: [MinutesVocabulary]) {
        catalog = LabelCatalog(vocabularies: vocabularies)
        participants = ParticipantListParser(vocabularies: vocabularies)
        titleWords = vocabularies.flatMap(\.titleWords)
    }

    /// The resources for vocabularies in this order, from the cache when they are the built-in ones.
    static func resources(for vocabularies: [MinutesVocabulary]) -> ParsingResources {
        builtIn.first { $0.vocabularies == vocabularies }?.resources ?? ParsingResources(vocabularies: vocabularies)
    }

    /// The built-in vocabularies in their own order and with each language first.
    private static let builtIn: [(vocabularies: [MinutesVocabulary], resources: ParsingResources)] = {
        let all = MinutesVocabulary.builtIn
        let orderings = [all] + all.map { first in [first] + all.filter { $0.language != first.language } }
        return orderings.map { ($0, ParsingResources(vocabularies: $0)) }
    }()
}
