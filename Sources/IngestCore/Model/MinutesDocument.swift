/// One minutes document as Ingest understands it: where it came from, who extracted it, the meeting it records
/// and the structure of its content.
///
/// Every extractor produces this model and every sink (JSON, the store) consumes it. It is a value type: copy
/// it freely across tasks. JSON keys are the property names (camelCase); `schema/minutes-document.schema.json`
/// describes the encoded form.
public struct MinutesDocument: Codable, Sendable, Equatable {
    /// The version of this model's JSON form. Bumped on any incompatible change.
    public static let currentSchemaVersion = 1

    /// The version of the JSON form this value follows.
    public var schemaVersion: Int
    /// The file (or archive member) the document was extracted from; for a bundle, the minutes file in it.
    public var source: SourceInfo
    /// The bundle (zip, folder, e-mail) the minutes came in with their attachments, when they came in one.
    public var bundle: BundleInfo?
    /// The extractor that produced the document.
    public var extractor: ExtractorInfo
    /// The main language of the text as a BCP 47 tag ("nb", "nn", "en"), when it could be told.
    public var language: String?
    /// The document's title as printed ("Referat fra møte i Politirådet").
    public var title: String?
    /// When, where and by whom the meeting was held.
    public var meeting: Meeting
    /// The people listed as present, absent, taking minutes or attending as guests.
    public var participants: [Participant]
    /// The agenda items in document order.
    public var agendaItems: [AgendaItem]
    /// The documents attached to the minutes, as listed (and, where the file is at hand, extracted).
    public var attachments: [Attachment]
    /// Abbreviations the minutes define ("OPD: Oslo politidistrikt").
    public var abbreviations: [Abbreviation]
    /// Free blocks outside the agenda ("Om politirådssamarbeidet").
    public var sections: [Section]
    /// The text of each page, for formats that have pages.
    public var pages: [Page]
    /// Properties the format itself records (PDF author, producer, dates …), by name.
    public var properties: [String: String]
    /// Things the reader should know about this extraction: truncation, missing text layer, guesses.
    public var warnings: [String]

    /// Creates a document; everything but the source and the extractor starts empty.
    public init(
        source: SourceInfo,
        extractor: ExtractorInfo,
        language: String? = nil,
        title: String? = nil,
        meeting: Meeting = Meeting(),
        participants: [Participant] = [],
        agendaItems: [AgendaItem] = [],
        attachments: [Attachment] = [],
        abbreviations: [Abbreviation] = [],
        sections: [Section] = [],
        pages: [Page] = [],
        properties: [String: String] = [:],
        warnings: [String] = []
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.source = source
        self.extractor = extractor
        self.language = language
        self.title = title
        self.meeting = meeting
        self.participants = participants
        self.agendaItems = agendaItems
        self.attachments = attachments
        self.abbreviations = abbreviations
        self.sections = sections
        self.pages = pages
        self.properties = properties
        self.warnings = warnings
    }

    /// Creates a document from the structure the minutes parser found.
    /// - Parameters:
    ///   - source: the file the text came from.
    ///   - extractor: the extractor that read it.
    ///   - structure: what ``MinutesParser`` found in the text.
    ///   - pages: the text of each page, if the format has pages.
    ///   - properties: format metadata.
    ///   - warnings: the extractor's own warnings; the parser's are appended.
    public init(
        source: SourceInfo,
        extractor: ExtractorInfo,
        structure: MinutesStructure,
        pages: [Page] = [],
        properties: [String: String] = [:],
        warnings: [String] = []
    ) {
        self.init(
            source: source,
            extractor: extractor,
            language: structure.language,
            title: structure.title,
            meeting: structure.meeting,
            participants: structure.participants,
            agendaItems: structure.agendaItems,
            attachments: structure.attachments,
            abbreviations: structure.abbreviations,
            sections: structure.sections,
            pages: pages,
            properties: properties,
            warnings: warnings + structure.warnings
        )
    }
}

/// Where a document came from.
public struct SourceInfo: Codable, Sendable, Equatable {
    /// The path as given by the caller (archive members: `archive.zip!member/path`).
    public var path: String
    /// The last path component.
    public var fileName: String
    /// The media type detected from the content ("application/pdf", "text/plain").
    public var mediaType: String
    /// The size in bytes.
    public var bytes: Int
    /// The SHA-256 of the content, lowercase hex.
    public var sha256: String

    /// Creates a source description.
    public init(path: String, fileName: String, mediaType: String, bytes: Int, sha256: String) {
        self.path = path
        self.fileName = fileName
        self.mediaType = mediaType
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// The bundle a document came in: a zip, folder or e-mail holding the minutes and their attachments.
public struct BundleInfo: Codable, Sendable, Equatable {
    /// The bundle itself. For a folder, `bytes` is the sum of its files and `sha256` is computed over its files'
    /// relative paths and hashes, so an unchanged folder keeps its hash.
    public var source: SourceInfo
    /// The extractor that read the bundle.
    public var extractor: ExtractorInfo
    /// How many files the bundle holds (the minutes included).
    public var files: Int

    /// Creates a bundle description.
    public init(source: SourceInfo, extractor: ExtractorInfo, files: Int) {
        self.source = source
        self.extractor = extractor
        self.files = files
    }
}

/// The extractor that produced a document.
public struct ExtractorInfo: Codable, Sendable, Equatable {
    /// The extractor's identifier ("plain-text", "pdf").
    public var name: String
    /// The extractor's version.
    public var version: String

    /// Creates an extractor description.
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}
