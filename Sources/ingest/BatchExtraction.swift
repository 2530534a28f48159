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
        let order = Self.startOrder(inputs, window: Self.window)
        await withTaskGroup(of: (Int, Result<MinutesDocument, IngestError>).self) { group in
            // Finished results wait here until every earlier input is handed out; starting inputs window by
            // window keeps this buffer to about one window.
            var finished: [Int: Result<MinutesDocument, IngestError>] = [:]
            var nextToStart = 0
            var nextToHand = 0
            var running = 0

            func startMore() {
                while running < width, nextToStart < order.count,
                    order[nextToStart] < nextToHand + Self.window + width
                {
                    let index = order[nextToStart]
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

    /// How many consecutive inputs are scheduled together, largest first.
    static let window = 64

    /// The order to start inputs in: window by window, the largest files of each window first, so that a big
    /// document does not end a run alone on one core while the others idle.
    static func startOrder(_ inputs: [ExtractionInput], window: Int) -> [Int] {
        let sizes = inputs.map { (try? $0.byteCount()) ?? 0 }
        return stride(from: 0, to: inputs.count, by: window).flatMap { start in
            (start..<min(start + window, inputs.count)).sorted { sizes[$0] > sizes[$1] }
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
