/// Pages as people write them: "p. 3", "pp. 2–4", "pp. 2, 5".
enum PageList {
    /// The pages, sorted; a run of consecutive pages as a range.
    static func describe(_ pages: [Int]) -> String {
        let sorted = pages.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        if sorted.count == 1 { return "p. \(first)" }
        if sorted == Array(first...last) { return "pp. \(first)–\(last)" }
        return "pp. " + sorted.map(String.init).joined(separator: ", ")
    }
}
