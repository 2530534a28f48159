import AttachmentBundleExtractor
import ExtractorTesting
import Foundation
import PDFMinutesExtractor
import PlainTextExtractor
import Testing

/// Every built-in extractor passes the conformance kit with its own fixtures.
@Suite struct BuiltInConformanceTests {
    @Test func plainText() async {
        await ExtractorConformance(
            extractor: PlainTextExtractor(), fixtures: [Fixtures.sample("politiradet-oslo-referat.txt")]
        ).check()
    }

    @Test func pdf() async {
        let fixtures = [
            Fixtures.sample("politiradet-oslo-referat.pdf"),
            Fixtures.shared("corpus/minutes/no/online_genfors_2014_latex.pdf"),
            Fixtures.shared("corpus/minutes/no/nord-odal_valgprotokoll_valgstyret_2023.pdf"),
            Fixtures.shared("corpus/pdf/normal/pdfjs_french_diacritics.pdf"),
            Fixtures.shared("corpus/pdf/normal/tika_triple_lang_title.pdf"),
        ]
        await ExtractorConformance(extractor: PDFMinutesExtractor(), fixtures: fixtures).check()
    }

    @Test func bundle() async {
        let fixtures = [
            Fixtures.sample("nord-odal-valgstyret-2023-09-innsyn.eml"),
            Fixtures.shared("labelled/doc005.zip"),
        ]
        await ExtractorConformance(
            extractor: AttachmentBundleExtractor(), fixtures: fixtures,
            nestedExtractors: [PDFMinutesExtractor(), PlainTextExtractor()]
        ).check()
    }
}
