/// Names of the files `--out` writes: one `NAME.json` per input, unique among the inputs.
enum OutputNames {
    /// The output file name for each input file name, in the same order.
    ///
    /// NAME is the input's file name without its last extension (`minutes.txt` → `minutes.json`). The first input
    /// with a NAME keeps it; later ones get `-2`, `-3` … (`minutes-2.json`), skipping any name another input has
    /// of its own, so the result does not depend on which inputs succeed. Names are compared case-insensitively,
    /// as on the file systems of macOS and Windows.
    /// - Parameter fileNames: the inputs' file names (last path components).
    /// - Returns: one distinct `NAME.json` per input.
    static func jsonFileNames(for fileNames: [String]) -> [String] {
        let stems = fileNames.map(stem(of:))
        var taken = Set(stems.map { $0.lowercased() })
        var seen: Set<String> = []
        var names: [String] = []
        for stem in stems {
            var name = stem
            if seen.contains(stem.lowercased()) {
                var counter = 2
                while taken.contains("\(stem)-\(counter)".lowercased()) { counter += 1 }
                name = "\(stem)-\(counter)"
                taken.insert(name.lowercased())
            }
            seen.insert(stem.lowercased())
            names.append(name + ".json")
        }
        return names
    }

    /// `name`, or the first of `variant(2)`, `variant(3)` … that is not yet in `taken` (compared case-insensitively,
    /// as on the file systems of macOS and Windows); the name returned is added to `taken`.
    static func claim(_ name: String, taken: inout Set<String>, variant: (Int) -> String) -> String {
        var candidate = name
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            candidate = variant(counter)
            counter += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// The file name without its last extension; a leading dot does not start an extension.
    static func stem(of fileName: String) -> String {
        guard !fileName.isEmpty else { return "document" }
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }
}
