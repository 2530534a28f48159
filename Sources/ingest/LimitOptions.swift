import ArgumentParser
import IngestCore

/// The `--max-…` options: the limits that keep hostile or huge inputs (zip bombs, archives that contain themselves)
/// from taking the machine. Defaults are ``ExtractionLimits``'s.
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

    func validate() throws {
        for (name, value) in [("--max-file-size", maxFileSize), ("--max-unpacked", maxUnpacked),
                              ("--max-entry-size", maxEntrySize), ("--max-entries", maxEntries),
                              ("--max-ratio", maxRatio), ("--max-depth", maxDepth)] where value < 1 {
            throw ValidationError("\(name) must be at least 1 (got \(value)).")
        }
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
        return limits
    }
}
