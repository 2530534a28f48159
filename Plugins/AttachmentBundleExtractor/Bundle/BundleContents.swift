import Foundation
public import IngestCore

/// A file of a bundle or collection, ready for the registry.
public struct BundleFile: Sendable {
    /// The path inside the bundle ("2023/Vedlegg 2.pdf"), "/"-separated and safe.
    public var path: String
    /// The bytes: a file on disk (folders) or in memory (archive members, e-mail attachments).
    public var input: ExtractionInput
}

/// What a bundle holds: its files, the ones that could not be read out of it, and what to tell the user.
public struct BundleContents: Sendable {
    /// The files to extract.
    public var files: [BundleFile] = []
    /// Entries that could not be read out of the bundle (encrypted, over a size limit), as failed members.
    public var unreadable: [ExtractedMember] = []
    /// Skipped links, rewritten paths, limits hit.
    public var warnings: [String] = []
    /// The member to take as the main document when none looks like minutes (an e-mail's body).
    public var fallback: String?
    /// Properties of the bundle itself (an e-mail's subject, sender and date).
    public var properties: [String: String] = [:]
    /// Titles for members that have a better one than their own first line, by path (an e-mail's body: its subject).
    public var titles: [String: String] = [:]

    /// The name an e-mail's body gets among its attachments.
    public static let messageBodyName = "message.txt"

    /// Reads the files out of a zip, tar or 7z archive, a folder, or an e-mail.
    /// - Throws: ``IngestError`` when the bundle cannot be opened, or is not one of those.
    public static func read(_ input: SniffedInput, limits: ExtractionLimits) throws(IngestError) -> BundleContents {
        switch input.detectedType {
        case .folder: return try folder(input.input, limits: limits)
        case .email: return try email(input.input, limits: limits)
        case _ where input.fileExtension == "eml": return try email(input.input, limits: limits)
        default: return try archive(input.input, limits: limits)
        }
    }

    private static func folder(_ input: ExtractionInput, limits: ExtractionLimits) throws(IngestError) -> BundleContents {
        guard case .file(let url) = input.content else {
            throw IngestError(code: .unsupportedType, path: input.path, message: "is not a folder")
        }
        let listing = try FolderWalker.list(url, limits: limits)
        var contents = BundleContents(warnings: listing.warnings)
        contents.files = listing.files.map { file in
            BundleFile(path: file.relativePath, input: ExtractionInput(fileURL: file.url, path: "\(input.path)/\(file.relativePath)"))
        }
        return contents
    }

    private static func archive(_ input: ExtractionInput, limits: ExtractionLimits) throws(IngestError) -> BundleContents {
        let listing = try ArchiveReader.read(input, limits: limits)
        var contents = BundleContents(warnings: listing.warnings)
        for member in listing.members {
            switch member.kind {
            case .file:
                let memberPath = "\(input.path)!\(member.path)"
                if let data = member.data {
                    contents.files.append(BundleFile(path: member.path, input: ExtractionInput(data: data, path: memberPath)))
                } else {
                    let error = IngestError(
                        code: Self.code(forProblem: member.problem), path: memberPath,
                        message: member.problem ?? "could not be read from the archive")
                    contents.unreadable.append(ExtractedMember(path: member.path, source: nil, result: .failure(error)))
                }
            case .symlink(let target), .hardlink(let target):
                contents.warnings.append("\(member.path): skipped, a link to \(target)")
            case .directory, .other:
                continue
            }
        }
        return contents
    }

    private static func email(_ input: ExtractionInput, limits: ExtractionLimits) throws(IngestError) -> BundleContents {
        let message = try MailReader.read(input, limits: limits)
        var contents = BundleContents(warnings: message.warnings)
        if !message.bodyText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            contents.files.append(BundleFile(
                path: messageBodyName, input: ExtractionInput(data: Data(message.bodyText.utf8), path: "\(input.path)!\(messageBodyName)")))
            contents.fallback = messageBodyName
            contents.titles[messageBodyName] = message.subject.map { "E-mail: \($0)" } ?? "E-mail message"
        }
        var taken: Set<String> = [messageBodyName.lowercased()]
        for attachment in message.attachments {
            let name = uniqueName(attachment.fileName, taken: &taken)
            contents.files.append(BundleFile(path: name, input: ExtractionInput(data: attachment.data, path: "\(input.path)!\(name)")))
        }
        contents.properties = [
            "emailSubject": message.subject, "emailFrom": message.from,
            "emailTo": message.to.isEmpty ? nil : message.to.joined(separator: ", "),
            "emailDate": message.date.map { $0.formatted(.iso8601) },
        ].compactMapValues { $0 }
        return contents
    }

    /// The error code for a member the archive reader could not read, from its stated problem.
    private static func code(forProblem problem: String?) -> IngestError.Code {
        guard let problem else { return .damaged }
        if problem.hasPrefix("encrypted") { return .encrypted }
        if problem.contains(" limit") { return .limitExceeded }
        return .damaged
    }

    /// `name`, or `name (2)` … when an earlier attachment has the same name.
    private static func uniqueName(_ name: String, taken: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            let stem = FileNameWords.stem(of: name)
            candidate = "\(stem) (\(counter))" + name.dropFirst(stem.count)
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
