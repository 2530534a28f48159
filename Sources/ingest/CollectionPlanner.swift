import AttachmentBundleExtractor
import Foundation
import IngestCore

/// Turns the paths named on the command line into jobs: a file is one job; a folder, or a zip, tar or 7z archive,
/// is a collection of many meetings and becomes one job per folder inside it.
struct CollectionPlanner {
    /// The registry, for sniffing.
    var registry: ExtractorRegistry
    /// The limits for reading archives and folders.
    var limits: ExtractionLimits

    /// The file types read as collections when named on the command line (folders are collections too).
    static let collectionTypes: Set<FileType> = [.zip, .tar, .gzip, .sevenZip]

    /// The jobs for the inputs, in input order, and the warnings met while listing collections.
    func plan(_ inputs: [ExtractionInput]) -> (jobs: [BatchJob], failures: [BatchOutcome], warnings: [String]) {
        var jobs: [BatchJob] = []
        var failures: [BatchOutcome] = []
        var warnings: [String] = []
        var outputFolders = Set<String>()
        let collections = inputs.map(isCollection)
        let singles = inputs.indices.filter { !collections[$0] }
        let names = Dictionary(
            uniqueKeysWithValues: zip(singles, OutputNames.jsonFileNames(for: singles.map { inputs[$0].fileName })))
        for (index, input) in inputs.enumerated() {
            if let name = names[index] {
                let size = (try? input.byteCount()) ?? 0
                jobs.append(BatchJob(path: input.path, size: size, fileCount: 1, work: .file(input, outputName: name)))
                continue
            }
            do throws(IngestError) {
                let sniffed = try registry.sniff(input, limits: limits)
                let contents = try BundleContents.read(sniffed, limits: limits)
                warnings += contents.warnings.map { "\(input.path): \($0)" }
                if contents.files.isEmpty && contents.unreadable.isEmpty {
                    throw IngestError(
                        code: .emptyFile, path: input.path,
                        message: "holds no file to extract (links, devices and empty folders are skipped)",
                        advice: "the warnings above say what was skipped")
                }
                let name = uniqueOutputFolder(for: input.fileName, taken: &outputFolders)
                jobs += folderJobs(sniffed, contents: contents, outputFolder: name)
            } catch {
                failures.append(BatchOutcome(path: input.path, outputPath: input.fileName + ".json", result: .failure(error)))
            }
        }
        return (jobs, failures, warnings)
    }

    private func isCollection(_ input: ExtractionInput) -> Bool {
        if input.isFolder { return true }
        guard let prefix = try? input.readPrefix(FileTypeSniffer.prefixLength) else { return false }
        let type = FileTypeSniffer.sniff(prefix: prefix, fileExtension: input.fileExtension).type
        return Self.collectionTypes.contains(type)
    }

    /// One job per folder of the collection, in path order.
    private func folderJobs(_ collection: SniffedInput, contents: BundleContents, outputFolder: String) -> [BatchJob] {
        var files: [String: [BundleFile]] = [:]
        var unreadable: [String: [ExtractedMember]] = [:]
        for file in contents.files { files[Self.parent(of: file.path), default: []].append(file) }
        for member in contents.unreadable { unreadable[Self.parent(of: member.path), default: []].append(member) }
        let folders = Set(files.keys).union(unreadable.keys).sorted()
        let isArchive = collection.detectedType != .folder
        return folders.map { folder in
            let folderFiles = files[folder] ?? []
            let separator = isArchive ? "!" : "/"
            let path = folder.isEmpty ? collection.input.path : "\(collection.input.path)\(separator)\(folder)"
            var source = collection.source
            if !folder.isEmpty {
                source = SourceInfo(
                    path: path, fileName: folder.split(separator: "/").last.map(String.init) ?? folder,
                    mediaType: FileType.folder.mediaType, bytes: 0, sha256: source.sha256)
            }
            let job = CollectionFolder(
                collectionPath: collection.input.path, separator: separator, outputFolder: outputFolder, source: source,
                sourceIsFinal: isArchive && folder.isEmpty, files: folderFiles, unreadable: unreadable[folder] ?? [])
            let size = folderFiles.reduce(0) { $0 + ((try? $1.input.byteCount()) ?? 0) }
            return BatchJob(path: path, size: size, fileCount: folderFiles.count + job.unreadable.count, work: .folder(job))
        }
    }

    private func uniqueOutputFolder(for fileName: String, taken: inout Set<String>) -> String {
        var stem = OutputNames.stem(of: fileName)
        if stem.lowercased().hasSuffix(".tar") { stem = OutputNames.stem(of: stem) }  // meetings.tar.gz → meetings
        return OutputNames.claim(stem, taken: &taken) { "\(stem)-\($0)" }
    }

    /// The folder part of a "/"-separated relative path; empty at the top.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
