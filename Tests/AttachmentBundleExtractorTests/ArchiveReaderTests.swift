import Foundation
import IngestCore
import Testing

@testable import AttachmentBundleExtractor

/// The archive reader against the shared corpus (real, damaged and hostile archives) and generated bombs.
@Suite struct ArchiveReaderTests {
    // MARK: Ordinary archives: names and byte counts as `unzip -l` and `tar tvf` report them

    @Test func readsTheTestDocumentsZip() throws {
        let listing = try read("zip/tika_test_documents.zip")
        #expect(listing.members.map(\.path) == Self.testDocuments)
        #expect(listing.members.allSatisfy { $0.kind == .file && $0.problem == nil })
        #expect(size(of: "testPDF.pdf", in: listing) == 34_824)
        #expect(size(of: "testTXT.txt", in: listing) == 49)
        #expect(size(of: "testEXCEL.xls", in: listing) == 13_824)
        #expect(listing.members.first { $0.path == "testPDF.pdf" }?.data?.prefix(5) == Data("%PDF-".utf8))
        #expect(listing.warnings.isEmpty)
    }

    @Test(arguments: ["archives/tika_test_documents.7z", "archives/tika_test_documents.tgz"])
    func readsTheTestDocumentsIn7zAndTgz(file: String) throws {
        let listing = try read(file)
        let files = listing.members.filter { $0.kind == .file }
        #expect(files.map(\.path) == Self.testDocuments.map { "test-documents/\($0)" })
        #expect(size(of: "test-documents/testWORD.doc", in: listing) == 19_456)
        #expect(size(of: "test-documents/testXML.xml", in: listing) == 766)
        #expect(listing.warnings.isEmpty)
    }

    @Test func readsANestedTarballOneLevelDeep() throws {
        let listing = try read("archives/tika_nested_tarball.tar")
        #expect(
            listing.members.map(\.path) == [
                "folderContainingTgz", "folderContainingTgz/inner", "folderContainingTgz/inner/nested.tgz",
            ])
        #expect(listing.members.map(\.kind) == [.directory, .directory, .file])
        #expect(listing.members[0].rawPath == "folderContainingTgz/")
        #expect(size(of: "folderContainingTgz/inner/nested.tgz", in: listing) == 206)
    }

    @Test func returnsAZipInsideAZipAsAMemberWithData() throws {
        let listing = try read("zip/tika_zip_of_zip.zip")
        #expect(listing.members.map(\.path) == ["html-within-zip.zip"])
        #expect(listing.members.first?.data?.count == 163)
        #expect(listing.members.first?.data?.prefix(2) == Data("PK".utf8))
    }

    @Test func readsTheDrosteZipOneLevelOnly() throws {
        let listing = try read("zip/tika_droste_recursive.zip")
        #expect(listing.members.map(\.path) == ["droste.jpg", "droste.zip"])
        #expect(size(of: "droste.jpg", in: listing) == 13_760)
        let outer = try Data(contentsOf: CorpusPaths.bundle("zip/tika_droste_recursive.zip"))
        #expect(listing.members.last?.data == outer, "the inner zip is the outer one, byte for byte")
    }

    @Test func readsBytesInMemoryLikeTheFile() throws {
        for file in ["zip/tika_test_documents.zip", "archives/tika_test_documents.tgz", "zip/SLIP_unicode.zip"] {
            let data = try Data(contentsOf: CorpusPaths.bundle(file))
            Self.useUTF8Locale()
            let fromMemory = try ArchiveReader.read(ExtractionInput(data: data, path: "bundle.zip"), limits: .init())
            #expect(fromMemory.members == (try read(file)).members, "\(file)")
        }
    }

    // MARK: Hostile paths and links

    static let slipSamples = [
        "zip/SLIP_dotdot.zip", "zip/SLIP_absolute_path.zip", "zip/SLIP_backslash.zip", "zip/SLIP_unicode.zip",
        "zip/SLIP_symlink_exfil.zip", "archives/SLIP_dotdot.tar", "archives/SLIP_hardlink.tar",
        "archives/SLIP_symlink_exfil.tar",
    ]

    @Test(arguments: slipSamples)
    func everyPathStaysInsideTheArchive(file: String) throws {
        let listing = try read(file)
        #expect(!listing.members.isEmpty)
        for member in listing.members {
            let components = member.path.split(separator: "/", omittingEmptySubsequences: false)
            #expect(!member.path.isEmpty && !member.path.hasPrefix("/") && !member.path.contains("\\"), "\(member)")
            #expect(!components.contains { $0.isEmpty || $0 == "." || $0 == ".." }, "\(member.path)")
            #expect(member.path == member.path.precomposedStringWithCanonicalMapping)
            switch member.kind {
            case .symlink, .hardlink: #expect(member.data == nil, "no data is read through a link")
            default: break
            }
            if member.path != member.rawPath.trimmingCharacters(in: CharacterSet(charactersIn: "/")).precomposed {
                #expect(listing.warnings.contains { $0.contains("rewritten to \(member.path)") }, "\(member.rawPath)")
            }
        }
    }

    @Test(arguments: ["zip/SLIP_dotdot.zip", "zip/SLIP_backslash.zip", "archives/SLIP_dotdot.tar"])
    func rewritesDotDotPaths(file: String) throws {
        let listing = try read(file)
        #expect(listing.members.map(\.path) == ["tmp/PWNED.txt"])
        #expect(listing.members.first?.data?.count == 1)
        #expect(listing.members.first?.problem?.hasPrefix("unsafe path") == true)
        #expect(listing.warnings == [#"unsafe path "../../../../../../tmp/PWNED.txt" rewritten to tmp/PWNED.txt"#])
    }

    @Test func rewritesAnAbsolutePath() throws {
        let listing = try read("zip/SLIP_absolute_path.zip")
        #expect(listing.members.map(\.path) == ["tmp/PWNED.txt"])
        #expect(listing.members.first?.rawPath == "/tmp/PWNED.txt")
        #expect(listing.warnings.count == 1)
    }

    @Test(arguments: ["zip/SLIP_symlink_exfil.zip", "archives/SLIP_symlink_exfil.tar"])
    func reportsSymlinksWithoutFollowingThem(file: String) throws {
        let listing = try read(file)
        #expect(
            listing.members.map(\.kind) == [
                .symlink(target: "/etc/passwd"), .symlink(target: "/proc/self/environ"), .symlink(target: "/"),
            ])
        #expect(listing.members.map(\.path) == ["passwd", "env", "root"])
        #expect(listing.members.allSatisfy { $0.data == nil })
        #expect(listing.warnings.count == 3)
        #expect(listing.warnings.first == #"passwd: symlink pointing outside the archive, to "/etc/passwd""#)
    }

    @Test func reportsAHardlinkAndTheFileThatReusesItsName() throws {
        let listing = try read("archives/SLIP_hardlink.tar")
        #expect(listing.members.map(\.kind) == [.hardlink(target: "/tmp/VICTIM.txt"), .file])
        #expect(listing.members.map(\.path) == ["hl", "hl"])
        #expect(listing.members[0].data == nil)
        #expect(listing.members[1].data?.count == 5)
        #expect(listing.warnings.contains("hl: duplicate path, an earlier member has the same one"))
    }

    @Test func flagsAFileWrittenThroughAnEarlierSymlink() throws {
        let listing = try read("zip/SLIP_unicode.zip")
        #expect(listing.members.map(\.path) == ["caf\u{E9}", "caf\u{E9}/PWNED.txt"], "both in NFC")
        #expect(listing.members[0].kind == .symlink(target: "/tmp"))
        #expect(listing.members[1].rawPath == "caf\u{E9}/PWNED.txt", "stored in NFD, but libarchive gives NFC")
        #expect(listing.members[1].problem == "path runs through the symlink caf\u{E9}")
    }

    // MARK: Damaged, encrypted and legacy-encoded archives

    @Test func keepsReadingAfterAnEncryptedMember() throws {
        let listing = try read("zip/tika_zip_one_entry_encrypted.zip")
        #expect(listing.members.map(\.path) == ["unencrypted.txt", "encrypted.txt"])
        #expect(listing.members[0].data == Data("hello world\r\n".utf8))
        #expect(listing.members[1].data == nil)
        #expect(listing.members[1].problem?.hasPrefix("encrypted: ") == true)
    }

    @Test func refusesAnArchiveWithAnEncryptedListing() {
        let error = #expect(throws: IngestError.self) { try read("archives/tika_full_encrypted.7z") }
        #expect(error?.code == .encrypted)
        #expect(error?.message.contains("header is encrypted") == true)
    }

    @Test func readsAZipWithDataDescriptorsThroughTheStreamingReader() throws {
        let listing = try read("zip/tika_zip_data_descriptor.zip")
        #expect(listing.members.map(\.path) == ["en0", "en1", "en2", "en3", "en4"])
        #expect(listing.members[0].data == Data([1, 2, 3, 4]))
        #expect(listing.members.allSatisfy { $0.data?.count == 4 })
        #expect(listing.warnings == ["read with the streaming zip reader: Damaged Zip archive"])
    }

    @Test func reportsACorruptedZipWithoutTrustingItsDeclaredSize() throws {
        let listing = try read("zip/tika_zip_corrupted_oom.zip")
        #expect(listing.members.map(\.path) == ["hello.txt"])
        #expect(listing.members[0].data == nil)
        #expect(listing.members[0].problem == "unreadable: Truncated ZIP file data")
        #expect(
            listing.warnings.last
                == "stopped at hello.txt: the archive is damaged (libarchive: Truncated ZIP file data)")
    }

    @Test func explainsOnePartOfASplitZip() {
        let error = #expect(throws: IngestError.self) { try read("zip/tika_spanned_split_archive.zip") }
        #expect(error?.code == .damaged)
        #expect(error?.message.hasPrefix("one part (number 2) of a split zip") == true)
        #expect(error?.message.contains("libarchive: Unrecognized archive format") == true)
    }

    @Test func failsFastOnAGzipQuine() {
        let error = #expect(throws: IngestError.self) { try read("archives/tika_quine.gz") }
        #expect(error?.code == .damaged)
        #expect(error?.message.contains("Input requires too many filters for decoding") == true)
    }

    @Test(arguments: [
        ("zip/tika_zip_gbk_entry_names.zip", "_V4.0.doc", 0), ("zip/tika_zip_sjis_entry_names.zip", "1.txt", 24),
    ])
    func givesLegacyEncodedNamesSomePath(file: String, suffix: String, bytes: Int) throws {
        let listing = try read(file)
        #expect(listing.members.count == 2)
        #expect(listing.members.allSatisfy { !$0.path.isEmpty && $0.path.contains("\u{FFFD}") })
        let member = listing.members.first { $0.path.hasSuffix(suffix) }
        #expect(member?.data?.count == bytes)
        #expect(listing.warnings.count == 1)
        #expect(listing.warnings.first?.hasPrefix("member names are not UTF-8") == true)
    }

    @Test(arguments: ["pdf/attachments/pypdf_with_attachment.pdf", "text/tika_utf8_non_ascii.txt"])
    func saysWhenTheInputIsNotAnArchive(file: String) {
        Self.useUTF8Locale()
        let input = ExtractionInput(fileURL: CorpusPaths.corpus.appendingPathComponent(file))
        let error = #expect(throws: IngestError.self) { try ArchiveReader.read(input, limits: .init()) }
        #expect(error?.code == .unsupportedType)
        #expect(error?.message.hasPrefix("not an archive") == true)
    }

    @Test func saysWhenGzipHoldsNoArchive() {
        let error = #expect(throws: IngestError.self) {
            try ArchiveReader.read(ExtractionInput(data: Self.gzippedText, path: "notes.txt.gz"), limits: .init())
        }
        #expect(error?.code == .unsupportedType)
        #expect(error?.message.hasPrefix("gzip-compressed data, but not an archive inside") == true)
    }

    @Test func refusesEmptyInput() {
        let error = #expect(throws: IngestError.self) {
            try ArchiveReader.read(ExtractionInput(data: Data(), path: "empty.zip"), limits: .init())
        }
        #expect(error?.code == .emptyFile)
    }

    // MARK: Limits

    @Test func dropsMembersOverTheEntryLimitAndKeepsReading() throws {
        let listing = try read("zip/tika_test_documents.zip", limits: ExtractionLimits(maxEntryBytes: 20_000))
        #expect(listing.members.count == 9)
        let dropped = listing.members.filter { $0.data == nil }.map(\.path)
        #expect(dropped == ["testOpenOffice2.odt", "testPDF.pdf"])
        #expect(
            listing.members.first { $0.path == "testPDF.pdf" }?.problem?.hasPrefix(
                "larger than the 19.5 KiB entry limit; not read (raise --max-entry-size") == true)
        #expect(size(of: "testWORD.doc", in: listing) == 19_456)
        #expect(listing.warnings.isEmpty)
    }

    @Test func stopsAtTheEntryCountLimit() throws {
        let listing = try read("archives/tika_test_documents.tgz", limits: ExtractionLimits(maxArchiveEntries: 3))
        #expect(
            listing.members.map(\.path) == [
                "test-documents", "test-documents/testEXCEL.xls", "test-documents/testHTML.html",
            ])
        #expect(listing.warnings.count == 1)
        #expect(listing.warnings.first?.hasPrefix("stopped after 3 entries, the entry limit") == true)
        #expect(listing.warnings.first?.contains("--max-entries") == true)
    }

    @Test func stopsAtTheUnpackedLimit() throws {
        let listing = try read("zip/tika_test_documents.zip", limits: ExtractionLimits(maxUnpackedBytes: 50_000))
        #expect(
            listing.members.map(\.path) == ["testEXCEL.xls", "testHTML.html", "testOpenOffice2.odt", "testPDF.pdf"])
        #expect(listing.members.map { $0.data?.count } == [13_824, 167, 26_448, nil])
        #expect(listing.members.last?.problem == "not read: the archive reached the 48.8 KiB unpacked limit")
        #expect(listing.warnings.count == 1)
        #expect(listing.warnings.first?.contains("for all members together") == true)
        #expect(listing.warnings.first?.hasSuffix("raise --max-unpacked if the archive is trusted") == true)
    }

    @Test func stopsAZipBombByItsCompressionRatio() throws {
        let bomb = try #require(Self.zerosBomb)
        let input = ExtractionInput(data: bomb, path: "bomb.zip")
        let error = #expect(throws: IngestError.self) { try ArchiveReader.read(input, limits: .init()) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message.hasPrefix("looks like a zip bomb: ratio ") == true)
        #expect(error?.message.contains(":1 exceeds 100:1 (unpacked ") == true)
        #expect(error?.advice?.contains("--max-ratio") == true)
    }

    @Test func readsTheBombWhenTheRatioIsAllowedUntilAnotherLimitStopsIt() throws {
        let bomb = try #require(Self.zerosBomb)
        let input = ExtractionInput(data: bomb, path: "bomb.zip")
        let trusting = ExtractionLimits(maxEntryBytes: 4 << 20, maxCompressionRatio: 10_000)
        let listing = try ArchiveReader.read(input, limits: trusting)
        #expect(listing.members.map(\.path) == ["zeros.bin", "small.txt"])
        #expect(listing.members[0].data == nil)
        #expect(listing.members[0].problem?.hasPrefix("larger than the 4 MiB entry limit") == true)
        #expect(listing.members[1].data == Data("after the zeros".utf8))

        let capped = ExtractionLimits(maxUnpackedBytes: 2 << 20, maxCompressionRatio: 10_000)
        let stopped = try ArchiveReader.read(input, limits: capped)
        #expect(stopped.members.map(\.path) == ["zeros.bin"])
        #expect(stopped.members.first?.problem == "not read: the archive reached the 2 MiB unpacked limit")
        #expect(stopped.warnings.first?.hasPrefix("stopped after unpacking ") == true)
        #expect(stopped.warnings.first?.contains(", over the 2 MiB limit for all members together") == true)
    }

    // MARK: Path sanitising on its own

    @Test(arguments: [
        ("../../x", "x", true), ("/etc/passwd", "etc/passwd", true), (#"C:\Windows\x.dll"#, "Windows/x.dll", true),
        ("a/../b", "b", true), ("a/./b//c/", "a/b/c", false), ("./", "", false), ("new\nline", "new_line", true),
        ("cafe\u{301}/x", "caf\u{E9}/x", false), ("..", "", true), ("...", "...", false),
    ])
    func sanitisesPaths(raw: String, path: String, unsafe: Bool) {
        #expect(ArchivePath.sanitize(raw) == ArchivePath.Sanitized(path: path, wasUnsafe: unsafe))
    }

    @Test func judgesLinkTargets() {
        #expect(ArchivePath.escapesRoot(target: "../x", from: "a", isHardlink: false))
        #expect(!ArchivePath.escapesRoot(target: "../x", from: "a/b", isHardlink: false))
        #expect(!ArchivePath.escapesRoot(target: "a/b", from: "c", isHardlink: true))
        #expect(ArchivePath.escapesRoot(target: "/tmp", from: "c", isHardlink: false))
    }

    // MARK: Helpers

    static let testDocuments = [
        "testEXCEL.xls", "testHTML.html", "testOpenOffice2.odt", "testPDF.pdf", "testPPT.ppt", "testRTF.rtf",
        "testTXT.txt", "testWORD.doc", "testXML.xml",
    ]

    /// `ingest` sets a UTF-8 locale at start-up; without it libarchive returns UTF-8 names as NULL.
    private static let utf8Locale: Bool = setlocale(LC_ALL, "C.UTF-8") != nil

    static func useUTF8Locale() { #expect(utf8Locale, "C.UTF-8 locale is available") }

    private func read(_ file: String, limits: ExtractionLimits = .init()) throws(IngestError) -> ArchiveListing {
        Self.useUTF8Locale()
        return try ArchiveReader.read(ExtractionInput(fileURL: CorpusPaths.bundle(file), path: file), limits: limits)
    }

    private func size(of path: String, in listing: ArchiveListing) -> Int? {
        listing.members.first { $0.path == path }?.data?.count
    }

    /// "meeting notes\n", gzipped (made with Python's gzip.compress, mtime 0).
    static let gzippedText =
        Data(
            base64Encoded: "H4sIAAAAAAACA8tNTS3JzEtXyMsvSS3mAgC+Q5DMDgAAAA==") ?? Data()

    /// A zip of 50 MB of zeros deflated (about 50 KB) followed by a small text member, made by Python's zipfile once
    /// per test run; nil when python3 is missing.
    static let zerosBomb: Data? = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ArchiveReaderTests-\(UUID())")
        let bomb = directory.appendingPathComponent("bomb.zip")
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("zeros.bin", bytes(50_000_000))
                z.writestr("small.txt", b"after the zeros")
            """
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", script, bomb.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return try Data(contentsOf: bomb)
        } catch {
            return nil
        }
    }()
}

extension String {
    fileprivate var precomposed: String { precomposedStringWithCanonicalMapping }
}
