import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-extractor NAME --types EXT[,EXT…]`
///
/// Creates `Plugins/NAMEExtractor/NAMEExtractor.swift` (a working skeleton that reads UTF-8 text and hands it to
/// the minutes parser), `Tests/NAMEExtractorTests/` (a test that runs the conformance kit, and a fixture), then
/// prints what to add to `Package.swift` and to `Sources/ingest/BuiltInExtractors.swift`. It does not edit the
/// manifest: a Swift manifest is code, and a tool cannot rewrite it safely.
@main
struct NewExtractorPlugin: CommandPlugin {
    /// Runs the command.
    /// - Parameters:
    ///   - context: the package the plugin runs in.
    ///   - arguments: the name and `--types`.
    /// - Throws: ``ScaffoldError`` for a bad name, missing types or an existing extractor.
    func performCommand(context: PluginContext, arguments: [String]) throws {
        var extractor = ArgumentExtractor(arguments)
        if extractor.extractFlag(named: "help") > 0 || extractor.extractFlag(named: "h") > 0 {
            print(ScaffoldTemplates.usage)
            return
        }
        let types = extractor.extractOption(named: "types")
        let names = extractor.remainingArguments
        let request = try ScaffoldRequest(names: names, types: types)
        let root = context.package.directoryURL
        let files = ScaffoldTemplates.files(for: request)
        let extractorFolder = root.appendingPathComponent("Plugins/\(request.moduleName)")
        if FileManager.default.fileExists(atPath: extractorFolder.path) {
            throw ScaffoldError(
                "Plugins/\(request.moduleName) already exists: an extractor with that name is already there; "
                    + "choose another name")
        }
        for file in files {
            let url = root.appendingPathComponent(file.path)
            if FileManager.default.fileExists(atPath: url.path) {
                throw ScaffoldError("\(file.path) already exists: choose another name, or remove the old files first")
            }
        }
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
            print("created \(file.path)")
        }
        print(ScaffoldTemplates.instructions(for: request))
    }
}

/// A clear error for the person running the command.
struct ScaffoldError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    var description: String

    /// Creates the error.
    /// - Parameter message: what went wrong and what to do.
    init(_ message: String) { description = "new-extractor: " + message }
}

/// The validated arguments.
struct ScaffoldRequest {
    /// The UpperCamelCase name ("Markdown").
    var name: String
    /// The lowercase file extensions, without dots.
    var extensions: [String]

    /// The module and type name ("MarkdownExtractor").
    var moduleName: String { name + "Extractor" }
    /// The test target ("MarkdownExtractorTests").
    var testName: String { moduleName + "Tests" }
    /// The `--extractor` identifier: the name in lowercase, words joined by hyphens ("MyFormat" → "my-format").
    var identifier: String {
        var result = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0,
                characters[index - 1].isLowercase || characters[index - 1].isNumber
                    || (index + 1 < characters.count && characters[index + 1].isLowercase
                        && characters[index - 1].isUppercase)
            {
                result += "-"
            }
            result += character.lowercased()
        }
        return result
    }

    /// Validates the arguments.
    /// - Parameters:
    ///   - names: the positional arguments; exactly one.
    ///   - types: the `--types` values.
    /// - Throws: ``ScaffoldError`` when they are not usable.
    init(names: [String], types: [String]) throws {
        guard names.count == 1, let name = names.first else {
            throw ScaffoldError(
                names.isEmpty
                    ? "give the format's name, e.g. `new-extractor Markdown --types md,markdown`"
                    : "give one name, not \(names.count): \(names.joined(separator: " "))")
        }
        var base = name
        if base.hasSuffix("Extractor"), base != "Extractor" { base.removeLast("Extractor".count) }
        let isIdentifier =
            base.unicodeScalars.first.map { ("A"..."Z").contains($0) } == true
            && base.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
            }
        guard isIdentifier else {
            throw ScaffoldError(
                "'\(name)' is not an UpperCamelCase Swift identifier: use ASCII letters and digits, starting with "
                    + "a capital letter, e.g. Markdown or OpenDocument")
        }
        let extensions = types.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
            .filter { !$0.isEmpty }
        guard !extensions.isEmpty else {
            throw ScaffoldError(
                "missing --types: name the file extensions the extractor reads, e.g. --types md,markdown")
        }
        for item in extensions
        where !item.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
            throw ScaffoldError("'\(item)' is not a file extension: use letters and digits, e.g. --types md,markdown")
        }
        self.name = base
        var seen = Set<String>()
        self.extensions = extensions.filter { seen.insert($0).inserted }
    }
}
