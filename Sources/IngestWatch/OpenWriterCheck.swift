#if canImport(Glibc)
    import Glibc
#endif

/// Asks the kernel whether a file is still open for writing by anyone, so a writer that pauses longer than the
/// settle time is not read half-way.
///
/// Linux grants a read lease (`fcntl(F_SETLEASE, F_RDLCK)`) only while no process has the file open for writing;
/// the lease is released at once. The kernel grants leases to the file's owner (or with `CAP_LEASE`) on local file
/// systems only: anywhere else the answer is "unknown" and the settle time alone decides.
enum OpenWriterCheck {
    /// What the kernel said.
    enum Answer: Sendable, Equatable {
        /// No process has the file open for writing.
        case closed
        /// Some process has the file open for writing.
        case openForWriting
        /// The kernel cannot tell (not the owner, a network file system, not Linux).
        case unknown
    }

    /// Whether the regular file at `path` is open for writing.
    static func check(_ path: String) -> Answer {
        #if canImport(Glibc)
            // F_SETLEASE is Linux-specific (F_LINUX_SPECIFIC_BASE + 0); Glibc's headers hide it without _GNU_SOURCE.
            let setLease: Int32 = 1024
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { return .unknown }
            defer { close(descriptor) }
            guard fcntl(descriptor, setLease, Int32(F_RDLCK)) == 0 else {
                return errno == EAGAIN ? .openForWriting : .unknown
            }
            _ = fcntl(descriptor, setLease, Int32(F_UNLCK))
            return .closed
        #else
            return .unknown
        #endif
    }

    /// Whether any of `paths` is open for writing.
    static func anyOpenForWriting(_ paths: [String]) -> Bool {
        paths.contains { check($0) == .openForWriting }
    }
}
