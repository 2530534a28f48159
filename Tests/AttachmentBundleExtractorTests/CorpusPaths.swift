import Foundation

/// Where the shared corpus lives, relative to this package: `../shared/corpus`.
enum CorpusPaths {
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// A file under `shared/corpus/bundles`.
    static func bundle(_ relative: String) -> URL { corpus.appendingPathComponent("bundles/\(relative)") }
}
