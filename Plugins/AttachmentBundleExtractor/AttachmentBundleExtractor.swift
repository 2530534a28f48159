public import IngestCore

/// Reads a bundle — the minutes and their attachments in one zip, tar or 7z archive, folder or e-mail — into one
/// document.
///
/// Every file of the bundle is extracted through the registry (a zip in a zip, a PDF with embedded files, an
/// e-mail with a zip all nest, down to ``ExtractionLimits/maxNestingDepth``). The file that looks most like minutes
/// becomes the document; the entries of its attachment list are linked to the files that back them, and every
/// other file is attached too, so nothing in the bundle is lost (see ``BundleAssembler``). The document's
/// ``MinutesDocument/bundle`` describes the bundle, ``MinutesDocument/source`` the minutes file in it.
public struct AttachmentBundleExtractor: Extractor {
    public let identifier = "bundle"
    public let version = "1.0.0"
    public let summary = "minutes with their attachments: zip, tar, 7z, folder, e-mail (.eml)"
    /// libarchive, GMime and libxml2 read the input: isolated in a worker process by `ingest`.
    public let runsNativeCode = true
    public let fileTypes: [FileType] = [.zip, .tar, .gzip, .sevenZip, .email, .folder]
    public let fileExtensions = ["eml"]

    /// Creates the extractor.
    public init() {}

    /// The types above by content; besides, a `.eml` file the sniffer cannot place (a whole message in UTF-16
    /// has no signature it knows), which ``MailReader`` transcodes.
    public func confidence(for input: SniffedInput) -> ExtractionConfidence? {
        if fileTypes.contains(input.detectedType) { return .content }
        if input.detectedType == .binary, input.fileExtension == "eml" { return .fileExtension }
        return nil
    }

    public func extract(_ input: SniffedInput, context: ExtractionContext) async throws(IngestError)
        -> MinutesDocument
    {
        let nested = try context.nested(path: input.input.path)
        let contents = try BundleContents.read(input, limits: context.limits)
        let members = await MemberExtraction.extract(contents.files, context: nested) + contents.unreadable
        let bundle = BundleInfo(source: bundleSource(input, members: members), extractor: info, files: members.count)
        var document = try BundleAssembler.bundle(
            members, as: bundle, fallback: contents.fallback, titles: contents.titles)
        document.warnings += contents.warnings
        document.properties.merge(contents.properties) { own, _ in own }
        return document
    }

    /// The bundle's source; a folder's size and hash come from its files.
    private func bundleSource(_ input: SniffedInput, members: [ExtractedMember]) -> SourceInfo {
        guard input.detectedType == .folder else { return input.source }
        return FolderDigest.source(for: input.source, members: members)
    }
}
