import Foundation
import IngestCore
import IngestStore
import Synchronization

/// What happened to one entry of the watched folder.
enum EntryOutcome: Sendable {
    /// Extracted and saved: inserted, a new version of its path, or content the store already had.
    case stored(SaveOutcome)
    /// The store already had the content before extraction (a copy, or a file stored just before a crash):
    /// nothing was extracted or written.
    case alreadyStored(id: Int64)
    /// It could not be extracted: the report was written to `failed/` and the input moved (or kept) beside it.
    case failed(IngestError, report: String)
    /// `--keep`: this content under this name was handled before.
    case alreadyHandled
    /// It was gone before it could be taken (deleted, moved out, or taken under another event).
    case vanished
    /// Not a regular file or folder (a symbolic link, a FIFO): left alone.
    case notAnInput
    /// Some process still has it open for writing: taken once it is closed and quiet.
    case stillOpen
    /// It changed while it was read: taken again once quiet (a document saved meanwhile stays as a version).
    case changedWhileProcessing
    /// The store could not be read or written, or the input not moved: it stays and is tried again later.
    case retry(String)
}

/// What a `--keep` watcher remembers about an input it handled, so events on it do not take it again.
enum HandledInput: Hashable, Sendable {
    /// A file, by name and content hash.
    case content(name: String, sha256: String)
    /// A folder, or a file that could not be hashed, by name and fingerprint (sizes, times and inodes of
    /// everything in it).
    case state(name: String, fingerprint: EntryFingerprint)
}

/// Takes one entry of the watched folder from arrival to `processed/` or `failed/`, so that a crash at any
/// moment loses nothing and stores nothing twice.
///
/// The steps, in order: (1) the content hash of a file; if the store has a record with it, the file was stored
/// before (by a run that died before moving it), so it is only moved; (2) extraction through the registry (a
/// folder is one bundle input); (3) one `save` transaction; (4) only after the commit, the rename into
/// `processed/`. A failure writes `failed/NAME.error.json` atomically, then renames the input beside it. Each step
/// is atomic and the input stays where it was until the last one, so after a `kill -9` the next run finds either
/// the input in the watched folder (stored or not: step 1 tells) or in `processed/`/`failed/`, never both.
struct EntryProcessor: Sendable {
    /// The watched folder.
    var folder: DropFolder
    /// Where documents are saved.
    var store: MinutesStore
    /// The extractors.
    var registry: ExtractorRegistry
    /// Limits and options for extraction.
    var context: ExtractionContext
    /// Leave inputs where they are instead of moving them.
    var keep: Bool
    /// With ``keep``: the inputs already handled.
    var handled: HandledInputs

    /// Processes the entry `name`.
    func process(_ name: String) async -> EntryOutcome {
        let path = folder.path(of: name)
        let before = EntryFingerprint.of(path)
        guard let status = before.stamps.first?.status else { return .vanished }
        let input = ExtractionInput(fileURL: URL(fileURLWithPath: path), path: path)
        let handledInput: HandledInput
        // Sniffing reads and hashes the whole file: done once, and the extraction below starts from its result.
        let sniffed: SniffedInput
        switch status.kind {
        case .other:
            return .notAnInput
        case .regular:
            if OpenWriterCheck.check(path) == .openForWriting { return .stillOpen }
            if keep && handled.contains(.state(name: name, fingerprint: before)) { return .alreadyHandled }
            do {
                sniffed = try registry.sniff(input, limits: context.limits)
            } catch {
                return fail(name, error, handledAs: .state(name: name, fingerprint: before), before: before)
            }
            let hash = sniffed.source.sha256
            handledInput = .content(name: name, sha256: hash)
            if keep && handled.contains(handledInput) { return .alreadyHandled }
            do {
                if let id = try store.record(sha256: hash) {
                    return finish(name, .alreadyStored(id: id), handledAs: handledInput, before: before)
                }
            } catch {
                return .retry("cannot read the store (\(error))")
            }
        case .directory:
            // A bundle's hash is computed over its files by the bundle extractor: saving tells whether it is new.
            if OpenWriterCheck.anyOpenForWriting(before.regularFiles.map { path + "/" + $0 }) { return .stillOpen }
            handledInput = .state(name: name, fingerprint: before)
            if keep && handled.contains(handledInput) { return .alreadyHandled }
            do {
                sniffed = try registry.sniff(input, limits: context.limits)
            } catch {
                return fail(name, error, handledAs: handledInput, before: before)
            }
        }
        let document: MinutesDocument
        do {
            document = try await registry.choose(for: sniffed).extract(sniffed, context: context)
        } catch {
            return fail(name, error, handledAs: handledInput, before: before)
        }
        let saved: SaveOutcome
        do {
            saved = try store.save(document, path: path)
        } catch {
            return .retry("cannot save to the store (\(error))")
        }
        return finish(name, .stored(saved), handledAs: handledInput, before: before)
    }

    /// After the commit: moves the input into `processed/` (or remembers it, with `--keep`).
    private func finish(
        _ name: String, _ outcome: EntryOutcome, handledAs handledInput: HandledInput, before: EntryFingerprint
    ) -> EntryOutcome {
        // Written to while it was read: the record may hold a partial file; the next round stores the whole one.
        guard EntryFingerprint.of(folder.path(of: name)) == before else { return .changedWhileProcessing }
        if keep {
            handled.insert(handledInput)
            return outcome
        }
        do {
            _ = try folder.moveToProcessed(name)
        } catch {
            return .retry("stored, but \(error)")
        }
        return outcome
    }

    /// Reports a failed input in `failed/` and moves it there (or leaves it, with `--keep`).
    private func fail(
        _ name: String, _ error: IngestError, handledAs handledInput: HandledInput, before: EntryFingerprint
    ) -> EntryOutcome {
        let after = EntryFingerprint.of(folder.path(of: name))
        if error.code == .fileNotFound || !after.exists { return .vanished }
        // A file that changed while it was read failed on a half-written state: judge the whole one.
        guard after == before else { return .changedWhileProcessing }
        let report = FailureReport(error: error, failedAt: Date())
        let reportPath: String
        do {
            reportPath = try folder.moveToFailed(name, report: report.json, keepingInput: keep)
        } catch {
            return .retry("cannot report the failure (\(error.message))")
        }
        if keep { handled.insert(handledInput) }
        return .failed(error, report: reportPath)
    }
}

/// The inputs a `--keep` watcher has handled, shared by its jobs.
final class HandledInputs: Sendable {
    private let inputs = Mutex(Set<HandledInput>())

    /// Creates an empty set.
    init() {}

    /// Whether `input` was handled.
    func contains(_ input: HandledInput) -> Bool {
        inputs.withLock { $0.contains(input) }
    }

    /// Remembers `input` as handled.
    func insert(_ input: HandledInput) {
        _ = inputs.withLock { $0.insert(input) }
    }
}

/// The `NAME.error.json` written beside an input in `failed/`.
struct FailureReport: Encodable, Sendable {
    /// The input as it was named in the watched folder.
    var path: String
    /// The error code (``IngestError/Code``).
    var code: String
    /// What happened.
    var message: String
    /// What to do about it; `null` when there is nothing to say.
    var advice: String?
    /// When it failed.
    var failedAt: Date

    /// The report of `error`.
    init(error: IngestError, failedAt: Date) {
        path = error.path
        code = error.code.name
        message = error.message
        advice = error.advice
        self.failedAt = failedAt
    }

    private enum CodingKeys: String, CodingKey {
        case path, code, message, advice, failedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(advice, forKey: .advice)  // null rather than missing: every report has every key
        try container.encode(failedAt, forKey: .failedAt)
    }

    /// The report as pretty JSON, keys sorted, dates in ISO 8601.
    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Strings and a date only: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
