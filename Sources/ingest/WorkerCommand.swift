import ArgumentParser
import Foundation
import IngestCore
import IngestIsolation

/// `ingest worker`: the other end of process isolation. `ingest` starts these itself; they read requests on stdin
/// and answer on stdout (see `IngestIsolation`). Not for people to run.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Serve extraction requests from a parent ingest on stdin (started by ingest itself).",
        shouldDisplay: false)

    /// An out-of-process extractor the parent discovered, handed to the worker so it need not run `describe` again.
    struct ExternalExtractorEntry: Codable {
        var executable: String
        var declaration: ExternalExtractorDescription
    }

    @Option(help: ArgumentHelp("The worker's data segment limit (RLIMIT_DATA), in bytes.", valueName: "BYTES"))
    var maxMemory: Int?

    @Option(help: ArgumentHelp("The parent's out-of-process extractors, as JSON.", valueName: "JSON"))
    var external: String?

    func run() async throws {
        let entries = external.flatMap { try? JSONDecoder().decode([ExternalExtractorEntry].self, from: Data($0.utf8)) }
        let externals = (entries ?? []).map {
            ExternalExtractor(executableURL: URL(fileURLWithPath: $0.executable), declaration: $0.declaration)
                as any Extractor
        }
        let status = await WorkerService.serve(
            registry: ExtractorRegistry(extractors: BuiltInExtractors.all + externals), memoryLimit: maxMemory)
        if status != 0 { throw ExitCode(status) }
    }
}
