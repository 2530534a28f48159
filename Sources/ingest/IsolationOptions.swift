import ArgumentParser
import IngestCore
import IngestIsolation

/// `--isolate` / `--no-isolate`: whether extractors that run native code (PDF through poppler; archives, e-mail)
/// run in supervised worker processes.
struct IsolationOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Run the PDF and bundle extractors (native C/C++ code) in worker processes, so that a file that "
                + "crashes or hangs them, or eats memory, fails alone (--timeout, --max-memory). On by default."))
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
        let pool = WorkerPool(size: jobs, memoryLimit: limits.maxWorkerMemoryBytes)
        return (registry.isolatingNativeExtractors(in: pool), pool)
    }
}
