public import IngestCore

/// Turns the extracted files of a bundle, or of one folder of a collection, into minutes documents with their
/// attachments linked.
///
/// The minutes are found by content (``MinutesLikeness``: a minutes title, agenda items, participants, a date, an
/// attachment list), never by file name alone. Each entry of the minutes' attachment list is linked to the file that
/// backs it (``AttachmentLinker``); listed entries without a file, and files listed nowhere, become warnings.
public enum BundleAssembler {
    /// One document of the files of one bundle (a zip, a folder, an e-mail).
    ///
    /// The most minutes-like file is the minutes; every other file becomes an attachment, linked to its entry in
    /// the list when it has one and appended otherwise, so no file of the bundle is lost.
    /// - Parameters:
    ///   - members: the bundle's files, extracted.
    ///   - bundle: the bundle itself, recorded in the document.
    ///   - fallback: the member to take as the main document when no file looks like minutes (an e-mail's body).
    ///   - titles: titles for unlisted members, by path, where the bundle knows better than the file's first line.
    /// - Throws: ``IngestError`` when no file of the bundle could be extracted.
    public static func bundle(
        _ members: [ExtractedMember], as bundle: BundleInfo, fallback: String? = nil, titles: [String: String] = [:]
    ) throws(IngestError) -> MinutesDocument {
        let scored = scores(members)
        var mainIndex = scored.filter { $0.score >= MinutesLikeness.threshold }.max { isLess($0, $1, members) }?.index
        var warnings: [String] = []
        if mainIndex == nil {
            mainIndex = members.firstIndex { $0.path == fallback && $0.document != nil } ?? scored.max { isLess($0, $1, members) }?.index
            if let mainIndex {
                warnings.append("no file in the bundle looks like minutes; \(members[mainIndex].path) is taken as the main document")
            }
        }
        guard let mainIndex, var document = members[mainIndex].document else {
            throw nothingExtracted(members, bundle: bundle)
        }
        document.warnings += warnings
        let others = members.indices.filter { $0 != mainIndex }
        attach(others.map { members[$0] }, to: &document, includeUnlisted: true, titles: titles)
        document.bundle = bundle
        return document
    }

    /// The documents in one folder of a collection (an archive or a folder tree of many meetings).
    ///
    /// Each minutes-like file takes the files its attachment list names. When the folder holds exactly one
    /// minutes document, it is a bundle: every other file of the folder is attached to it. Files that belong to
    /// no minutes stand alone, and files that failed to extract are reported as failures.
    /// - Parameters:
    ///   - members: the files directly in the folder, extracted.
    ///   - folder: the folder as a bundle, recorded in documents that took files from it.
    /// - Returns: the documents in the order of their main files, each with that file's path.
    public static func assemble(_ members: [ExtractedMember], folder: BundleInfo) -> [AssembledDocument] {
        let scored = scores(members)
        let minutes = scored.filter { $0.score >= MinutesLikeness.threshold }
            .sorted { isLess($1, $0, members) }.map(\.index)
        var used = Set(minutes)
        var documents: [Int: MinutesDocument] = [:]
        for index in minutes {
            guard var document = members[index].document else { continue }
            let free = members.indices.filter { !used.contains($0) }
            let taken: [Int]
            if minutes.count == 1 {
                taken = free
            } else {
                let links = AttachmentLinker.link(document.attachments, to: free.map { candidate(members[$0]) })
                taken = links.compactMap { $0.map { free[$0] } }
            }
            guard !taken.isEmpty || minutes.count == 1 && members.count > 1 else {
                documents[index] = document
                continue
            }
            attach(taken.map { members[$0] }, to: &document, includeUnlisted: minutes.count == 1)
            document.bundle = folder
            used.formUnion(taken)
            documents[index] = document
        }
        return members.indices.compactMap { index -> AssembledDocument? in
            if let document = documents[index] { return AssembledDocument(path: members[index].path, result: .success(document)) }
            guard !used.contains(index) else { return nil }
            return AssembledDocument(path: members[index].path, result: members[index].result)
        }
    }

    /// Links `files` to the document's attachment list; with `includeUnlisted`, files named nowhere are appended.
    static func attach(
        _ files: [ExtractedMember], to document: inout MinutesDocument, includeUnlisted: Bool,
        titles: [String: String] = [:]
    ) {
        let links = AttachmentLinker.link(document.attachments, to: files.map(candidate))
        for (entry, link) in links.enumerated() {
            guard let link else {
                let attachment = document.attachments[entry]
                document.warnings.append(
                    "attachment \(attachment.number.map { "\($0) " } ?? "")'\(attachment.title)' is listed but no file in the bundle backs it")
                continue
            }
            document.attachments[entry].source = files[link].source
            document.attachments[entry].document = files[link].document
            if case .failure(let error) = files[link].result {
                document.warnings.append("attachment \(files[link].path) could not be extracted: \(error.message)")
            }
        }
        let linked = Set(links.compactMap { $0 })
        for (index, file) in files.enumerated() where !linked.contains(index) {
            guard includeUnlisted else { continue }
            let title = titles[file.path] ?? file.document?.title ?? FileNameWords.stem(of: file.fileName)
            document.attachments.append(Attachment(title: title, source: file.source, document: file.document))
            var warning = "file \(file.path) is in the bundle but not in the minutes' attachment list"
            if case .failure(let error) = file.result { warning += ", and could not be extracted: \(error.message)" }
            document.warnings.append(warning)
        }
    }

    /// The error for a bundle none of whose files could be extracted. When every file failed the same way (all
    /// encrypted, all nested too deep), that failure's code and advice carry through, so the user learns what to do.
    private static func nothingExtracted(_ members: [ExtractedMember], bundle: BundleInfo) -> IngestError {
        let errors = members.compactMap { member -> (path: String, error: IngestError)? in
            guard case .failure(let error) = member.result else { return nil }
            return (member.path, error)
        }
        guard let first = errors.first else {
            return IngestError(code: .emptyFile, path: bundle.source.path, message: "the bundle holds no files",
                               advice: "check that the archive, folder or e-mail is the one you meant")
        }
        let reasons = errors.prefix(3).map { "\($0.path): \($0.error.message)" }.joined(separator: "; ")
        let sameCode = errors.allSatisfy { $0.error.code == first.error.code }
        return IngestError(
            code: sameCode ? first.error.code : .damaged, path: bundle.source.path,
            message: "no file in the bundle could be extracted (\(reasons))",
            advice: sameCode ? first.error.advice : "check the files in the bundle, or extract them one by one")
    }

    private static func candidate(_ member: ExtractedMember) -> AttachmentLinker.Candidate {
        AttachmentLinker.Candidate(fileName: member.fileName, title: member.document?.title)
    }

    private typealias Scored = (index: Int, score: Int)

    private static func scores(_ members: [ExtractedMember]) -> [Scored] {
        members.indices.compactMap { index in
            members[index].document.map { (index, MinutesLikeness.score($0, fileName: members[index].fileName)) }
        }
    }

    /// Orders by score, then by agenda items, then earlier paths first.
    private static func isLess(_ left: Scored, _ right: Scored, _ members: [ExtractedMember]) -> Bool {
        if left.score != right.score { return left.score < right.score }
        let leftItems = members[left.index].document?.agendaItems.count ?? 0
        let rightItems = members[right.index].document?.agendaItems.count ?? 0
        if leftItems != rightItems { return leftItems < rightItems }
        return members[left.index].path > members[right.index].path
    }
}

/// A document assembled from a collection folder, or a file of it that failed.
public struct AssembledDocument: Sendable {
    /// The path of the document's main file in the collection.
    public var path: String
    /// The document, or why its file failed.
    public var result: Result<MinutesDocument, IngestError>
}
