/// Reads the region before the first agenda item: title, organisation, date, times, place and participants.
struct HeaderInterpreter {
    let context: ParsingContext

    func interpret(_ header: RegionScanner.Region, into structure: inout MinutesStructure) {
        var meeting = Meeting()
        for (match, lines) in header.fields {
            let value = lines.map(\.text).filter { !$0.isEmpty }
            let joined = value.joined(separator: " ")
            switch match.kind {
            case .date:
                meeting.date = meeting.date ?? context.dates.firstDate(in: joined)
                applyTimes(joined, to: &meeting)
            case .time:
                applyTimes(joined, to: &meeting)
                meeting.date = meeting.date ?? context.dates.firstDate(in: joined)
            case .location:
                meeting.location = meeting.location ?? nonEmpty(joined)
            case .organization:
                meeting.organization = meeting.organization ?? nonEmpty(joined)
            case .present:
                structure.participants += context.participants.parse(value, status: .present)
            case .absent:
                structure.participants += context.participants.parse(value, status: .absent)
            case .secretary:
                structure.participants += context.participants.parse(value, status: .secretary)
            case .guest:
                structure.participants += context.participants.parse(value, status: .guest)
            case .chair:
                structure.participants += context.participants.parse(value, status: .present, impliedRole: match.label)
            case .agenda, .decision, .attachments, .abbreviations:
                break
            }
        }
        // Title, organisation and date stand at the top; a document without items is all header.
        let freeLines = Array(header.body.lazy.filter { !$0.isBlank }.prefix(40))
        let free = freeLines.map(\.text)
        // The title is a line that calls the document minutes; where the format has type sizes, the largest such.
        let titleCandidates = free.indices.filter { index in
            free[index].lowercasedQuickly().containsAny(of: context.titleWords)
        }
        let titleIndex = titleCandidates.max { lhs, rhs in
            (freeLines[lhs].style?.fontSize ?? 0, -lhs) < (freeLines[rhs].style?.fontSize ?? 0, -rhs)
        }
        if let titleIndex {
            structure.title = free[titleIndex]
            // A title set large wraps: following lines in the same type continue it.
            if let style = freeLines[titleIndex].style {
                var next = titleIndex + 1
                while next < freeLines.count, next <= titleIndex + 2, let nextStyle = freeLines[next].style,
                    abs(nextStyle.fontSize - style.fontSize) < 0.5, nextStyle.isBold == style.isBold,
                    !free[next].contains(":")
                {
                    structure.title = (structure.title ?? "") + " " + free[next]
                    next += 1
                }
            }
            if meeting.organization == nil, titleIndex > 0 {
                meeting.organization = free[..<titleIndex].last { context.dates.firstDate(in: $0) == nil }
            }
        } else {
            structure.title = free.first { context.dates.firstDate(in: $0) == nil && $0.count > 3 }
        }
        if meeting.date == nil {
            meeting.date = free.lazy.compactMap { context.dates.firstDate(in: $0) }.first
        }
        structure.meeting = meeting
    }

    private func applyTimes(_ text: String, to meeting: inout Meeting) {
        let afterDate = context.dates.firstDateMatch(in: text).map { String(text[$0.end...]) } ?? text
        let times = context.dates.times(in: afterDate)
        meeting.startTime = meeting.startTime ?? times.start
        meeting.endTime = meeting.endTime ?? times.end
    }

    private func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }
}
