import IngestCore
import IngestIsolation
import PlainTextExtractor

// A worker for the supervisor's tests: `FaultyWorker worker --max-memory N` serves requests like `ingest worker`,
// with plain text and three extractors that misbehave the way native code can: `.segv` files crash the worker
// with SIGSEGV, `.hang` files never finish, `.hog` files allocate memory without bound.
#if canImport(Glibc)
    import Glibc
#endif

/// Misbehaves on every file it is given.
struct FaultyExtractor: Extractor {
    enum Fault: String, CaseIterable {
        case segv, hang, hog
    }

    let fault: Fault
    var identifier: String { "fault-\(fault.rawValue)" }
    let version = "1.0.0"
    var summary: String { "misbehaves: \(fault.rawValue)" }
    let fileTypes: [FileType] = []
    var fileExtensions: [String] { [fault.rawValue] }
    let runsNativeCode = true

    func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError) -> MinutesDocument {
        switch fault {
        case .segv:
            // A write to an unmapped address, as a buggy C library would do it.
            UnsafeMutablePointer<Int>(bitPattern: 16)?.pointee = 1
        case .hang:
            while true { sleep(1000) }
        case .hog:
            var blocks: [UnsafeMutableRawPointer] = []
            while true {
                guard let block = malloc(16 << 20) else { continue }
                memset(block, 1, 16 << 20)
                blocks.append(block)
            }
        }
        throw IngestError(code: .damaged, path: input.input.path, message: "unreachable")
    }
}

let memoryLimit = CommandLine.arguments.firstIndex(of: "--max-memory").flatMap { index in
    CommandLine.arguments.indices.contains(index + 1) ? Int(CommandLine.arguments[index + 1]) : nil
}
let registry = ExtractorRegistry(
    extractors: [PlainTextExtractor()] + FaultyExtractor.Fault.allCases.map { FaultyExtractor(fault: $0) })
exit(await WorkerService.serve(registry: registry, memoryLimit: memoryLimit))
