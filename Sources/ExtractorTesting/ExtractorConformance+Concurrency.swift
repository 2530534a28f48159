import IngestCore

extension ExtractorConformance {
    /// How many extractions run at once at least.
    static let concurrentTasks = 8

    /// Extracts the fixtures from at least ``concurrentTasks`` tasks at once and compares with one-by-one results.
    /// - Parameter baseline: the documents extracted one by one.
    func concurrencyFailures(baseline: [Extracted]) async -> [ConformanceFailure] {
        guard !fixtures.isEmpty else { return [] }
        let count = max(Self.concurrentTasks, fixtures.count)
        let results = await withTaskGroup(of: (Int, Extracted?).self) { group in
            for task in 0..<count {
                let url = fixtures[task % fixtures.count]
                group.addTask {
                    guard case .extracted(_, let document) = await extractFixture(url) else { return (task, nil) }
                    return (task, Extracted(fixture: Self.subject(url), document: document))
                }
            }
            var results = [Extracted?](repeating: nil, count: count)
            for await (task, extracted) in group { results[task] = extracted }
            return results
        }
        var failures: [ConformanceFailure] = []
        for (task, extracted) in results.enumerated() {
            let subject = Self.subject(fixtures[task % fixtures.count])
            guard let extracted else {
                // Only a failure here if the fixture extracted one by one.
                if baseline.contains(where: { $0.fixture == subject }) {
                    failures.append(
                        ConformanceFailure(
                            check: .concurrency, subject: subject,
                            message: "extracts one by one, but fails when \(count) tasks extract at once"))
                }
                continue
            }
            failures += Self.differences(
                baseline.filter { $0.fixture == subject }, [extracted], check: .concurrency,
                what: "extraction in task \(task + 1) of \(count) running at once")
        }
        return failures
    }

    /// One failure per fixture whose documents differ between two lists.
    static func differences(
        _ expected: [Extracted], _ actual: [Extracted], check: ConformanceFailure.Check, what: String
    )
        -> [ConformanceFailure]
    {
        actual.compactMap { extracted in
            guard let reference = expected.first(where: { $0.fixture == extracted.fixture }),
                reference.document != extracted.document
            else { return nil }
            return ConformanceFailure(
                check: check, subject: extracted.fixture,
                message: "\(what) gives a different document\(firstDifference(reference.document, extracted.document))")
        }
    }

    /// ": first differing JSON line …", to point at the field that changed.
    static func firstDifference(_ lhs: MinutesDocument, _ rhs: MinutesDocument) -> String {
        let left = String(decoding: json(lhs), as: UTF8.self).split(separator: ",")
        let right = String(decoding: json(rhs), as: UTF8.self).split(separator: ",")
        guard let (index, _) = zip(left, right).enumerated().first(where: { $0.element.0 != $0.element.1 }) else {
            return ""
        }
        return ": \(left[index].prefix(120)) ≠ \(right[index].prefix(120))"
    }
}
