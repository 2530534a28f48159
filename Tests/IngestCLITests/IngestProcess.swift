import Foundation
import Testing

/// Runs the built `ingest` executable as a child process, the way a user or a script would.
///
/// This test target depends on the `ingest` target, so SwiftPM builds the executable before the tests and puts it
/// in the same products folder as the test executable (the way swift-argument-parser's `TestHelpers.swift` finds
/// its example commands).
enum IngestProcess {
    /// The folder with the build products: on Linux the folder of the test executable, on macOS the folder that
    /// holds the `.xctest` bundle.
    static var productsDirectory: URL {
        #if os(macOS)
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        return Bundle.main.bundleURL
    }

    /// The built `ingest` executable.
    static var executableURL: URL { productsDirectory.appendingPathComponent("ingest") }

    /// Runs `ingest` with arguments and waits for it to exit.
    /// - Parameters:
    ///   - arguments: the arguments after `ingest`.
    ///   - directory: the working directory; relative paths in `arguments` are resolved against it.
    /// - Returns: the exit status and what was written to stdout and stderr.
    static func run(_ arguments: [String], in directory: URL) async throws -> ChildProcess.Output {
        let executable = executableURL
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "no ingest executable at \(executable.path); `swift test` builds it, since this target depends on it")
        return try await ChildProcess.run(executable, arguments, in: directory)
    }
}
