/// Separates an item's decisions ("Vedtak: …", "Decision:" followed by a paragraph or a numbered list) from its
/// running text.
struct DecisionExtractor {
    let catalog: LabelCatalog
    let reflower: TextReflower

    /// - Returns: the item's text without its decisions, and the decisions without their labels.
    func split(_ lines: [SourceLine]) -> (text: String, decisions: [String]) {
        let paragraphs = reflower.paragraphs(lines, forcesBreak: { decisionLabel($0) != nil })
        var kept: [Paragraph] = []
        var decisions: [String] = []
        var awaitingDecision = false
        for paragraph in paragraphs {
            if let first = paragraph.firstLine, let match = decisionLabel(first) {
                var remaining = Array(paragraph.lines.dropFirst())
                if !match.rest.isEmpty {
                    var restLine = first
                    restLine.text = match.rest
                    remaining.insert(restLine, at: 0)
                }
                if remaining.isEmpty {
                    awaitingDecision = true
                } else {
                    decisions.append(reflower.join(remaining))
                    awaitingDecision = false
                }
                continue
            }
            if awaitingDecision {
                if paragraph.isList {
                    decisions += paragraph.entries.map { entry in
                        let text = reflower.join(entry)
                        return ListMarker.parse(text)?.content ?? text
                    }
                } else {
                    decisions.append(reflower.join(paragraph.lines))
                }
                awaitingDecision = false
                continue
            }
            kept.append(paragraph)
        }
        return (reflower.render(kept), decisions)
    }

    private func decisionLabel(_ line: SourceLine) -> LabelCatalog.Match? {
        guard let match = catalog.match(line.text, kinds: [.decision], extraWords: 2),
            match.hadColon || match.rest.isEmpty
        else { return nil }
        return match
    }
}
