internal import CPoppler
import Foundation
import IngestCore

/// Owns one poppler document. Pages, strings, lists and errors it hands out are copied into Swift values and
/// freed before any method returns, so no C pointer leaves this file and ``PopplerPage``.
struct PopplerDocument: ~Copyable {
    private let handle: OpaquePointer

    /// Opens a PDF file.
    init(fileURL: URL, password: String?) throws(PopplerOpenFailure) {
        var error: UnsafeMutablePointer<GError>?
        let uri = fileURL.absoluteURL.absoluteString
        let document = withOptionalCString(password) { poppler_document_new_from_file(uri, $0, &error) }
        guard let document else { throw PopplerOpenFailure.take(&error) }
        g_clear_error(&error)
        handle = document
    }

    /// Opens a PDF held in memory (poppler keeps its own copy of the bytes).
    init(data: Data, password: String?) throws(PopplerOpenFailure) {
        var error: UnsafeMutablePointer<GError>?
        let bytes = data.withUnsafeBytes { buffer in g_bytes_new(buffer.baseAddress, gsize(buffer.count)) }
        defer { g_bytes_unref(bytes) }
        let document: OpaquePointer?
        if let password {
            // Not poppler_document_new_from_bytes: in poppler 22.12 a password that does not open the document
            // makes it retry on `dynamic_cast<BytesStream *>(str->copy())`, which is NULL (the copy is a plain
            // MemStream), and it crashes. The memory-stream route copies its stream correctly.
            let stream = g_memory_input_stream_new_from_bytes(bytes)
            defer { g_object_unref(stream) }
            document = password.withCString {
                poppler_document_new_from_stream(stream, goffset(data.count), $0, nil, &error)
            }
        } else {
            document = poppler_document_new_from_bytes(bytes, nil, &error)
        }
        guard let document else { throw PopplerOpenFailure.take(&error) }
        g_clear_error(&error)
        handle = document
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
    }

    /// The number of pages.
    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// The document information dictionary and XMP values poppler exposes, by name.
    func metadata() -> [String: String] {
        var result: [String: String] = [:]
        let strings: [(String, (OpaquePointer) -> UnsafeMutablePointer<gchar>?)] = [
            ("title", poppler_document_get_title), ("author", poppler_document_get_author),
            ("subject", poppler_document_get_subject), ("keywords", poppler_document_get_keywords),
            ("creator", poppler_document_get_creator), ("producer", poppler_document_get_producer),
            ("pdfVersion", poppler_document_get_pdf_version_string),
        ]
        for (name, getter) in strings {
            guard let value = getter(handle) else { continue }
            let text = String(cString: value).trimmingCharacters(in: .whitespacesAndNewlines)
            g_free(value)
            if !text.isEmpty { result[name] = text }
        }
        let dates: [(String, time_t)] = [
            ("creationDate", poppler_document_get_creation_date(handle)),
            ("modificationDate", poppler_document_get_modification_date(handle)),
        ]
        for (name, seconds) in dates where seconds > 0 {
            result[name] = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
        }
        result["pageCount"] = String(pageCount)
        return result
    }

    /// Reads one page's text, character boxes and font runs.
    /// - Parameter index: the page index, 0-based.
    /// - Returns: the page, or `nil` when poppler cannot load it.
    func pageContent(at index: Int) -> PDFPageContent? {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return nil }
        let owner = PopplerPage(handle: page)
        return owner.content(number: index + 1)
    }

    /// The embedded files, each read up to a size limit.
    /// - Parameter maxBytes: the largest attachment read; larger ones are reported, not read.
    func embeddedFiles(maxBytes: Int) -> [PDFEmbeddedFile] {
        guard poppler_document_has_attachments(handle) != 0 else { return [] }
        guard let list = poppler_document_get_attachments(handle) else { return [] }
        defer { g_list_free_full(list) { g_object_unref($0) } }
        var files: [PDFEmbeddedFile] = []
        var cursor: UnsafeMutablePointer<GList>? = list
        var index = 0
        while let node = cursor {
            defer { cursor = node.pointee.next }
            index += 1
            guard let attachment = node.pointee.data?.assumingMemoryBound(to: PopplerAttachment.self) else { continue }
            let name = poppler_attachment_get_name(attachment).map { String(cString: $0) } ?? "attachment-\(index)"
            let description = poppler_attachment_get_description(attachment).map { String(cString: $0) }
            let sink = AttachmentSink(limit: maxBytes)
            var error: UnsafeMutablePointer<GError>?
            let context = Unmanaged.passRetained(sink)
            let saved = poppler_attachment_save_to_callback(attachment, { buffer, count, userData, _ in
                guard let userData else { return 0 }
                let sink = Unmanaged<AttachmentSink>.fromOpaque(userData).takeUnretainedValue()
                return sink.append(buffer, count: Int(count)) ? 1 : 0
            }, context.toOpaque(), &error)
            context.release()
            let failure = PopplerOpenFailure.message(&error)
            files.append(PDFEmbeddedFile(
                name: name, description: description, data: saved != 0 ? sink.data : nil,
                failure: saved != 0 ? nil : (sink.overLimit ? "larger than \(maxBytes) bytes" : failure ?? "unreadable")))
        }
        return files
    }
}

/// Owns one poppler page.
private struct PopplerPage: ~Copyable {
    let handle: OpaquePointer

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
    }

    func content(number: Int) -> PDFPageContent {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(handle, &width, &height)
        var text = ""
        if let raw = poppler_page_get_text(handle) {
            text = String(cString: raw)
            g_free(raw)
        }
        var boxes: [PDFCharacterBox] = []
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        if poppler_page_get_text_layout(handle, &rectangles, &count) != 0, let rectangles {
            boxes.reserveCapacity(Int(count))
            for index in 0..<Int(count) {
                let rectangle = rectangles[index]
                boxes.append(PDFCharacterBox(x1: rectangle.x1, y1: rectangle.y1, x2: rectangle.x2, y2: rectangle.y2))
            }
        }
        g_free(rectangles)
        var runs: [PDFFontRun] = []
        if let attributes = poppler_page_get_text_attributes(handle) {
            var cursor: UnsafeMutablePointer<GList>? = attributes
            while let node = cursor {
                cursor = node.pointee.next
                guard let raw = node.pointee.data else { continue }
                let attribute = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                runs.append(PDFFontRun(
                    fontName: attribute.font_name.map { String(cString: $0) } ?? "",
                    fontSize: attribute.font_size, start: Int(attribute.start_index), end: Int(attribute.end_index)))
            }
            poppler_page_free_text_attributes(attributes)
        }
        return PDFPageContent(number: number, width: width, height: height, text: text, boxes: boxes, runs: runs)
    }
}

/// Collects an attachment's bytes from poppler's callback, up to a limit.
private final class AttachmentSink {
    let limit: Int
    var data = Data()
    var overLimit = false

    init(limit: Int) { self.limit = limit }

    func append(_ buffer: UnsafePointer<gchar>?, count: Int) -> Bool {
        guard let buffer else { return count == 0 }
        guard data.count + count <= limit else {
            overLimit = true
            return false
        }
        buffer.withMemoryRebound(to: UInt8.self, capacity: count) { data.append($0, count: count) }
        return true
    }
}

private func withOptionalCString<Result>(
    _ string: String?, _ body: (UnsafePointer<CChar>?) -> Result
) -> Result {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
