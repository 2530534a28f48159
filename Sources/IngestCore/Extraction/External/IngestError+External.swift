extension IngestError.Code {
    /// An out-of-process extractor was terminated by a signal.
    public static let extractorCrashed = IngestError.Code("extractor-crashed")
    /// An out-of-process extractor ran longer than its timeout.
    public static let extractorTimedOut = IngestError.Code("extractor-timed-out")
    /// An out-of-process extractor wrote something that is not a minutes document, or too much.
    public static let extractorOutputInvalid = IngestError.Code("extractor-output-invalid")
    /// An out-of-process extractor failed without saying why, or could not be started.
    public static let extractorFailed = IngestError.Code("extractor-failed")
}
