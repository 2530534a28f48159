import ArgumentParser

@main
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Turn meeting minutes into structured JSON.")
    func run() async throws {}
}
