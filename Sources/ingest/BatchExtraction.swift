import IngestCore

/// Extracts many inputs concurrently, at most `maxConcurrentTasks` at a time, and hands the results back in input
/// order as soon as each one's predecessors are done.
struct BatchExtraction: Sendable {
    /// The registry that sniffs and extracts.
    var registry: ExtractorRegistry
    /// Options and limits for every extraction.
    var context: ExtractionContext
    /// The extractor to use for every input, or `nil` to choose by content.
    var forcedIdentifier: String?
    /// How many extractions may run at once; at least 1.
    var maxConcurrentTasks: Int

    /// Extracts every input.
    /// - Parameters:
    ///   - inputs: the inputs, in the order results must come out.
    ///   - handle: called once per input, in input order, with the input's index and its document or error.
    func run(
        _ inputs: [ExtractionInput],
        handle: (Int, Result<MinutesDocument, IngestError>) -> Void
    ) async {
        let width = max(1, maxConcurrentTasks)
        // Finished results wait here until every earlier input is handed out. Starting at most `2 × width`
        // inputs ahead of the next one to hand out keeps this buffer small when one early file is slow.
        let lookahead = 2 * width
        await withTaskGroup(of: (Int, Result<MinutesDocument, IngestError>).self) { group in
            var finished: [Int: Result<MinutesDocument, IngestError>] = [:]
            var nextToStart = 0
            var nextToHand = 0
            var running = 0

            func startMore() {
                while running < width, nextToStart < inputs.count, nextToStart < nextToHand + lookahead {
                    let index = nextToStart
                    let input = inputs[index]
                    group.addTask { [self] in (index, await extract(input)) }
                    nextToStart += 1
                    running += 1
                }
            }

            startMore()
            while let (index, result) = await group.next() {
                running -= 1
                finished[index] = result
                while let ready = finished.removeValue(forKey: nextToHand) {
                    handle(nextToHand, ready)
                    nextToHand += 1
                }
                startMore()
            }
        }
    }

    private func extract(_ input: ExtractionInput) async -> Result<MinutesDocument, IngestError> {
        do {
            return .success(try await registry.extract(input, context: context, forcing: forcedIdentifier))
        } catch {
            return .failure(error)
        }
    }
}
