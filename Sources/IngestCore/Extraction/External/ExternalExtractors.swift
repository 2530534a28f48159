import Foundation

/// Finds out-of-process extractors: executables named `ingest-extractor-NAME` in a list of folders.
public enum ExternalExtractors {
    /// The prefix of an extractor executable's name.
    public static let executablePrefix = "ingest-extractor-"
    /// How long `describe` may take.
    public static let describeTimeout = Duration.seconds(10)

    /// Runs `describe` on every `ingest-extractor-*` executable in the folders.
    ///
    /// A name found in an earlier folder hides the same name later (as `PATH` does); an identifier already taken
    /// hides later ones. Folders that do not exist are skipped. An executable whose `describe` fails, hangs or
    /// prints something else becomes a warning.
    /// - Parameters:
    ///   - paths: the folders, in order of preference.
    ///   - reserved: identifiers already taken (the built-in extractors').
    /// - Returns: the extractors found, in folder order, and one warning per executable that was left out.
    public static func discover(
        paths: [String], reserved: Set<String> = []
    ) async -> (extractors: [ExternalExtractor], warnings: [String]) {
        var seenNames = Set<String>()
        var candidates: [URL] = []
        for folder in paths where !folder.isEmpty {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasPrefix(executablePrefix) && name.count > executablePrefix.count {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard !seenNames.contains(name),
                    FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: url.path)
                else { continue }
                seenNames.insert(name)
                candidates.append(url)
            }
        }
        let described = await withTaskGroup(of: (Int, Result<ExternalExtractorDescription, DescribeFailure>).self) {
            group in
            for (index, url) in candidates.enumerated() {
                group.addTask { (index, await describe(url)) }
            }
            var results = [Result<ExternalExtractorDescription, DescribeFailure>?](
                repeating: nil, count: candidates.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        var extractors: [ExternalExtractor] = []
        var warnings: [String] = []
        var taken = reserved
        for (url, result) in zip(candidates, described) {
            switch result {
            case .success(let declaration):
                if taken.contains(declaration.identifier) {
                    warnings.append(
                        "\(url.path): extractor '\(declaration.identifier)' is already registered; this one is skipped")
                    continue
                }
                taken.insert(declaration.identifier)
                extractors.append(ExternalExtractor(executableURL: url, declaration: declaration))
            case .failure(let failure):
                warnings.append("\(url.path): skipped: \(failure.reason)")
            case nil:
                continue
            }
        }
        return (extractors, warnings)
    }

    /// The folders of a colon-separated list (`$PATH`, `$INGEST_EXTRACTORS_PATH`).
    /// - Parameter list: the list, or `nil`.
    /// - Returns: its non-empty entries.
    public static func folders(inSearchPath list: String?) -> [String] {
        (list ?? "").split(separator: ":").map(String.init)
    }

    private struct DescribeFailure: Error {
        var reason: String
    }

    private static func describe(_ url: URL) async -> Result<ExternalExtractorDescription, DescribeFailure> {
        let output: ExternalProcess.Output
        do {
            output = try await ExternalProcess.run(url, ["describe"], timeout: describeTimeout, outputLimit: 1 << 20)
        } catch {
            return .failure(DescribeFailure(reason: "cannot run it: \(error.localizedDescription)"))
        }
        switch output.ending {
        case .exited(0): break
        case .exited(let status):
            return .failure(DescribeFailure(reason: "`describe` exited with status \(status)"))
        case .signalled(let signal):
            return .failure(DescribeFailure(reason: "`describe` crashed: \(SignalName.of(signal))"))
        case .timedOut:
            return .failure(
                DescribeFailure(reason: "`describe` did not answer within \(describeTimeout.components.seconds) s"))
        case .outputTooLarge:
            return .failure(DescribeFailure(reason: "`describe` wrote more than 1 MiB"))
        }
        guard let declaration = try? JSONDecoder().decode(ExternalExtractorDescription.self, from: output.stdout),
            !declaration.identifier.isEmpty, !declaration.identifier.contains(where: \.isWhitespace)
        else {
            return .failure(
                DescribeFailure(
                    reason: "`describe` did not print a JSON object with identifier, version, summary, mediaTypes "
                        + "and extensions"))
        }
        return .success(declaration)
    }
}
