import Testing

@testable import ingest

/// The names `--out` gives its files.
@Suite("--out file names")
struct OutputNamesTests {
    @Test("claim: a free name is kept; a taken one (in any case) gets the first free variant; both are then taken")
    func claim() {
        var taken: Set<String> = ["møter/referat.json", "møter/referat-2.json"]
        let path = "Møter/Referat.json"
        #expect(OutputNames.claim(path, taken: &taken) { "\(path.dropLast(5))-\($0).json" } == "Møter/Referat-3.json")
        #expect(OutputNames.claim("plakat.json", taken: &taken) { "plakat-\($0).json" } == "plakat.json")
        #expect(taken == ["møter/referat.json", "møter/referat-2.json", "møter/referat-3.json", "plakat.json"])
    }

    @Test("NAME is the file name without its last extension")
    func stems() {
        #expect(OutputNames.stem(of: "referat.pdf") == "referat")
        #expect(OutputNames.stem(of: "bundle.tar.gz") == "bundle.tar")
        #expect(OutputNames.stem(of: "README") == "README")
        #expect(OutputNames.stem(of: ".hidden") == ".hidden")
        #expect(OutputNames.stem(of: "") == "document")
    }

    @Test("Colliding names get -2, -3 …, never a name another input has of its own")
    func collisions() {
        #expect(
            OutputNames.jsonFileNames(for: ["m.txt", "m.pdf", "m-2.txt", "M.txt", "other.txt"])
                == ["m.json", "m-3.json", "m-2.json", "M-4.json", "other.json"])
    }
}
