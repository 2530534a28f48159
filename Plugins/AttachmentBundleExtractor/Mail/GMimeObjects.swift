internal import CGMime
import Foundation

/// Initialises GMime exactly once per process.
enum GMimeLibrary {
    /// Swift runs a static initialiser once, thread-safely, the first time it is read.
    private static let initialised: Bool = {
        g_mime_init()
        return true
    }()

    /// Makes sure `g_mime_init()` has run; cheap after the first call.
    static func ensureInitialised() {
        _ = initialised
    }
}

/// Owns one GMime memory stream (`GMimeStreamMem`): a growable in-memory byte buffer.
struct GMimeMemoryStream: ~Copyable {
    /// The stream; borrowed by callers for the duration of one call, never kept.
    let handle: UnsafeMutablePointer<GMimeStream>

    /// Creates an empty stream.
    init?() {
        GMimeLibrary.ensureInitialised()
        guard let stream = g_mime_stream_mem_new() else { return nil }
        handle = stream
    }

    /// Creates a stream holding a copy of `data` (GMime copies the buffer).
    init?(copying data: Data) {
        GMimeLibrary.ensureInitialised()
        let stream = data.withUnsafeBytes { buffer -> UnsafeMutablePointer<GMimeStream>? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return g_mime_stream_mem_new() }
            return g_mime_stream_mem_new_with_buffer(base.assumingMemoryBound(to: CChar.self), buffer.count)
        }
        guard let stream else { return nil }
        handle = stream
    }

    deinit {
        g_object_unref(handle)
    }

    /// A copy of the bytes written to the stream so far.
    var bytes: Data {
        let memory = UnsafeMutableRawPointer(handle).assumingMemoryBound(to: GMimeStreamMem.self)
        guard let array = g_mime_stream_mem_get_byte_array(memory), let base = array.pointee.data else { return Data() }
        return Data(bytes: base, count: Int(array.pointee.len))
    }
}

/// Collects the issues GMime's parser reports through its warning callback.
final class GMimeParserIssues {
    /// One reported issue: GMime's `GMimeParserWarning` code and the item it concerns.
    private(set) var issues: [(code: UInt32, item: String)] = []

    func record(code: UInt32, item: String) {
        // A hostile message can repeat the same defect many times: keep a bounded sample.
        guard issues.count < 1_000 else { return }
        issues.append((code, item))
    }
}

/// Owns a parsed message with the parser options it was parsed with (header values may be parsed lazily with
/// them, so they live as long as the message). Headers and parts are copied into Swift values; no pointer leaves
/// this type and its extension in `GMimeMessage+Parts.swift`.
struct GMimeParsedMessage: ~Copyable {
    /// Why a message could not be parsed.
    enum Failure: Error {
        /// GMime could not allocate a stream, parser or options.
        case outOfResources(String)
        /// The bytes hold no message: GMime found no header block.
        case noMessage
    }

    /// The message; borrowed by the part walk for the duration of one call.
    let message: UnsafeMutablePointer<GMimeMessage>
    private let options: OpaquePointer
    private let issueCollector: GMimeParserIssues

    /// Parses one RFC 5322 message from memory.
    /// - Parameter data: the raw message.
    /// - Throws: ``Failure`` when GMime finds no message or cannot allocate.
    init(parsing data: Data) throws(Failure) {
        GMimeLibrary.ensureInitialised()
        guard let options = g_mime_parser_options_new() else { throw .outOfResources("parser options") }
        let collector = GMimeParserIssues()
        // Raw 8-bit header bytes: UTF-8 when valid, else Windows-1252 (a superset of ISO-8859-1's printables).
        withFallbackCharsets { g_mime_parser_options_set_fallback_charsets(options, $0) }
        g_mime_parser_options_set_warning_callback(
            options,
            { _, code, item, userData in
                guard let userData else { return }
                let collector = Unmanaged<GMimeParserIssues>.fromOpaque(userData).takeUnretainedValue()
                collector.record(code: code.rawValue, item: item.map { String(cString: $0) } ?? "")
            }, Unmanaged.passUnretained(collector).toOpaque())
        guard let stream = GMimeMemoryStream(copying: data) else {
            g_mime_parser_options_free(options)
            throw .outOfResources("memory stream")
        }
        guard let parser = g_mime_parser_new_with_stream(stream.handle) else {
            g_mime_parser_options_free(options)
            throw .outOfResources("parser")
        }
        let parsed = g_mime_parser_construct_message(parser, options)
        g_object_unref(parser)
        guard let parsed else {
            g_mime_parser_options_free(options)
            throw .noMessage
        }
        self.message = parsed
        self.options = options
        self.issueCollector = collector
    }

    deinit {
        g_object_unref(message)
        g_mime_parser_options_free(options)
    }

    /// The issues the parser reported so far (parsing, and header values read since).
    var issues: [(code: UInt32, item: String)] { issueCollector.issues }

    /// The decoded Subject header.
    var subject: String? {
        g_mime_message_get_subject(message).map { String(cString: $0) }
    }

    /// The From addresses as displayed, or the decoded raw header when it holds no parsable address.
    var from: String? {
        let addresses = Self.displayAddresses(g_mime_message_get_from(message))
        if !addresses.isEmpty { return addresses.joined(separator: ", ") }
        let object = UnsafeMutableRawPointer(message).assumingMemoryBound(to: GMimeObject.self)
        guard let raw = g_mime_object_get_header(object, "From") else { return nil }
        let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The To addresses as displayed; group members are listed one by one, an empty group adds nothing.
    var to: [String] {
        Self.displayAddresses(g_mime_message_get_to(message))
    }

    /// The Date header, when present and parsable.
    var date: Date? {
        guard let dateTime = g_mime_message_get_date(message) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(g_date_time_to_unix(dateTime)))
    }

    /// "Name <address>", or the bare address when there is no name or the name is the address; groups flattened.
    private static func displayAddresses(_ list: UnsafeMutablePointer<InternetAddressList>?, depth: Int = 0) -> [String]
    {
        guard let list, depth < 4 else { return [] }
        var result: [String] = []
        let count = internet_address_list_length(list)
        guard count > 0 else { return [] }
        for index in 0..<count {
            guard let address = internet_address_list_get_address(list, index) else { continue }
            let instance = UnsafeMutableRawPointer(address).assumingMemoryBound(to: GTypeInstance.self)
            if g_type_check_instance_is_a(instance, internet_address_group_get_type()) != 0 {
                let group = UnsafeMutableRawPointer(address).assumingMemoryBound(to: InternetAddressGroup.self)
                result += displayAddresses(internet_address_group_get_members(group), depth: depth + 1)
                continue
            }
            guard g_type_check_instance_is_a(instance, internet_address_mailbox_get_type()) != 0 else { continue }
            let mailbox = UnsafeMutableRawPointer(address).assumingMemoryBound(to: InternetAddressMailbox.self)
            let name =
                internet_address_get_name(address).map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let email = internet_address_mailbox_get_addr(mailbox).map { String(cString: $0) } ?? ""
            switch (name.isEmpty, email.isEmpty) {
            case (true, true): continue
            case (false, true): result.append(name)
            case (true, false): result.append(email)
            case (false, false) where name.caseInsensitiveCompare(email) == .orderedSame: result.append(email)
            case (false, false): result.append("\(name) <\(email)>")
            }
        }
        return result
    }
}

/// Calls `body` with a NULL-terminated list of GMime's fallback charsets for undeclared 8-bit text.
private func withFallbackCharsets(_ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> Void) {
    let names: [StaticString] = ["UTF-8", "windows-1252"]
    var pointers: [UnsafePointer<CChar>?] = names.map {
        UnsafeRawPointer($0.utf8Start).assumingMemoryBound(to: CChar.self)
    }
    pointers.append(nil)
    pointers.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        body(base)
    }
}
