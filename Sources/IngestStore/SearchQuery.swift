import Foundation

/// A user's search text as an FTS5 `MATCH` expression.
///
/// Plain words by default: each whitespace-separated word becomes one quoted FTS5 string and the strings are ANDed,
/// so punctuation can never be read as syntax. FTS5 splits a quoted string into tokens and matches them as a phrase:
/// `fotball-vm` becomes `"fotball-vm"`, the phrase *fotball vm*, which finds "Fotball-VM". Words without a letter
/// or digit are dropped.
///
/// Text that contains `"`, `*`, `NEAR(` or one of the words `AND`, `OR`, `NOT` (upper case, as FTS5 spells them)
/// is FTS5 syntax written on purpose and is passed through as it is; the store reports its syntax errors.
struct SearchQuery: Sendable, Equatable {
    /// The expression for `MATCH`.
    var expression: String
    /// Whether the text was passed through as FTS5 syntax.
    var isAdvanced: Bool

    /// Reads a query, or returns `nil` when it has no word to look for.
    init?(_ text: String) {
        let text = text.precomposedStringWithCanonicalMapping
        if Self.isAdvanced(text) {
            guard !text.allSatisfy(\.isWhitespace) else { return nil }
            expression = text
            isAdvanced = true
            return
        }
        let words = text.split(whereSeparator: \.isWhitespace)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { return nil }
        expression = words.map { "\"\($0)\"" }.joined(separator: " AND ")
        isAdvanced = false
    }

    /// Whether the text uses FTS5 syntax: quotes, prefix stars, `NEAR(` or an upper-case operator word.
    static func isAdvanced(_ text: String) -> Bool {
        if text.contains("\"") || text.contains("*") || text.contains("NEAR(") { return true }
        let words = text.split { $0.isWhitespace || $0 == "(" || $0 == ")" }
        return words.contains { $0 == "AND" || $0 == "OR" || $0 == "NOT" }
    }
}
