import ArgumentParser
import IngestCore

/// The `--max-…` and `--timeout` options: the limits that keep hostile or huge inputs (zip bombs, archives that
/// contain themselves, PDFs that never finish) from taking the machine. Defaults are ``ExtractionLimits``'s.
struct LimitOptions: ParsableArguments {
    private static let defaults = ExtractionLimits()

    @Option(help: ArgumentHelp("Largest file read, in MiB.", valueName: "MiB"))
    var maxFileSize: Int = defaults.maxFileBytes >> 20

    @Option(help: ArgumentHelp(
        "Most bytes unpacked from one archive, in MiB.", valueName: "MiB"))
    var maxUnpacked: Int = defaults.maxUnpackedBytes >> 20

    @Option(help: ArgumentHelp(
        "Largest archive member unpacked, in MiB.", valueName: "MiB"))
    var maxEntrySize: Int = defaults.maxEntryBytes >> 20

    @Option(help: ArgumentHelp(
        "Most entries read from one archive or folder.", valueName: "N"))
    var maxEntries: Int = defaults.maxArchiveEntries

    @Option(help: ArgumentHelp(
        "Largest unpacked-to-packed ratio of an archive once it has unpacked 1 MiB; zip bombs reach thousands.",
        valueName: "N"))
    var maxRatio: Int = defaults.maxCompressionRatio

    @Option(help: ArgumentHelp(
        "How deep archives, bundles and attachments may nest.", valueName: "N"))
    var maxDepth: Int = defaults.maxNestingDepth

    @Option(help: ArgumentHelp("Most pages read from one document; later pages are dropped with a warning.",
        valueName: "N"))
    var maxPages: Int = defaults.maxPages

    @Option(help: ArgumentHelp(
        "Most characters of text read from one document; the rest is dropped with a warning.", valueName: "N"))
    var maxText: Int = defaults.maxTextCharacters

    @Option(help: ArgumentHelp(
        "Most attachments extracted from one document (e-mail, PDF); the rest are listed with a warning.",
        valueName: "N"))
    var maxAttachments: Int = defaults.maxAttachments

    @Option(help: ArgumentHelp(
        "Seconds one file may take in an isolated worker or an out-of-process extractor before it is killed.",
        valueName: "SECONDS"))
    var timeout: Int = Int(defaults.timePerFile.components.seconds)

    @Option(help: ArgumentHelp(
        "Memory an isolated worker may use for one file, in MiB, before it is killed.", valueName: "MiB"))
    var maxMemory: Int = defaults.maxWorkerMemoryBytes >> 20

    func validate() throws {
        for (name, value) in [("--max-file-size", maxFileSize), ("--max-unpacked", maxUnpacked),
                              ("--max-entry-size", maxEntrySize), ("--max-entries", maxEntries),
                              ("--max-ratio", maxRatio), ("--max-depth", maxDepth), ("--max-pages", maxPages),
                              ("--max-text", maxText), ("--max-attachments", maxAttachments),
                              ("--timeout", timeout)] where value < 1 {
            throw ValidationError("\(name) must be at least 1 (got \(value)).")
        }
        if maxMemory < 64 { throw ValidationError("--max-memory must be at least 64 MiB (got \(maxMemory)).") }
    }

    /// The limits these options give.
    var limits: ExtractionLimits {
        var limits = ExtractionLimits()
        limits.maxFileBytes = maxFileSize << 20
        limits.maxUnpackedBytes = maxUnpacked << 20
        limits.maxEntryBytes = maxEntrySize << 20
        limits.maxArchiveEntries = maxEntries
        limits.maxCompressionRatio = maxRatio
        limits.maxNestingDepth = maxDepth
        limits.maxPages = maxPages
        limits.maxTextCharacters = maxText
        limits.maxAttachments = maxAttachments
        limits.timePerFile = .seconds(timeout)
        limits.maxWorkerMemoryBytes = maxMemory << 20
        return limits
    }
}
