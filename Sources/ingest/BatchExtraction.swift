import AttachmentBundleExtractor
import IngestCore

/// Runs jobs concurrently, at most `maxConcurrentTasks` at a time, and hands their outcomes back in job order as
/// soon as each job's predecessors are done.
struct BatchExtraction: Sendable {
    /// The registry that sniffs and extracts.
    var registry: ExtractorRegistry
    /// Options and limits for every extraction.
    var context: ExtractionContext
    /// The extractor to use for every file named on the command line, or `nil` to choose by content.
    var forcedIdentifier: String?
    /// How many jobs may run at once; at least 1.
    var maxConcurrentTasks: Int

    /// Runs every job.
    /// - Parameters:
    ///   - jobs: the jobs, in the order outcomes must come out.
    ///   - handle: called once per job, in job order, with the job's index and its outcomes (one for a file; none,
    ///     one or many for a collection folder).
    func run(_ jobs: [BatchJob], handle: (Int, [BatchOutcome]) -> Void) async {
        let width = max(1, maxConcurrentTasks)
        let order = Self.startOrder(jobs.map(\.size), window: Self.window)
        await withTaskGroup(of: (Int, [BatchOutcome]).self) { group in
            // Finished outcomes wait here until every earlier job is handed out; starting jobs window by window
            // keeps this buffer to about one window.
            var finished: [Int: [BatchOutcome]] = [:]
            var nextToStart = 0
            var nextToHand = 0
            var running = 0
            func startMore() {
                while running < width, nextToStart < order.count,
                    order[nextToStart] < nextToHand + Self.window + width
                {
                    let index = order[nextToStart]
                    let job = jobs[index]
                    group.addTask { [self] in (index, await run(job)) }
                    nextToStart += 1
                    running += 1
                }
            }
            startMore()
            while let (index, outcomes) = await group.next() {
                running -= 1
                finished[index] = outcomes
                // The next job starts before this one's outcomes are written, so writing (JSON, files, the store)
                // overlaps with extraction instead of keeping a worker idle.
                startMore()
                while let ready = finished.removeValue(forKey: nextToHand) {
                    handle(nextToHand, ready)
                    nextToHand += 1
                }
                startMore()
            }
        }
    }

    /// How many consecutive jobs are scheduled together, largest first.
    static let window = 64

    /// The order to start jobs in: window by window, the largest of each window first, so that a big document
    /// does not end a run alone on one core while the others idle.
    static func startOrder(_ sizes: [Int], window: Int) -> [Int] {
        stride(from: 0, to: sizes.count, by: window).flatMap { start in
            (start..<min(start + window, sizes.count)).sorted { sizes[$0] > sizes[$1] }
        }
    }

    private func run(_ job: BatchJob) async -> [BatchOutcome] {
        switch job.work {
        case .file(let input, let outputName):
            do {
                let document = try await registry.extract(input, context: context, forcing: forcedIdentifier)
                return [BatchOutcome(path: input.path, outputPath: outputName, result: .success(document))]
            } catch {
                return [BatchOutcome(path: input.path, outputPath: outputName, result: .failure(error))]
            }
        case .folder(let folder):
            return await run(folder, path: job.path)
        }
    }

    /// Extracts a collection folder's files and assembles them into documents.
    private func run(_ folder: CollectionFolder, path: String) async -> [BatchOutcome] {
        let nested: ExtractionContext
        do {
            nested = try context.nested(path: path)
        } catch {
            return [BatchOutcome(path: path, outputPath: "\(folder.outputFolder).json", result: .failure(error))]
        }
        let members = await MemberExtraction.extract(folder.files, context: nested) + folder.unreadable
        let source = folder.sourceIsFinal ? folder.source : FolderDigest.source(for: folder.source, members: members)
        let bundle = BundleInfo(source: source, extractor: AttachmentBundleExtractor().info, files: members.count)
        return BundleAssembler.assemble(members, folder: bundle).map { document in
            let stem = OutputNames.stem(of: document.path)
            return BatchOutcome(
                path: "\(folder.collectionPath)\(folder.separator)\(document.path)",
                outputPath: "\(folder.outputFolder)/\(stem).json", result: document.result)
        }
    }
}
