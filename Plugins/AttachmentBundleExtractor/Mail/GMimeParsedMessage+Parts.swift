internal import CGMime
import Foundation

/// What the walk knows about one leaf MIME part before its bytes are read.
struct MailPartInfo: Sendable, Equatable {
    /// "type/subtype", lowercased ("application/octet-stream" when GMime finds none).
    var mediaType: String
    /// The decoded (RFC 2047 / RFC 2231) file name from Content-Disposition or Content-Type, not yet made safe.
    var fileName: String?
    /// The charset parameter of Content-Type.
    var charset: String?
    /// Whether Content-Disposition says `attachment`.
    var isAttachmentDisposition: Bool
    /// Whether the part is a message/rfc822 (or message/global) part; its bytes are the whole message.
    var isMessage: Bool

    /// A text/plain or text/html part that is not an attachment: part of the message body, not a file.
    var isBodyText: Bool {
        !isMessage && fileName == nil && !isAttachmentDisposition
            && (mediaType == "text/plain" || mediaType == "text/html")
    }
}

/// Whether the walk goes on after a part.
enum MailWalkStep {
    case next, stop
}

extension GMimeParsedMessage {
    /// Calls `visit` for every leaf part in message order: multiparts are entered, message/rfc822 parts are not
    /// (they are leaves whose bytes are the nested message).
    /// - Parameters:
    ///   - maxDepth: the deepest multipart nesting entered; deeper parts are skipped.
    ///   - visit: gets the part's description and a function that decodes its bytes (`nil` when GMime cannot write
    ///     them); neither may be kept after the call.
    /// - Returns: whether parts were skipped because they were nested deeper than `maxDepth`.
    func forEachPart(maxDepth: Int, _ visit: (MailPartInfo, () -> Data?) -> MailWalkStep) -> Bool {
        guard let root = g_mime_message_get_mime_part(message) else { return false }
        var tooDeep = false
        _ = Self.walk(root, depth: 0, maxDepth: maxDepth, tooDeep: &tooDeep, visit)
        return tooDeep
    }

    private static func walk(
        _ object: UnsafeMutablePointer<GMimeObject>, depth: Int, maxDepth: Int, tooDeep: inout Bool,
        _ visit: (MailPartInfo, () -> Data?) -> MailWalkStep
    ) -> MailWalkStep {
        if isInstance(object, of: g_mime_multipart_get_type()) {
            guard depth < maxDepth else {
                tooDeep = true
                return .next
            }
            let multipart = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GMimeMultipart.self)
            let count = g_mime_multipart_get_count(multipart)
            guard count > 0 else { return .next }
            for index in 0..<count {
                guard let child = g_mime_multipart_get_part(multipart, index) else { continue }
                if walk(child, depth: depth + 1, maxDepth: maxDepth, tooDeep: &tooDeep, visit) == .stop { return .stop }
            }
            return .next
        }
        if isInstance(object, of: g_mime_message_part_get_type()) {
            let messagePart = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GMimeMessagePart.self)
            var info = describe(object, isMessage: true)
            info.fileName = parameter(object, disposition: "filename") ?? parameter(object, contentType: "name")
            return visit(info, { serialisedMessage(messagePart) })
        }
        if isInstance(object, of: g_mime_part_get_type()) {
            let part = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GMimePart.self)
            var info = describe(object, isMessage: false)
            info.fileName = g_mime_part_get_filename(part).map { String(cString: $0) }
            return visit(info, { decodedContent(part) })
        }
        return .next
    }

    private static func isInstance(_ object: UnsafeMutablePointer<GMimeObject>, of type: GType) -> Bool {
        let instance = UnsafeMutableRawPointer(object).assumingMemoryBound(to: GTypeInstance.self)
        return g_type_check_instance_is_a(instance, type) != 0
    }

    /// Media type, charset and disposition of a part (file name filled in by the caller).
    private static func describe(_ object: UnsafeMutablePointer<GMimeObject>, isMessage: Bool) -> MailPartInfo {
        var mediaType = "application/octet-stream"
        var charset: String?
        if let contentType = g_mime_object_get_content_type(object) {
            if let mime = g_mime_content_type_get_mime_type(contentType) {
                mediaType = String(cString: mime).lowercased()
                g_free(mime)
            }
            charset = g_mime_content_type_get_parameter(contentType, "charset").map { String(cString: $0) }
        }
        var isAttachment = false
        if let disposition = g_mime_object_get_content_disposition(object) {
            isAttachment = g_mime_content_disposition_is_attachment(disposition) != 0
        }
        return MailPartInfo(
            mediaType: mediaType, fileName: nil, charset: charset, isAttachmentDisposition: isAttachment,
            isMessage: isMessage)
    }

    private static func parameter(_ object: UnsafeMutablePointer<GMimeObject>, disposition name: String) -> String? {
        guard let disposition = g_mime_object_get_content_disposition(object),
            let value = g_mime_content_disposition_get_parameter(disposition, name)
        else { return nil }
        return String(cString: value)
    }

    private static func parameter(_ object: UnsafeMutablePointer<GMimeObject>, contentType name: String) -> String? {
        guard let contentType = g_mime_object_get_content_type(object),
            let value = g_mime_content_type_get_parameter(contentType, name)
        else { return nil }
        return String(cString: value)
    }

    /// The part's content with its transfer encoding (base64, quoted-printable, uuencode) undone.
    private static func decodedContent(_ part: UnsafeMutablePointer<GMimePart>) -> Data? {
        // No content object: the part is empty.
        guard let content = g_mime_part_get_content(part) else { return Data() }
        guard let stream = GMimeMemoryStream() else { return nil }
        guard g_mime_data_wrapper_write_to_stream(content, stream.handle) >= 0 else { return nil }
        return stream.bytes
    }

    /// The nested message written out as an .eml file.
    private static func serialisedMessage(_ part: UnsafeMutablePointer<GMimeMessagePart>) -> Data? {
        guard let nested = g_mime_message_part_get_message(part) else { return Data() }
        guard let stream = GMimeMemoryStream() else { return nil }
        let object = UnsafeMutableRawPointer(nested).assumingMemoryBound(to: GMimeObject.self)
        guard g_mime_object_write_to_stream(object, nil, stream.handle) >= 0 else { return nil }
        return stream.bytes
    }
}
