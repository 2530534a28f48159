internal import CPoppler

/// Why poppler could not open a document, read from its `GError` (which is freed here).
struct PopplerOpenFailure: Error, Sendable {
    /// What kind of failure the error domain and code say it is.
    enum Kind: Sendable {
        case encrypted, damaged, missingFile, other
    }

    var kind: Kind
    /// Poppler's (or GLib's) own message.
    var message: String

    /// Takes the error out of a `GError*` and frees it.
    static func take(_ error: inout UnsafeMutablePointer<GError>?) -> PopplerOpenFailure {
        guard let pointer = error else { return PopplerOpenFailure(kind: .other, message: "unknown error") }
        defer { g_clear_error(&error) }
        let message = pointer.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let domain = pointer.pointee.domain
        let code = pointer.pointee.code
        if domain == poppler_error_quark() {
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                return PopplerOpenFailure(kind: .encrypted, message: message)
            }
            return PopplerOpenFailure(kind: .damaged, message: message)
        }
        if domain == g_file_error_quark() { return PopplerOpenFailure(kind: .missingFile, message: message) }
        return PopplerOpenFailure(kind: .other, message: message)
    }

    /// The message of a `GError*` from a call that is not fatal, freeing it.
    static func message(_ error: inout UnsafeMutablePointer<GError>?) -> String? {
        guard let pointer = error else { return nil }
        defer { g_clear_error(&error) }
        return pointer.pointee.message.map { String(cString: $0) }
    }
}
