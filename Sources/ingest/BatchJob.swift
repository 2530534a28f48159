import AttachmentBundleExtractor
import IngestCore

/// One unit of work of a run: a file the user named, or one folder of a collection (an archive or a folder tree
/// named on the command line).
struct BatchJob: Sendable {
    /// What the job extracts.
    enum Work: Sendable {
        /// A single file (or an e-mail or zip read as one bundle).
        case file(ExtractionInput, outputName: String)
        /// The files directly in one folder of a collection, assembled into documents by ``BundleAssembler``.
        case folder(CollectionFolder)
    }

    /// The path shown in progress and errors.
    var path: String
    /// The bytes the job reads, to start big jobs first.
    var size: Int
    /// How many files the job covers.
    var fileCount: Int
    /// What to extract.
    var work: Work
}

/// One folder of a collection: its files, ready for the registry.
struct CollectionFolder: Sendable {
    /// The collection as named on the command line (`archive.zip`, `minutes/`).
    var collectionPath: String
    /// What joins the collection's path and a member's path: "!" in an archive, "/" in a folder.
    var separator: String
    /// The name the collection's documents are filed under in `--out` (the collection's file name without its
    /// extension, unique in the run).
    var outputFolder: String
    /// The folder as a bundle, with its size and hash still to be computed from its files (unless it is the
    /// archive itself).
    var source: SourceInfo
    /// Whether `source` is final (the top of an archive: the archive file itself).
    var sourceIsFinal: Bool
    /// The files directly in the folder.
    var files: [BundleFile]
    /// Entries of the folder that could not be read out of the archive.
    var unreadable: [ExtractedMember]
}

/// One document (or failure) a job produced.
struct BatchOutcome: Sendable {
    /// The path shown in progress and errors.
    var path: String
    /// The file to write under `--out`, relative: `NAME.json` for a file named on the command line (see
    /// ``OutputNames``), `archive/2023/referat.json` for a document of a collection, mirroring its folders.
    var outputPath: String
    /// The document, or why it failed.
    var result: Result<MinutesDocument, IngestError>
}
