import Foundation
import IngestCore
import Testing

/// Every PDF of the shared corpus, extracted through the registry: each comes out as a document or as one
/// ``IngestError`` with a known code, in time, and what comes out agrees with what poppler's own tools found
/// (`MANIFEST.tsv`).
@Suite struct CorpusSweepTests {
    /// The corpus files that make poppler run without end, skipped by name (MANIFEST notes say HANG):
    ///
    /// - `pdfjs_bomb_giant.pdf`: a decompression-bomb image stream; reading its page text never returns
    ///   (pdftotext too) and takes gigabytes. In-process there is no stopping it; `IsolationTests` (IngestCLITests)
    ///   runs it through `ingest`'s worker processes, where it becomes one typed error.
    /// - `qpdf_shared_unnamed_field_HANG.pdf`: pdfinfo and pdftotext loop at 100 % CPU on its form fields. The
    ///   extractor reads no form fields and finishes it at once; ``CorpusManifestTests`` checks that separately,
    ///   under a deadline, so the sweep stays a list of files poppler is known to handle.
    ///
    /// The sweep checks that both are still in the corpus, so a moved or emptied corpus fails instead of passing.
    static let filesThatHangPoppler = [
        "pdf/broken/pdfjs_bomb_giant.pdf",
        "pdf/broken/qpdf_shared_unnamed_field_HANG.pdf",
    ]

    /// The longest one file may take before the sweep reports it as hanging (the slowest, a 619-page PDF, takes
    /// about 5 s in a debug build).
    static let deadline = Duration.seconds(90)

    /// Every code ``IngestError`` defines.
    static let knownCodes: Set<IngestError.Code> = [
        .fileNotFound, .unreadable, .emptyFile, .unsupportedType, .unknownExtractor, .extractorMismatch, .encrypted,
        .damaged, .undecodableText, .limitExceeded, .outputFailed,
    ]

    struct FileOutcome: Sendable {
        var path: String
        /// `nil` when the file did not finish within ``deadline``.
        var result: Result<MinutesDocument, IngestError>?
        var duration: Duration

        var seconds: String {
            let (whole, fraction) = duration.components
            return String(format: "%.2f s", Double(whole) + Double(fraction) / 1e18)
        }
    }

    @Test func everyCorpusPDFGivesADocumentOrOneKnownError() async throws {
        let manifest = try Corpus.manifest()
        let all = try Corpus.allPDFs()
        for skipped in Self.filesThatHangPoppler {
            let present = all.contains(skipped)
            #expect(present, "\(skipped) is no longer in the corpus: update the skip list")
            #expect(manifest[skipped]?.notes.contains("HANG") == true, "MANIFEST no longer says \(skipped) hangs")
        }
        let paths = all.filter { !Self.filesThatHangPoppler.contains($0) }
        #expect(paths.count > 100, "only \(paths.count) PDFs found under \(Corpus.root.path)")

        let outcomes = await Self.extractAll(paths, concurrently: 2)
        #expect(outcomes.count == paths.count)
        for outcome in outcomes {
            Self.check(outcome, manifest: manifest[outcome.path])
        }
        let documents = outcomes.filter { $0.result?.document != nil }
        let errors = outcomes.compactMap { $0.result?.error }
        // The corpus is mostly readable: far more documents than errors, and both kinds of error occur.
        #expect(documents.count > 100)
        #expect(Set(errors.map(\.code)) == [.encrypted, .damaged])
    }

    /// Extracts the files, at most `width` at a time, each under ``deadline``, in path order.
    static func extractAll(_ paths: [String], concurrently width: Int) async -> [FileOutcome] {
        await withTaskGroup(of: FileOutcome.self) { group in
            var pending = paths.makeIterator()
            func startNext() {
                guard let path = pending.next() else { return }
                group.addTask {
                    let url = Corpus.root.appendingPathComponent(path)
                    let clock = ContinuousClock()
                    let start = clock.now
                    let result = await withDeadline(deadline, name: path) { await extract(url, path: path) }
                    return FileOutcome(path: path, result: result, duration: clock.now - start)
                }
            }
            for _ in 0..<width { startNext() }
            var outcomes: [FileOutcome] = []
            for await outcome in group {
                outcomes.append(outcome)
                startNext()
            }
            return outcomes.sorted { $0.path < $1.path }
        }
    }

    /// What must hold for one file; messages name the file and its time, which is reported only here.
    static func check(_ outcome: FileOutcome, manifest entry: ManifestEntry?) {
        let path = outcome.path
        let context = "\(path) (\(outcome.seconds))"
        #expect(entry != nil, "\(path) is not in MANIFEST.tsv")
        guard let result = outcome.result else {
            Issue.record(
                "\(context): did not finish within \(deadline); add it to the skip list only if poppler hangs too")
            return
        }
        switch result {
        case .failure(let error):
            #expect(knownCodes.contains(error.code), "\(context): unknown code \(error.code)")
            #expect(
                [.encrypted, .damaged].contains(error.code),
                "\(context): \(error.code) for a file that exists: \(error)")
            #expect(error.path == path, "\(context): error names \(error.path)")
            #expect(!error.message.isEmpty && error.advice?.isEmpty == false, "\(context): \(error)")
        case .success(let document):
            checkDocument(document, manifest: entry, context: context)
        }
    }

    static func checkDocument(_ document: MinutesDocument, manifest entry: ManifestEntry?, context: String) {
        let path = document.source.path
        #expect(context.hasPrefix(path), "\(context): source.path is \(path)")
        #expect(["pdf", "plain-text"].contains(document.extractor.name), "\(context): \(document.extractor.name)")
        for attachment in document.attachments {
            if let nested = attachment.document {
                #expect(nested.source.path.hasPrefix(path + "!"), "\(context): attachment at \(nested.source.path)")
            }
        }
        guard document.extractor.name == "pdf" else {
            // Only files whose content is not a PDF at all go elsewhere (the type is sniffed from the content).
            #expect(
                document.source.mediaType != "application/pdf", "\(context): a PDF read by \(document.extractor.name)")
            return
        }
        #expect(document.source.mediaType == "application/pdf")
        let pageCount = Int(document.properties["pageCount"] ?? "")
        #expect(pageCount != nil, "\(context): no pageCount property")
        let unreadablePages = document.warnings.filter { $0.hasSuffix("could not be read") && $0.hasPrefix("page ") }
        #expect(
            document.pages.count + unreadablePages.count == pageCount,
            "\(context): \(document.pages.count) pages read, \(unreadablePages.count) unreadable, pageCount \(pageCount ?? -1)"
        )
        if let pages = entry?.pages {
            #expect(pageCount == pages, "\(context): pageCount \(pageCount ?? -1), pdfinfo says \(pages)")
        }
        let pageNumbers = Set(document.pages.map(\.number))
        for item in document.agendaItems {
            #expect(Set(item.pages).isSubset(of: pageNumbers), "\(context): item \(item.number) on pages \(item.pages)")
        }
        let hasText = document.pages.contains { !$0.text.isEmpty }
        let noTextWarning = document.warnings.contains { $0.hasPrefix("no text layer") }
        #expect(
            noTextWarning == (!hasText && !document.pages.isEmpty),
            "\(context): text \(hasText), warnings \(document.warnings)")
        if noTextWarning || document.pages.isEmpty {
            #expect(document.agendaItems.isEmpty, "\(context): items without text")
        }
        if document.pages.isEmpty, unreadablePages.isEmpty {
            #expect(document.warnings.contains("the PDF has no pages"), "\(context): \(document.warnings)")
        }
        switch entry?.text {
        case "yes":
            #expect(hasText, "\(context): pdftotext found text, the extractor none")
        case "NONE" where entry?.pages != nil:
            // pdftotext found no words; the extractor may still find whitespace or stray marks, never real text.
            let words = document.pages.flatMap { $0.text.split(whereSeparator: \.isWhitespace) }
            #expect(words.count < 5, "\(context): pdftotext found no text, the extractor \(words.prefix(10))")
        default:
            break
        }
    }
}
