import ExtractorTesting
import Foundation
import IngestCore
import PlainTextExtractor
import Testing

/// The kit reports broken extractors: each fake below breaks one rule on top of the plain-text extractor.
@Suite struct BrokenExtractorTests {
    /// What the kit reports for an extractor, by check.
    private func failedChecks(_ extractor: some Extractor) async -> Set<ConformanceFailure.Check> {
        let fixtures = [Fixtures.sample("politiradet-oslo-referat.txt")]
        return Set(await ExtractorConformance(extractor: extractor, fixtures: fixtures).run().map(\.check))
    }

    @Test func theRealOnePasses() async {
        #expect(await failedChecks(PlainTextExtractor()) == [])
    }

    @Test func badDeclaration() async {
        #expect(await failedChecks(BrokenExtractor(flaw: .badDeclaration)) == [.declaration])
    }

    @Test func wrongExtractorName() async {
        #expect(await failedChecks(BrokenExtractor(flaw: .wrongName)) == [.provenance])
    }

    @Test func wrongHash() async {
        #expect(await failedChecks(BrokenExtractor(flaw: .wrongHash)) == [.provenance])
    }

    @Test func nonDeterministic() async {
        let checks = await failedChecks(BrokenExtractor(flaw: .nonDeterministic))
        #expect(checks == [.determinism, .concurrency])
    }

    @Test func schemaInvalid() async {
        #expect(await failedChecks(BrokenExtractor(flaw: .invalidLanguageTag)) == [.schema])
    }

    @Test func refusesItsFixtures() async {
        #expect(await failedChecks(BrokenExtractor(flaw: .refusesEverything)) == [.confidence])
    }

    @Test func failsOnItsFixtures() async {
        #expect(await failedChecks(BrokenExtractor(flaw: .throwsOnEverything)) == [.extraction])
    }

    @Test func checkRecordsAnIssuePerFailure() async {
        let fixtures = [Fixtures.sample("politiradet-oslo-referat.txt")]
        await withKnownIssue {
            await ExtractorConformance(extractor: BrokenExtractor(flaw: .wrongName), fixtures: fixtures).check()
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("[provenance]") }
        }
    }

    @Test func failureDescriptionNamesCheckAndSubject() {
        let failure = ConformanceFailure(check: .schema, subject: "a.txt", message: "bad")
        #expect(failure.description == "[schema] a.txt: bad")
    }
}
