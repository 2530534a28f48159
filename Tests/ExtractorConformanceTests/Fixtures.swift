import Foundation

/// Paths to the sample documents and the shared corpus, found from this file's path.
enum Fixtures {
    /// The package root.
    static let package = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file in `SampleDocs/`.
    static func sample(_ name: String) -> URL {
        package.appendingPathComponent("SampleDocs").appendingPathComponent(name)
    }

    /// A file in the shared folder beside the package (`../shared/…`).
    static func shared(_ path: String) -> URL {
        package.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(path)
    }
}
