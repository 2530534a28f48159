import Foundation

/// The rules of `schema/minutes-document.schema.json` that decoding a ``MinutesDocument`` does not check: keys the
/// schema does not know, patterns (language tag, date, times, SHA-256), minimums and non-empty names.
///
/// Documents from outside the process (an `ingest-extractor-NAME`) are checked with it before they are accepted;
/// the built-in extractors are held to the full schema by their tests.
public enum MinutesDocumentRules {
    /// The schema's pattern for a BCP 47 language tag (`$.properties.language.pattern`); a test keeps them equal.
    public static let languageTagPattern =
        #"^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"#
        + #"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"#
        + #"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+)$"#

    /// What in a decoded document breaks the schema, one line each with its JSON path ("agendaItems.2.pages.0:
    /// page 0 is below 1"); empty when it follows the schema.
    /// - Parameter document: the document, attachments' documents included.
    /// - Returns: the violations, in document order.
    public static func violations(of document: MinutesDocument) -> [String] {
        var found: [String] = []
        check(document, at: "", into: &found)
        return found
    }

    /// Keys in `json` (a `JSONSerialization` tree) that the encoded `document` does not have: keys the schema does
    /// not know (it allows no others), and `null` values (it leaves nil values out).
    /// - Parameters:
    ///   - json: the object as received.
    ///   - document: the document decoded from it.
    ///   - ignoring: top-level keys not to compare (ones the caller replaces).
    /// - Returns: one line per unknown key, with its JSON path.
    public static func unknownKeys(in json: Any, comparedWith document: MinutesDocument, ignoring: Set<String> = [])
        -> [String]
    {
        guard let encoded = try? JSONEncoder().encode(document),
            let known = try? JSONSerialization.jsonObject(with: encoded)
        else { return [] }
        var found: [String] = []
        compare(json, known, at: "", ignoring: ignoring, into: &found)
        return found
    }

    private static func compare(
        _ received: Any, _ known: Any, at path: String, ignoring: Set<String>,
        into found: inout [String]
    ) {
        if let object = received as? [String: Any], let knownObject = known as? [String: Any] {
            for key in object.keys.sorted() where !ignoring.contains(key) {
                let keyPath = join(path, key)
                // `properties` is the one open object: any name, string values.
                guard let knownValue = knownObject[key] else {
                    found.append(
                        "\(keyPath): unknown key" + (object[key] is NSNull ? " (null: leave the key out)" : ""))
                    continue
                }
                if key == "properties", path.isEmpty || path.hasSuffix(".document") { continue }
                compare(object[key] as Any, knownValue, at: keyPath, ignoring: [], into: &found)
            }
        } else if let array = received as? [Any], let knownArray = known as? [Any] {
            for (index, (element, knownElement)) in zip(array, knownArray).enumerated() {
                compare(element, knownElement, at: join(path, String(index)), ignoring: [], into: &found)
            }
        }
    }

    private static func check(_ document: MinutesDocument, at path: String, into found: inout [String]) {
        func report(_ key: String, _ problem: String) { found.append("\(join(path, key)): \(problem)") }
        check(document.source, at: join(path, "source"), into: &found)
        check(document.extractor, at: join(path, "extractor"), into: &found)
        if let bundle = document.bundle {
            check(bundle.source, at: join(path, "bundle.source"), into: &found)
            check(bundle.extractor, at: join(path, "bundle.extractor"), into: &found)
            if bundle.files < 0 { report("bundle.files", "\(bundle.files) is below 0") }
        }
        if let language = document.language, !matches(language, languageTagPattern) {
            report("language", "'\(language)' is not a BCP 47 language tag (nb, nn, en-GB)")
        }
        if let date = document.meeting.date, !matches(date, #"^\d{4}-\d{2}-\d{2}$"#) {
            report("meeting.date", "'\(date)' is not YYYY-MM-DD")
        }
        for (key, time) in [("startTime", document.meeting.startTime), ("endTime", document.meeting.endTime)] {
            if let time, !matches(time, #"^\d{2}:\d{2}$"#) { report("meeting.\(key)", "'\(time)' is not HH:MM") }
        }
        for (index, item) in document.agendaItems.enumerated() {
            for (pageIndex, page) in item.pages.enumerated() where page < 1 {
                report("agendaItems.\(index).pages.\(pageIndex)", "page \(page) is below 1")
            }
        }
        for (index, page) in document.pages.enumerated() where page.number < 1 {
            report("pages.\(index).number", "page \(page.number) is below 1")
        }
        for (index, attachment) in document.attachments.enumerated() {
            let attachmentPath = join(path, "attachments.\(index)")
            if let source = attachment.source { check(source, at: join(attachmentPath, "source"), into: &found) }
            if let nested = attachment.document { check(nested, at: join(attachmentPath, "document"), into: &found) }
        }
    }

    private static func check(_ source: SourceInfo, at path: String, into found: inout [String]) {
        if source.mediaType.isEmpty { found.append("\(path).mediaType: empty") }
        if source.bytes < 0 { found.append("\(path).bytes: \(source.bytes) is below 0") }
        if !matches(source.sha256, "^[0-9a-f]{64}$") {
            found.append("\(path).sha256: '\(source.sha256)' is not 64 lowercase hex digits")
        }
    }

    private static func check(_ extractor: ExtractorInfo, at path: String, into found: inout [String]) {
        if extractor.name.isEmpty { found.append("\(path).name: empty") }
    }

    private static func matches(_ value: String, _ pattern: String) -> Bool {
        value.range(of: pattern, options: .regularExpression) != nil
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
