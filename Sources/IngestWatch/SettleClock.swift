/// Decides when an entry of the watched folder may be taken: once it is complete (closed after writing, moved in,
/// or seen changed by a scan) and nothing has happened to it for the settle time.
///
/// Every activity restarts the entry's clock, so a writer that closes and reopens the file (appending in chunks)
/// keeps it waiting. A value: the watcher's loop owns it alone.
struct SettleClock {
    /// How long an entry must be quiet.
    var settle: Duration

    private var entries: [String: Entry] = [:]
    private var sequence: UInt64 = 0

    private struct Entry {
        /// When the entry may be taken, if it stays quiet.
        var due: ContinuousClock.Instant
        /// Whether a change that may finish it was seen.
        var complete: Bool
        /// Breaks ties between equal due times: first noted, first taken.
        var order: UInt64
    }

    /// Creates a clock.
    init(settle: Duration) {
        self.settle = settle
    }

    /// The number of entries waiting (complete or not).
    var count: Int { entries.count }

    /// Notes activity on an entry: its clock restarts at `time`.
    /// - Parameters:
    ///   - name: the entry.
    ///   - complete: whether the change may finish it; once complete, an entry stays complete until taken.
    ///   - time: when it happened.
    mutating func noteActivity(_ name: String, complete: Bool, at time: ContinuousClock.Instant) {
        let due = time + settle
        if var entry = entries[name] {
            entry.due = max(entry.due, due)
            entry.complete = entry.complete || complete
            entries[name] = entry
        } else {
            sequence += 1
            entries[name] = Entry(due: due, complete: complete, order: sequence)
        }
    }

    /// Makes an entry complete and due at `time`, whatever was noted before (a retry after a failure to store or
    /// to move, or after a writer that still had the file open).
    mutating func schedule(_ name: String, at time: ContinuousClock.Instant) {
        sequence += 1
        entries[name] = Entry(due: time, complete: true, order: entries[name]?.order ?? sequence)
    }

    /// Forgets an entry (it was deleted or moved out).
    mutating func remove(_ name: String) {
        entries[name] = nil
    }

    /// Removes and returns the entries that are complete and due at `now`, earliest first.
    /// - Parameters:
    ///   - now: the time.
    ///   - busy: entries being processed: they stay until their job is done.
    ///   - limit: the most entries returned.
    mutating func takeDue(at now: ContinuousClock.Instant, excluding busy: Set<String>, limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        let due =
            entries
            .filter { $0.value.complete && $0.value.due <= now && !busy.contains($0.key) }
            .sorted { ($0.value.due, $0.value.order) < ($1.value.due, $1.value.order) }
            .prefix(limit)
            .map(\.key)
        for name in due { entries[name] = nil }
        return due
    }

    /// The earliest time a complete entry that is not busy becomes due, if any.
    func nextDue(excluding busy: Set<String>) -> ContinuousClock.Instant? {
        entries.lazy.filter { $0.value.complete && !busy.contains($0.key) }.map(\.value.due).min()
    }
}
