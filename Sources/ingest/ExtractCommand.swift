import ArgumentParser
import Foundation
import IngestCore
import IngestIsolation

/// `ingest [extract] FILE…`: extracts each file and prints or writes its JSON document.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract minutes from files and print each as a JSON document (the default subcommand).",
        discussion: """
            Each FILE is sniffed by its content (its extension only breaks ties) and handed to the most \
            confident extractor. An e-mail (.eml) is read as a bundle: the minutes with their attachments.
            A folder, or a zip, tar, tar.gz or 7z archive, is a collection of meetings: every folder in it is \
            read, and each minutes document found there comes out with the files its attachment list names \
            (a folder holding one minutes document is its bundle: all its files are attached). Other files come \
            out as documents of their own; a zip or e-mail inside is read as one bundle. Archives are read in \
            memory, never unpacked to disk; entries that would escape the archive (../, absolute paths, links) \
            are renamed or skipped, and limits stop zip bombs (see the README).
            Documents come out in the order the files were given, even when several are extracted at once. A \
            file that fails is reported on stderr as `ingest: error: PATH: message: advice` and does not stop \
            the others. Several documents on stdout follow one another (as `jq` reads them); use --jsonl for one \
            per line, or --out for one file each (collections mirror their folders under --out). A file named \
            like a subcommand needs the subcommand spelled out: `ingest extract extractors`.
            PDFs, archives and e-mails are read in worker processes (`ingest worker`), so a file that crashes \
            poppler, hangs it past --timeout or takes more than --max-memory fails alone; --no-isolate reads \
            them in-process (slightly faster, unprotected). --failures FILE lists the failed inputs as JSON lines.
            Examples:
              ingest SampleDocs/politiradet-oslo-referat.txt
              ingest SampleDocs/*.txt --jsonl > minutes.jsonl
              ingest SampleDocs/*.txt --out out/
              ingest archive-2023.zip --out out/      # out/archive-2023/<folders>/<minutes>.json
              ingest meetings/ --jsonl                # every folder of a folder tree
              ingest reply.eml                        # the minutes attached to an e-mail
              ingest notes.dat --extractor plain-text
              ingest locked.pdf --password 's3cret'
              ingest notes.md --extractors-dir Examples/ExternalExtractors
              ingest archive/*.pdf --jobs 1 --out out/
              ingest archive/ --out out/ --failures failed.jsonl --timeout 120
            Exit status: 0 when every file was extracted, 1 when some failed, 64 for a usage error.
            """
    )

    @Argument(help: ArgumentHelp("The files, folders or archives to extract.", valueName: "FILE"))
    var files: [String] = []

    @Flag(help: "Print one compact JSON document per line (JSON Lines) instead of pretty-printed JSON.")
    var jsonl = false

    @Option(
        help: ArgumentHelp(
            "Write one NAME.json per input into DIR (created if needed) instead of printing; NAME is the input's "
                + "file name without its extension, with -2, -3 … added when inputs share a name; documents "
                + "of a folder or archive go to DIR/NAME/<its folders>/<minutes file>.json. Files are written "
                + "atomically; a one-line summary goes to stderr. Example: --out out/",
            valueName: "DIR"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Also write every failed input to FILE, one JSON object per line (path, code, message, advice), for "
                + "scripts; written atomically at the end of the run. Example: --failures failed.jsonl",
            valueName: "FILE"))
    var failures: String?

    @Option(
        help: ArgumentHelp(
            "Use this extractor for every file instead of choosing by content (see `ingest extractors`). "
                + "Example: --extractor plain-text",
            valueName: "ID"))
    var extractor: String?

    @Option(
        help: ArgumentHelp(
            "The password for encrypted documents (PDF). Example: --password 's3cret'", valueName: "PASSWORD"))
    var password: String?

    @Option(
        help: ArgumentHelp(
            "Extract up to N files at once; the default is the number of cores. Example: --jobs 1",
            valueName: "N"))
    var jobs: Int = Self.defaultJobs

    @Option(
        help: ArgumentHelp(
            "Also save each document in the store at PATH (created if needed), for `ingest search`, `list` and "
                + "`show`; content already stored is reported as unchanged on stderr. Example: --store minutes.sqlite",
            valueName: "PATH"))
    var store: String?

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    @OptionGroup(title: "Out-of-process extractors")
    var extractorSearch: ExtractorSearchOptions

    @OptionGroup(title: "Isolation")
    var isolationOptions: IsolationOptions

    static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    func validate() throws {
        if files.isEmpty {
            throw ValidationError("Name at least one FILE to extract, e.g. `ingest SampleDocs/*.txt`.")
        }
        if jobs < 1 {
            throw ValidationError("--jobs must be at least 1 (got \(jobs)).")
        }
        if jsonl && out != nil {
            throw ValidationError("--jsonl and --out cannot be combined: --out writes one pretty NAME.json per file.")
        }
    }

    func run() async throws {
        let limits = limitOptions.limits
        let (registry, pool) = isolationOptions.apply(
            to: ExtractorRegistry(extractors: await extractorSearch.extractors()), jobs: jobs, limits: limits)
        if let extractor, registry.extractor(identifier: extractor) == nil {
            let identifiers = registry.extractors.map(\.identifier).joined(separator: ", ")
            StandardError.report(
                "--extractor \(extractor): no extractor named '\(extractor)': choose one of: \(identifiers)")
            throw ExitCode.failure
        }
        let inputs = files.map { path in
            let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            return ExtractionInput(fileURL: URL(fileURLWithPath: trimmed), path: trimmed)
        }
        let context = ExtractionContext(
            registry: registry, limits: limits, password: password, parallelism: jobs)
        let plan = CollectionPlanner(registry: registry, limits: context.limits).plan(inputs)
        for warning in plan.warnings { StandardError.write("ingest: warning: \(warning)") }
        let extraction = BatchExtraction(
            registry: registry, context: context, forcedIdentifier: extractor, maxConcurrentTasks: jobs)
        var sink: any DocumentSink
        if let out {
            sink = try DirectorySink(directory: out)
        } else {
            sink = StandardOutputSink(format: jsonl ? .line : .pretty)
        }
        if let store { sink = try StoringSink.open(store, wrapping: sink) }
        var progress = ProgressLine(
            total: plan.jobs.reduce(0) { $0 + $1.fileCount },
            documentsGoToTerminal: out == nil && isatty(STDOUT_FILENO) == 1)
        var tally = RunTally()
        for failure in plan.failures { tally.record(failure, sink: sink, progress: &progress) }
        await extraction.run(plan.jobs) { index, outcomes in
            for outcome in outcomes { tally.record(outcome, sink: sink, progress: &progress) }
            progress.advance(files: plan.jobs[index].fileCount, path: plan.jobs[index].path)
        }
        progress.clear()
        await pool?.shutDown()
        let hasCollection = plan.jobs.contains { if case .folder = $0.work { true } else { false } }
        if out != nil || hasCollection || ProgressLine.isTerminal && plan.jobs.count > 1 {
            StandardError.write("ingest: \(tally.summary(elapsed: progress.elapsed, destination: out))")
        }
        if let failures {
            do {
                try AtomicFile.write(tally.failureLines, to: URL(fileURLWithPath: failures), reportedAs: failures)
            } catch {
                StandardError.report(error)
                throw ExitCode.failure
            }
        }
        if tally.failed > 0 { throw ExitCode.failure }
    }
}
