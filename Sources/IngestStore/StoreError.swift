/// Why the store could not do what was asked, and what the user can do about it.
///
/// ``message`` says what happened ("search syntax error near '\"'"), ``advice`` what to do next ("quote phrases in
/// pairs, or drop the special characters"). ``description`` joins them for stderr.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public var message: String
    /// What the user can do about it.
    public var advice: String?

    /// Creates an error.
    /// - Parameters:
    ///   - message: what happened.
    ///   - advice: what to do next, if there is something to say.
    public init(message: String, advice: String? = nil) {
        self.message = message
        self.advice = advice
    }

    /// "message: advice", ready for stderr.
    public var description: String {
        guard let advice else { return message }
        return "\(message): \(advice)"
    }

    /// There is no store file at `path` (and the caller asked not to create one).
    /// - Parameter path: the store's path as the user gave it.
    public static func missing(path: String) -> StoreError {
        StoreError(message: "no store at \(path)", advice: "ingest files with --store \(path) first")
    }
}
