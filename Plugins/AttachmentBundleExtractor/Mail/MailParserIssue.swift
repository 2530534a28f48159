internal import CGMime

/// Turns the issues GMime's parser reports into warnings, for the ones that mean content may be lost or guessed.
enum MailParserIssue {
    /// One warning per kind of issue, in the order first seen, with a sample item and a count.
    /// - Parameter issues: GMime `GMimeParserWarning` codes with the item each concerns.
    /// - Returns: the warnings; cosmetic issues (duplicated headers, raw 8-bit header bytes) are left out.
    static func warnings(for issues: [(code: UInt32, item: String)]) -> [String] {
        var order: [UInt32] = []
        var counts: [UInt32: Int] = [:]
        var samples: [UInt32: String] = [:]
        for issue in issues where description(of: issue.code) != nil {
            if counts[issue.code] == nil {
                order.append(issue.code)
                samples[issue.code] = issue.item
            }
            counts[issue.code, default: 0] += 1
        }
        return order.compactMap { code in
            guard let text = description(of: code) else { return nil }
            var warning = "GMime: \(text)"
            if let sample = samples[code], !sample.isEmpty {
                let short = sample.count > 60 ? sample.prefix(60) + "…" : sample[...]
                warning += " (\"\(short)\")"
            }
            if let count = counts[code], count > 1 { warning += ", \(count) times" }
            return warning
        }
    }

    private static func description(of code: UInt32) -> String? {
        switch GMimeParserWarning(rawValue: code) {
        case GMIME_WARN_INVALID_CONTENT_TYPE: "invalid content type, read as application/octet-stream"
        case GMIME_WARN_MALFORMED_MULTIPART: "a multipart has no parts"
        case GMIME_WARN_TRUNCATED_MESSAGE: "the message is truncated"
        case GMIME_WARN_MALFORMED_MESSAGE: "the message is malformed"
        case GMIME_CRIT_INVALID_HEADER_NAME: "invalid header name; parts of the message may be skipped"
        case GMIME_CRIT_CONFLICTING_HEADER: "conflicting headers"
        case GMIME_CRIT_CONFLICTING_PARAMETER: "conflicting header parameters"
        case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY: "a multipart has no boundary; its content is read as one part"
        case GMIME_CRIT_NESTING_OVERFLOW: "MIME parts nested too deeply; the deepest were not parsed"
        case GMIME_WARN_PART_WITHOUT_CONTENT: "a MIME part has headers but no content"
        case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT: "a MIME part has neither headers nor content"
        default: nil
        }
    }
}
