/// Why an input could not be extracted, and what the user can do about it.
///
/// Extensible like swift-nio's errors: a ``Code`` says what kind of failure it is (for scripts and tests), the
/// ``message`` says what happened to which file and the ``advice`` what to do next.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible, Codable {
        /// A short, stable name ("encrypted", "unsupported-type").
        public var name: String

        /// Creates a code; extractors may define their own.
        public init(_ name: String) { self.name = name }

        /// The name.
        public var description: String { name }

        /// The file does not exist.
        public static let fileNotFound = Code("file-not-found")
        /// The file exists but cannot be read.
        public static let unreadable = Code("unreadable")
        /// The file has no content.
        public static let emptyFile = Code("empty-file")
        /// No registered extractor takes the detected type.
        public static let unsupportedType = Code("unsupported-type")
        /// `--extractor` named an extractor that is not registered.
        public static let unknownExtractor = Code("unknown-extractor")
        /// The forced extractor cannot read this input.
        public static let extractorMismatch = Code("extractor-mismatch")
        /// The document is encrypted and no (or a wrong) password was given.
        public static let encrypted = Code("encrypted")
        /// The content is damaged or not what its type promises.
        public static let damaged = Code("damaged")
        /// The text cannot be decoded in any supported encoding.
        public static let undecodableText = Code("undecodable-text")
        /// The input exceeds a configured limit.
        public static let limitExceeded = Code("limit-exceeded")
        /// The output could not be written.
        public static let outputFailed = Code("output-failed")
    }

    /// The kind of failure.
    public var code: Code
    /// The input the failure concerns, as the user named it.
    public var path: String
    /// What happened.
    public var message: String
    /// What the user can do about it.
    public var advice: String?

    /// Creates an error.
    public init(code: Code, path: String, message: String, advice: String? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.advice = advice
    }

    /// "path: message (advice)", ready for stderr.
    public var description: String {
        var text = "\(path): \(message)"
        if let advice { text += ": \(advice)" }
        return text
    }

    /// The file does not exist.
    public static func fileNotFound(path: String) -> IngestError {
        IngestError(code: .fileNotFound, path: path, message: "no such file", advice: "check the path")
    }

    /// The file cannot be read.
    public static func unreadable(path: String, reason: String) -> IngestError {
        IngestError(code: .unreadable, path: path, message: "cannot read file (\(reason))",
                    advice: "check that it is a readable regular file")
    }

    /// The file is empty.
    public static func emptyFile(path: String) -> IngestError {
        IngestError(code: .emptyFile, path: path, message: "file is empty (0 bytes)",
                    advice: "check that the file was copied completely")
    }

    /// The input is larger than a limit allows.
    public static func tooLarge(path: String, bytes: Int, limit: Int) -> IngestError {
        IngestError(code: .limitExceeded, path: path, message: "file is \(bytes) bytes, over the limit of \(limit)",
                    advice: "raise the limit with --max-file-size if the file is trusted")
    }
}
