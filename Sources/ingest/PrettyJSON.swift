import Foundation

/// Prints values as the `--json` options of `extractors`, `list` and `search` do: pretty-printed, keys sorted,
/// `/` unescaped, one newline at the end.
enum PrettyJSON {
    /// Writes `value` as pretty JSON to stdout.
    /// - Throws: the encoder's error when the value cannot be encoded.
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    }
}
