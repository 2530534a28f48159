/// Decides when an entry of the watched folder may be taken: once it is complete (closed after writing, moved in,
/// or seen changed by a scan) and nothing has happened to it for the settle time.
///
/// Every activity restarts the entry's clock, so a writer that closes and reopens the file (appending in chunks)
/// keeps it waiting. A value: the watcher's loop owns it alone. Due times sit in a min-heap, so taking the next
/// entries costs O(log n) each however many wait (a folder of 10,000 files at start); a heap item whose entry has
/// since changed or gone is stale and skipped when it comes up.
struct SettleClock {
    /// How long an entry must be quiet.
    var settle: Duration

    private var entries: [String: Entry] = [:]
    private var heap = DueHeap()
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
        guard var entry = entries[name] else {
            sequence += 1
            entries[name] = Entry(due: due, complete: complete, order: sequence)
            if complete { heap.push(DueHeap.Item(due: due, order: sequence, name: name)) }
            return
        }
        let changed = due > entry.due || (complete && !entry.complete)
        entry.due = max(entry.due, due)
        entry.complete = entry.complete || complete
        entries[name] = entry
        if changed && entry.complete { heap.push(DueHeap.Item(due: entry.due, order: entry.order, name: name)) }
    }

    /// Makes an entry complete and due at `time`, whatever was noted before (a retry after a failure to store or
    /// to move, or after a writer that still had the file open).
    mutating func schedule(_ name: String, at time: ContinuousClock.Instant) {
        let order: UInt64
        if let existing = entries[name] {
            order = existing.order
        } else {
            sequence += 1
            order = sequence
        }
        entries[name] = Entry(due: time, complete: true, order: order)
        heap.push(DueHeap.Item(due: time, order: order, name: name))
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
        var taken: [String] = []
        var waiting: [DueHeap.Item] = []
        while taken.count < limit, let top = heap.first, top.due <= now {
            heap.removeFirst()
            guard isCurrent(top) else { continue }
            if busy.contains(top.name) {
                waiting.append(top)
            } else {
                entries[top.name] = nil
                taken.append(top.name)
            }
        }
        for item in waiting { heap.push(item) }
        return taken
    }

    /// The earliest time a complete entry that is not busy becomes due, if any.
    mutating func nextDue(excluding busy: Set<String>) -> ContinuousClock.Instant? {
        var waiting: [DueHeap.Item] = []
        defer { for item in waiting { heap.push(item) } }
        while let top = heap.first {
            if !isCurrent(top) {
                heap.removeFirst()
            } else if busy.contains(top.name) {
                waiting.append(heap.removeFirst())
            } else {
                return top.due
            }
        }
        return nil
    }

    /// Whether a heap item still stands for its entry's current due time.
    private func isCurrent(_ item: DueHeap.Item) -> Bool {
        guard let entry = entries[item.name] else { return false }
        return entry.complete && entry.due == item.due && entry.order == item.order
    }
}

/// A binary min-heap of due times, earliest (then first noted) on top.
struct DueHeap {
    /// One entry's due time.
    struct Item {
        var due: ContinuousClock.Instant
        var order: UInt64
        var name: String

        func precedes(_ other: Item) -> Bool {
            (due, order) < (other.due, other.order)
        }
    }

    private var items: [Item] = []

    /// The earliest item.
    var first: Item? { items.first }

    /// The number of items, stale ones included.
    var count: Int { items.count }

    /// Adds an item.
    mutating func push(_ item: Item) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].precedes(items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest item; the heap must not be empty.
    @discardableResult
    mutating func removeFirst() -> Item {
        let first = items[0]
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count && items[left].precedes(items[smallest]) { smallest = left }
            if right < items.count && items[right].precedes(items[smallest]) { smallest = right }
            guard smallest != parent else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
