import ArgumentParser
import Foundation
import IngestCore
import IngestIsolation

/// `--isolate` / `--no-isolate`: whether extractors that run native code (PDF through poppler; archives, e-mail)
/// run in supervised worker processes.
struct IsolationOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Run the PDF and bundle extractors (native C/C++ code) in worker processes, so that a file that "
                + "crashes or hangs them, or eats memory, fails alone (--timeout, --max-memory)."))
    var isolate = true

    /// The registry to extract with, and the pool of workers when isolating.
    /// - Parameters:
    ///   - registry: the in-process registry.
    ///   - jobs: the number of workers.
    ///   - limits: the memory limit of each worker comes from here.
    func apply(to registry: ExtractorRegistry, jobs: Int, limits: ExtractionLimits)
        -> (registry: ExtractorRegistry, pool: WorkerPool?)
    {
        guard isolate else { return (registry, nil) }
        var command = WorkerPool.Command.ingestWorker
        // Out-of-process extractors found by this run serve the workers too (an e-mail's Markdown attachment).
        let external = registry.extractors.compactMap { $0 as? ExternalExtractor }.map {
            WorkerCommand.ExternalExtractorEntry(executable: $0.executableURL.path, declaration: $0.declaration)
        }
        if !external.isEmpty, let json = try? JSONEncoder().encode(external) {
            command.arguments += ["--external", String(decoding: json, as: UTF8.self)]
        }
        let pool = WorkerPool(command: command, size: jobs, memoryLimit: limits.maxWorkerMemoryBytes)
        return (registry.isolatingNativeExtractors(in: pool), pool)
    }
}
