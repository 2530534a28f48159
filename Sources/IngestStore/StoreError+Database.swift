import GRDB

extension StoreError {
    /// A database error as the user should read it.
    /// - Parameters:
    ///   - error: what GRDB threw.
    ///   - path: the store's path.
    ///   - doing: the verb for the message ("open", "read", "write to").
    init(_ error: any Error, path: String, doing: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self.init(message: "cannot \(doing) the store at \(path) (\(error))")
            return
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(
                message: "the store at \(path) is busy: another ingest has been writing to it for 10 s",
                advice: "try again when the other run is done")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self.init(
                message: "\(path) is not an ingest store (\(error.message ?? "not a database"))",
                advice: "use another path with --store PATH")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            self.init(
                message: "cannot \(doing) the store at \(path) (\(error.message ?? "permission denied"))",
                advice: "check that the file and its folder are writable")
        case .SQLITE_FULL:
            self.init(message: "the disk holding \(path) is full", advice: "free some space and try again")
        default:
            self.init(message: "cannot \(doing) the store at \(path) (\(error.message ?? "\(error.resultCode)"))")
        }
    }
}
