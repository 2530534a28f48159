/// What ``MinutesStore/save(_:path:ingestedAt:)`` did with a document.
public enum SaveOutcome: Sendable, Equatable {
    /// The document was new: it is stored as record `id`, and its path had no current record.
    case inserted(id: Int64)
    /// The same content was stored before, as record `id`; nothing was written.
    case unchanged(id: Int64)
    /// The path's current record was `previous`; record `id` now holds the new content and is current, and
    /// `previous` stays in the store as history (its ``StoredDocument/supersededBy`` is `id`).
    case newVersion(id: Int64, previous: Int64)

    /// The record that now holds the document's content.
    public var id: Int64 {
        switch self {
        case .inserted(let id), .unchanged(let id), .newVersion(let id, _): id
        }
    }
}
