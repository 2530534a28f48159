// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Ingest",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "IngestCore", targets: ["IngestCore"]),
        .library(name: "PlainTextExtractor", targets: ["PlainTextExtractor"]),
        .library(name: "PDFMinutesExtractor", targets: ["PDFMinutesExtractor"]),
        .library(name: "AttachmentBundleExtractor", targets: ["AttachmentBundleExtractor"]),
        .library(name: "IngestStore", targets: ["IngestStore"]),
        .library(name: "IngestWatch", targets: ["IngestWatch"]),
        .library(name: "ExtractorTesting", targets: ["ExtractorTesting"]),
        .library(name: "IngestIsolation", targets: ["IngestIsolation"]),
        .executable(name: "ingest", targets: ["ingest"]),
        .executable(name: "ingest-pipeline-benchmark", targets: ["PipelineBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        .target(
            name: "IngestCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "IngestStore",
            dependencies: ["IngestCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "IngestWatch",
            dependencies: ["IngestCore", "IngestStore", .product(name: "Logging", package: "swift-log")]
        ),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .target(
            name: "PDFMinutesExtractor",
            dependencies: ["IngestCore", "CPoppler"],
            path: "Plugins/PDFMinutesExtractor"
        ),
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        .systemLibrary(
            name: "CGMime",
            pkgConfig: "gmime-3.0",
            providers: [.apt(["libgmime-3.0-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "AttachmentBundleExtractor",
            dependencies: ["IngestCore", "CArchive", "CGMime", "CLibXML2"],
            path: "Plugins/AttachmentBundleExtractor"
        ),
        .target(
            name: "PlainTextExtractor",
            dependencies: ["IngestCore"],
            path: "Plugins/PlainTextExtractor"
        ),
        .executableTarget(
            name: "ingest",
            dependencies: [
                "IngestCore",
                "PlainTextExtractor",
                "PDFMinutesExtractor",
                "AttachmentBundleExtractor",
                "IngestStore",
                "IngestWatch",
                "IngestIsolation",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Where the time of a PDF run goes, stage by stage (README, "PDF speed"); run it from a release build.
        .executableTarget(
            name: "PipelineBenchmark", dependencies: ["IngestCore", "PDFMinutesExtractor"],
            path: "Benchmarks/PipelineBenchmark"),
        // Supervised worker processes for extractors that run native code (`ingest worker`).
        .target(name: "IngestIsolation", dependencies: ["IngestCore"]),
        .testTarget(name: "IngestCoreTests", dependencies: ["IngestCore"]),
        // A worker with extractors that crash, hang and eat memory, for the supervisor's tests.
        .executableTarget(
            name: "FaultyWorker", dependencies: ["IngestIsolation", "IngestCore", "PlainTextExtractor"],
            path: "Tests/FaultyWorker"),
        .testTarget(
            name: "IngestIsolationTests",
            dependencies: [
                "IngestIsolation", "IngestCore", "PlainTextExtractor", "IngestWatch", "IngestStore", "FaultyWorker",
            ]),
        .testTarget(
            name: "PDFMinutesExtractorTests", dependencies: ["PDFMinutesExtractor", "PlainTextExtractor", "IngestCore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AttachmentBundleExtractorTests",
            dependencies: ["AttachmentBundleExtractor", "PDFMinutesExtractor", "PlainTextExtractor", "IngestCore"]),
        .testTarget(name: "IngestStoreTests", dependencies: ["IngestStore", "IngestCore"]),
        .testTarget(
            name: "IngestWatchTests",
            dependencies: ["IngestWatch", "IngestStore", "IngestCore", "PlainTextExtractor", "PDFMinutesExtractor"]),
        .testTarget(name: "PlainTextExtractorTests", dependencies: ["PlainTextExtractor", "IngestCore"]),
        .testTarget(name: "IngestCLITests", dependencies: ["IngestCore", "ingest"], exclude: ["Scripts"]),
        // The conformance kit every extractor runs against itself (like swift-configuration's ConfigurationTesting).
        .target(name: "ExtractorTesting", dependencies: ["IngestCore"]),
        .testTarget(
            name: "ExtractorConformanceTests",
            dependencies: [
                "ExtractorTesting", "PDFMinutesExtractor", "PlainTextExtractor", "AttachmentBundleExtractor",
                "IngestCore",
            ]),
        // `swift package --allow-writing-to-package-directory new-extractor Markdown --types md,markdown`
        .plugin(
            name: "NewExtractorPlugin",
            capability: .command(
                intent: .custom(
                    verb: "new-extractor",
                    description: "Create a new extractor: its folder in Plugins/, a test running the conformance kit "
                        + "and a fixture"),
                permissions: [
                    .writeToPackageDirectory(
                        reason: "creates Plugins/NAMEExtractor/ and Tests/NAMEExtractorTests/ for the new extractor")
                ])
        ),
    ]
)

// Strict settings for every target, in one place (as swift-log does).
for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
