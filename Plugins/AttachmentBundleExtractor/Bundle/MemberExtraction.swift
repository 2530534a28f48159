public import IngestCore

/// Extracts the files of a bundle through the registry, concurrently, keeping their order.
public enum MemberExtraction {
    /// Sniffs and extracts every file, at most ``ExtractionContext/parallelism`` at once; a file that fails
    /// becomes a failed member, never a failed bundle.
    /// - Parameters:
    ///   - files: the files, in bundle order.
    ///   - context: the context for the files (already nested one level below the bundle).
    /// - Returns: one member per file, in the same order.
    public static func extract(_ files: [BundleFile], context: ExtractionContext) async -> [ExtractedMember] {
        await withTaskGroup(of: (Int, ExtractedMember).self) { group in
            var members = [ExtractedMember?](repeating: nil, count: files.count)
            var next = 0
            func startNext() {
                guard next < files.count else { return }
                let (index, file) = (next, files[next])
                group.addTask { (index, await extract(file, context: context)) }
                next += 1
            }
            for _ in 0..<context.parallelism { startNext() }
            for await (index, member) in group {
                members[index] = member
                startNext()
            }
            return members.compactMap { $0 }
        }
    }

    private static func extract(_ file: BundleFile, context: ExtractionContext) async -> ExtractedMember {
        let registry = context.registry
        let sniffed: SniffedInput
        do {
            sniffed = try registry.sniff(file.input, limits: context.limits)
        } catch {
            return ExtractedMember(path: file.path, source: nil, result: .failure(error))
        }
        do {
            let extractor = try registry.choose(for: sniffed)
            return ExtractedMember(path: file.path, source: sniffed.source,
                                   result: .success(try await extractor.extract(sniffed, context: context)))
        } catch {
            return ExtractedMember(path: file.path, source: sniffed.source, result: .failure(error))
        }
    }
}
