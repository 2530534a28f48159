import Foundation
import IngestCore
import PDFMinutesExtractor

/// Where the time of `ingest` goes on a folder of PDFs, stage by stage, in one process: poppler and line building,
/// the minutes parser, and whole extraction with JSON. Each stage runs over every file, `--runs` times; the best run
/// counts (the machine's noise only ever adds time).
///
///     swift run -c release ingest-pipeline-benchmark [DIR] [--runs N] [--parser-only]
///
/// DIR defaults to ../shared/corpus/minutes. `--parser-only` reads the PDFs once and times only the parser, for
/// profiling it (`perf record`).
@main
struct PipelineBenchmark {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var runs = 5
        if let flag = arguments.firstIndex(of: "--runs"), flag + 1 < arguments.count,
            let count = Int(arguments[flag + 1])
        {
            runs = max(1, count)
            arguments.removeSubrange(flag...flag + 1)
        }
        let parserOnly = arguments.contains("--parser-only")
        arguments.removeAll { $0 == "--parser-only" }
        let folder = URL(fileURLWithPath: arguments.first ?? "../shared/corpus/minutes")
        let files = pdfs(under: folder)
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("no PDFs under \(folder.path)\n".utf8))
            exit(1)
        }
        let extractor = PDFMinutesExtractor()
        let inputs = files.map { ExtractionInput(fileURL: $0) }
        var lines: [[TextLine]] = []
        let reading = best(of: parserOnly ? 1 : runs) {
            lines = inputs.map { (try? extractor.textLines(of: $0)) ?? [] }
        }
        let parser = MinutesParser()
        let parsing = best(of: runs) {
            for document in lines { _ = parser.parse(lines: document) }
        }
        guard !parserOnly else {
            print(String(format: "minutes parser: %.3f s (best of %d)", parsing, runs))
            return
        }
        let registry = ExtractorRegistry(extractors: [extractor])
        let sniffing = best(of: runs) {
            for input in inputs { _ = try? registry.sniff(input) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var documents: [MinutesDocument] = []
        var extracting = Double.infinity
        for _ in 0..<runs {
            let start = ContinuousClock.now
            documents = []
            for input in inputs { documents.append(try await registry.extract(input)) }
            extracting = min(extracting, seconds(ContinuousClock.now - start))
        }
        var bytes = 0
        let encoding = best(of: runs) {
            bytes = documents.reduce(0) { $0 + ((try? encoder.encode($1))?.count ?? 0) }
        }
        let lineCount = lines.reduce(0) { $0 + $1.count }
        print("\(files.count) PDFs in \(folder.path), \(lineCount) lines, \(bytes) bytes of JSON; best of \(runs) runs")
        report("poppler text + line building (textLines)", reading)
        report("minutes parser (parse(lines:))", parsing)
        report("sniffing (type, size, SHA-256)", sniffing)
        report("whole extraction (registry.extract)", extracting)
        report("JSON encoding (sorted keys, one line)", encoding)
    }

    private static func report(_ stage: String, _ seconds: Double) {
        print(stage.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
    }

    private static func pdfs(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (walker?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension.lowercased() == "pdf" }
            .sorted { $0.path < $1.path }
    }

    private static func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var fastest = Double.infinity
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            fastest = min(fastest, seconds(ContinuousClock.now - start))
        }
        return fastest
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
