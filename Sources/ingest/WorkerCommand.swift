import ArgumentParser
import IngestCore
import IngestIsolation

/// `ingest worker`: the other end of process isolation. `ingest` starts these itself; they read requests on stdin
/// and answer on stdout (see `IngestIsolation`). Not for people to run.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Serve extraction requests from a parent ingest on stdin (started by ingest itself).",
        shouldDisplay: false)

    @Option(help: ArgumentHelp("The worker's data segment limit (RLIMIT_DATA), in bytes.", valueName: "BYTES"))
    var maxMemory: Int?

    func run() async throws {
        let status = await WorkerService.serve(
            registry: ExtractorRegistry(extractors: BuiltInExtractors.all), memoryLimit: maxMemory)
        if status != 0 { throw ExitCode(status) }
    }
}
