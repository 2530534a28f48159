import Testing

@testable import IngestStore

/// How search text becomes an FTS5 expression.
@Suite("Search query rules")
struct SearchQueryTests {
    @Test("Plain words are quoted and ANDed; punctuation-only words are dropped")
    func plainWords() {
        #expect(SearchQuery("skjenketider")?.expression == #""skjenketider""#)
        #expect(SearchQuery("  politiet   skjenketider ")?.expression == #""politiet" AND "skjenketider""#)
        #expect(SearchQuery("fotball-vm")?.expression == #""fotball-vm""#)
        #expect(SearchQuery("tittel: – skjenketider")?.expression == #""tittel:" AND "skjenketider""#)
        #expect(SearchQuery("skjenketider or vm")?.isAdvanced == false)
        #expect(SearchQuery("") == nil)
        #expect(SearchQuery(" – ! ") == nil)
    }

    @Test("Quotes, stars, NEAR( and upper-case AND OR NOT mark FTS5 syntax, passed through as typed")
    func advanced() {
        for text in [#""fotball vm""#, "skjenke*", "NEAR(a b)", "a OR b", "a AND b", "a NOT b", "(a OR b) c"] {
            #expect(SearchQuery(text)?.expression == text, "\(text)")
            #expect(SearchQuery(text)?.isAdvanced == true, "\(text)")
        }
        #expect(SearchQuery("ORDNING AND")?.isAdvanced == true)
        #expect(SearchQuery("ORDNING")?.isAdvanced == false)
    }

    @Test("Decomposed letters are composed, as the index stores them")
    func composed() {
        #expect(SearchQuery("a\u{30A}pningstider")?.expression == "\"åpningstider\"")
    }
}
