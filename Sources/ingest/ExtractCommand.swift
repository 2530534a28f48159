import ArgumentParser
import Foundation
import IngestCore

/// `ingest [extract] FILE…`: extracts each file and prints or writes its JSON document.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract minutes from files and print each as a JSON document (the default subcommand).",
        discussion: """
            Each FILE is sniffed by its content (its extension only breaks ties) and handed to the most \
            confident extractor. Documents come out in the order the files were given, even when several are \
            extracted at once. A file that fails is reported on stderr as `ingest: error: PATH: message: advice` \
            and does not stop the others. Several documents on stdout follow one another (as `jq` reads \
            them); use --jsonl for one per line, or --out for one file each. A file named like a subcommand \
            needs the subcommand spelled out: `ingest extract extractors`.

            Examples:
              ingest SampleDocs/politiradet-oslo-referat.txt
              ingest SampleDocs/*.txt --jsonl > minutes.jsonl
              ingest SampleDocs/*.txt --out out/
              ingest notes.dat --extractor plain-text
              ingest locked.pdf --password 's3cret'
              ingest archive/*.pdf --jobs 1 --out out/

            Exit status: 0 when every file was extracted, 1 when some failed, 64 for a usage error.
            """
    )

    @Argument(help: ArgumentHelp("The files to extract.", valueName: "FILE"))
    var files: [String] = []

    @Flag(help: "Print one compact JSON document per line (JSON Lines) instead of pretty-printed JSON.")
    var jsonl = false

    @Option(
        help: ArgumentHelp(
            "Write one NAME.json per input into DIR (created if needed) instead of printing; NAME is the input's "
                + "file name without its extension, with -2, -3 … added when inputs share a name. Files are "
                + "written atomically; a one-line summary goes to stderr. Example: --out out/",
            valueName: "DIR"))
    var out: String?

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
        let registry = BuiltInExtractors.registry
        if let extractor, registry.extractor(identifier: extractor) == nil {
            let identifiers = registry.extractors.map(\.identifier).joined(separator: ", ")
            StandardError.report(
                "--extractor \(extractor): no extractor named '\(extractor)': choose one of: \(identifiers)")
            throw ExitCode.failure
        }
        let inputs = files.map { ExtractionInput(fileURL: URL(fileURLWithPath: $0), path: $0) }
        let extraction = BatchExtraction(
            registry: registry,
            context: ExtractionContext(registry: registry, password: password),
            forcedIdentifier: extractor,
            maxConcurrentTasks: jobs)

        let succeeded: Bool
        if let out {
            succeeded = try await writeDocuments(extraction, inputs: inputs, directory: out)
        } else {
            succeeded = await printDocuments(extraction, inputs: inputs)
        }
        if !succeeded { throw ExitCode.failure }
    }

    /// Prints each document to stdout in input order; returns whether every input succeeded.
    private func printDocuments(_ extraction: BatchExtraction, inputs: [ExtractionInput]) async -> Bool {
        let format: DocumentJSON.Format = jsonl ? .line : .pretty
        var failures = 0
        var progress = ProgressLine(total: inputs.count, documentsGoToTerminal: isatty(STDOUT_FILENO) == 1)
        await extraction.run(inputs) { index, result in
            do throws(IngestError) {
                let data = try DocumentJSON.encode(result.get(), format: format)
                FileHandle.standardOutput.write(data + Data("\n".utf8))
                progress.advance(path: inputs[index].path, succeeded: true)
            } catch {
                progress.report(error, path: inputs[index].path)
                failures += 1
            }
        }
        progress.finish()
        return failures == 0
    }

    /// Writes `DIR/NAME.json` per document; returns whether every input succeeded.
    private func writeDocuments(_ extraction: BatchExtraction, inputs: [ExtractionInput], directory: String)
        async throws -> Bool
    {
        let directoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directoryURL, withIntermediateDirectories: true)
        } catch {
            StandardError.report(
                IngestError(
                    code: .outputFailed, path: directory, message: "cannot create the output folder",
                    advice: "check that the path is writable and not a file"))
            throw ExitCode.failure
        }
        let names = OutputNames.jsonFileNames(for: inputs.map(\.fileName))
        var written = 0
        var failures = 0
        var progress = ProgressLine(total: inputs.count, documentsGoToTerminal: false)
        await extraction.run(inputs) { index, result in
            do throws(IngestError) {
                let data = try DocumentJSON.encode(result.get(), format: .pretty) + Data("\n".utf8)
                let url = directoryURL.appendingPathComponent(names[index])
                try AtomicFile.write(data, to: url, reportedAs: inputs[index].path)
                written += 1
                progress.advance(path: inputs[index].path, succeeded: true)
            } catch {
                progress.report(error, path: inputs[index].path)
                failures += 1
            }
        }
        progress.clear()
        let failed = failures == 0 ? "" : " (\(failures) failed)"
        StandardError.write("ingest: wrote \(written) of \(inputs.count) documents to \(directory)\(failed)")
        return failures == 0
    }
}
