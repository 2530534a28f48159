public import Foundation

/// An extractor that runs in its own process: an executable named `ingest-extractor-NAME`, in any language, that
/// speaks the protocol in `docs/ExternalExtractors.md`.
///
/// `ingest-extractor-NAME extract PATH` prints one ``MinutesDocument`` as JSON on stdout; the host fills in
/// ``MinutesDocument/source`` and ``MinutesDocument/extractor``. A crash, a hang (past
/// ``ExtractionLimits/timePerFile``), too much output
/// (see ``outputLimit``) or output that is not a minutes document becomes an ``IngestError`` for that one file.
public struct ExternalExtractor: Extractor {
    /// The executable.
    public let executableURL: URL
    /// What the executable said about itself.
    public let declaration: ExternalExtractorDescription
    /// How many bytes the process may write to stdout and stderr together.
    public var outputLimit: Int

    /// The default output limit: 64 MiB.
    public static let defaultOutputLimit = 64 << 20

    /// Creates an extractor for an executable that has already described itself.
    /// - Parameters:
    ///   - executableURL: the `ingest-extractor-NAME` executable.
    ///   - declaration: what its `describe` printed.
    ///   - outputLimit: how many bytes one extraction may write.
    public init(
        executableURL: URL, declaration: ExternalExtractorDescription, outputLimit: Int = Self.defaultOutputLimit
    ) {
        self.executableURL = executableURL
        self.declaration = declaration
        self.outputLimit = outputLimit
    }

    /// The identifier the executable declared.
    public var identifier: String { declaration.identifier }
    /// The version the executable declared.
    public var version: String { declaration.version }
    /// The summary the executable declared.
    public var summary: String { declaration.summary }
    /// The media types the executable declared.
    public var fileTypes: [FileType] { declaration.mediaTypes.map(FileType.init(mediaType:)) }
    /// The extensions the executable declared.
    public var fileExtensions: [String] { declaration.extensions.map { $0.lowercased() } }

    /// Ranks a declared extension on text above the plain-text extractor's claim on any text (a `.md` file is
    /// Markdown before it is text), and below a declared content type.
    static let namedTextExtension = ExtractionConfidence(rank: ExtractionConfidence.content.rank + 5)

    /// By declared media type or magic prefix (``ExtractionConfidence/certain`` for magic), or by extension for text.
    /// - Parameter input: the sniffed input.
    /// - Returns: the confidence, or `nil` when the executable declared nothing that matches.
    public func confidence(for input: SniffedInput) -> ExtractionConfidence? {
        let magic = declaration.magicBytes
        if let longest = magic.map(\.count).max(), let prefix = try? input.input.readPrefix(longest),
            magic.contains(where: { prefix.starts(with: $0) })
        {
            return .certain
        }
        if fileTypes.contains(input.detectedType) { return .content }
        if input.detectedType == .plainText, fileExtensions.contains(input.fileExtension) {
            return Self.namedTextExtension
        }
        return nil
    }

    /// Runs `ingest-extractor-NAME extract PATH` and decodes its output.
    /// - Parameters:
    ///   - input: the sniffed input; bytes in memory are written to a temporary file that is always removed.
    ///   - context: the limits (the file size limit applies before the process starts; the process is killed after
    ///     ``ExtractionLimits/timePerFile``).
    /// - Returns: the document, with the host's source and this extractor's identifier and version.
    /// - Throws: ``IngestError`` when the process fails, crashes, hangs or returns something else.
    public func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError)
        -> MinutesDocument
    {
        let path = input.input.path
        let size = try input.input.byteCount()
        guard size <= context.limits.maxFileBytes else {
            throw .tooLarge(path: path, bytes: size, limit: context.limits.maxFileBytes)
        }
        let output: ExternalProcess.Output
        switch input.input.content {
        case .file(let url):
            output = try await run(on: url, path: path, timeout: context.limits.timePerFile)
        case .bytes(let data):
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("ingest-extractor-\(UUID().uuidString)", isDirectory: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent(input.input.fileName.isEmpty ? "input" : input.input.fileName)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: file)
            } catch {
                throw IngestError(
                    code: .unreadable, path: path, message: "cannot write a temporary file for extractor \(identifier)",
                    advice: "check the space in \(FileManager.default.temporaryDirectory.path)")
            }
            output = try await run(on: file, path: path, timeout: context.limits.timePerFile)
        }
        return try decode(output.stdout, source: input.source, path: path)
    }

    private func run(on file: URL, path: String, timeout: Duration) async throws(IngestError)
        -> ExternalProcess.Output
    {
        let output: ExternalProcess.Output
        do {
            output = try await ExternalProcess.run(
                executableURL, ["extract", file.path], timeout: timeout, outputLimit: outputLimit)
        } catch {
            throw IngestError(
                code: .extractorFailed, path: path,
                message: "cannot start extractor \(identifier) (\(executableURL.path)): \(error.localizedDescription)",
                advice: "check that the file is executable")
        }
        switch output.ending {
        case .exited(0):
            return output
        case .exited(let status):
            throw reportedError(output.stderr, status: status, path: path)
        case .signalled(let signal):
            throw IngestError(
                code: .extractorCrashed, path: path,
                message: "extractor \(identifier) crashed: \(SignalName.of(signal))",
                advice: "report it to the extractor's author (\(executableURL.path))")
        case .timedOut:
            throw IngestError(
                code: .extractorTimedOut, path: path,
                message: "extractor \(identifier) timed out after \(timeout.components.seconds) s",
                advice: "raise --timeout if the file is large, or report it to the extractor's author")
        case .outputTooLarge:
            throw IngestError(
                code: .extractorOutputInvalid, path: path,
                message: "extractor \(identifier) wrote more than \(outputLimit) bytes",
                advice: "report it to the extractor's author (\(executableURL.path))")
        }
    }

    /// The `{"code","message","advice"}` the process wrote to stderr, or its stderr as text.
    private func reportedError(_ stderr: Data, status: Int32, path: String) -> IngestError {
        struct Reported: Decodable {
            var code: String?
            var message: String
            var advice: String?
        }
        if let reported = try? JSONDecoder().decode(Reported.self, from: stderr) {
            return IngestError(
                code: IngestError.Code(reported.code ?? IngestError.Code.extractorFailed.name), path: path,
                message: reported.message, advice: reported.advice)
        }
        let text =
            String(decoding: stderr.prefix(500), as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return IngestError(
            code: .extractorFailed, path: path,
            message: "extractor \(identifier) failed with exit status \(status)" + (text.isEmpty ? "" : ": \(text)"),
            advice: "run `\(executableURL.path) extract FILE` to see the whole error")
    }

    /// Decodes stdout as a minutes document and holds it to the schema's rules (``MinutesDocumentRules``).
    /// `source` and `extractor` may be missing: the host's replace whatever the process wrote.
    private func decode(_ stdout: Data, source: SourceInfo, path: String) throws(IngestError) -> MinutesDocument {
        func invalid(_ reason: String) -> IngestError {
            IngestError(
                code: .extractorOutputInvalid, path: path,
                message: "the extractor \(identifier) returned output that is not a minutes document: \(reason)",
                advice: "report it to the extractor's author (\(executableURL.path)); "
                    + "schema/minutes-document.schema.json describes the output")
        }
        guard let received = (try? JSONSerialization.jsonObject(with: stdout)) as? [String: Any] else {
            throw invalid("not a JSON object")
        }
        guard received["schemaVersion"] as? Int == MinutesDocument.currentSchemaVersion else {
            throw invalid("schemaVersion is not \(MinutesDocument.currentSchemaVersion)")
        }
        var object = received
        object["source"] = ["path": path, "fileName": "", "mediaType": "", "bytes": 0, "sha256": ""]
        object["extractor"] = ["name": identifier, "version": version]
        var document: MinutesDocument
        do {
            let patched = try JSONSerialization.data(withJSONObject: object)
            document = try JSONDecoder().decode(MinutesDocument.self, from: patched)
        } catch let error as DecodingError {
            throw invalid(Self.describe(error))
        } catch {
            throw invalid(error.localizedDescription)
        }
        document.source = source
        document.extractor = info
        let problems =
            MinutesDocumentRules.unknownKeys(in: received, comparedWith: document, ignoring: ["source", "extractor"])
            + MinutesDocumentRules.violations(of: document)
        if let first = problems.first {
            throw invalid(first + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""))
        }
        return document
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "" : " at \(path)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(key.stringValue)\(at(context))"
        case .typeMismatch(_, let context): return "wrong type\(at(context)): \(context.debugDescription)"
        case .valueNotFound(_, let context): return "missing value\(at(context))"
        case .dataCorrupted(let context): return "invalid\(at(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
