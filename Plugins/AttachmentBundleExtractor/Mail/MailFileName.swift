/// Safe file names for attachments: what the sender wrote, made harmless, or one made up from the media type.
enum MailFileName {
    /// The longest name kept, in UTF-8 bytes (the usual file-system limit).
    static let maxBytes = 255

    /// A safe name for an attachment.
    /// - Parameters:
    ///   - proposed: the decoded name from the message, if any.
    ///   - mediaType: the part's media type, for a generated name's extension.
    ///   - position: the attachment's 1-based position, for a generated name.
    /// - Returns: `proposed` without path separators, control characters and leading dots, shortened to
    ///   ``maxBytes`` keeping its extension; `attachment-<position>.<ext>` when nothing usable is left.
    static func safe(_ proposed: String?, mediaType: String, position: Int) -> String {
        guard let proposed else { return generated(mediaType: mediaType, position: position) }
        var scalars = String.UnicodeScalarView()
        for scalar in proposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                continue
            default:
                scalars.append(scalar == "/" || scalar == "\\" ? "_" : scalar)
            }
        }
        var name = Substring(String(scalars).trimmingSpaces())
        while name.first == "." || name.first == " " { name = name.dropFirst() }
        let result = shortened(String(name))
        return result.isEmpty ? generated(mediaType: mediaType, position: position) : result
    }

    /// `attachment-<position>.<ext>`, the extension from the media type ("bin" when unknown).
    static func generated(mediaType: String, position: Int) -> String {
        "attachment-\(position).\(fileExtension(forMediaType: mediaType))"
    }

    /// The usual extension for a media type, "bin" when unknown.
    static func fileExtension(forMediaType mediaType: String) -> String {
        if let known = extensions[mediaType] { return known }
        if mediaType.hasPrefix("text/") { return "txt" }
        if mediaType.hasSuffix("+xml") { return "xml" }
        if mediaType.hasSuffix("+json") { return "json" }
        return "bin"
    }

    private static let extensions: [String: String] = [
        "application/pdf": "pdf", "application/zip": "zip", "application/x-zip-compressed": "zip",
        "application/gzip": "gz", "application/x-tar": "tar", "application/x-7z-compressed": "7z",
        "application/x-rar-compressed": "rar", "application/vnd.rar": "rar", "application/msword": "doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.ms-excel": "xls", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
        "application/vnd.ms-powerpoint": "ppt",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
        "application/vnd.oasis.opendocument.text": "odt", "application/vnd.oasis.opendocument.spreadsheet": "ods",
        "application/rtf": "rtf", "application/json": "json", "application/xml": "xml",
        "application/ms-tnef": "dat", "application/vnd.ms-tnef": "dat", "application/pgp-signature": "asc",
        "application/pkcs7-signature": "p7s", "application/x-pkcs7-signature": "p7s", "application/ics": "ics",
        "message/rfc822": "eml", "message/global": "eml", "message/delivery-status": "txt",
        "image/png": "png", "image/jpeg": "jpg", "image/jpg": "jpg", "image/gif": "gif", "image/tiff": "tif",
        "image/bmp": "bmp", "image/webp": "webp", "image/svg+xml": "svg", "image/heic": "heic",
        "text/plain": "txt", "text/html": "html", "text/csv": "csv", "text/calendar": "ics", "text/xml": "xml",
        "text/rtf": "rtf", "audio/mpeg": "mp3", "video/mp4": "mp4",
    ]

    /// Cuts a name to ``maxBytes`` UTF-8 bytes on a character boundary, keeping a short extension.
    private static func shortened(_ name: String) -> String {
        guard name.utf8.count > maxBytes else { return name }
        var stem = Substring(name)
        var suffix = ""
        if let dot = name.lastIndex(of: "."), name.distance(from: dot, to: name.endIndex) <= 16 {
            stem = name[..<dot]
            suffix = String(name[dot...])
        }
        while !stem.isEmpty, stem.utf8.count + suffix.utf8.count > maxBytes { stem = stem.dropLast() }
        return String(stem) + suffix
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var text = self[...]
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
