/// A document attached to the minutes: as listed in them, and where the file is at hand, extracted.
public struct Attachment: Codable, Sendable, Equatable {
    /// The number or letter as printed ("1", "A"), if the list numbers its entries.
    public var number: String?
    /// The title as listed.
    public var title: String
    /// The file that backs this entry, when it was found.
    public var source: SourceInfo?
    /// The attachment's own extracted document, when the file was at hand.
    public var document: MinutesDocument? {
        get { nested.first }
        set { nested = newValue.map { [$0] } ?? [] }
    }

    // An array gives the recursive value the indirection a struct needs.
    private var nested: [MinutesDocument]

    /// Creates an attachment entry.
    public init(number: String? = nil, title: String, source: SourceInfo? = nil, document: MinutesDocument? = nil) {
        self.number = number
        self.title = title
        self.source = source
        self.nested = document.map { [$0] } ?? []
    }

    private enum CodingKeys: String, CodingKey {
        case number, title, source, document
    }

    /// Decodes an attachment from its JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decodeIfPresent(String.self, forKey: .number)
        title = try container.decode(String.self, forKey: .title)
        source = try container.decodeIfPresent(SourceInfo.self, forKey: .source)
        nested = try container.decodeIfPresent(MinutesDocument.self, forKey: .document).map { [$0] } ?? []
    }

    /// Encodes the attachment; absent optional values are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(number, forKey: .number)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(document, forKey: .document)
    }
}
