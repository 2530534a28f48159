// swift-tools-version: 6.1
import PackageDescription

// The fuzz harness: a separate package so that the main package's `swift build` and `swift test` never see it.
// It lives in Fuzz/Harness, not Fuzz, because a path dependency is known by its folder name: a checkout named
// "fuzz" would clash with a package folder named Fuzz. Build and run it with `Fuzz/run.sh TARGET [RUNS]`, which
// adds the sanitizer and libFuzzer flags; a plain `swift build` here fails to link, because
// `LLVMFuzzerRunDriver` comes from libFuzzer. See docs/Fuzzing.md.
let package = Package(
    name: "IngestFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Ingest", path: "../..")],
    targets: [
        // Declares libFuzzer's `LLVMFuzzerRunDriver`, linked from the toolchain's libclang_rt.fuzzer_no_main.
        .systemLibrary(name: "CLibFuzzer"),
        .target(
            name: "IngestFuzzTargets",
            dependencies: [
                .product(name: "IngestCore", package: "Ingest"),
                .product(name: "PlainTextExtractor", package: "Ingest"),
                .product(name: "PDFMinutesExtractor", package: "Ingest"),
                .product(name: "AttachmentBundleExtractor", package: "Ingest"),
            ]
        ),
        .executableTarget(name: "ingest-fuzz", dependencies: ["IngestFuzzTargets", "CLibFuzzer"]),
    ]
)

for target in package.targets where [.executable, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
