import Foundation
public import IngestCore

#if canImport(Glibc)
    import Glibc
#endif

/// The worker side: `ingest worker` reads requests on stdin and answers each on stdout, one at a time, until
/// stdin closes.
///
/// Everything else the process or its C libraries print goes to stderr: stdout is moved to a private descriptor
/// first, and descriptor 1 then points at stderr. The worker exits when its parent is gone.
public enum WorkerService {
    /// How big a request header may be.
    static let maxHeaderBytes = 1 << 20

    /// Serves requests until stdin closes.
    /// - Parameters:
    ///   - registry: the extractors the worker runs (the built-in ones).
    ///   - memoryLimit: bytes of data segment the worker may use (`RLIMIT_DATA`), or `nil` for no limit.
    /// - Returns: the exit status: 0 when stdin closed, 1 when the stream broke.
    public static func serve(registry: ExtractorRegistry, memoryLimit: Int?) async -> Int32 {
        if let memoryLimit {
            var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
            if setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit) != 0 {
                FileHandle.standardError.write(Data("ingest worker: cannot set RLIMIT_DATA\n".utf8))
            }
        }
        let replies = dup(STDOUT_FILENO)
        guard replies >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else { return 1 }
        watchParent()
        while let header = Frames.read(from: STDIN_FILENO, maxBytes: maxHeaderBytes) {
            guard let request = try? JSONDecoder().decode(WorkRequest.self, from: header) else { return 1 }
            let input: ExtractionInput
            if let filePath = request.filePath {
                input = ExtractionInput(fileURL: URL(fileURLWithPath: filePath), path: request.path)
            } else {
                guard let bytes = Frames.read(from: STDIN_FILENO, maxBytes: request.limits.maxFileBytes) else {
                    return 1
                }
                input = ExtractionInput(data: bytes, path: request.path)
            }
            let response: WorkResponse
            do {
                response = WorkResponse(document: try await extract(input, request, registry: registry))
            } catch {
                response = WorkResponse(error: WireError(error))
            }
            guard let reply = try? JSONEncoder().encode(response), Frames.write(reply, to: replies) else { return 1 }
        }
        return 0
    }

    private static func extract(_ input: ExtractionInput, _ request: WorkRequest, registry: ExtractorRegistry)
        async throws(IngestError) -> MinutesDocument
    {
        guard let extractor = registry.extractor(identifier: request.extractor) else {
            throw IngestError(
                code: .unknownExtractor, path: request.path,
                message: "the worker has no extractor named '\(request.extractor)'",
                advice: "run the worker from the same build of ingest")
        }
        let context = ExtractionContext(
            registry: registry, limits: request.limits, password: request.password, depth: request.depth,
            parallelism: 1)
        let sniffed = SniffedInput(
            input: input, detectedType: request.detectedType, encodingHint: request.encodingHint,
            source: request.source)
        return try await extractor.extract(sniffed, context: context)
    }

    /// Exits when the parent is gone (the worker is re-parented), so a worker stuck in a C library does not
    /// outlive a killed `ingest`.
    private static func watchParent() {
        let parent = getppid()
        Thread.detachNewThread {
            while getppid() == parent { usleep(200_000) }
            _exit(2)
        }
    }
}
